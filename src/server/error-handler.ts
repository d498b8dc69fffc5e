/**
 * The only place that knows HTTP statuses. Every error leaves as `{ error: { code, details } }`; validation
 * failures are 400 `request.invalid` with field issues; anything unexpected is 500 `internal`, logged with the
 * request id and nothing else revealed.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { ZodError } from 'zod'
import { DomainError, type ErrorCode, type ErrorDetails } from '../domain/errors.js'

export const statusByCode = {
  'request.invalid': 400,
  'request.malformed': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'request.rate_limited': 429,
  'route.not_found': 404,
  internal: 500,
  'auth.invalid_credentials': 401,
  'auth.throttled': 429,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.csrf_invalid': 403,
  'auth.second_factor_required': 403,
  'auth.password_change_required': 403,
  'auth.totp_invalid': 422,
  'auth.totp_already_enabled': 409,
  'auth.totp_not_started': 409,
  'auth.password_weak': 422,
  'auth.current_password_incorrect': 422,
  'auth.account_disabled': 403,
  'user.not_found': 404,
  'user.username_taken': 409,
  'user.role_invalid': 422,
  'user.cannot_change_self': 409,
  'agency.not_found': 404,
  'agency.slug_taken': 409,
} as const satisfies Record<ErrorCode, number> // a new code without a status fails to compile

export interface ErrorBody {
  error: { code: ErrorCode; details: ErrorDetails }
}

export const errorBody = (code: ErrorCode, details: ErrorDetails = {}): ErrorBody => ({
  error: { code, details },
})

/** Rate-limit rejections from @fastify/rate-limit are built as this error (see plugins/security.ts). */
export class RateLimitedError extends Error {
  readonly statusCode = 429
  constructor(readonly retryAfterSeconds: number) {
    super('request.rate_limited')
    this.name = 'RateLimitedError'
  }
}

/** Fastify's own request errors, by their FST_ codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'request.unsupported_media_type',
}

type Issue = { location: string; path: (string | number)[]; code: string } & Record<string, unknown>

// Issue parameters that help a client explain the problem; the offending input itself is never echoed.
const issueParams = ['minimum', 'maximum', 'expected', 'keys', 'format', 'origin', 'values'] as const

function pickParams(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of issueParams) {
    const value = source[key]
    if (value === undefined) continue
    out[key] = typeof value === 'bigint' ? Number(value) : value
  }
  return out
}

function zodIssues(error: ZodError, location: string): Issue[] {
  return error.issues.map((issue) => ({
    location,
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    code: issue.code,
    ...pickParams(issue as unknown as Record<string, unknown>),
  }))
}

interface Classified {
  readonly status: number
  readonly body: ErrorBody
  readonly retryAfterSeconds?: number
}

export function classifyError(error: unknown): Classified {
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds
    return {
      status: statusByCode[error.code],
      body: errorBody(error.code, error.details),
      ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
    }
  }
  if (error instanceof RateLimitedError) {
    return {
      status: 429,
      body: errorBody('request.rate_limited', { retryAfterSeconds: error.retryAfterSeconds }),
      retryAfterSeconds: error.retryAfterSeconds,
    }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as { validationContext?: string }).validationContext ?? 'body'
    const issues: Issue[] = error.validation.map((v) => ({
      location,
      path: v.instancePath.split('/').filter(Boolean),
      code: v.keyword,
      ...pickParams(v.params),
    }))
    return { status: 400, body: errorBody('request.invalid', { issues }) }
  }
  if (error instanceof ZodError)
    return { status: 400, body: errorBody('request.invalid', { issues: zodIssues(error, 'body') }) }

  const fastifyError = error as Partial<FastifyError> | undefined
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500
  const known = fastifyError?.code ? fastifyCodes[fastifyError.code] : undefined
  if (known) return { status: statusByCode[known], body: errorBody(known) }
  if (error instanceof SyntaxError && status === 400)
    return { status: 400, body: errorBody('request.malformed') }
  if (status === 413) return { status, body: errorBody('request.too_large') }
  if (status === 415) return { status, body: errorBody('request.unsupported_media_type') }
  if (status === 404) return { status, body: errorBody('route.not_found') }
  if (status >= 400 && status < 500) return { status, body: errorBody('request.malformed') }
  return { status: 500, body: errorBody('internal') }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const classified = classifyError(error)
    if (classified.status >= 500) {
      request.log.error({ err: error }, 'unhandled error')
    } else {
      request.log.debug({ code: classified.body.error.code }, 'request rejected')
    }
    if (classified.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(classified.retryAfterSeconds))
    return reply.status(classified.status).type('application/json; charset=utf-8').send(classified.body)
  })
}
