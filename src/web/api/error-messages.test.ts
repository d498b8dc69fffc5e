import { describe, expect, it } from 'vitest'
import { CreateUserBody } from '../../features/auth/users.schema'
import { ApiError } from './client'
import {
  describeError,
  fieldErrorsOf,
  formatWait,
  issueMessage,
  issuesOf,
  passwordProblemMessages,
} from './error-messages'

// The helpers translate with the default language, Indonesian.

describe('describeError', () => {
  it('says how long to wait after too many sign-in attempts', () => {
    const error = new ApiError(429, 'auth.throttled', { retryAfterSeconds: 290 })
    expect(describeError(error)).toContain('tunggu 5 menit')
  })

  it('translates a known code', () => {
    expect(describeError(new ApiError(403, 'auth.account_disabled'))).toMatch(/dinonaktifkan/)
  })

  it('names the code of an error it has no words for', () => {
    expect(describeError(new ApiError(418, 'teapot.short_and_stout'))).toContain('teapot.short_and_stout')
  })
})

describe('formatWait', () => {
  it.each([
    [null, 'beberapa saat'],
    [30, '30 detik'],
    [61, '2 menit'],
    [3600, '1 jam'],
    [7200, '2 jam'],
  ])('words %s seconds as %s', (seconds, words) => {
    expect(formatWait(seconds)).toBe(words)
  })
})

describe('passwordProblemMessages', () => {
  it('explains each refused rule and skips unknown ones', () => {
    const error = new ApiError(422, 'auth.password_weak', {
      problems: ['too_short', 'contains_username', 'mystery'],
    })
    const messages = passwordProblemMessages(error)
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatch(/12 karakter/)
    expect(messages[1]).toMatch(/nama pengguna/)
  })
})

describe('issueMessage', () => {
  it.each([
    [
      { path: ['displayName'], code: 'too_small', minimum: 2, origin: 'string' },
      'Paling sedikit 2 karakter.',
    ],
    [{ path: ['displayName'], code: 'too_small', minimum: 1, origin: 'string' }, 'Wajib diisi.'],
    [
      { path: ['email'], code: 'invalid_format', format: 'email' },
      'Alamat email tidak valid. Contoh: nama@instansi.go.id',
    ],
    [{ path: ['name'], code: 'too_big', maximum: 200, origin: 'string' }, 'Paling banyak 200 karakter.'],
    [{ path: ['roles'], code: 'too_small', minimum: 1, origin: 'array' }, 'Pilih paling sedikit 1.'],
  ])('words %o', (issue, message) => {
    expect(issueMessage(issue)).toBe(message)
  })

  it('prefers the wording a form gives for its field', () => {
    const issue = { path: ['username'], code: 'invalid_format', format: 'regex' }
    expect(issueMessage(issue, { username: { invalid_format: 'Format nama pengguna salah.' } })).toBe(
      'Format nama pengguna salah.',
    )
  })
})

describe('fieldErrorsOf', () => {
  it('puts server issues next to their fields and counts the rest', () => {
    const error = new ApiError(400, 'request.invalid', {
      issues: [
        { location: 'body', path: ['email'], code: 'invalid_format', format: 'email' },
        { location: 'body', path: ['roles', 0, 'role'], code: 'invalid_value' },
        { location: 'body', path: ['nickname'], code: 'unrecognized_keys' },
      ],
    })
    const { byField, unmatched } = fieldErrorsOf(issuesOf(error), ['email', 'roles'])
    expect(Object.keys(byField)).toEqual(['email', 'roles'])
    expect(unmatched).toBe(1)
  })

  it('reads client-side checks with the shared zod schema the same way', () => {
    const checked = CreateUserBody.safeParse({ username: 'Budi Santoso', displayName: 'B', roles: [] })
    expect(checked.success).toBe(false)
    if (checked.success) return
    const { byField } = fieldErrorsOf(issuesOf(checked.error), ['username', 'displayName', 'roles'])
    expect(byField).toEqual({
      username: 'Formatnya tidak sesuai.',
      displayName: 'Paling sedikit 2 karakter.',
      roles: 'Pilih paling sedikit 1.',
    })
  })
})
