/**
 * Every failure the product can explain carries a stable code `area.snake_reason`. The server maps codes to
 * HTTP statuses in one table (src/server/error-handler.ts); the web translates `errors.<code>`.
 */
export const requestErrorCodes = [
  'request.invalid',
  'request.malformed',
  'request.too_large',
  'request.unsupported_media_type',
  'request.rate_limited',
  'route.not_found',
  'internal',
] as const

export const authErrorCodes = [
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.csrf_invalid',
  'auth.second_factor_required',
  'auth.password_change_required',
  'auth.totp_invalid',
  'auth.totp_already_enabled',
  'auth.totp_not_started',
  'auth.password_weak',
  'auth.current_password_incorrect',
  'auth.account_disabled',
] as const

export const userErrorCodes = [
  'user.not_found',
  'user.username_taken',
  'user.role_invalid',
  'user.cannot_change_self',
] as const

export const agencyErrorCodes = ['agency.not_found', 'agency.slug_taken'] as const

export type RequestErrorCode = (typeof requestErrorCodes)[number]
export type AuthErrorCode = (typeof authErrorCodes)[number]
export type UserErrorCode = (typeof userErrorCodes)[number]
export type AgencyErrorCode = (typeof agencyErrorCodes)[number]
export type ErrorCode = RequestErrorCode | AuthErrorCode | UserErrorCode | AgencyErrorCode

export const errorCodes: readonly ErrorCode[] = [
  ...requestErrorCodes,
  ...authErrorCodes,
  ...userErrorCodes,
  ...agencyErrorCodes,
]

/** JSON-safe details: what the client needs to explain or fix the problem, never internals. */
export type ErrorDetails = Record<string, unknown>

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code)
    this.name = 'DomainError'
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError
