import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
  type SignedIn,
} from '../../../test/support/factories.js'
import { createTestApp, type TestContext } from '../../../test/support/test-context.js'
import { systemActor } from '../audit/audit.service.js'
import { csvText, fixtureFile, nipOf } from './import.fixtures.js'
import { runEmployeeImport } from './import.service.js'

const sekda = nipOf('19680808', '199003', 1, 1)
const kadis = nipOf('19700101', '199503', 1, 1)
const kabid = nipOf('19800202', '200503', 2, 1)
const staff = nipOf('19900303', '201503', 1, 1)
const pppk = '199104042021212001'

/**
 * Kota Uji: Sekretariat Daerah (SETDA) and Dinas Kominfo with its Bidang Aplikasi Informatika; a "Sekretariat" in
 * both OPD (same name), people with titles, dates, phones, a NIK, a PPPK and a Non-ASN, imported through the
 * import itself.
 */
async function arrange() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const setda = await insertUnit(context, agency.id, { name: 'Sekretariat Daerah', code: 'SETDA' })
  const kominfo = await insertUnit(context, agency.id, { name: 'Dinas Komunikasi dan Informatika' })
  const aplikasi = await insertUnit(context, agency.id, {
    name: 'Bidang Aplikasi Informatika',
    kind: 'bidang',
    parent: kominfo,
  })
  await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: kominfo })
  await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: setda })
  const file = fixtureFile(
    'roster.csv',
    csvText([
      [
        'NIP',
        'NAMA',
        'GELAR DEPAN',
        'GELAR BELAKANG',
        'TGL LAHIR',
        'JENIS KELAMIN',
        'GOL',
        'JABATAN',
        'JENIS JABATAN',
        'UNOR',
        'UNOR INDUK',
        'KODE UNOR',
        'NIP ATASAN',
        'EMAIL',
        'NO HP',
        'NO WA',
        'JENIS PEGAWAI',
        'STATUS',
        'NIK',
      ],
      [
        sekda,
        'Bambang Sutanto',
        'Drs. H.',
        'M.Si.',
        '08-08-1968',
        'L',
        'IV/d',
        'Sekretaris Daerah',
        'JPT Madya',
        null,
        null,
        'SETDA',
        null,
        'sekda@contoh.go.id',
        null,
        null,
        'PNS',
        'Aktif',
        null,
      ],
      [
        kadis,
        'Wahyu Hidayat',
        'Dr. Ir.',
        'M.M.',
        '01-01-1970',
        'L',
        'IV/c',
        'Kepala Dinas',
        'JPT Pratama',
        'Dinas Komunikasi dan Informatika',
        null,
        null,
        sekda,
        null,
        '081234567801',
        null,
        'PNS',
        'Aktif',
        null,
      ],
      [
        kabid,
        'Siti Rahmawati',
        null,
        'S.E., M.Si.',
        '02-02-1980',
        'P',
        'IV/a',
        'Kepala Bidang Aplikasi Informatika',
        'Administrator',
        'Bidang Aplikasi Informatika',
        null,
        null,
        kadis,
        'siti@contoh.go.id',
        null,
        '081234567802',
        'PNS',
        'Aktif',
        '3573014202800001',
      ],
      [
        staff,
        "Rudi O'Neil, Jr",
        null,
        'S.Kom.',
        null,
        'L',
        'III/a',
        '=Pranata Komputer; Ahli "Pertama"',
        'Fungsional',
        'Sekretariat',
        'Dinas Komunikasi dan Informatika',
        null,
        kabid,
        null,
        null,
        null,
        'PNS',
        'Pindah',
        null,
      ],
      [
        pppk,
        'Dewi Lestari',
        null,
        'S.Pd.',
        null,
        'P',
        'IX',
        'Guru Ahli Pertama',
        'Fungsional',
        'Bidang Aplikasi Informatika',
        null,
        null,
        kabid,
        null,
        null,
        null,
        'PPPK',
        'Aktif',
        null,
      ],
      [
        null,
        'Joko Santoso',
        null,
        null,
        '12-05-1995',
        'L',
        null,
        'Pengemudi',
        null,
        'Sekretariat',
        'Sekretariat Daerah',
        null,
        sekda,
        null,
        null,
        null,
        'Non-ASN',
        'Aktif',
        null,
      ],
    ]),
  )
  const seeded = await runEmployeeImport(context.database.db, context.clock, {
    pool: context.database.pool,
    agencyId: agency.id,
    filePath: file,
    fileName: 'roster.csv',
    dryRun: false,
    createMissingUnits: false,
    auditActor: systemActor,
  })
  expect(seeded).toMatchObject({ committed: true, errors: [] })
  const admin = await signIn(app, context, await insertAgencyAdmin(context, agency.id))
  return { app, context, agency, setda, kominfo, aplikasi, admin }
}

const download = (app: FastifyInstance, signed: SignedIn, query: string) =>
  app.inject({ method: 'GET', url: `/api/v1/employees/export?${query}`, headers: signed.headers })

const reimport = (context: TestContext, agencyId: string, name: string, content: Buffer) =>
  runEmployeeImport(context.database.db, context.clock, {
    agencyId,
    filePath: fixtureFile(name, content),
    fileName: name,
    dryRun: true,
    createMissingUnits: false,
    auditActor: systemActor,
  })

async function xlsxRows(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('GET /api/v1/employees/export', () => {
  it('exports XLSX with the import headers, NIP as text, and re-imports it with no changes', async () => {
    const { app, context, agency, admin } = await arrange()

    const response = await download(app, admin, 'format=xlsx')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="pegawai-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    )
    expect(response.headers['cache-control']).toBe('no-store')
    const rows = await xlsxRows(response.rawPayload)
    expect(rows[0]).toEqual([
      'NIP',
      'NAMA',
      'GELAR DEPAN',
      'GELAR BELAKANG',
      'TGL LAHIR',
      'JENIS KELAMIN',
      'GOL',
      'JABATAN',
      'JENIS JABATAN',
      'UNOR',
      'UNOR INDUK',
      'KODE UNOR',
      'NIP ATASAN',
      'EMAIL',
      'NO HP',
      'NO WA',
      'JENIS PEGAWAI',
      'STATUS',
      'NIK',
    ])
    expect(rows).toHaveLength(7)
    const siti = rows.find((row) => row[1] === 'Siti Rahmawati')
    expect(siti?.[0]).toBe(kabid)
    expect(siti?.[4]).toEqual(new Date('1980-02-02T00:00:00.000Z'))
    expect(siti?.slice(9, 19)).toEqual([
      'Bidang Aplikasi Informatika',
      'Dinas Komunikasi dan Informatika',
      undefined,
      kadis,
      'siti@contoh.go.id',
      undefined,
      '081234567802',
      'PNS',
      'Aktif',
      '3573014202800001',
    ])

    const again = await reimport(context, agency.id, 'ekspor.xlsx', response.rawPayload)
    expect(again).toMatchObject({
      rows: 6,
      errors: [],
      changes: { created: 0, updated: 0, unchanged: 6, unitsCreated: 0 },
    })
  })

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
  ])('exports CSV (%s) that re-imports with no changes', async (delimiter, separator) => {
    const { app, context, agency, admin } = await arrange()

    const response = await download(app, admin, `format=csv&delimiter=${delimiter}`)

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    const text = response.body
    expect(text.startsWith('\uFEFFNIP' + separator + 'NAMA')).toBe(true)
    // Text a spreadsheet would run as a formula is marked as text.
    expect(text).toContain(`"'=Pranata Komputer; Ahli ""Pertama"""`)
    expect(text).toContain(`${separator}01-01-1970${separator}`)

    const again = await reimport(context, agency.id, 'ekspor.csv', response.rawPayload)
    expect(again).toMatchObject({ errors: [], changes: { created: 0, updated: 0, unchanged: 6 } })
  })

  it('applies the list filters (text, kind, unit subtree)', async () => {
    const { app, admin, kominfo } = await arrange()
    const names = async (query: string) => {
      const response = await download(app, admin, `format=csv&${query}`)
      expect(response.statusCode).toBe(200)
      return response.body
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1])
    }

    expect(await names('q=siti')).toEqual(['Siti Rahmawati'])
    expect(await names('kind=PPPK')).toEqual(['Dewi Lestari'])
    expect(await names(`unitId=${kominfo.id}`)).toEqual([
      'Dewi Lestari',
      '"Rudi O\'Neil',
      'Siti Rahmawati',
      'Wahyu Hidayat',
    ])
  })

  it('exports only the subtree of a unit admin: no other unit, no NIK column, no superior outside', async () => {
    const { app, context, agency, kominfo, setda } = await arrange()
    const unitAdmin = await signIn(
      app,
      context,
      await insertUnitScopedAccount(context, agency.id, kominfo.id),
    )

    const response = await download(app, unitAdmin, 'format=xlsx')

    expect(response.statusCode).toBe(200)
    const rows = await xlsxRows(response.rawPayload)
    expect(rows[0]).not.toContain('NIK')
    expect(rows.slice(1).map((row) => row[1])).toEqual([
      'Dewi Lestari',
      "Rudi O'Neil, Jr",
      'Siti Rahmawati',
      'Wahyu Hidayat',
    ])
    // Wahyu's superior (the Sekretaris Daerah) works outside the unit admin's subtree.
    expect(rows.find((row) => row[1] === 'Wahyu Hidayat')?.[12]).toBeUndefined()

    const outside = await download(app, unitAdmin, `format=csv&unitId=${setda.id}`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ error: { code: 'unit.not_found' } })
  })

  it('requires a signed-in roster reader and refuses unknown query fields', async () => {
    const { app, admin } = await arrange()
    expect((await app.inject({ method: 'GET', url: '/api/v1/employees/export' })).statusCode).toBe(401)
    const unknown = await download(app, admin, 'format=pdf')
    expect(unknown.statusCode).toBe(400)
    expect((await download(app, admin, 'page=2')).statusCode).toBe(400)
  })
})
