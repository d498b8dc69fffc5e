/**
 * Issue #3 acceptance: "a unit_admin of one OPD gets nothing from another OPD through any route". Rather than trust
 * each feature's own scope tests to have thought of every route, this sweeps every registered API route as the unit
 * admin of Dinas Kesehatan, pointing every path parameter at Dinas Pendidikan's records, and checks that
 * (1) no response carries a name, NIP, handle or id of Dinas Pendidikan that the request did not itself name,
 * (2) every route addressing a unit or an employee of Dinas Pendidikan answers 404 (not 403: their existence is not
 *     revealed), and
 * (3) nothing of Dinas Pendidikan changed — also when the admin's own records are pointed at it (move under it,
 *     superior from it, place an employee in it).
 * A route added later is swept automatically; a new path parameter must be given a value below or the test fails.
 */
import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertRosterEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../test/support/factories.js'
import { createTestApp } from '../../test/support/test-context.js'
import { newId } from '../platform/ids.js'
import { registeredRoutes } from './plugins/authorize.js'

async function twoOpds() {
  const { app, context } = await createTestApp()
  const db = context.database.db
  const agency = await insertAgency(context)
  const own = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan', code: 'DINKES' })
  const ownPart = await insertUnit(context, agency.id, { parent: own, name: 'Puskesmas Kauman', kind: 'upt' })
  const other = await insertUnit(context, agency.id, { name: 'Dinas Pendidikan Rahasia', code: 'DISDIK' })
  const otherPart = await insertUnit(context, agency.id, {
    parent: other,
    name: 'SD Negeri Tersembunyi',
    kind: 'sekolah',
  })
  const ownHead = await insertRosterEmployee(context, own, { name: 'Kepala Dinkes' })
  const ownStaff = await insertRosterEmployee(context, ownPart, {
    name: 'Perawat Kauman',
    superiorId: ownHead.id,
  })
  const otherHead = await insertRosterEmployee(context, other, { name: 'Kepala Disdik Zulkarnaen' })
  const otherStaff = await insertRosterEmployee(context, otherPart, {
    name: 'Guru Wiratmaja Sekolah',
    superiorId: otherHead.id,
  })
  await db.updateTable('units').set({ headEmployeeId: otherHead.id }).where('id', '=', other.id).execute()
  const otherAccountId = newId()
  await db
    .insertInto('employeeSocialAccounts')
    .values({
      id: otherAccountId,
      employeeId: otherStaff.id,
      platform: 'instagram',
      handle: 'guru.wiratmaja.rahasia',
      url: null,
      isVerified: 0,
      createdAt: context.clock.now().toISOString(),
    })
    .execute()
  const unitAdmin = await insertUnitScopedAccount(context, agency.id, own.id)
  const session = await signIn(app, context, unitAdmin)

  /** Everything of the other OPD, as stored: compared before and after the sweep. */
  const snapshot = async () => ({
    units: await db
      .selectFrom('units')
      .selectAll()
      .where('id', 'in', [other.id, otherPart.id])
      .orderBy('id')
      .execute(),
    employees: await db
      .selectFrom('employees')
      .selectAll()
      .where('id', 'in', [otherHead.id, otherStaff.id])
      .orderBy('id')
      .execute(),
    accounts: await db
      .selectFrom('employeeSocialAccounts')
      .selectAll()
      .where('employeeId', 'in', [otherHead.id, otherStaff.id])
      .orderBy('id')
      .execute(),
  })
  const secrets = [
    other.id,
    otherPart.id,
    otherHead.id,
    otherStaff.id,
    otherAccountId,
    'Dinas Pendidikan Rahasia',
    'SD Negeri Tersembunyi',
    'DISDIK',
    'Zulkarnaen',
    'Wiratmaja',
    'guru.wiratmaja.rahasia',
    otherHead.nip!,
    otherStaff.nip!,
  ]
  return {
    app,
    session,
    own,
    ownPart,
    ownHead,
    ownStaff,
    other,
    otherPart,
    otherHead,
    otherStaff,
    otherAccountId,
    snapshot,
    secrets,
  }
}

type Fixture = Awaited<ReturnType<typeof twoOpds>>

/** A valid body per route, so a refusal is about scope and not about the payload. */
function bodyFor(method: string, url: string, f: Fixture): Record<string, unknown> | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined
  const bodies: Record<string, Record<string, unknown>> = {
    'PATCH /api/v1/units/:unitId': { name: 'Diambil Alih' },
    'POST /api/v1/units/:unitId/move': { parentId: f.own.id },
    'PATCH /api/v1/employees/:employeeId': { name: 'Diambil Alih' },
    'PUT /api/v1/employees/:employeeId/unit': { unitId: f.ownPart.id },
    'POST /api/v1/employees/:employeeId/unit': { unitId: f.ownPart.id },
    'PUT /api/v1/employees/:employeeId/superior': { superiorId: f.ownHead.id },
    'POST /api/v1/employees/:employeeId/superior': { superiorId: f.ownHead.id },
    'PUT /api/v1/employees/:employeeId/status': { status: 'retired' },
    'POST /api/v1/employees/:employeeId/status': { status: 'retired' },
    'POST /api/v1/employees/:employeeId/social-accounts': { platform: 'tiktok', handle: 'ambil.alih' },
    'PATCH /api/v1/employees/:employeeId/social-accounts/:accountId': { isVerified: true },
  }
  return bodies[`${method} ${url}`] ?? {}
}

/** Path parameters point at the other OPD; parameters of agency-wide records get an id that exists nowhere. */
function paramValue(name: string, f: Fixture): string {
  const values: Record<string, string> = {
    unitId: f.otherPart.id,
    employeeId: f.otherStaff.id,
    accountId: f.otherAccountId,
    electionId: newId(),
    partyId: newId(),
    candidateId: newId(),
    entryId: newId(),
    userId: newId(),
    agencyId: newId(),
    importId: newId(),
    id: newId(),
    // public reporting (issue #5): the unit list of an agency is public by design; here, an agency that does not exist
    slug: 'instansi-yang-tidak-ada',
    receipt: '0000000000000000',
    // staff inbox (issue #5): evidence files and reveal requests that exist nowhere
    fileId: newId(),
    rid: newId(),
  }
  const value = values[name]
  if (value === undefined)
    throw new Error(`give the new path parameter :${name} a value in roster-scope.test.ts`)
  return value
}

/** Required query parameters of list routes, so they answer with data rather than 400. */
const queries: Record<string, string> = {
  '/api/v1/employees/export': '?format=csv',
  '/api/v1/calendar': '?year=2026',
  '/api/v1/calendar/working-days': '?add=5',
}
const queryFor = (url: string): string => queries[url] ?? ''

describe('unit_admin of one OPD against another OPD, through every API route', () => {
  it('gets no data of the other OPD, 404 for its units and employees, and changes nothing there', async () => {
    const f = await twoOpds()
    const before = await f.snapshot()
    const routes = registeredRoutes(f.app).filter(
      (route) =>
        route.url.startsWith('/api/v1/') &&
        route.method !== 'HEAD' &&
        route.method !== 'OPTIONS' &&
        !route.url.startsWith('/api/v1/auth/'),
    )
    expect(routes.length).toBeGreaterThan(30)

    const leaks: string[] = []
    const notHidden: string[] = []
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => paramValue(name, f)) + queryFor(route.url)
      const payload = bodyFor(route.method, route.url, f)
      const response = await f.app.inject({
        method: route.method as 'GET',
        url,
        headers: f.session.headers,
        ...(payload ? { payload } : {}),
      })
      expect(response.statusCode, `${route.method} ${route.url} must not fail`).toBeLessThan(500)
      const named = url + JSON.stringify(payload ?? {})
      const leaked = f.secrets.filter((secret) => !named.includes(secret) && response.body.includes(secret))
      if (leaked.length > 0) leaks.push(`${route.method} ${route.url} → ${leaked.join(', ')}`)
      if (/:(unitId|employeeId)\b/.test(route.url) && response.statusCode !== 404)
        notHidden.push(`${route.method} ${route.url} → ${response.statusCode}`)
    }
    expect(leaks).toEqual([])
    expect(notHidden).toEqual([])

    // The admin's own records pointed at the other OPD: refused, and nothing moves.
    const h = f.session.headers
    const attempts = [
      {
        method: 'POST',
        url: '/api/v1/units',
        payload: { parentId: f.other.id, name: 'Unit Titipan', kind: 'other' },
      },
      { method: 'POST', url: `/api/v1/units/${f.ownPart.id}/move`, payload: { parentId: f.other.id } },
      { method: 'PUT', url: `/api/v1/employees/${f.ownStaff.id}/unit`, payload: { unitId: f.otherPart.id } },
      {
        method: 'PUT',
        url: `/api/v1/employees/${f.ownStaff.id}/superior`,
        payload: { superiorId: f.otherHead.id },
      },
      { method: 'PATCH', url: `/api/v1/units/${f.own.id}`, payload: { headEmployeeId: f.otherHead.id } },
      { method: 'GET', url: `/api/v1/employees?unitId=${f.other.id}` },
      { method: 'GET', url: `/api/v1/employees/export?format=csv&unitId=${f.other.id}` },
      { method: 'GET', url: `/api/v1/employees?q=${f.otherStaff.nip}` },
      { method: 'GET', url: '/api/v1/employees?q=wiratmaja' },
    ] as const satisfies readonly {
      method: 'GET' | 'POST' | 'PUT' | 'PATCH'
      url: string
      payload?: Record<string, unknown>
    }[]
    const accepted: string[] = []
    for (const attempt of attempts) {
      const response = await f.app.inject({
        method: attempt.method,
        url: attempt.url,
        headers: h,
        ...('payload' in attempt ? { payload: attempt.payload } : {}),
      })
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBeLessThan(500)
      const named = attempt.url + JSON.stringify('payload' in attempt ? attempt.payload : {})
      const leaked = f.secrets.filter((s) => !named.includes(s) && response.body.includes(s))
      if (attempt.method !== 'GET' && response.statusCode < 400)
        accepted.push(`${attempt.method} ${attempt.url}`)
      if (leaked.length > 0) leaks.push(`${attempt.method} ${attempt.url} → ${leaked.join(', ')}`)
    }
    expect(accepted).toEqual([])
    expect(leaks).toEqual([])
    expect(await f.snapshot()).toEqual(before)
  })
})
