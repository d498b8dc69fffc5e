/**
 * HTTP hardening: strict CSP and the other helmet headers, cookies, and in-memory rate limits (per app node;
 * the key is a salted hash of the client address, so no address is kept even in memory).
 */
import { createHash, randomBytes } from 'node:crypto'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { RateLimitedError } from '../error-handler.js'

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

async function securityPlugin(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(cookie)
  await app.register(helmet, {
    // Our own header (one source of truth for the policy, also used for the nonce variant on HTML).
    contentSecurityPolicy: false,
    hsts: options.isSecureOrigin ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  })
  const csp = contentSecurityPolicy({ isSecureOrigin: options.isSecureOrigin })
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('content-security-policy', csp)
    void reply.header('permissions-policy', 'camera=(self), geolocation=(), microphone=(), payment=()')
  })

  const salt = randomBytes(16)
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  })
}

export const security = fp(securityPlugin, { name: 'netra-security' })
