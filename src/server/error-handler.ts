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
  // --- elections and working-day calendar (issue #3) ---
  'election.not_found': 404,
  'election.dates_invalid': 422,
  'election.region_invalid': 422,
  'election.party_not_found': 404,
  'election.party_ballot_number_taken': 409,
  'election.party_in_use': 409,
  'election.candidate_not_found': 404,
  'election.candidate_ballot_number_taken': 409,
  'election.candidate_office_invalid': 422,
  'election.coalition_invalid': 422,
  'election.hashtag_invalid': 422,
  'calendar.entry_not_found': 404,
  'calendar.entry_exists': 409,
  'calendar.already_holiday': 409,
  'calendar.not_a_holiday': 422,
  'calendar.date_invalid': 422,
  'calendar.working_days_invalid': 422,
  // --- end elections and calendar ---
  // --- units and employees (issue #3) ---
  'unit.not_found': 404,
  'unit.code_taken': 409,
  'unit.parent_invalid': 422,
  'unit.parent_inactive': 422,
  'unit.move_cycle': 422,
  'unit.region_code_unknown': 422,
  'unit.head_invalid': 422,
  'employee.not_found': 404,
  'employee.nip_invalid': 422,
  'employee.nip_mismatch': 422,
  'employee.nik_invalid': 422,
  'employee.field_required': 422,
  'employee.field_invalid': 422,
  'employee.nip_taken': 409,
  'employee.unit_invalid': 422,
  'employee.unit_inactive': 422,
  'employee.superior_invalid': 422,
  'employee.superior_cycle': 422,
  'employee.social_account_not_found': 404,
  'employee.social_account_taken': 409,
  // --- end units and employees ---
  // --- employee import and export (issue #3) ---
  'import.file_unreadable': 422,
  'import.not_found': 404,
  'import.in_progress': 409,
  'import.file_expired': 409,
  // --- end employee import and export ---
  // --- pledges (issue #4) ---
  'pledge.template_not_found': 404,
  'pledge.template_modified': 409,
  'pledge.template_archived': 409,
  'pledge.campaign_not_found': 404,
  'pledge.campaign_not_draft': 409,
  'pledge.campaign_already_open': 409,
  'pledge.campaign_not_open': 409,
  'pledge.campaign_dates_invalid': 422,
  'pledge.election_invalid': 422,
  'pledge.target_invalid': 422,
  'pledge.target_empty': 422,
  'pledge.target_not_found': 404,
  'pledge.code_invalid': 404,
  'pledge.code_used': 409,
  'pledge.code_locked': 423,
  'pledge.window_closed': 409,
  'pledge.identity_mismatch': 422,
  'pledge.name_mismatch': 422,
  'pledge.signature_image_invalid': 422,
  'pledge.already_signed': 409,
  'pledge.signature_not_found': 404,
  'pledge.already_revoked': 409,
  'pledge.verification_not_found': 404,
  'pledge.receipt_pending': 409,
  'receipt.not_a_pdf': 415,
  // --- end pledges ---
  // --- events (issue #4) ---
  'event.not_found': 404,
  'event.file_not_found': 404,
  'event.attendance_not_found': 404,
  'event.dates_invalid': 422,
  'event.election_invalid': 422,
  'event.leader_invalid': 422,
  'event.apel_only': 422,
  'event.status_invalid': 409,
  'event.cancelled': 409,
  'event.record_signed': 409,
  'event.already_signed': 409,
  'event.already_checked_in': 409,
  'event.check_in_token_invalid': 404,
  'event.check_in_token_expired': 409,
  'event.identity_mismatch': 422,
  'event.card_token_invalid': 422,
  'event.sheet_no_nip_column': 422,
  'event.quiz_not_found': 404,
  'event.quiz_invalid': 422,
  'event.quiz_locked': 409,
  'event.quiz_answers_invalid': 422,
  'event.quiz_already_answered': 409,
  'event.quiz_ticket_invalid': 404,
  'event.quiz_ticket_expired': 409,
  // --- end events ---
  // --- receipt signing certificates (issue #4) ---
  'certificate.not_found': 404,
  'certificate.not_pkcs12': 415,
  'certificate.password_wrong': 422,
  'certificate.unreadable': 422,
  'certificate.contents_invalid': 422,
  'certificate.key_unsupported': 422,
  'certificate.expired': 422,
  'certificate.not_yet_valid': 422,
  // --- intake (issue #5) ---
  'report.not_found': 404,
  'report.file_type_unsupported': 415,
  'report.file_too_large': 413,
  'report.file_empty': 422,
  'report.image_unreadable': 422,
  'report.too_many_files': 422,
  // intake: staff inbox and reveal requests
  'report.status_invalid': 409,
  'report.duplicate_invalid': 422,
  'report.employee_invalid': 422,
  'report.file_not_found': 404,
  'report.reveal_not_confidential': 409,
  'report.reveal_pending': 409,
  'report.reveal_not_found': 404,
  'report.reveal_not_pending': 409,
  'report.reveal_self_approval': 409,
  // end intake: staff inbox
  // intake: API for other channels
  'intake.key_invalid': 401,
  'intake.key_not_found': 404,
  'intake.key_already_revoked': 409,
  'intake.idempotency_conflict': 409,
  // end intake: API for other channels
  // --- end receipt signing certificates ---
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
