/**
 * Default-deny authorization. Every route names a policy in `config.policy`; this hook resolves the session
 * cookie (never for `public` routes), asks `decide()` from src/domain/access.ts, and enforces CSRF on
 * cookie-authenticated mutations (synchronizer token in the `x-csrf-token` header, bound to the session).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { decide, isPolicyName, type Actor, type PolicyName } from '../../domain/access.js'
import { DomainError } from '../../domain/errors.js'
import type { AuthService, ResolvedSession } from '../../features/auth/auth.service.js'
import type { ChannelKeyPrincipal } from '../../features/reports/intake-channels.service.js'
import { constantTimeEqual } from '../../platform/random.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which policy guards the route (src/domain/access.ts). Missing or unknown → every request is denied. */
    policy?: PolicyName
    /** `reporter`: log neither client IP nor user agent nor the concrete URL (reporter safety). */
    privacy?: 'reporter'
    /** Set false only where a forged cross-site request cannot hurt (logout). */
    csrf?: boolean
  }
  interface FastifyRequest {
    actor: Actor | null
    authSession: ResolvedSession | null
    /** The channel API key of an `intake.channel_key` route (intake API, issue #5). */
    channelKey: ChannelKeyPrincipal | null
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface AuthorizeOptions {
  readonly auth: AuthService
  readonly cookieName: string
  /** Checks the bearer API key of `intake.channel_key` routes (intake API for other channels, issue #5). */
  readonly channelKeys?: { authenticate(authorization: string | undefined): Promise<ChannelKeyPrincipal> }
}

export interface RouteRecord {
  readonly method: string
  readonly url: string
  readonly policy: unknown
}

const registries = new WeakMap<FastifyInstance, RouteOptions[]>()

/**
 * Every route of the app with the policy it ends up with (read after registration: scope hooks such as
 * markRoutesPublic may stamp a policy after this plugin saw the route). The route-policy test enumerates this.
 */
export function registeredRoutes(app: FastifyInstance): RouteRecord[] {
  return (registries.get(app) ?? []).flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      policy: route.config?.policy,
    })),
  )
}

async function authorizePlugin(app: FastifyInstance, options: AuthorizeOptions): Promise<void> {
  const registry: RouteOptions[] = []
  registries.set(app, registry)
  app.decorateRequest('actor', null)
  app.decorateRequest('authSession', null)
  app.decorateRequest('channelKey', null)

  // Synchronous for public routes (no session lookup, no promise); the rest resolves the session.
  const authorizeRequest = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const policy = request.routeOptions.config.policy
    if (!isPolicyName(policy))
      return done(new DomainError('auth.forbidden', { reason: 'route_without_policy' }))
    if (policy === 'public') return done()
    // intake API for other channels: a bearer API key, never the session cookie (so no CSRF either); every missing,
    // unknown or revoked key is the same 401 intake.key_invalid.
    // Never return the promise: Fastify would take the hook for an async one and go on a second time when it
    // settles (the handler ran twice per request).
    if (policy === 'intake.channel_key') {
      authorizeChannelKey(request).then(() => done(), done)
      return
    }
    authorizeSession(request, reply, policy).then(() => done(), done)
  }

  // Added to each route's own onRequest hooks, after the rate limiter's (registered earlier), so throttling
  // comes before any session lookup and counts unauthenticated requests too.
  app.addHook('onRoute', (route) => {
    registry.push(route)
    const existing = route.onRequest ? [route.onRequest].flat() : []
    // HEAD routes are copied from their GET route after this hook ran on it: add the check once.
    if (!existing.includes(authorizeRequest)) {
      route.onRequest = [...existing, authorizeRequest] as typeof route.onRequest
    }
  })

  async function authorizeChannelKey(request: FastifyRequest): Promise<void> {
    if (!options.channelKeys) throw new DomainError('auth.forbidden')
    request.channelKey = await options.channelKeys.authenticate(request.headers.authorization)
  }

  async function authorizeSession(
    request: FastifyRequest,
    reply: FastifyReply,
    policy: PolicyName,
  ): Promise<void> {
    const token = request.headers.cookie
      ? app.parseCookie(request.headers.cookie)[options.cookieName]
      : undefined
    let expired = false
    if (token) {
      const lookup = await options.auth.resolveSession(token)
      if (lookup.kind === 'valid') {
        request.authSession = lookup.session
        request.actor = lookup.session.actor
      } else {
        expired = lookup.kind === 'expired'
        void reply.clearCookie(options.cookieName, { path: '/' })
      }
    }

    switch (decide(policy, request.actor)) {
      case 'allow':
        break
      case 'unauthenticated':
        throw new DomainError('auth.unauthenticated', expired ? { reason: 'session_expired' } : {})
      case 'second_factor_required':
        throw new DomainError('auth.second_factor_required')
      case 'password_change_required':
        throw new DomainError('auth.password_change_required')
      case 'forbidden':
        throw new DomainError('auth.forbidden')
    }

    if (
      !safeMethods.has(request.method) &&
      request.routeOptions.config.csrf !== false &&
      request.authSession
    ) {
      const header = request.headers['x-csrf-token']
      const sent = Array.isArray(header) ? header[0] : header
      if (!sent || !constantTimeEqual(sent, request.authSession.csrfToken))
        throw new DomainError('auth.csrf_invalid')
    }
  }
}

export const authorize = fp(authorizePlugin, { name: 'netra-authorize', dependencies: ['@fastify/cookie'] })

/** The signed-in actor of a route guarded by any non-public policy. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('auth.unauthenticated')
  return request.actor
}

export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (!request.authSession) throw new DomainError('auth.unauthenticated')
  return request.authSession
}

/** The channel API key of a route guarded by `intake.channel_key`. */
export function channelKeyOf(request: FastifyRequest): ChannelKeyPrincipal {
  if (!request.channelKey) throw new DomainError('intake.key_invalid')
  return request.channelKey
}
