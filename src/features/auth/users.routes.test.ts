import { describe, expect, it } from 'vitest'
import { insertAgency, insertAgencyAdmin, insertEmployee, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

async function agencyAdminApp() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  return { app, context, agency, admin, session }
}

describe('POST /api/v1/users', () => {
  it('creates an account in the admin’s agency with a temporary password shown once, and audits it', async () => {
    const { app, context, agency, session } = await agencyAdminApp()

    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: { username: 'Inspektur.Satu', displayName: 'Inspektur Satu', roles: [{ role: 'examiner' }] },
    })

    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body.user).toMatchObject({
      username: 'inspektur.satu',
      agencyId: agency.id,
      roles: [{ role: 'examiner', agencyId: agency.id, unitId: null }],
      totpEnabled: false,
      disabled: false,
    })
    expect(body.temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/)
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'inspektur.satu', password: body.temporaryPassword },
    })
    expect(login.json()).toMatchObject({ totpEnrolmentRequired: true })

    const audit = await context.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('entityId', '=', body.user.id)
      .executeTakeFirstOrThrow()
    expect(audit.summary).not.toContain(body.temporaryPassword)
    expect(JSON.parse(audit.summary)).toMatchObject({ after: { username: 'inspektur.satu' } })
  })

  it('refuses a taken username with 409 and writes nothing', async () => {
    const { app, context, admin, session } = await agencyAdminApp()
    const before = await context.database.db.selectFrom('users').select('id').execute()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: { username: admin.username, displayName: 'Kembar', roles: [{ role: 'employee' }] },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({
      error: { code: 'user.username_taken', details: { username: admin.username } },
    })
    expect(await context.database.db.selectFrom('users').select('id').execute()).toHaveLength(before.length)
  })

  it.each([
    ['super_admin', 'not_grantable'],
    ['agency_admin', null],
  ])('grants %s only when allowed', async (role, problem) => {
    const { app, session } = await agencyAdminApp()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: { username: `akun-${role.replace('_', '-')}`, displayName: 'Akun Baru', roles: [{ role }] },
    })
    if (problem) {
      expect(response.statusCode).toBe(422)
      expect(response.json().error).toEqual({ code: 'user.role_invalid', details: { role, problem } })
    } else {
      expect(response.statusCode).toBe(201)
    }
  })

  it('rejects a weak chosen password, a bad username and an unknown role', async () => {
    const { app, session } = await agencyAdminApp()
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: {
        username: 'pegawai01',
        displayName: 'Pegawai',
        roles: [{ role: 'employee' }],
        password: 'pendek',
      },
    })
    expect(weak.statusCode).toBe(422)
    expect(weak.json().error.code).toBe('auth.password_weak')

    const badName = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: { username: 'nama dengan spasi', displayName: 'Pegawai', roles: [{ role: 'bupati' }] },
    })
    expect(badName.statusCode).toBe(400)
    const paths = badName
      .json()
      .error.details.issues.map((issue: { path: unknown[] }) => issue.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['username', 'roles.0.role']))
  })

  it('answers 403 to an employee and 401 without a session', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const employee = await insertEmployee(context, agency.id)
    const session = await signIn(app, context, employee)
    const payload = { username: 'siapa', displayName: 'Siapa Saja', roles: [{ role: 'employee' }] }
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload,
    })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().error.code).toBe('auth.forbidden')
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/users', payload })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('GET /api/v1/users', () => {
  it('lists only the admin’s agency, searchable and paginated', async () => {
    const { app, context, agency, session } = await agencyAdminApp()
    const other = await insertAgency(context)
    await insertEmployee(context, other.id, 'orang-lain')
    for (const name of ['siti-aminah', 'siti-rahma', 'bambang']) {
      await insertEmployee(context, agency.id, name)
    }

    const all = await app.inject({ method: 'GET', url: '/api/v1/users?pageSize=2', headers: session.headers })
    expect(all.statusCode).toBe(200)
    expect(all.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 })
    expect(all.json().items).toHaveLength(2)

    const search = await app.inject({ method: 'GET', url: '/api/v1/users?q=SITI', headers: session.headers })
    expect(search.json().items.map((u: { username: string }) => u.username)).toEqual([
      'siti-aminah',
      'siti-rahma',
    ])

    const wildcard = await app.inject({ method: 'GET', url: '/api/v1/users?q=%25', headers: session.headers })
    expect(wildcard.json().total).toBe(0)

    const foreign = await app.inject({
      method: 'GET',
      url: `/api/v1/users?agencyId=${other.id}`,
      headers: session.headers,
    })
    expect(foreign.statusCode).toBe(403)
  })

  it('rejects unknown query parameters and out-of-range pages', async () => {
    const { app, session } = await agencyAdminApp()
    for (const query of ['?pageSize=1000', '?page=0', '?sort=username']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/users${query}`,
        headers: session.headers,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('request.invalid')
    }
  })
})

describe('account administration', () => {
  it('hides accounts of other agencies behind 404', async () => {
    const { app, context, session } = await agencyAdminApp()
    const other = await insertAgency(context)
    const stranger = await insertAgencyAdmin(context, other.id)
    for (const [method, url] of [
      ['GET', `/api/v1/users/${stranger.user.id}`],
      ['POST', `/api/v1/users/${stranger.user.id}/disable`],
      ['POST', `/api/v1/users/${stranger.user.id}/password-reset`],
    ] as const) {
      const response = await app.inject({ method, url, headers: session.headers })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('user.not_found')
    }
  })

  it('replaces roles, signs the user out everywhere and audits before/after', async () => {
    const { app, context, agency, session } = await agencyAdminApp()
    const staff = await insertEmployee(context, agency.id)
    const staffSession = await signIn(app, context, staff)

    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${staff.user.id}/roles`,
      headers: session.headers,
      payload: { roles: [{ role: 'decision_maker' }, { role: 'examiner' }] },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().roles.map((r: { role: string }) => r.role)).toEqual(['decision_maker', 'examiner'])
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: staffSession.headers,
    })
    expect(after.statusCode).toBe(401)
    const audit = await context.database.db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'user.roles_changed')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: { roles: [{ role: 'employee' }] },
      after: { roles: [{ role: 'decision_maker' }, { role: 'examiner' }] },
    })
  })

  it('disables and re-enables an account; a disabled account cannot sign in', async () => {
    const { app, context, agency, session } = await agencyAdminApp()
    const staff = await insertEmployee(context, agency.id)
    const disable = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${staff.user.id}/disable`,
      headers: session.headers,
    })
    expect(disable.json()).toMatchObject({ disabled: true })
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: staff.username, password: staff.password },
    })
    expect(login.statusCode).toBe(403)
    const enable = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${staff.user.id}/enable`,
      headers: session.headers,
    })
    expect(enable.json()).toMatchObject({ disabled: false })
  })

  it('refuses to disable or re-role oneself (409)', async () => {
    const { app, admin, session } = await agencyAdminApp()
    const disable = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${admin.user.id}/disable`,
      headers: session.headers,
    })
    expect(disable.statusCode).toBe(409)
    expect(disable.json().error.code).toBe('user.cannot_change_self')
  })

  it('resets a password (shown once) and a second factor', async () => {
    const { app, context, agency, session } = await agencyAdminApp()
    const staff = await insertAgencyAdmin(context, agency.id)

    const reset = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${staff.user.id}/password-reset`,
      headers: session.headers,
    })
    expect(reset.statusCode).toBe(200)
    expect(reset.headers['cache-control']).toBe('no-store')
    const { temporaryPassword } = reset.json()

    const totp = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${staff.user.id}/totp-reset`,
      headers: session.headers,
    })
    expect(totp.json()).toMatchObject({ totpEnabled: false })

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: staff.username, password: temporaryPassword },
    })
    expect(login.json()).toMatchObject({ totpEnrolmentRequired: true })
  })

  it('answers 400 for a malformed user id', async () => {
    const { app, session } = await agencyAdminApp()
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users/not-a-uuid',
      headers: session.headers,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details.issues[0]).toMatchObject({ location: 'params', path: ['userId'] })
  })
})
