import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { sessionOf } from '../../server/plugins/authorize.js'
import type { AuthService } from './auth.service.js'
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  SessionView,
  TotpConfirmBody,
  TotpSetupView,
} from './auth.schema.js'

export interface AuthRoutesDeps {
  readonly auth: AuthService
  readonly cookie: { readonly name: string; readonly secure: boolean; readonly maxAgeSeconds: number }
  readonly loginRateLimitPerMinute: number
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesDeps> = async (
  app,
  { auth, cookie, loginRateLimitPerMinute },
) => {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookie.name, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    })

  app.post(
    '/auth/login',
    {
      config: { policy: 'public', rateLimit: { max: loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username, password and (for staff) a TOTP code',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const outcome = await auth.login(request.body)
      switch (outcome.kind) {
        case 'totp_required':
          return { totpRequired: true as const }
        case 'enrolment_required':
          setSessionCookie(reply, outcome.token)
          return { totpEnrolmentRequired: true as const, session: outcome.session }
        case 'signed_in':
          setSessionCookie(reply, outcome.token)
          return outcome.session
      }
    },
  )

  app.post(
    '/auth/logout',
    {
      config: { policy: 'session.any', csrf: false },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await auth.logout(sessionOf(request))
      return reply.clearCookie(cookie.name, { path: '/' }).status(204).send(null)
    },
  )

  app.get(
    '/auth/session',
    {
      config: { policy: 'session.any' },
      schema: { tags: ['auth'], summary: 'The current session', response: { 200: SessionView } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return auth.describeSession(sessionOf(request))
    },
  )

  app.post(
    '/auth/totp/setup',
    {
      config: { policy: 'session.any' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a new secret and its QR code',
        response: { 200: TotpSetupView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return auth.startTotpEnrolment(sessionOf(request))
    },
  )

  app.post(
    '/auth/totp/confirm',
    {
      config: { policy: 'session.any', rateLimit: { max: loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code',
        body: TotpConfirmBody,
        response: { 200: SessionView },
      },
    },
    async (request) => auth.confirmTotpEnrolment(sessionOf(request), request.body.code),
  )

  app.post(
    '/auth/password',
    {
      config: { policy: 'account.self', rateLimit: { max: loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (other sessions end; a temporary password stops being one)',
        body: ChangePasswordBody,
        response: { 200: SessionView },
      },
    },
    async (request) => auth.changePassword(sessionOf(request), request.body),
  )
}
