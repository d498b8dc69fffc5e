import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertRosterEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

/** Dinas Kesehatan ── Puskesmas Kauman; Kecamatan Klojen. */
async function rosterApp() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const dinkes = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan' })
  const puskesmas = await insertUnit(context, agency.id, {
    parent: dinkes,
    name: 'Puskesmas Kauman',
    kind: 'upt',
  })
  const klojen = await insertUnit(context, agency.id, { name: 'Kecamatan Klojen', kind: 'kecamatan' })
  return { app, context, db: context.database.db, agency, session, dinkes, puskesmas, klojen }
}
type RosterApp = Awaited<ReturnType<typeof rosterApp>>

const validEmployee = {
  kind: 'PNS',
  nip: '19860926 201505 2 001',
  nik: '3573016609860001',
  name: 'Siti Rahmawati',
  backTitle: 'S.Kep., Ners',
  grade: 'III-c',
  positionType: 'Fungsional',
  positionTitle: 'Perawat Ahli Muda',
  email: 'Siti.Rahmawati@contoh.go.id',
  phone: '0812 3456 7890',
}

const post = (r: Pick<RosterApp, 'app'>, headers: Record<string, string>, url: string, payload: unknown) =>
  r.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> })

describe('POST /api/v1/employees', () => {
  it('creates a validated, normalised employee; the audit summary leaves the NIK out', async () => {
    const r = await rosterApp()
    const response = await post(r, r.session.headers, '/api/v1/employees', {
      ...validEmployee,
      unitId: r.puskesmas.id,
      socialAccounts: [{ platform: 'instagram', handle: '@siti.rahma', isVerified: true }],
    })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({
      nip: '198609262015052001',
      nik: '3573016609860001',
      nikIsMasked: false,
      gender: 'female',
      birthDate: '1986-09-26',
      grade: 'III/c',
      rank: 'Penata',
      positionType: 'fungsional',
      displayName: 'Siti Rahmawati, S.Kep., Ners',
      email: 'siti.rahmawati@contoh.go.id',
      phone: '+6281234567890',
      status: 'active',
      unit: { id: r.puskesmas.id, name: 'Puskesmas Kauman', kind: 'upt', isActive: true },
      breadcrumb: [
        { id: r.dinkes.id, name: 'Dinas Kesehatan', kind: 'opd' },
        { id: r.puskesmas.id, name: 'Puskesmas Kauman', kind: 'upt' },
      ],
      superior: null,
      subordinatesCount: 0,
      socialAccounts: [{ platform: 'instagram', handle: 'siti.rahma', isVerified: true }],
    })
    const audit = await r.db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'employee.created')
      .where('entityId', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(audit.summary).not.toContain('3573016609860001')
    expect(JSON.parse(audit.summary)).toMatchObject({ after: { nip: '198609262015052001', hasNik: true } })
  })

  it.each([
    ['19860926 201505 3 001', 'gender_digit'],
    ['1986092620150520', 'length'],
    ['19860231 201505 2 001', 'birth_date'],
    ['19860926 200005 2 001', 'appointment_before_adulthood'],
  ])('refuses NIP %s with 422 employee.nip_invalid (%s) and writes nothing', async (nip, reason) => {
    const r = await rosterApp()
    const response = await post(r, r.session.headers, '/api/v1/employees', {
      ...validEmployee,
      nip,
      unitId: r.puskesmas.id,
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({
      code: 'employee.nip_invalid',
      details: { field: 'nip', reason },
    })
    expect(await r.db.selectFrom('employees').select('id').execute()).toEqual([])
  })

  it('lists every field problem at once under details.problems', async () => {
    const r = await rosterApp()
    const response = await post(r, r.session.headers, '/api/v1/employees', {
      kind: 'PNS',
      name: '',
      nip: 'abc',
      email: 'bukan-email',
      unitId: r.puskesmas.id,
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details.problems).toEqual([
      { field: 'name', code: 'employee.field_required' },
      { field: 'nip', code: 'employee.nip_invalid', reason: 'not_digits' },
      { field: 'email', code: 'employee.field_invalid' },
    ])
  })

  it('refuses a NIP already used, even by another agency (409 employee.nip_taken)', async () => {
    const r = await rosterApp()
    const other = await insertAgency(r.context)
    const otherUnit = await insertUnit(r.context, other.id)
    await insertRosterEmployee(r.context, otherUnit, { nip: '198609262015052001', gender: 'female' })
    const response = await post(r, r.session.headers, '/api/v1/employees', {
      ...validEmployee,
      unitId: r.puskesmas.id,
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toEqual({
      code: 'employee.nip_taken',
      details: { nip: '198609262015052001' },
    })
  })

  it('refuses a unit of another agency (422 employee.unit_invalid)', async () => {
    const r = await rosterApp()
    const other = await insertAgency(r.context)
    const foreign = await insertUnit(r.context, other.id)
    const response = await post(r, r.session.headers, '/api/v1/employees', {
      ...validEmployee,
      unitId: foreign.id,
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('employee.unit_invalid')
  })
})

describe('PATCH /api/v1/employees/:employeeId', () => {
  it('re-validates the merged record: a birth date that contradicts the NIP is 422 employee.nip_mismatch', async () => {
    const r = await rosterApp()
    const created = (
      await post(r, r.session.headers, '/api/v1/employees', { ...validEmployee, unitId: r.puskesmas.id })
    ).json()
    const response = await r.app.inject({
      method: 'PATCH',
      url: `/api/v1/employees/${created.id}`,
      headers: r.session.headers,
      payload: { birthDate: '1987-01-01' },
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({
      code: 'employee.nip_mismatch',
      details: { reason: 'birth_date' },
    })
  })

  it('renames an employee, who is then found by the new name only', async () => {
    const r = await rosterApp()
    const employee = await insertRosterEmployee(r.context, r.puskesmas, { name: 'Budi Santoso' })
    const response = await r.app.inject({
      method: 'PATCH',
      url: `/api/v1/employees/${employee.id}`,
      headers: r.session.headers,
      payload: { name: 'Budi Prasetyo', frontTitle: 'dr.' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ displayName: 'dr. Budi Prasetyo' })
    const search = async (q: string) =>
      (
        await r.app.inject({ method: 'GET', url: `/api/v1/employees?q=${q}`, headers: r.session.headers })
      ).json().items.length
    expect(await search('prasetyo')).toBe(1)
    expect(await search('santoso')).toBe(0)
    const audit = await r.db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'employee.updated')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.summary)).toEqual({
      before: { name: 'Budi Santoso', frontTitle: null },
      after: { name: 'Budi Prasetyo', frontTitle: 'dr.' },
    })
  })
})

describe('PUT /api/v1/employees/:employeeId/superior', () => {
  it('sets a superior and refuses a cycle (422 employee.superior_cycle) or the employee itself', async () => {
    const r = await rosterApp()
    const kadis = await insertRosterEmployee(r.context, r.dinkes, { name: 'Kepala Dinas' })
    const kapus = await insertRosterEmployee(r.context, r.puskesmas, {
      name: 'Kepala Puskesmas',
      superiorId: kadis.id,
    })
    const perawat = await insertRosterEmployee(r.context, r.puskesmas, {
      name: 'Perawat',
      superiorId: kapus.id,
    })
    const setSuperior = (employeeId: string, superiorId: string | null) =>
      r.app.inject({
        method: 'PUT',
        url: `/api/v1/employees/${employeeId}/superior`,
        headers: r.session.headers,
        payload: { superiorId },
      })

    const cycle = await setSuperior(kadis.id, perawat.id)
    expect(cycle.statusCode).toBe(422)
    expect(cycle.json().error).toEqual({
      code: 'employee.superior_cycle',
      details: { employeeId: kadis.id, superiorId: perawat.id },
    })
    const self = await setSuperior(kadis.id, kadis.id)
    expect(self.statusCode).toBe(422)
    expect(self.json().error.code).toBe('employee.superior_invalid')

    const ok = await setSuperior(perawat.id, kadis.id)
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ superior: { id: kadis.id, displayName: 'Kepala Dinas' } })
    const kadisDetail = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/${kadis.id}`,
      headers: r.session.headers,
    })
    expect(kadisDetail.json().subordinatesCount).toBe(2)
  })
})

describe('PUT /api/v1/employees/:employeeId/unit and /status', () => {
  it('moves an employee to an active unit and changes the status, auditing both', async () => {
    const r = await rosterApp()
    const employee = await insertRosterEmployee(r.context, r.puskesmas)
    const moved = await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${employee.id}/unit`,
      headers: r.session.headers,
      payload: { unitId: r.klojen.id },
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().unit).toMatchObject({ id: r.klojen.id })
    const retired = await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${employee.id}/status`,
      headers: r.session.headers,
      payload: { status: 'retired' },
    })
    expect(retired.json()).toMatchObject({ status: 'retired' })
    const actions = await r.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', employee.id)
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['employee.moved', 'employee.status_changed'])
  })
})

describe('GET /api/v1/employees', () => {
  async function populated() {
    const r = await rosterApp()
    const e = (unit: typeof r.dinkes, name: string, extra: Parameters<typeof insertRosterEmployee>[2] = {}) =>
      insertRosterEmployee(r.context, unit, { name, ...extra })
    await e(r.dinkes, 'Siti Rahmawati', { nip: '198609262015052001', gender: 'female', grade: 'III/c' })
    await e(r.puskesmas, 'Siti Aminah', { nip: '199001012019032001', gender: 'female', grade: 'III/a' })
    await e(r.puskesmas, 'Ahmad Fauzi', { nip: '198512312010011002', grade: 'III/b' })
    await e(r.klojen, 'Rahmat Hidayat', { nip: '197805052005011001', grade: 'IV/a' })
    await e(r.klojen, 'Dewi Sartika', { kind: 'NON_ASN', nip: null, grade: null, gender: 'female' })
    await e(r.klojen, 'Bambang Sitorus', { nip: '196801011990031001', status: 'retired', grade: 'IV/b' })
    for (let i = 1; i <= 25; i++) await e(r.klojen, `Zaenal Pegawai ${String(i).padStart(2, '0')}`)
    return r
  }
  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name)
  const list = async (r: RosterApp, query: string, headers = r.session.headers) => {
    const response = await r.app.inject({ method: 'GET', url: `/api/v1/employees?${query}`, headers })
    expect(response.statusCode).toBe(200)
    return response.json()
  }

  it('pages through everyone sorted by name with the total', async () => {
    const r = await populated()
    const first = await list(r, 'pageSize=5')
    expect(first).toMatchObject({ total: 31, totalIsExact: true, page: 1, pageSize: 5 })
    expect(names(first)).toEqual([
      'Ahmad Fauzi',
      'Bambang Sitorus',
      'Dewi Sartika',
      'Rahmat Hidayat',
      'Siti Aminah',
    ])
    const last = await list(r, 'pageSize=5&page=7')
    expect(names(last)).toEqual(['Zaenal Pegawai 25'])
  })

  it('finds by words of the name, each word a prefix, in any order', async () => {
    const r = await populated()
    expect(names(await list(r, 'q=siti'))).toEqual(['Siti Aminah', 'Siti Rahmawati'])
    expect(names(await list(r, 'q=rahma'))).toEqual(['Rahmat Hidayat', 'Siti Rahmawati'])
    expect(names(await list(r, 'q=rahm%20sit'))).toEqual(['Siti Rahmawati'])
    expect(names(await list(r, 'q=SITI%20aminah'))).toEqual(['Siti Aminah'])
    expect(names(await list(r, 'q=tidak%20ada'))).toEqual([])
  })

  it('lists a name once even when two of its words match, and pages through name matches', async () => {
    const r = await populated()
    await insertRosterEmployee(r.context, r.klojen, { name: 'Sri Sriyani' })
    await insertRosterEmployee(r.context, r.klojen, { name: 'Sri Wahyuni' })
    const sri = await list(r, 'q=sri')
    expect(sri).toMatchObject({ total: 2, totalIsExact: true })
    expect(names(sri)).toEqual(['Sri Sriyani', 'Sri Wahyuni'])
    expect(names(await list(r, 'q=sri&pageSize=1&page=2'))).toEqual(['Sri Wahyuni'])
    const zaenal = await list(r, 'q=zaenal%20peg&pageSize=10&page=3')
    expect(zaenal).toMatchObject({ total: 25, totalIsExact: true })
    expect(names(zaenal)).toEqual([
      'Zaenal Pegawai 21',
      'Zaenal Pegawai 22',
      'Zaenal Pegawai 23',
      'Zaenal Pegawai 24',
      'Zaenal Pegawai 25',
    ])
    expect(names(await list(r, 'q=zaenal&pageSize=10&page=4'))).toEqual([])
  })

  it('keeps name search in step with status, unit and kind changes', async () => {
    const r = await populated()
    const [ahmad] = (await list(r, 'q=ahmad')).items
    await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${ahmad.id}/status`,
      headers: r.session.headers,
      payload: { status: 'moved' },
    })
    await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${ahmad.id}/unit`,
      headers: r.session.headers,
      payload: { unitId: r.klojen.id },
    })
    expect(names(await list(r, 'q=ahmad&status=active'))).toEqual([])
    expect(names(await list(r, 'q=ahmad&status=moved'))).toEqual(['Ahmad Fauzi'])
    expect(names(await list(r, `q=ahmad&unitId=${r.dinkes.id}`))).toEqual([])
    expect(names(await list(r, `q=ahmad&unitId=${r.klojen.id}&kind=PNS&grade=III/b`))).toEqual([
      'Ahmad Fauzi',
    ])
  })

  it('finds by NIP prefix (spaces allowed), ordered by NIP', async () => {
    const r = await populated()
    expect(names(await list(r, 'q=1986'))).toEqual(['Siti Rahmawati'])
    expect(names(await list(r, 'q=19%208'))).toEqual(['Ahmad Fauzi', 'Siti Rahmawati'])
    expect(names(await list(r, 'q=19860926%20201505%202%20001'))).toEqual(['Siti Rahmawati'])
  })

  it('filters by unit subtree, kind, grade and status; lists show the NIK masked', async () => {
    const r = await populated()
    expect(names(await list(r, `unitId=${r.dinkes.id}`))).toEqual([
      'Ahmad Fauzi',
      'Siti Aminah',
      'Siti Rahmawati',
    ])
    expect(names(await list(r, `unitId=${r.puskesmas.id}&q=siti`))).toEqual(['Siti Aminah'])
    expect(names(await list(r, 'kind=NON_ASN'))).toEqual(['Dewi Sartika'])
    expect(names(await list(r, 'grade=IIIb'))).toEqual(['Ahmad Fauzi'])
    expect(names(await list(r, 'status=retired'))).toEqual(['Bambang Sitorus'])
    await insertRosterEmployee(r.context, r.dinkes, { name: 'Nik Terisi', nik: '3573015505900002' })
    const withNik = await list(r, 'q=terisi')
    expect(withNik.items[0]).toMatchObject({ nikMasked: '3573••••••••0002' })
    expect(withNik.items[0]).not.toHaveProperty('nik')
  })

  it('answers 404 unit.not_found for a unit filter outside the agency, 400 for unknown parameters', async () => {
    const r = await populated()
    const other = await insertAgency(r.context)
    const foreign = await insertUnit(r.context, other.id)
    const response = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees?unitId=${foreign.id}`,
      headers: r.session.headers,
    })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('unit.not_found')
    const unknown = await r.app.inject({
      method: 'GET',
      url: '/api/v1/employees?orderBy=nip',
      headers: r.session.headers,
    })
    expect(unknown.statusCode).toBe(400)
  })
})

describe('social-media accounts', () => {
  it('adds, refuses a duplicate, verifies and removes an account', async () => {
    const r = await rosterApp()
    const employee = await insertRosterEmployee(r.context, r.puskesmas)
    const base = `/api/v1/employees/${employee.id}/social-accounts`
    const added = await post(r, r.session.headers, base, {
      platform: 'tiktok',
      handle: '@Budi.Sehat',
      url: 'https://www.tiktok.com/@budi.sehat',
    })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ platform: 'tiktok', handle: 'Budi.Sehat', isVerified: false })
    const duplicate = await post(r, r.session.headers, base, { platform: 'tiktok', handle: 'budi.sehat' })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().error.code).toBe('employee.social_account_taken')
    const badPlatform = await post(r, r.session.headers, base, { platform: 'myspace', handle: 'budi' })
    expect(badPlatform.statusCode).toBe(400)

    const accountUrl = `${base}/${added.json().id}`
    const verified = await r.app.inject({
      method: 'PATCH',
      url: accountUrl,
      headers: r.session.headers,
      payload: { isVerified: true },
    })
    expect(verified.json()).toMatchObject({ isVerified: true })
    const removed = await r.app.inject({ method: 'DELETE', url: accountUrl, headers: r.session.headers })
    expect(removed.statusCode).toBe(204)
    const again = await r.app.inject({ method: 'DELETE', url: accountUrl, headers: r.session.headers })
    expect(again.statusCode).toBe(404)
    expect(again.json().error.code).toBe('employee.social_account_not_found')
    const detail = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/${employee.id}`,
      headers: r.session.headers,
    })
    expect(detail.json().socialAccounts).toEqual([])
  })
})

describe('unit_admin scope on employees', () => {
  async function scoped() {
    const r = await rosterApp()
    const inside = await insertRosterEmployee(r.context, r.puskesmas, {
      name: 'Dalam Lingkup',
      nik: '3573011203850001',
    })
    const outside = await insertRosterEmployee(r.context, r.klojen, { name: 'Luar Lingkup' })
    const unitAdmin = await insertUnitScopedAccount(r.context, r.agency.id, r.dinkes.id)
    const session = await signIn(r.app, r.context, unitAdmin)
    return { ...r, inside, outside, unitSession: session }
  }

  it('lists only the own subtree, also when searching', async () => {
    const r = await scoped()
    const all = await r.app.inject({
      method: 'GET',
      url: '/api/v1/employees',
      headers: r.unitSession.headers,
    })
    expect(all.json()).toMatchObject({ total: 1, items: [{ id: r.inside.id }] })
    const search = await r.app.inject({
      method: 'GET',
      url: '/api/v1/employees?q=luar',
      headers: r.unitSession.headers,
    })
    expect(search.json()).toMatchObject({ total: 0, items: [] })
    const filter = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees?unitId=${r.klojen.id}`,
      headers: r.unitSession.headers,
    })
    expect(filter.statusCode).toBe(404)
  })

  it('opens only employees of the subtree (others 404) and sees the NIK masked', async () => {
    const r = await scoped()
    const inside = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/${r.inside.id}`,
      headers: r.unitSession.headers,
    })
    expect(inside.statusCode).toBe(200)
    expect(inside.json()).toMatchObject({ nik: '3573••••••••0001', nikIsMasked: true })
    const outside = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/${r.outside.id}`,
      headers: r.unitSession.headers,
    })
    expect(outside.statusCode).toBe(404)
    expect(outside.json().error.code).toBe('employee.not_found')
  })

  it('edits only inside the subtree and cannot place anyone outside it', async () => {
    const r = await scoped()
    const editOutside = await r.app.inject({
      method: 'PATCH',
      url: `/api/v1/employees/${r.outside.id}`,
      headers: r.unitSession.headers,
      payload: { positionTitle: 'Diubah' },
    })
    expect(editOutside.statusCode).toBe(404)
    const statusOutside = await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${r.outside.id}/status`,
      headers: r.unitSession.headers,
      payload: { status: 'dismissed' },
    })
    expect(statusOutside.statusCode).toBe(404)
    const moveOut = await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${r.inside.id}/unit`,
      headers: r.unitSession.headers,
      payload: { unitId: r.klojen.id },
    })
    expect(moveOut.statusCode).toBe(422)
    expect(moveOut.json().error.code).toBe('employee.unit_invalid')
    const superiorOutside = await r.app.inject({
      method: 'PUT',
      url: `/api/v1/employees/${r.inside.id}/superior`,
      headers: r.unitSession.headers,
      payload: { superiorId: r.outside.id },
    })
    expect(superiorOutside.statusCode).toBe(422)
    expect(superiorOutside.json().error.code).toBe('employee.superior_invalid')
    const editInside = await r.app.inject({
      method: 'PATCH',
      url: `/api/v1/employees/${r.inside.id}`,
      headers: r.unitSession.headers,
      payload: { positionTitle: 'Perawat Terampil' },
    })
    expect(editInside.statusCode).toBe(200)
    expect(editInside.json()).toMatchObject({ positionTitle: 'Perawat Terampil' })
    const untouched = await r.db
      .selectFrom('employees')
      .select(['positionTitle', 'status', 'unitId'])
      .where('id', '=', r.outside.id)
      .executeTakeFirstOrThrow()
    expect(untouched).toEqual({
      positionTitle: 'Pengadministrasi Umum',
      status: 'active',
      unitId: r.klojen.id,
    })
  })

  it('lets a unit-scoped decision maker read but not edit', async () => {
    const r = await scoped()
    const session = await signIn(
      r.app,
      r.context,
      await insertUnitScopedAccount(r.context, r.agency.id, r.dinkes.id, 'decision_maker'),
    )
    const read = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/${r.inside.id}`,
      headers: session.headers,
    })
    expect(read.statusCode).toBe(200)
    const edit = await r.app.inject({
      method: 'PATCH',
      url: `/api/v1/employees/${r.inside.id}`,
      headers: session.headers,
      payload: { positionTitle: 'Diubah' },
    })
    expect(edit.statusCode).toBe(403)
  })
})
