import { describe, expect, it } from 'vitest'
import {
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  insertRosterEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

/**
 * Dinas Pendidikan ─┬─ Bidang SD ── SDN 1
 *                   └─ Sekretariat
 * Kecamatan Klojen ──── Kelurahan Kauman
 */
async function rosterApp() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const disdik = await insertUnit(context, agency.id, { name: 'Dinas Pendidikan', code: 'DISDIK' })
  const bidangSd = await insertUnit(context, agency.id, { parent: disdik, name: 'Bidang SD', kind: 'bidang' })
  const sdn1 = await insertUnit(context, agency.id, {
    parent: bidangSd,
    name: 'SD Negeri 1',
    kind: 'sekolah',
  })
  const sekretariat = await insertUnit(context, agency.id, {
    parent: disdik,
    name: 'Sekretariat',
    kind: 'bidang',
  })
  const klojen = await insertUnit(context, agency.id, {
    name: 'Kecamatan Klojen',
    kind: 'kecamatan',
    regionCode: '35.73.02',
  })
  const kauman = await insertUnit(context, agency.id, {
    parent: klojen,
    name: 'Kelurahan Kauman',
    kind: 'kelurahan',
  })
  const db = context.database.db
  return { app, context, db, agency, admin, session, disdik, bidangSd, sdn1, sekretariat, klojen, kauman }
}

const get = (
  app: Awaited<ReturnType<typeof rosterApp>>['app'],
  url: string,
  headers: Record<string, string>,
) => app.inject({ method: 'GET', url, headers })

describe('GET /api/v1/units', () => {
  it('lists the tree depth-first with active-employee counts per unit and per subtree', async () => {
    const { app, context, session, disdik, bidangSd, sdn1, sekretariat, klojen, kauman } = await rosterApp()
    await insertRosterEmployee(context, disdik)
    await insertRosterEmployee(context, sdn1)
    await insertRosterEmployee(context, sdn1)
    await insertRosterEmployee(context, sdn1, { status: 'retired' })
    await insertRosterEmployee(context, kauman)

    const response = await get(app, '/api/v1/units', session.headers)

    expect(response.statusCode).toBe(200)
    const items = response.json().items as {
      id: string
      depth: number
      employeeCount: number
      subtreeEmployeeCount: number
    }[]
    expect(items.map((u) => u.id)).toEqual([
      disdik.id,
      bidangSd.id,
      sdn1.id,
      sekretariat.id,
      klojen.id,
      kauman.id,
    ])
    const counts = Object.fromEntries(
      items.map((u) => [u.id, [u.depth, u.employeeCount, u.subtreeEmployeeCount]]),
    )
    expect(counts).toEqual({
      [disdik.id]: [0, 1, 3],
      [bidangSd.id]: [1, 0, 2],
      [sdn1.id]: [2, 2, 2],
      [sekretariat.id]: [1, 0, 0],
      [klojen.id]: [0, 0, 1],
      [kauman.id]: [1, 1, 1],
    })
    expect(response.json().items[4]).toMatchObject({ regionCode: '35.73.02', regionName: 'Klojen' })
  })

  it('keeps matches and their ancestors when searching by name or code', async () => {
    const { app, session, disdik, bidangSd, sdn1 } = await rosterApp()
    const byName = await get(app, '/api/v1/units?q=sd%20neg', session.headers)
    expect(byName.json().items.map((u: { id: string; matches: boolean }) => [u.id, u.matches])).toEqual([
      [disdik.id, false],
      [bidangSd.id, false],
      [sdn1.id, true],
    ])
    const byCode = await get(app, '/api/v1/units?q=disd', session.headers)
    expect(byCode.json().items.map((u: { id: string }) => u.id)).toEqual([disdik.id])
  })

  it('hides deactivated units unless asked for them', async () => {
    const { app, session, context, agency } = await rosterApp()
    const closed = await insertUnit(context, agency.id, {
      name: 'Dinas Lama',
      deactivatedAt: '2024-01-01T00:00:00.000Z',
    })
    const active = await get(app, '/api/v1/units', session.headers)
    expect(active.json().items.map((u: { id: string }) => u.id)).not.toContain(closed.id)
    const all = await get(app, '/api/v1/units?includeInactive=true', session.headers)
    expect(all.json().items.find((u: { id: string }) => u.id === closed.id)).toMatchObject({
      isActive: false,
    })
  })

  it('answers 400 for an unknown query parameter', async () => {
    const { app, session } = await rosterApp()
    const response = await get(app, '/api/v1/units?depth=2', session.headers)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('request.invalid')
  })
})

describe('POST /api/v1/units', () => {
  it('creates a unit under a parent with a checked region code, and audits it', async () => {
    const { app, db, session, klojen } = await rosterApp()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload: {
        parentId: klojen.id,
        name: 'Kelurahan Oro-oro Dowo',
        kind: 'kelurahan',
        code: 'KEL-OOD',
        regionCode: '3573021005',
      },
    })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({
      parentId: klojen.id,
      path: `${klojen.path}${body.id}/`,
      depth: 1,
      regionCode: '35.73.02.1005',
      isActive: true,
      breadcrumb: [{ id: klojen.id, name: 'Kecamatan Klojen', kind: 'kecamatan' }],
    })
    expect(typeof body.regionName).toBe('string')
    const audit = await db
      .selectFrom('auditEvents')
      .select(['summary'])
      .where('action', '=', 'unit.created')
      .where('entityId', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.summary)).toMatchObject({
      after: { name: 'Kelurahan Oro-oro Dowo', code: 'KEL-OOD' },
    })
  })

  it.each([
    [{ name: 'Dinas Kembar', kind: 'opd', code: 'DISDIK' }, 409, 'unit.code_taken'],
    [
      { name: 'Kelurahan Entah', kind: 'kelurahan', regionCode: '35.73.02.9999' },
      422,
      'unit.region_code_unknown',
    ],
    [
      { name: 'Dinas Baru', kind: 'opd', headEmployeeId: '0190a000-0000-7000-8000-000000000000' },
      422,
      'unit.head_invalid',
    ],
    [{ name: 'Dinas Baru', kind: 'kantor' }, 400, 'request.invalid'],
    [{ name: 'Dinas Baru', kind: 'opd', color: 'red' }, 400, 'request.invalid'],
  ])('refuses %o with %i %s and writes nothing', async (payload, status, code) => {
    const { app, db, session } = await rosterApp()
    const before = await db.selectFrom('units').select('id').execute()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload,
    })
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe(code)
    expect(await db.selectFrom('units').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a parent that is deactivated (422 unit.parent_inactive)', async () => {
    const { app, session, context, agency } = await rosterApp()
    const closed = await insertUnit(context, agency.id, { deactivatedAt: '2024-01-01T00:00:00.000Z' })
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload: { parentId: closed.id, name: 'Bidang Baru', kind: 'bidang' },
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('unit.parent_inactive')
  })

  it('sets an employee of the agency as head and shows them in the detail', async () => {
    const { app, context, session, disdik } = await rosterApp()
    const head = await insertRosterEmployee(context, disdik, {
      name: 'Wahyu Hidayat',
      frontTitle: 'Drs.',
      backTitle: 'M.Si.',
      positionTitle: 'Kepala Dinas Pendidikan',
    })
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${disdik.id}`,
      headers: session.headers,
      payload: { headEmployeeId: head.id, name: 'Dinas Pendidikan dan Kebudayaan' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      name: 'Dinas Pendidikan dan Kebudayaan',
      head: {
        id: head.id,
        displayName: 'Drs. Wahyu Hidayat, M.Si.',
        positionTitle: 'Kepala Dinas Pendidikan',
      },
    })
  })
})

describe('POST /api/v1/units/:unitId/move', () => {
  it('moves a whole subtree: every path and depth below is rewritten, and the move is audited', async () => {
    const { app, db, session, bidangSd, sdn1, klojen } = await rosterApp()
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/move`,
      headers: session.headers,
      payload: { parentId: klojen.id },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      parentId: klojen.id,
      depth: 1,
      path: `${klojen.path}${bidangSd.id}/`,
    })
    const rows = await db
      .selectFrom('units')
      .select(['id', 'path', 'depth', 'parentId'])
      .where('id', 'in', [bidangSd.id, sdn1.id])
      .orderBy('depth')
      .execute()
    expect(rows).toEqual([
      { id: bidangSd.id, path: `${klojen.path}${bidangSd.id}/`, depth: 1, parentId: klojen.id },
      { id: sdn1.id, path: `${klojen.path}${bidangSd.id}/${sdn1.id}/`, depth: 2, parentId: bidangSd.id },
    ])
    const audit = await db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'unit.moved')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.summary)).toMatchObject({ after: { parentId: klojen.id }, unitsRewritten: 2 })
  })

  it('moves a unit to the top level when the parent is null', async () => {
    const { app, session, sekretariat } = await rosterApp()
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${sekretariat.id}/move`,
      headers: session.headers,
      payload: { parentId: null },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ parentId: null, depth: 0, path: `/${sekretariat.id}/` })
  })

  it('refuses to move a unit under itself or its own descendant (422 unit.move_cycle) and changes nothing', async () => {
    const { app, db, session, disdik, sdn1 } = await rosterApp()
    for (const parentId of [sdn1.id, disdik.id]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/units/${disdik.id}/move`,
        headers: session.headers,
        payload: { parentId },
      })
      expect(response.statusCode).toBe(422)
      expect(response.json().error.code).toBe('unit.move_cycle')
    }
    const paths = await db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('id', 'in', [disdik.id, sdn1.id])
      .execute()
    expect(Object.fromEntries(paths.map((row) => [row.id, row.path]))).toEqual({
      [disdik.id]: disdik.path,
      [sdn1.id]: sdn1.path,
    })
  })
})

describe('POST /api/v1/units/:unitId/deactivate', () => {
  it('deactivates the subtree, keeps its employees, and no one new can be placed there', async () => {
    const { app, db, session, disdik, bidangSd, sdn1, sekretariat } = await rosterApp()
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/deactivate`,
      headers: session.headers,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ isActive: false })
    const states = await db
      .selectFrom('units')
      .select(['id', 'deactivatedAt'])
      .where('id', 'in', [disdik.id, bidangSd.id, sdn1.id, sekretariat.id])
      .execute()
    expect(Object.fromEntries(states.map((row) => [row.id, row.deactivatedAt !== null]))).toEqual({
      [disdik.id]: false,
      [bidangSd.id]: true,
      [sdn1.id]: true,
      [sekretariat.id]: false,
    })
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/employees',
      headers: session.headers,
      payload: { unitId: sdn1.id, kind: 'NON_ASN', name: 'Tenaga Baru' },
    })
    expect(create.statusCode).toBe(422)
    expect(create.json().error.code).toBe('employee.unit_inactive')
  })

  it('reactivates a unit only under an active parent', async () => {
    const { app, session, bidangSd, sdn1 } = await rosterApp()
    await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/deactivate`,
      headers: session.headers,
    })
    const child = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${sdn1.id}/reactivate`,
      headers: session.headers,
    })
    expect(child.statusCode).toBe(422)
    expect(child.json().error.code).toBe('unit.parent_inactive')
    const parent = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/reactivate`,
      headers: session.headers,
    })
    expect(parent.statusCode).toBe(200)
    expect(parent.json()).toMatchObject({ isActive: true, deactivatedAt: null })
  })
})

describe('unit_admin scope on units', () => {
  it('lists, opens and edits only the own subtree; everything else is 404', async () => {
    const { app, context, agency, disdik, bidangSd, sdn1, sekretariat, klojen, kauman } = await rosterApp()
    const unitAdmin = await insertUnitScopedAccount(context, agency.id, disdik.id)
    const session = await signIn(app, context, unitAdmin)

    const list = await get(app, '/api/v1/units', session.headers)
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([
      disdik.id,
      bidangSd.id,
      sdn1.id,
      sekretariat.id,
    ])

    expect((await get(app, `/api/v1/units/${sdn1.id}`, session.headers)).statusCode).toBe(200)
    const outside = await get(app, `/api/v1/units/${kauman.id}`, session.headers)
    expect(outside.statusCode).toBe(404)
    expect(outside.json().error.code).toBe('unit.not_found')

    const editOutside = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${klojen.id}`,
      headers: session.headers,
      payload: { name: 'Diambil Alih' },
    })
    expect(editOutside.statusCode).toBe(404)
    const editInside = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${sekretariat.id}`,
      headers: session.headers,
      payload: { name: 'Sekretariat Dinas' },
    })
    expect(editInside.statusCode).toBe(200)
    expect(editInside.json()).toMatchObject({ name: 'Sekretariat Dinas' })
  })

  it('cannot create top-level units or use a parent outside the subtree', async () => {
    const { app, context, agency, disdik, bidangSd, klojen } = await rosterApp()
    const session = await signIn(app, context, await insertUnitScopedAccount(context, agency.id, disdik.id))
    const topLevel = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload: { name: 'Dinas Liar', kind: 'opd' },
    })
    expect(topLevel.statusCode).toBe(403)
    const foreignParent = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload: { parentId: klojen.id, name: 'Bidang Liar', kind: 'bidang' },
    })
    expect(foreignParent.statusCode).toBe(422)
    expect(foreignParent.json().error.code).toBe('unit.parent_invalid')
    const moveOut = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/move`,
      headers: session.headers,
      payload: { parentId: klojen.id },
    })
    expect(moveOut.statusCode).toBe(422)
    expect(moveOut.json().error.code).toBe('unit.parent_invalid')
  })

  it('cannot take an administered root out of its place, even under another administered unit', async () => {
    const { app, db, context, agency, bidangSd, sekretariat } = await rosterApp()
    const account = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [
        { role: 'unit_admin', agencyId: agency.id, unitId: bidangSd.id },
        { role: 'unit_admin', agencyId: agency.id, unitId: sekretariat.id },
      ],
      totp: true,
    })
    const session = await signIn(app, context, account)
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${bidangSd.id}/move`,
      headers: session.headers,
      payload: { parentId: sekretariat.id },
    })
    expect(response.statusCode).toBe(403)
    const row = await db
      .selectFrom('units')
      .select('path')
      .where('id', '=', bidangSd.id)
      .executeTakeFirstOrThrow()
    expect(row.path).toBe(bidangSd.path)
  })

  it('lets a unit-scoped examiner read the subtree but change nothing', async () => {
    const { app, context, agency, disdik, klojen } = await rosterApp()
    const session = await signIn(
      app,
      context,
      await insertUnitScopedAccount(context, agency.id, klojen.id, 'examiner'),
    )
    expect((await get(app, `/api/v1/units/${klojen.id}`, session.headers)).statusCode).toBe(200)
    expect((await get(app, `/api/v1/units/${disdik.id}`, session.headers)).statusCode).toBe(404)
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${klojen.id}`,
      headers: session.headers,
      payload: { name: 'Kecamatan Klojen Baru' },
    })
    expect(edit.statusCode).toBe(403)
  })

  it('gives an agency admin nothing from another agency', async () => {
    const { app, context, disdik } = await rosterApp()
    const other = await insertAgency(context)
    const session = await signIn(app, context, await insertAgencyAdmin(context, other.id))
    expect((await get(app, `/api/v1/units/${disdik.id}`, session.headers)).statusCode).toBe(404)
    expect((await get(app, '/api/v1/units', session.headers)).json().items).toEqual([])
  })
})

describe('super admin', () => {
  it('works in any agency named by id, and gets 404 agency.not_found for an unknown one', async () => {
    const { app, context, agency, disdik } = await rosterApp()
    const account = await insertAccount(context, {
      agencyId: null,
      assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
      totp: true,
    })
    const session = await signIn(app, context, account)
    const known = await get(app, `/api/v1/units?agencyId=${agency.id}&q=disdik`, session.headers)
    expect(known.json().items.map((u: { id: string }) => u.id)).toEqual([disdik.id])
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: session.headers,
      payload: { agencyId: '0190a000-0000-7000-8000-000000000001', name: 'Dinas Hantu', kind: 'opd' },
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('agency.not_found')
  })
})

describe('role grants scoped to units (users API)', () => {
  it('accepts a unit of the agency and refuses one of another agency with 422 unit_not_found', async () => {
    const { app, context, session, disdik } = await rosterApp()
    const other = await insertAgency(context)
    const foreign = await insertUnit(context, other.id)
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: {
        username: 'admin-liar',
        displayName: 'Admin Liar',
        roles: [{ role: 'unit_admin', unitId: foreign.id }],
      },
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toEqual({
      code: 'user.role_invalid',
      details: { role: 'unit_admin', problem: 'unit_not_found' },
    })
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: {
        username: 'admin-disdik',
        displayName: 'Admin Disdik',
        roles: [{ role: 'unit_admin', unitId: disdik.id }],
      },
    })
    expect(accepted.statusCode).toBe(201)
    expect(accepted.json().user.roles).toEqual([
      { role: 'unit_admin', agencyId: disdik.agencyId, unitId: disdik.id },
    ])
  })
  it('sets, changes and lifts the unit limit of an existing account (PUT roles), audited before/after', async () => {
    const { app, context, db, agency, session, disdik, klojen } = await rosterApp()
    const staff = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'employee', agencyId: agency.id, unitId: null }],
    })
    const put = (roles: unknown[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/users/${staff.user.id}/roles`,
        headers: session.headers,
        payload: { roles },
      })

    const limited = await put([{ role: 'unit_admin', unitId: disdik.id }, { role: 'employee' }])
    expect(limited.statusCode).toBe(200)
    expect(limited.json().roles).toEqual([
      { role: 'unit_admin', agencyId: agency.id, unitId: disdik.id },
      { role: 'employee', agencyId: agency.id, unitId: null },
    ])

    // The same grant twice is one assignment.
    const moved = await put([
      { role: 'unit_admin', unitId: klojen.id },
      { role: 'unit_admin', unitId: klojen.id },
    ])
    expect(moved.statusCode).toBe(200)
    expect(moved.json().roles).toEqual([{ role: 'unit_admin', agencyId: agency.id, unitId: klojen.id }])
    const shown = await get(app, `/api/v1/users/${staff.user.id}`, session.headers)
    expect(shown.json().roles).toEqual([{ role: 'unit_admin', agencyId: agency.id, unitId: klojen.id }])

    const lifted = await put([{ role: 'unit_admin' }])
    expect(lifted.json().roles).toEqual([{ role: 'unit_admin', agencyId: agency.id, unitId: null }])

    const audits = await db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'user.roles_changed')
      .where('entityId', '=', staff.user.id)
      .orderBy('occurredAt')
      .orderBy('id')
      .execute()
    expect(audits.map((audit) => JSON.parse(audit.summary).after.roles)).toEqual([
      [
        { role: 'unit_admin', agencyId: agency.id, unitId: disdik.id },
        { role: 'employee', agencyId: agency.id, unitId: null },
      ],
      [{ role: 'unit_admin', agencyId: agency.id, unitId: klojen.id }],
      [{ role: 'unit_admin', agencyId: agency.id, unitId: null }],
    ])
  })

  it('refuses a deactivated unit for a new limit (422 unit_inactive) but keeps one the account already holds', async () => {
    const { app, context, db, agency, session, klojen, kauman } = await rosterApp()
    const staff = await insertUnitScopedAccount(context, agency.id, kauman.id, 'examiner')
    const deactivated = await app.inject({
      method: 'POST',
      url: `/api/v1/units/${kauman.id}/deactivate`,
      headers: session.headers,
    })
    expect(deactivated.statusCode).toBe(200)
    const put = (roles: unknown[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/users/${staff.user.id}/roles`,
        headers: session.headers,
        payload: { roles },
      })

    const newLimit = await put([{ role: 'unit_admin', unitId: kauman.id }])
    expect(newLimit.statusCode).toBe(422)
    expect(newLimit.json().error).toEqual({
      code: 'user.role_invalid',
      details: { role: 'unit_admin', problem: 'unit_inactive' },
    })
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: {
        username: 'pemeriksa-kauman',
        displayName: 'Pemeriksa Kauman',
        roles: [{ role: 'examiner', unitId: kauman.id }],
      },
    })
    expect(created.statusCode).toBe(422)
    expect(created.json().error.details).toEqual({ role: 'examiner', problem: 'unit_inactive' })
    expect(
      await db.selectFrom('users').select('id').where('username', '=', 'pemeriksa-kauman').execute(),
    ).toEqual([])
    const unchanged = await get(app, `/api/v1/users/${staff.user.id}`, session.headers)
    expect(unchanged.json().roles).toEqual([{ role: 'examiner', agencyId: agency.id, unitId: kauman.id }])

    // Another role can be added without moving the limit the account already has.
    const kept = await put([
      { role: 'examiner', unitId: kauman.id },
      { role: 'decision_maker', unitId: klojen.id },
    ])
    expect(kept.statusCode).toBe(200)
    expect(kept.json().roles).toEqual([
      { role: 'examiner', agencyId: agency.id, unitId: kauman.id },
      { role: 'decision_maker', agencyId: agency.id, unitId: klojen.id },
    ])
  })
})
