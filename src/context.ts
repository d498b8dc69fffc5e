/**
 * The composition root shared by the HTTP server and the CLI: database, clock, logger and every feature service.
 * Tests build the same context over a throw-away database (test/support/test-context.ts).
 */
import { createHash } from 'node:crypto'
import type { Config } from './config.js'
import type { Clock } from './domain/clock.js'
import { createDatabase, type DatabaseHandle } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { createAgenciesService } from './features/agencies/agencies.service.js'
import { createAuditService } from './features/audit/audit.service.js'
import { createAuthService } from './features/auth/auth.service.js'
import { createUsersService } from './features/auth/users.service.js'
// elections and working-day calendar
import { createCalendarService } from './features/calendar/calendar.service.js'
import { createElectionsService } from './features/elections/elections.service.js'
// roster: units and employees
import { createEmployeesService } from './features/employees/employees.service.js'
import { createRegionsService } from './features/units/regions.service.js'
import { createUnitsService } from './features/units/units.service.js'
// employee import and export
import path from 'node:path'
import { createEmployeeExportService } from './features/employees/export.service.js'
import { createEmployeeImportService } from './features/employees/import.service.js'
// pledges (issue #4)
import {
  createPledgeReceiptsService,
  registerPledgeReceiptJobs,
} from './features/pledges/pledge-receipts.service.js'
import { createReceiptRenderer, type ReceiptRenderer } from './features/receipts/receipts.render-pool.js'
import { createEvidenceStore } from './features/reports/evidence/evidence-files.js'
import { createConfigKeyProvider } from './features/reports/report-crypto.js'
import { createPublicReportsService } from './features/reports/reports-public.service.js'
// intake: staff inbox and reveal requests (issue #5)
import { linkHashKeyFrom } from './features/reports/report-links.js'
import { createReportRevealService } from './features/reports/report-reveal.service.js'
import { createStaffReportsService } from './features/reports/reports-staff.service.js'
// intake API for other channels (issue #5)
import { createIntakeChannelsService } from './features/reports/intake-channels.service.js'
import { createPledgesService } from './features/pledges/pledges.service.js'
import { createPledgeStaffService } from './features/pledges/pledge-staff.service.js'
// events (issue #4)
import { createEventAttendanceService } from './features/events/event-attendance.service.js'
import { createEventCheckInService } from './features/events/event-check-in.service.js'
import { createEventFilesService } from './features/events/event-files.service.js'
import { createEventQuizService } from './features/events/event-quiz.service.js'
import { createEventReportsService } from './features/events/event-reports.service.js'
import { createEventsService } from './features/events/events.service.js'
import {
  createNotificationsService,
  registerNotificationJobs,
} from './features/notifications/notifications.service.js'
import { systemClock } from './platform/clock.js'
import { createLogger, type Logger } from './platform/logger.js'
import { createJobQueue } from './platform/jobs/index.js'
import type { JobQueue } from './platform/jobs/job-queue.js'
import { createMailer, type Mailer } from './platform/mail/mailer.js'
import { createSealer } from './platform/sealer.js'
// receipt signing certificates (issue #4)
import {
  createSigningCertificatesService,
  signingCertificateSealerPurpose,
} from './features/agencies/signing-certificates.service.js'
// WhatsApp gateway (issue #4)
import { createWhatsAppSender } from './platform/whatsapp/whatsapp.js'

export interface AppContext {
  readonly config: Config
  readonly database: DatabaseHandle
  readonly clock: Clock
  readonly logger: Logger
  readonly services: Services
  /** Background jobs; registered here, started by the server (main.ts) only. */
  readonly jobs: JobQueue
  readonly mailer: Mailer
  close(): Promise<void>
}

export type Services = Awaited<ReturnType<typeof createServices>>

export async function createServices(deps: {
  database: DatabaseHandle
  clock: Clock
  config: Config
  logger: Logger
  mailer: Mailer
  /** Services that queue work inside their own transactions (pledge receipts) take the queue here. */
  jobs: JobQueue
  /** Receipt PDFs, drawn on worker threads. */
  receiptRenderer: ReceiptRenderer
}) {
  const { database, clock, config, logger, mailer, jobs, receiptRenderer } = deps
  const db = database.db
  if (!config.sessionSecret) throw new Error('SESSION_SECRET is required (loadConfig generates one)')
  const totpSealer = await createSealer(config.sessionSecret, 'totp')
  // WhatsApp gateway (issue #4): disabled without WHATSAPP_GATEWAY_URL (then no WhatsApp message is queued)
  const whatsApp = createWhatsAppSender({
    gatewayUrl: config.whatsapp.gatewayUrl,
    token: config.whatsapp.token,
  })
  const agencies = createAgenciesService({ db, clock })
  // intake (issue #5): report texts and evidence encrypted under per-agency keys from the report master key
  const reportMasterKey = config.reportMasterKey
    ? Buffer.from(config.reportMasterKey, 'base64')
    : createHash('sha256').update(`netra:report-master:${config.sessionSecret}`).digest()
  const reportKeys = await createConfigKeyProvider(reportMasterKey)
  // Both stateless: one instance serves the public form, the staff inbox and the channel API.
  const publicReports = createPublicReportsService({ db, clock, keys: reportKeys })
  const evidence = createEvidenceStore({ dir: path.join(config.dataDir, 'evidence') })
  // receipt signing certificates (issue #4): the P12 and its passphrase sealed under their own purpose
  const receiptCertificates = createSigningCertificatesService({
    db,
    clock,
    sealer: await createSealer(config.sessionSecret, signingCertificateSealerPurpose),
  })
  return {
    agencies,
    audit: createAuditService({ db }),
    auth: createAuthService({ db, clock, totpSealer, sessionPolicy: config.session }),
    users: createUsersService({ db, clock }),
    notifications: createNotificationsService({ db, clock, mailer, logger, whatsApp }),
    // elections and working-day calendar
    elections: createElectionsService({ db, clock }),
    calendar: createCalendarService({ db, clock }),
    // roster: units and employees
    units: createUnitsService({ db, clock }),
    regions: createRegionsService({ agencies }),
    employees: createEmployeesService({ db, clock }),
    // employee import and export
    employeeImports: createEmployeeImportService({
      db,
      pool: database.pool,
      clock,
      uploadDir: path.join(config.dataDir, 'imports'),
      logger,
    }),
    employeeExports: createEmployeeExportService({ db, clock }),
    // pledges (issue #4)
    pledges: createPledgesService({
      db,
      clock,
      serverSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
      isWhatsAppEnabled: whatsApp.isConfigured,
      jobs,
    }),
    pledgeStaff: createPledgeStaffService({ db, clock, publicUrl: config.publicUrl }),
    pledgeReceipts: createPledgeReceiptsService({
      db,
      clock,
      publicUrl: config.publicUrl,
      logger,
      certificates: receiptCertificates,
      renderer: receiptRenderer,
    }),
    receiptCertificates,
    // events (issue #4)
    events: createEventsService({ db, clock }),
    eventAttendance: createEventAttendanceService({
      db,
      clock,
      serverSecret: config.sessionSecret,
      fileDir: path.join(config.dataDir, 'events'),
    }),
    eventCheckIn: createEventCheckInService({
      db,
      clock,
      serverSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
    }),
    eventFiles: createEventFilesService({ db, clock, fileDir: path.join(config.dataDir, 'events') }),
    eventQuiz: createEventQuizService({ db, clock, serverSecret: config.sessionSecret }),
    eventReports: createEventReportsService({ db }),
    // intake (issue #5)
    publicReports,
    evidence,
    // intake: staff inbox and reveal requests (issue #5); link hashes keyed from the report master key material
    reportsStaff: createStaffReportsService({
      db,
      clock,
      keys: reportKeys,
      evidence,
      linkHashKey: linkHashKeyFrom(reportMasterKey),
    }),
    reportReveal: createReportRevealService({ db, clock, keys: reportKeys }),
    // intake API for other channels (issue #5)
    intakeChannels: createIntakeChannelsService({
      db,
      clock,
      reports: publicReports,
      perKeyPerMinute: config.rateLimit.perMinute,
    }),
  }
}

export interface CreateContextOptions {
  readonly clock?: Clock
  readonly logger?: Logger
  readonly database?: DatabaseHandle
  /** Apply pending migrations before building services (default true). */
  readonly migrate?: boolean
  /** PostgreSQL: schema for pg-boss's tables (default `pgboss`). */
  readonly pgBossSchema?: string
}

/** Registers the recurring jobs of every feature (nothing runs until `jobs.start()`). */
async function registerJobs(jobs: JobQueue, services: Services): Promise<void> {
  await registerNotificationJobs(jobs, services.notifications)
  await registerPledgeReceiptJobs(jobs, services.pledgeReceipts)
  await jobs.register('auth.purge_sessions', async () => {
    await services.auth.purgeEndedSessions()
  })
  await jobs.schedule('auth.purge_sessions', '17 3 * * *')
}

export async function createContext(config: Config, options: CreateContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const database = options.database ?? createDatabase(config.database)
  const clock = options.clock ?? systemClock
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(database.db)
      if (applied.length > 0) logger.info({ applied }, 'database migrated')
    }
    const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from })
    const jobs = createJobQueue(database, {
      logger,
      clock,
      ...(options.pgBossSchema ? { pgBossSchema: options.pgBossSchema } : {}),
    })
    const receiptRenderer = createReceiptRenderer(
      config.receiptRenderThreads === undefined ? {} : { threads: config.receiptRenderThreads },
    )
    const services = await createServices({ database, clock, config, logger, mailer, jobs, receiptRenderer })
    await registerJobs(jobs, services)
    return {
      config,
      database,
      clock,
      logger,
      services,
      jobs,
      mailer,
      async close() {
        // Imports running in the background finish (or roll back) first: they hold the database.
        await services.employeeImports.whenIdle()
        // Jobs stop before the database closes: running handlers still need it.
        await jobs.stop()
        await receiptRenderer.close()
        mailer.close()
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
