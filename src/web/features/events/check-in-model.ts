/**
 * Pure pieces of the check-in pages: what the public page says for each answer of the server, how the NIP is
 * cleaned, and when the screen asks for the next rotating code.
 */
import type { ApiError } from '../../api/client'

export type CheckInProblem =
  'expired' | 'invalid' | 'already_checked_in' | 'identity_mismatch' | 'rate_limited' | 'network' | 'other'

/** The public page's wording for a failed check-in (keys under `events.check_in.problem`). */
export function checkInProblemOf(error: ApiError): CheckInProblem {
  switch (error.code) {
    case 'event.check_in_token_expired':
      return 'expired'
    case 'event.check_in_token_invalid':
    case 'event.not_found':
    case 'event.cancelled':
      return 'invalid'
    case 'event.already_checked_in':
      return 'already_checked_in'
    case 'event.identity_mismatch':
      return 'identity_mismatch'
    case 'request.rate_limited':
      return 'rate_limited'
    case 'client.network':
      return 'network'
    case 'request.invalid':
      // The token itself failed the shape check (a mistyped URL): the NIP and date are checked before sending.
      return 'invalid'
    default:
      return 'other'
  }
}

/** The moment of an earlier check-in when the server tells it (`details.checkedInAt`). */
export function earlierCheckInOf(error: ApiError): string | null {
  const value = error.details.checkedInAt
  return typeof value === 'string' ? value : null
}

/** Digits only (people paste NIPs with spaces): `19800101 200501 1 001` → `198001012005011001`. */
export const cleanNip = (value: string) => value.replace(/\D/g, '')

export const isNip = (value: string) => /^\d{18}$/.test(value)

/**
 * The attendance code as the server reads it (see event-tokens.ts): upper case, spaces and dashes dropped, O read as
 * 0 and I or L as 1.
 */
export const cleanAttendanceCode = (value: string) =>
  value.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')

/** 8 characters of the code alphabet (Crockford base 32: digits and letters without I, L, O, U). */
export const isAttendanceCode = (cleaned: string) => /^[0-9A-HJKMNP-TV-Z]{8}$/.test(cleaned)

/**
 * Milliseconds until the screen fetches the next code: a little before the current one rotates (the previous code
 * stays valid one more period, so a phone that scanned it just before is still fine), never sooner than 1 s.
 */
export function refreshDelayMs(rotatesInSeconds: number): number {
  return Math.max(1, rotatesInSeconds - 1) * 1000
}
