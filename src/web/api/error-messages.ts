/**
 * Turns error codes into words. The server sends `{ error: { code, details } }`; the sentence comes from
 * `errors.<code>` in the user's language, and `request.invalid` issues become messages next to their fields.
 * Client-side checks with the shared zod schemas produce the same issue shape, so both read alike.
 */
import { i18next, translateIfKnown } from '../i18n/i18n'
import type { ApiError } from './client'

export interface FieldIssue {
  readonly path: readonly (string | number)[]
  readonly code: string
  readonly minimum?: number
  readonly maximum?: number
  readonly format?: string
  readonly origin?: string
}

/** Per-field wording that beats the generic one: `{ username: { invalid_format: '…' } }`. */
export type FieldMessageOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>

const t = i18next.t.bind(i18next)

/** How long to wait, in words: `45 detik`, `3 menit`, `2 jam`. */
export function formatWait(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return t('common.duration.a_moment')
  if (seconds < 60) return t('common.duration.seconds', { count: Math.ceil(seconds) })
  if (seconds < 3600) return t('common.duration.minutes', { count: Math.ceil(seconds / 60) })
  return t('common.duration.hours', { count: Math.ceil(seconds / 3600) })
}

/** One sentence for an error: what went wrong and, where possible, what to do. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case 'auth.throttled':
      return t('errors.auth.throttled', { wait: formatWait(error.retryAfterSeconds) })
    case 'request.rate_limited':
      return t('errors.request.rate_limited', { wait: formatWait(error.retryAfterSeconds) })
    default:
      return translateIfKnown(`errors.${error.code}`, t('errors.unknown', { code: error.code }))
  }
}

const passwordProblemKeys = {
  too_short: 'validation.password.too_short',
  too_long: 'validation.password.too_long',
  contains_username: 'validation.password.contains_username',
  too_common: 'validation.password.too_common',
  repetitive: 'validation.password.repetitive',
  same_as_current: 'validation.password.same_as_current',
} as const

const isPasswordProblem = (value: unknown): value is keyof typeof passwordProblemKeys =>
  typeof value === 'string' && value in passwordProblemKeys

/** For `auth.password_weak`: each refused rule explained (`problems` in the details). */
export function passwordProblemMessages(error: ApiError): string[] {
  const problems = Array.isArray(error.details.problems) ? (error.details.problems as unknown[]) : []
  return problems.filter(isPasswordProblem).map((problem) => t(passwordProblemKeys[problem]))
}

/** The message for one validation issue. */
export function issueMessage(issue: FieldIssue, overrides: FieldMessageOverrides = {}): string {
  const field = typeof issue.path[0] === 'string' ? issue.path[0] : ''
  const override = overrides[field]?.[issue.code]
  if (override) return override
  switch (issue.code) {
    case 'required':
    case 'invalid_type':
      return t('validation.issue.required')
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.issue.too_few', { count: issue.minimum ?? 1 })
      if (issue.origin === 'number') return t('validation.issue.number_too_small', { minimum: issue.minimum })
      return (issue.minimum ?? 1) <= 1
        ? t('validation.issue.required')
        : t('validation.issue.too_short', { count: issue.minimum ?? 1 })
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.issue.too_many', { count: issue.maximum ?? 0 })
      if (issue.origin === 'number') return t('validation.issue.number_too_big', { maximum: issue.maximum })
      return t('validation.issue.too_long', { count: issue.maximum ?? 0 })
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.issue.email') : t('validation.issue.format')
    case 'invalid_value':
      return t('validation.issue.choice')
    default:
      return t('validation.issue.invalid')
  }
}

export interface FieldErrors {
  /** Messages keyed by form field (the first path segment of each issue). */
  readonly byField: Record<string, string>
  /** Issues that matched no field on the form (shown in the form-level alert). */
  readonly unmatched: number
}

/** Groups issues by the form's fields; the first issue of a field wins. */
export function fieldErrorsOf(
  issues: readonly FieldIssue[],
  fields: readonly string[],
  overrides: FieldMessageOverrides = {},
): FieldErrors {
  const byField: Record<string, string> = {}
  let unmatched = 0
  for (const issue of issues) {
    const field = issue.path[0]
    if (typeof field === 'string' && fields.includes(field)) {
      byField[field] ??= issueMessage(issue, overrides)
    } else {
      unmatched += 1
    }
  }
  return { byField, unmatched }
}

function asIssue(value: unknown): FieldIssue | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  if (!Array.isArray(record.path) || typeof record.code !== 'string') return null
  const path = (record.path as unknown[]).filter(
    (part): part is string | number => typeof part === 'string' || typeof part === 'number',
  )
  const numberOf = (key: string) => {
    const value = record[key]
    return typeof value === 'number' ? value : undefined
  }
  const stringOf = (key: string) => {
    const value = record[key]
    return typeof value === 'string' ? value : undefined
  }
  const minimum = numberOf('minimum')
  const maximum = numberOf('maximum')
  const format = stringOf('format')
  const origin = stringOf('origin')
  return {
    path,
    code: record.code,
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(origin !== undefined ? { origin } : {}),
  }
}

/** The issues of a `request.invalid` answer (or of a client-side zod check: same fields). */
export function issuesOf(source: ApiError | { readonly issues: readonly unknown[] }): FieldIssue[] {
  const raw = 'details' in source ? source.details.issues : source.issues
  if (!Array.isArray(raw)) return []
  return (raw as unknown[]).map(asIssue).filter((issue): issue is FieldIssue => issue !== null)
}
