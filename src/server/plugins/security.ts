/**
 * HTTP hardening: strict CSP and the other helmet headers, cookies, and in-memory rate limits (per app node;
 * the key is a salted hash of the client address, so no address is kept even in memory).
 *
 * helmet's header values are computed once at start (they are static) and set by one synchronous hook, instead of
 * running helmet's middleware chain on every request (~10 µs each); see docs/decisions/0006-request-overhead.md.
 */
import { createHash, randomBytes } from 'node:crypto'
import cookie from '@fastify/cookie'
import helmet, { type HelmetOptions } from 'helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { RateLimitedError } from '../error-handler.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The web app's built files (plugins/spa.ts). Those under /assets/ (hashed, immutable, cached by browsers) are
     * outside the per-client request limit: a refused script leaves a blank page where a refused API call shows its
     * message, and officers behind one office address would share the limit with every first visit's dozen files.
     * Other paths (probes for /.env, /wp-login.php …) stay counted.
     */
    staticFiles?: boolean
  }
}

export interface SecurityOptions {
  readonly isSecureOrigin: boolean
  readonly rateLimitPerMinute: number
}

/** CSP for every response; HTML documents add a per-response style nonce (see plugins/spa.ts). */
export function contentSecurityPolicy(options: { isSecureOrigin: boolean; styleNonce?: string }): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", ...(options.styleNonce ? [`'nonce-${options.styleNonce}'`] : [])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['media-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
  ]
  if (options.isSecureOrigin) directives.push(['upgrade-insecure-requests'])
  return directives.map((parts) => parts.join(' ')).join('; ')
}

/** The headers helmet would set on every response, collected once by running its middleware on a stub. */
export function helmetHeaders(helmetOptions: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  let finished = false
  helmet(helmetOptions)({} as never, response as never, () => {
    finished = true
  })
  if (!finished) throw new Error('helmet did not finish synchronously')
  return headers
}

async function securityPlugin(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  // Cookies are parsed only where a session is looked up (plugins/authorize.ts), not on every request.
  await app.register(cookie, { hook: false })
  const staticHeaders = {
    ...helmetHeaders({
      // Our own header (one source of truth for the policy, also used for the nonce variant on HTML).
      contentSecurityPolicy: false,
      hsts: options.isSecureOrigin ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
    'content-security-policy': contentSecurityPolicy({ isSecureOrigin: options.isSecureOrigin }),
    'permissions-policy': 'camera=(self), geolocation=(), microphone=(), payment=()',
  }
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(staticHeaders).header('x-request-id', request.id)
    done()
  })

  const salt = randomBytes(16)
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
    allowList: (request) =>
      request.routeOptions.config.staticFiles === true && request.url.startsWith('/assets/'),
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  })
}

export const security = fp(securityPlugin, { name: 'netra-security' })
