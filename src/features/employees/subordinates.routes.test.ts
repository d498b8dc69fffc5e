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

/**
 * Dinas Kesehatan ── Puskesmas Kauman; Kecamatan Klojen. The Kepala Dinas has four direct subordinates (one of them
 * moved away, one a PPPK); the Kepala Puskesmas has two of their own (grand-subordinates of the Kepala Dinas), one
 * of them working in Klojen. A "Siti" who reports to nobody shares a name word with two subordinates.
 */
async function arrange() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const session = await signIn(app, context, await insertAgencyAdmin(context, agency.id))
  const dinkes = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan' })
  const puskesmas = await insertUnit(context, agency.id, {
    parent: dinkes,
    name: 'Puskesmas Kauman',
    kind: 'upt',
  })
  const klojen = await insertUnit(context, agency.id, { name: 'Kecamatan Klojen', kind: 'kecamatan' })
  const e = (unit: typeof dinkes, name: string, extra: Parameters<typeof insertRosterEmployee>[2] = {}) =>
    insertRosterEmployee(context, unit, { name, ...extra })

  const kadis = await e(dinkes, 'Wahyu Hidayat', { nip: '197001011995031001' })
  const kapus = await e(puskesmas, 'Siti Rahmawati', {
    nip: '198609262015052001',
    superiorId: kadis.id,
    gender: 'female',
  })
  const sekretaris = await e(dinkes, 'Siti Aminah', {
    nip: '199001012019032001',
    superiorId: kadis.id,
    gender: 'female',
  })
  const pindah = await e(dinkes, 'Ahmad Fauzi', {
    nip: '198512312010011002',
    superiorId: kadis.id,
    status: 'moved',
  })
  const pppk = await e(dinkes, 'Dewi Lestari', {
    kind: 'PPPK',
    nip: '199104042021212001',
    grade: 'IX',
    superiorId: kadis.id,
  })
  const perawat = await e(puskesmas, 'Budi Santoso', { superiorId: kapus.id })
  const penyuluh = await e(klojen, 'Rina Marlina', { superiorId: kapus.id })
  await e(klojen, 'Siti Nurhaliza', { nip: '198901012015032001' })
  return {
    app,
    context,
    agency,
    session,
    dinkes,
    puskesmas,
    klojen,
    kadis,
    kapus,
    sekretaris,
    pindah,
    pppk,
    perawat,
    penyuluh,
  }
}
type Arranged = Awaited<ReturnType<typeof arrange>>

const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name)

async function list(r: Arranged, query: string, headers = r.session.headers) {
  const response = await r.app.inject({ method: 'GET', url: `/api/v1/employees?${query}`, headers })
  expect(response.statusCode).toBe(200)
  return response.json()
}

describe('GET /api/v1/employees?superiorId=…', () => {
  it('lists exactly the direct subordinates (any status), sorted by name, not those further down', async () => {
    const r = await arrange()
    const kadis = await list(r, `superiorId=${r.kadis.id}`)
    expect(kadis).toMatchObject({ total: 4, totalIsExact: true, page: 1, pageSize: 25 })
    expect(names(kadis)).toEqual(['Ahmad Fauzi', 'Dewi Lestari', 'Siti Aminah', 'Siti Rahmawati'])
    expect(kadis.items.every((item: { superiorId: string }) => item.superiorId === r.kadis.id)).toBe(true)
    expect(names(await list(r, `superiorId=${r.kapus.id}`))).toEqual(['Budi Santoso', 'Rina Marlina'])
    expect(await list(r, `superiorId=${r.perawat.id}`)).toMatchObject({ total: 0, items: [] })
  })

  it('combines with a name or NIP search, kind, status, unit and NIP order', async () => {
    const r = await arrange()
    const of = `superiorId=${r.kadis.id}`
    const siti = await list(r, `${of}&q=siti`)
    expect(siti).toMatchObject({ total: 2, totalIsExact: true })
    expect(names(siti)).toEqual(['Siti Aminah', 'Siti Rahmawati'])
    expect(names(await list(r, `${of}&q=rahm%20sit`))).toEqual(['Siti Rahmawati'])
    expect(names(await list(r, `${of}&q=nurhaliza`))).toEqual([])
    expect(names(await list(r, `${of}&q=siti&sort=nip`))).toEqual(['Siti Rahmawati', 'Siti Aminah'])
    expect(names(await list(r, `${of}&q=19`))).toEqual([
      'Ahmad Fauzi',
      'Siti Rahmawati',
      'Siti Aminah',
      'Dewi Lestari',
    ])
    expect(names(await list(r, `${of}&q=1989`))).toEqual([])
    expect(names(await list(r, `${of}&kind=PPPK`))).toEqual(['Dewi Lestari'])
    expect(names(await list(r, `${of}&status=moved`))).toEqual(['Ahmad Fauzi'])
    expect(names(await list(r, `${of}&status=active&q=siti&kind=PNS`))).toEqual([
      'Siti Aminah',
      'Siti Rahmawati',
    ])
    expect(names(await list(r, `${of}&unitId=${r.puskesmas.id}`))).toEqual(['Siti Rahmawati'])
    expect(names(await list(r, `${of}&sort=nip`))).toEqual([
      'Ahmad Fauzi',
      'Siti Rahmawati',
      'Siti Aminah',
      'Dewi Lestari',
    ])
  })

  it('pages through many subordinates with exact totals, also under a name search', async () => {
    const r = await arrange()
    for (let i = 1; i <= 30; i++)
      await insertRosterEmployee(r.context, r.klojen, {
        name: `Zaenal Bawahan ${String(i).padStart(2, '0')}`,
        superiorId: r.penyuluh.id,
      })
    // Same name words, other superior: must not leak into the pages or the totals.
    for (let i = 1; i <= 5; i++)
      await insertRosterEmployee(r.context, r.klojen, { name: `Zaenal Bawahan Lain ${i}` })
    const of = `superiorId=${r.penyuluh.id}`

    const first = await list(r, of)
    expect(first).toMatchObject({ total: 30, totalIsExact: true, page: 1, pageSize: 25 })
    expect(first.items).toHaveLength(25)
    const second = await list(r, `${of}&page=2`)
    expect(second).toMatchObject({ total: 30, page: 2 })
    expect(names(second)).toEqual([
      'Zaenal Bawahan 26',
      'Zaenal Bawahan 27',
      'Zaenal Bawahan 28',
      'Zaenal Bawahan 29',
      'Zaenal Bawahan 30',
    ])
    expect(new Set([...names(first), ...names(second)]).size).toBe(30)
    expect(await list(r, `${of}&page=3`)).toMatchObject({ total: 30, items: [] })

    const searched = await list(r, `${of}&q=zaenal%20baw&pageSize=10&page=3`)
    expect(searched).toMatchObject({ total: 30, totalIsExact: true })
    expect(names(searched)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Zaenal Bawahan ${String(21 + i).padStart(2, '0')}`),
    )
    expect(await list(r, `${of}&q=zaenal&pageSize=10&page=4`)).toMatchObject({ total: 30, items: [] })
    expect(await list(r, `${of}&q=zaenal&pageSize=100`)).toMatchObject({ total: 30 })
  })

  it('gives an empty list for an unknown employee or one of another agency, 400 for a malformed id', async () => {
    const r = await arrange()
    expect(await list(r, 'superiorId=0190a3f2-7c1e-7b4a-9c1d-2f3e4a5b6c7d')).toMatchObject({
      total: 0,
      totalIsExact: true,
      items: [],
    })

    const other = await insertAgency(r.context)
    const otherUnit = await insertUnit(r.context, other.id)
    const otherBoss = await insertRosterEmployee(r.context, otherUnit, { name: 'Kepala Lain' })
    await insertRosterEmployee(r.context, otherUnit, { name: 'Bawahan Lain', superiorId: otherBoss.id })
    expect(await list(r, `superiorId=${otherBoss.id}`)).toMatchObject({ total: 0, items: [] })
    expect(await list(r, `superiorId=${otherBoss.id}&q=bawahan`)).toMatchObject({ total: 0, items: [] })
    const otherAdmin = await signIn(r.app, r.context, await insertAgencyAdmin(r.context, other.id))
    expect(await list(r, `superiorId=${r.kadis.id}`, otherAdmin.headers)).toMatchObject({
      total: 0,
      items: [],
    })

    for (const bad of ['bukan-uuid', '', '12345']) {
      const response = await r.app.inject({
        method: 'GET',
        url: `/api/v1/employees?superiorId=${bad}`,
        headers: r.session.headers,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('request.invalid')
    }
  })

  it('shows a unit admin only subordinates inside the subtree, and nobody under a superior outside it', async () => {
    const r = await arrange()
    const unitSession = await signIn(
      r.app,
      r.context,
      await insertUnitScopedAccount(r.context, r.agency.id, r.puskesmas.id),
    )
    // The Kepala Puskesmas is inside; of their two subordinates only the one in the Puskesmas is.
    expect(names(await list(r, `superiorId=${r.kapus.id}`, unitSession.headers))).toEqual(['Budi Santoso'])
    expect(names(await list(r, `superiorId=${r.kapus.id}&q=rina`, unitSession.headers))).toEqual([])
    expect(names(await list(r, `superiorId=${r.kapus.id}&q=budi`, unitSession.headers))).toEqual([
      'Budi Santoso',
    ])
    // The Kepala Dinas works outside the subtree: even the Kepala Puskesmas (inside) is not listed under them.
    expect(await list(r, `superiorId=${r.kadis.id}`, unitSession.headers)).toMatchObject({
      total: 0,
      items: [],
    })
    expect(await list(r, `superiorId=${r.kadis.id}&q=siti`, unitSession.headers)).toMatchObject({
      total: 0,
      items: [],
    })
    // Nor under someone in Klojen, whose own subordinates in Klojen are out of reach anyway.
    expect(await list(r, `superiorId=${r.penyuluh.id}`, unitSession.headers)).toMatchObject({ total: 0 })
    // The count on the detail page says the same: the agency admin counts both, the unit admin only one.
    const detail = async (headers: Record<string, string>) =>
      (await r.app.inject({ method: 'GET', url: `/api/v1/employees/${r.kapus.id}`, headers })).json()
    expect(await detail(r.session.headers)).toMatchObject({ subordinatesCount: 2 })
    expect(await detail(unitSession.headers)).toMatchObject({ subordinatesCount: 1 })
  })
})

describe('GET /api/v1/employees/export?superiorId=…', () => {
  it('exports only the direct subordinates', async () => {
    const r = await arrange()
    const response = await r.app.inject({
      method: 'GET',
      url: `/api/v1/employees/export?format=csv&superiorId=${r.kapus.id}`,
      headers: r.session.headers,
    })
    expect(response.statusCode).toBe(200)
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^NIP,NAMA,/)
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['Budi Santoso', 'Rina Marlina'])
  })
})
