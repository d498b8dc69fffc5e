import { describe, expect, it } from 'vitest'
import {
  freshTotpCode,
  insertEmployee,
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'
import { totpCodeAt } from './totp.js'

const login = (payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/login',
  payload,
})

describe('POST /api/v1/auth/login', () => {
  it('signs an employee in with username and password and sets an HttpOnly SameSite cookie', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)

    const response = await app.inject(login({ username: account.username, password: account.password }))

    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      user: { username: account.username, totpEnabled: false },
      agency: { id: agency.id },
      stage: 'full',
      navigation: ['home', 'account'],
    })
    const cookie = response.cookies.find((c) => c.name === 'netra_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(cookie?.secure).toBeFalsy()
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/)
  })

  it('marks the cookie Secure with the __Host- prefix when PUBLIC_URL is https', async () => {
    const { app, context } = await createTestApp({ env: { PUBLIC_URL: 'https://netra.example.go.id' } })
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    const response = await app.inject(login({ username: account.username, password: account.password }))
    expect(response.cookies.find((c) => c.name === '__Host-netra_session')).toMatchObject({
      secure: true,
      httpOnly: true,
    })
  })

  it('answers 401 auth.invalid_credentials alike for a wrong password and an unknown username', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)

    const wrongPassword = await app.inject(
      login({ username: admin.username, password: 'bukan-sandinya-sama-sekali' }),
    )
    const unknownUser = await app.inject(
      login({ username: 'tidak-ada', password: 'bukan-sandinya-sama-sekali' }),
    )

    for (const response of [wrongPassword, unknownUser]) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'auth.invalid_credentials', details: {} } })
      expect(response.cookies).toHaveLength(0)
    }
  })

  it('asks a staff account without a second factor to enrol, with a session limited to enrolment', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const account = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'agency_admin', agencyId: agency.id, unitId: null }],
    })

    const response = await app.inject(login({ username: account.username, password: account.password }))

    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      totpEnrolmentRequired: true,
      session: { stage: 'second_factor_enrolment', navigation: [] },
    })
    const cookie = response.cookies.find((c) => c.name === 'netra_session')
    const headers = { cookie: `netra_session=${cookie?.value}`, 'x-csrf-token': body.session.csrfToken }
    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers })
    expect(users.statusCode).toBe(403)
    expect(users.json().error.code).toBe('auth.second_factor_required')
  })

  it('enrols TOTP from the QR secret and turns the session into a full one', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const account = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'agency_admin', agencyId: agency.id, unitId: null }],
    })
    const first = await app.inject(login({ username: account.username, password: account.password }))
    const cookie = first.cookies.find((c) => c.name === 'netra_session')
    const headers = {
      cookie: `netra_session=${cookie?.value}`,
      'x-csrf-token': first.json().session.csrfToken,
    }

    const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers })
    expect(setup.statusCode).toBe(200)
    const { secret, otpauthUrl, qrDataUrl } = setup.json()
    expect(otpauthUrl).toContain(`secret=${secret}`)
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/)

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      headers,
      payload: { code: '000000' },
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.code).toBe('auth.totp_invalid')

    const code = await totpCodeAt(secret, context.clock.now())
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      headers,
      payload: { code },
    })
    expect(confirm.statusCode).toBe(200)
    expect(confirm.json()).toMatchObject({ stage: 'full', user: { totpEnabled: true } })
    expect(confirm.json().navigation).toContain('users')

    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers })
    expect(users.statusCode).toBe(200)
  })

  it('requires the TOTP code of an enrolled staff account, accepts it once and refuses a replay', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)

    const withoutCode = await app.inject(login({ username: admin.username, password: admin.password }))
    expect(withoutCode.statusCode).toBe(200)
    expect(withoutCode.json()).toEqual({ totpRequired: true })
    expect(withoutCode.cookies).toHaveLength(0)

    const code = await freshTotpCode(context, admin)
    const withCode = await app.inject(
      login({ username: admin.username, password: admin.password, totp: code }),
    )
    expect(withCode.statusCode).toBe(200)
    expect(withCode.json().stage).toBe('full')

    const replay = await app.inject(login({ username: admin.username, password: admin.password, totp: code }))
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('auth.invalid_credentials')
  })

  it('refuses a wrong TOTP code with the same 401 as a wrong password', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const code = await freshTotpCode(context, admin)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const response = await app.inject(
      login({ username: admin.username, password: admin.password, totp: wrong }),
    )
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ error: { code: 'auth.invalid_credentials', details: {} } })
  })

  it('throttles repeated failures with 429 auth.throttled and Retry-After, even for the right password', async () => {
    const clock = fixedClock('2026-02-02T02:00:00.000Z')
    const { app, context } = await createTestApp({ clock })
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    for (let i = 0; i < 3; i += 1) {
      const failed = await app.inject(login({ username: account.username, password: `salah-salah-${i}` }))
      expect(failed.statusCode).toBe(401)
    }
    const throttled = await app.inject(login({ username: account.username, password: account.password }))
    expect(throttled.statusCode).toBe(429)
    expect(throttled.headers['retry-after']).toBe('1')
    expect(throttled.json()).toEqual({ error: { code: 'auth.throttled', details: { retryAfterSeconds: 1 } } })

    clock.advance(1000)
    const afterWait = await app.inject(login({ username: account.username, password: account.password }))
    expect(afterWait.statusCode).toBe(200)
  })

  it('locks a username for 15 minutes after 10 failures and records the lockout in the audit trail', async () => {
    const clock = fixedClock('2026-02-02T02:00:00.000Z')
    const { app, context } = await createTestApp({ clock })
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    for (let i = 0; i < 10; i += 1) {
      clock.advance(301_000) // beyond any growing delay
      const failed = await app.inject(login({ username: account.username, password: `salah-salah-${i}` }))
      expect(failed.statusCode).toBe(401)
    }
    clock.advance(301_000)
    const locked = await app.inject(login({ username: account.username, password: account.password }))
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBe(900 - 301)
    const lockouts = await context.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('action', '=', 'auth.locked_out')
      .execute()
    expect(lockouts).toEqual([{ action: 'auth.locked_out', entityId: account.user.id }])
  })

  it('counts every failure of concurrent attempts (no lost updates)', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.inject(login({ username: account.username, password: `tebakan-salah-${i}` })),
      ),
    )
    const failures = responses.filter((response) => response.statusCode === 401).length
    expect(failures).toBeGreaterThan(0)
    expect(responses.every((response) => [401, 429].includes(response.statusCode))).toBe(true)
    const row = await context.database.db
      .selectFrom('loginThrottles')
      .selectAll()
      .where('key', '=', account.username)
      .executeTakeFirstOrThrow()
    expect(row.failures).toBe(failures)
  })

  it('tells a disabled account apart only after the right password', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    await context.database.db
      .updateTable('users')
      .set({ disabledAt: context.clock.now().toISOString() })
      .execute()
    const wrong = await app.inject(
      login({ username: account.username, password: 'sandi-yang-keliru-sekali' }),
    )
    expect(wrong.statusCode).toBe(401)
    const right = await app.inject(login({ username: account.username, password: account.password }))
    expect(right.statusCode).toBe(403)
    expect(right.json().error.code).toBe('auth.account_disabled')
  })

  describe('bad input', () => {
    it.each([
      ['malformed JSON', '{bad', 400, 'request.malformed'],
      ['an empty body', '', 400, 'request.malformed'],
      ['a wrong type', JSON.stringify({ username: 12, password: 'x' }), 400, 'request.invalid'],
      [
        'an unknown field',
        JSON.stringify({ username: 'a', password: 'b', role: 'super_admin' }),
        400,
        'request.invalid',
      ],
      [
        'a malformed TOTP',
        JSON.stringify({ username: 'a', password: 'b', totp: '12ab56' }),
        400,
        'request.invalid',
      ],
    ])('answers %s with the right status and code', async (_name, body, status, code) => {
      const { app } = await createTestApp()
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: body,
      })
      expect(response.statusCode).toBe(status)
      expect(response.json().error.code).toBe(code)
    })

    it('names the offending field in request.invalid details', async () => {
      const { app } = await createTestApp()
      const response = await app.inject(login({ username: 'budi' }))
      expect(response.statusCode).toBe(400)
      expect(response.json().error.details.issues).toEqual([
        expect.objectContaining({ location: 'body', path: ['password'], code: 'invalid_type' }),
      ])
    })

    it('answers an oversized body with 413 request.too_large', async () => {
      const { app } = await createTestApp()
      const response = await app.inject(login({ username: 'budi', password: 'x'.repeat(1_100_000) }))
      expect(response.statusCode).toBe(413)
      expect(response.json().error.code).toBe('request.too_large')
    })

    it('answers a non-JSON content type with 415', async () => {
      const { app } = await createTestApp()
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'username=budi',
      })
      expect(response.statusCode).toBe(415)
      expect(response.json().error.code).toBe('request.unsupported_media_type')
    })
  })
})

describe('sessions', () => {
  it('answers 401 auth.unauthenticated without a session and with a forged cookie', async () => {
    const { app } = await createTestApp()
    for (const headers of [{}, { cookie: 'netra_session=forged-token-value' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'auth.unauthenticated', details: {} } })
    }
  })

  it('ends a session after 30 idle minutes and says it expired', async () => {
    const clock = fixedClock('2026-02-02T02:00:00.000Z')
    const { app, context } = await createTestApp({ clock })
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)

    clock.advance(29 * 60_000)
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })).statusCode,
    ).toBe(200)
    clock.advance(29 * 60_000) // the request above refreshed last-seen
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })).statusCode,
    ).toBe(200)
    clock.advance(30 * 60_000)
    const expired = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })
    expect(expired.statusCode).toBe(401)
    expect(expired.json()).toEqual({
      error: { code: 'auth.unauthenticated', details: { reason: 'session_expired' } },
    })
  })

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const clock = fixedClock('2026-02-02T02:00:00.000Z')
    const { app, context } = await createTestApp({ clock })
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)
    for (let hour = 0; hour < 12; hour += 1) {
      clock.advance(25 * 60_000)
      await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })
      clock.advance(35 * 60_000 - 25 * 60_000)
    }
    clock.set('2026-02-02T14:00:00.000Z')
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: session.headers,
    })
    expect(response.statusCode).toBe(401)
  })

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    })
    expect(logout.statusCode).toBe(204)
    expect(logout.cookies.find((c) => c.name === 'netra_session')?.value).toBe('')
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })
    expect(after.statusCode).toBe(401)
  })

  it('refuses a cookie-authenticated mutation without the right CSRF token', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)
    const body = { currentPassword: admin.password, newPassword: 'frasa sandi baru yang panjang' }

    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: session.cookie },
      payload: body,
    })
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
      payload: body,
    })
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('auth.csrf_invalid')
    }
  })
})

describe('POST /api/v1/auth/password', () => {
  it('changes the password, ends the other sessions and keeps this one', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const here = await signIn(app, context, admin)
    const elsewhere = await signIn(app, context, admin)
    const newPassword = 'frasa sandi baru yang panjang'

    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: here.headers,
      payload: { currentPassword: admin.password, newPassword },
    })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ stage: 'full', user: { passwordMustChange: false } })
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: here.headers })).statusCode,
    ).toBe(200)
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: elsewhere.headers }))
        .statusCode,
    ).toBe(401)
    const old = await app.inject(login({ username: admin.username, password: admin.password }))
    expect(old.statusCode).toBe(401)
    const fresh = await app.inject(login({ username: admin.username, password: newPassword }))
    expect(fresh.json()).toEqual({ totpRequired: true })
  })

  it('refuses a wrong current password (422) and a weak new one with the reasons (422)', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id, 'operatorbkpsdm')
    const session = await signIn(app, context, admin)

    const wrongCurrent = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: 'bukan-sandi-lama', newPassword: 'frasa sandi baru yang panjang' },
    })
    expect(wrongCurrent.statusCode).toBe(422)
    expect(wrongCurrent.json().error.code).toBe('auth.current_password_incorrect')

    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: admin.password, newPassword: 'operatorbkpsdm1' },
    })
    expect(weak.statusCode).toBe(422)
    expect(weak.json()).toEqual({
      error: { code: 'auth.password_weak', details: { problems: ['contains_username'] } },
    })
  })
})

describe('temporary passwords', () => {
  async function adminCreates(role: 'employee' | 'examiner') {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const adminSession = await signIn(app, context, admin)
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: adminSession.headers,
      payload: { username: `baru-${role}`, displayName: 'Pegawai Baru', roles: [{ role }] },
    })
    const { user, temporaryPassword } = created.json()
    expect(user.passwordMustChange).toBe(true)
    return { app, context, username: user.username as string, temporaryPassword: temporaryPassword as string }
  }

  it('limits a session signed in with a temporary password to replacing it, then lifts the limit', async () => {
    const { app, username, temporaryPassword } = await adminCreates('employee')
    const signedIn = await app.inject(login({ username, password: temporaryPassword }))
    expect(signedIn.json()).toMatchObject({
      stage: 'password_change',
      navigation: [],
      user: { passwordMustChange: true },
    })
    const cookie = signedIn.cookies.find((c) => c.name === 'netra_session')
    const headers = { cookie: `netra_session=${cookie?.value}`, 'x-csrf-token': signedIn.json().csrfToken }

    const blocked = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('auth.password_change_required')

    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'kata sandi milik saya sendiri' },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({
      stage: 'full',
      navigation: ['home', 'account'],
      user: { passwordMustChange: false },
    })
    expect((await app.inject({ method: 'GET', url: '/api/v1/agencies', headers })).statusCode).toBe(200)
  })

  it('asks staff to enrol the second factor first, then to replace the temporary password', async () => {
    const { app, context, username, temporaryPassword } = await adminCreates('examiner')
    const first = await app.inject(login({ username, password: temporaryPassword }))
    expect(first.json()).toMatchObject({
      totpEnrolmentRequired: true,
      session: { stage: 'second_factor_enrolment' },
    })
    const cookie = first.cookies.find((c) => c.name === 'netra_session')
    const headers = {
      cookie: `netra_session=${cookie?.value}`,
      'x-csrf-token': first.json().session.csrfToken,
    }
    const early = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'kata sandi milik saya sendiri' },
    })
    expect(early.json().error.code).toBe('auth.second_factor_required')

    const { secret } = (await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers })).json()
    const code = await totpCodeAt(secret, context.clock.now())
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      headers,
      payload: { code },
    })
    expect(confirmed.json()).toMatchObject({ stage: 'password_change', user: { totpEnabled: true } })
  })

  it('makes a password reset by an administrator temporary again', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const employee = await insertEmployee(context, agency.id)
    const adminSession = await signIn(app, context, admin)
    const reset = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${employee.user.id}/password-reset`,
      headers: adminSession.headers,
    })
    const signedIn = await app.inject(
      login({ username: employee.username, password: reset.json().temporaryPassword }),
    )
    expect(signedIn.json().stage).toBe('password_change')
  })
})
