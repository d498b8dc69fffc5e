/**
 * buildApp(context) → a ready FastifyInstance. Never listens (main.ts does), so tests drive it with inject().
 */
import { randomUUID } from 'node:crypto'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { appVersion } from '../config.js'
import type { AppContext } from '../context.js'
import { agenciesRoutes } from '../features/agencies/agencies.routes.js'
import { signingCertificatesRoutes } from '../features/agencies/signing-certificates.routes.js'
import { auditRoutes } from '../features/audit/audit.routes.js'
import { authRoutes } from '../features/auth/auth.routes.js'
import { usersRoutes } from '../features/auth/users.routes.js'
// elections and working-day calendar
import { calendarRoutes } from '../features/calendar/calendar.routes.js'
import { electionsRoutes } from '../features/elections/elections.routes.js'
// roster: units and employees
import { employeesRoutes } from '../features/employees/employees.routes.js'
import { unitsRoutes } from '../features/units/units.routes.js'
import { regionsRoutes } from '../features/units/regions.routes.js'
import { publicReportsRoutes } from '../features/reports/reports-public.routes.js'
// intake: staff inbox and reveal requests (issue #5)
import { reportRevealRoutes } from '../features/reports/report-reveal.routes.js'
import { staffReportsRoutes } from '../features/reports/reports-staff.routes.js'
// intake API for other channels (issue #5)
import { intakeChannelsRoutes } from '../features/reports/intake-channels.routes.js'
// employee import and export
import { employeeExportRoutes } from '../features/employees/export.routes.js'
import { employeeImportRoutes } from '../features/employees/import.routes.js'
import { healthRoutes } from '../features/health/health.routes.js'
// pledges (issue #4)
import { pledgeReceiptRoutes } from '../features/pledges/pledge-receipts.routes.js'
import { pledgesRoutes } from '../features/pledges/pledges.routes.js'
import { pledgeStaffRoutes } from '../features/pledges/pledge-staff.routes.js'
// events (issue #4)
import { eventsRoutes } from '../features/events/events.routes.js'
import { errorBody, registerErrorHandler } from './error-handler.js'
import { authorize } from './plugins/authorize.js'
import { openApi } from './plugins/openapi.js'
import { requestLogging } from './plugins/request-logging.js'
import { security } from './plugins/security.js'
import { registerSpa, type Spa } from './plugins/spa.js'

export interface BuildAppOptions {
  /** Directory of the built SPA (dist/web). Without it only the API is served. */
  readonly webRoot?: string
  /** Extra routes registered under /api before the app is sealed (tests use it for probe routes). */
  readonly extraApiRoutes?: (api: FastifyInstance) => Promise<void> | void
}

const forwardedRequestId = /^[A-Za-z0-9._:-]{1,100}$/

/** Default JSON body limit; routes that accept uploads raise their own. */
export const defaultBodyLimit = 1_048_576

export const sessionCookieName = (isSecureOrigin: boolean): string =>
  isSecureOrigin ? '__Host-netra_session' : 'netra_session'

/** Extensions of files a browser or a scanner asks for; a path ending in one is never answered with the page. */
const fileExtension =
  /\.(?:[cm]?js|css|map|json|html?|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|txt|xml|webmanifest|pdf|wasm|env|ya?ml|tsx?|php|aspx?|bak|zip|gz|sql)$/i

export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config, services } = context
  const cookieName = sessionCookieName(config.isSecureOrigin)

  // Typed as Fastify's logger interface so plugins see the default logger type.
  const loggerInstance: FastifyBaseLogger = context.logger
  const app = Fastify({
    loggerInstance,
    // Fastify's own per-request lines would include client addresses; plugins/request-logging.ts writes ours.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    bodyLimit: defaultBodyLimit,
    trustProxy: config.server.trustProxy,
    // A request id from the load balancer is kept when it looks like one (no log injection), else a fresh UUID.
    requestIdHeader: false,
    genReqId: (raw) => {
      const forwarded = raw.headers['x-request-id']
      return typeof forwarded === 'string' && forwardedRequestId.test(forwarded) ? forwarded : randomUUID()
    },
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()

  // The API speaks JSON (uploads add multipart on their own routes); anything else is 415, not a parsed string.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)

  await app.register(security, {
    isSecureOrigin: config.isSecureOrigin,
    rateLimitPerMinute: config.rateLimit.perMinute,
  })
  await app.register(requestLogging)
  // Before any route exists, so every route (API docs and static files included) gets its policy check.
  await app.register(authorize, {
    auth: services.auth,
    cookieName,
    // intake API for other channels (issue #5): bearer API keys of `intake.channel_key` routes
    channelKeys: services.intakeChannels,
  })
  await app.register(openApi, { version: appVersion, cookieName })

  await app.register(
    async (api) => {
      await api.register(healthRoutes, {
        dialect: context.database.dialect,
        version: appVersion,
        ping: () => context.database.ping(),
      })
      await api.register(
        async (v1) => {
          await v1.register(authRoutes, {
            auth: services.auth,
            cookie: {
              name: cookieName,
              secure: config.isSecureOrigin,
              maxAgeSeconds: config.session.absoluteHours * 3600,
            },
            loginRateLimitPerMinute: config.rateLimit.loginPerMinute,
          })
          await v1.register(usersRoutes, { users: services.users })
          await v1.register(agenciesRoutes, { agencies: services.agencies })
          // receipt signing certificate of an agency (issue #4)
          await v1.register(signingCertificatesRoutes, { certificates: services.receiptCertificates })
          await v1.register(auditRoutes, { audit: services.audit })
          // elections and working-day calendar
          await v1.register(electionsRoutes, { elections: services.elections })
          await v1.register(calendarRoutes, { calendar: services.calendar })
          // roster: units and employees
          await v1.register(unitsRoutes, { units: services.units })
          await v1.register(regionsRoutes, { regions: services.regions })
          await v1.register(employeesRoutes, { employees: services.employees })
          // employee import and export
          await v1.register(employeeImportRoutes, { imports: services.employeeImports })
          await v1.register(employeeExportRoutes, { exports: services.employeeExports })
          // pledges (issue #4)
          await v1.register(pledgesRoutes, {
            pledges: services.pledges,
            publicRateLimitPerMinute: config.rateLimit.perMinute,
          })
          await v1.register(pledgeStaffRoutes, { pledgeStaff: services.pledgeStaff })
          await v1.register(pledgeReceiptRoutes, {
            receipts: services.pledgeReceipts,
            publicRateLimitPerMinute: config.rateLimit.perMinute,
          })
          // events (issue #4)
          await v1.register(eventsRoutes, {
            events: services.events,
            attendance: services.eventAttendance,
            checkIn: services.eventCheckIn,
            files: services.eventFiles,
            quiz: services.eventQuiz,
            reports: services.eventReports,
            publicRateLimitPerMinute: config.rateLimit.perMinute,
          })
          // intake (issue #5)
          await v1.register(publicReportsRoutes, {
            reports: services.publicReports,
            evidence: services.evidence,
            publicRateLimitPerMinute: config.rateLimit.perMinute,
          })
          // intake: staff inbox and reveal requests (issue #5)
          await v1.register(staffReportsRoutes, { reports: services.reportsStaff })
          await v1.register(reportRevealRoutes, { reveal: services.reportReveal })
          // intake API for other channels (issue #5)
          await v1.register(intakeChannelsRoutes, {
            channels: services.intakeChannels,
            evidence: services.evidence,
          })
        },
        { prefix: '/v1' },
      )
      if (options.extraApiRoutes) await options.extraApiRoutes(api)
    },
    { prefix: '/api' },
  )

  let spa: Spa | undefined
  if (options.webRoot)
    spa = await registerSpa(app, { root: options.webRoot, isSecureOrigin: config.isSecureOrigin })

  app.setNotFoundHandler(
    { preHandler: app.rateLimit({ max: config.rateLimit.perMinute, timeWindow: 60_000 }) },
    (request, reply) => {
      const pathname = request.url.split('?')[0] ?? ''
      const isApi = pathname === '/api' || pathname.startsWith('/api/')
      // A missing file (`/assets/x.js`, `/.env`) is a 404, never the page: a browser must not run HTML as a script.
      // Only names with a file extension count: page paths may carry dotted tokens (`/hadir/<payload>.<mac>`).
      const name = pathname.slice(pathname.lastIndexOf('/') + 1)
      const isFile = name.startsWith('.') || fileExtension.test(name)
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi && !isFile
      if (wantsPage && spa) return spa.sendIndex(reply)
      return reply.status(404).send(errorBody('route.not_found'))
    },
  )

  await app.ready()
  return app
}
