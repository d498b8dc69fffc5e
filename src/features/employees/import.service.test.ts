import { describe, expect, it } from 'vitest'
import { insertAgency, insertRosterEmployee, insertUnit } from '../../../test/support/factories.js'
import { createTestContext, type TestContext } from '../../../test/support/test-context.js'
import type { UnitRow } from '../../db/tables.js'
import { systemActor } from '../audit/audit.service.js'
import { csvText, fixtureFile, nipOf, siasnHeaders, xlsxBuffer } from './import.fixtures.js'
import type { ImportMapping } from './import.schema.js'
import { runEmployeeImport, writeBatch } from './import.service.js'

const head = nipOf('19700101', '199503', 1, 1)
const sectionHead = nipOf('19800202', '200503', 2, 1)
const staff = nipOf('19900303', '201503', 1, 1)
const pppk = '199104042021212001'
const other = nipOf('19920505', '201803', 2, 1)

type Row = (string | number | null)[]

/** Three PNS in a chain (head ← section head ← staff) and a PPPK, in a SIASN-style layout. */
function siasnRows(unit: string): Row[] {
  return [
    [...siasnHeaders],
    // The staff row comes first: its superior is further down the file.
    [
      staff,
      'Rudi Hartono',
      null,
      'S.Kom.',
      '03-03-1990',
      'L',
      'III/a',
      'Pranata Komputer Ahli Pertama',
      'Fungsional',
      unit,
      sectionHead,
      'rudi@contoh.go.id',
      '0812-3456-7890',
    ],
    [
      head,
      'Wahyu Hidayat',
      'Dr. Ir.',
      'M.M.',
      '01-01-1970',
      'L',
      'IV/c',
      'Kepala Dinas',
      'JPT Pratama',
      unit,
      null,
      null,
      null,
    ],
    [
      sectionHead,
      'Siti Rahmawati',
      null,
      'S.E.',
      '1980-02-02',
      'P',
      'IIIc',
      'Kepala Bidang',
      'Administrator',
      unit,
      head,
      null,
      '+6281234567891',
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
      unit,
      sectionHead,
      null,
      null,
    ],
  ]
}

async function arrange(context: TestContext) {
  const agency = await insertAgency(context)
  const unit = await insertUnit(context, agency.id, {
    name: 'Dinas Komunikasi dan Informatika',
    code: 'DISKOMINFO',
  })
  return { agency, unit }
}

const run = (
  context: TestContext,
  agencyId: string,
  file: string,
  options: { dryRun?: boolean; createMissingUnits?: boolean; mapping?: ImportMapping } = {},
) =>
  runEmployeeImport(context.database.db, context.clock, {
    agencyId,
    filePath: file,
    fileName: 'pegawai.csv',
    dryRun: options.dryRun ?? false,
    createMissingUnits: options.createMissingUnits ?? false,
    mapping: options.mapping,
    auditActor: systemActor,
  })

const employeesOf = (context: TestContext, agencyId: string) =>
  context.database.db
    .selectFrom('employees')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('nip')
    .execute()

const countEmployees = async (context: TestContext, agencyId: string) =>
  (await employeesOf(context, agencyId)).length

const errorSummary = (report: { errors: { row: number; column: string; code: string; reason?: string }[] }) =>
  report.errors.map((error) => ({
    row: error.row,
    column: error.column,
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
  }))

describe('runEmployeeImport — SIASN default mapping', () => {
  it('dry-runs a clean CSV: every row valid, the changes it would make, nothing written', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile('pegawai.csv', csvText(siasnRows('Dinas Komunikasi dan Informatika'), ';'))

    const report = await run(context, agency.id, file, { dryRun: true })

    expect(report).toMatchObject({
      rows: 4,
      valid: 4,
      invalidRows: 0,
      errors: [],
      dryRun: true,
      committed: false,
      changes: { created: 4, updated: 0, unchanged: 0, unitsCreated: 0 },
    })
    expect(report.columns).toMatchObject({
      nip: 'NIP',
      name: 'NAMA',
      unit: 'UNOR',
      superiorNip: 'NIP ATASAN',
    })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('commits every field, superiors included (also one named further down the file), with one audit event', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const file = fixtureFile('pegawai.csv', csvText(siasnRows('dinas komunikasi  DAN informatika')))

    const report = await run(context, agency.id, file)

    expect(report).toMatchObject({ rows: 4, valid: 4, committed: true, changes: { created: 4 } })
    const rows = await employeesOf(context, agency.id)
    const byNip = new Map(rows.map((row) => [row.nip, row]))
    expect(byNip.get(head)).toMatchObject({
      kind: 'PNS',
      name: 'Wahyu Hidayat',
      frontTitle: 'Dr. Ir.',
      backTitle: 'M.M.',
      gender: 'male',
      birthDate: '1970-01-01',
      grade: 'IV/c',
      positionType: 'jpt_pratama',
      positionTitle: 'Kepala Dinas',
      unitId: unit.id,
      superiorId: null,
      status: 'active',
    })
    expect(byNip.get(sectionHead)).toMatchObject({
      grade: 'III/c',
      gender: 'female',
      superiorId: byNip.get(head)?.id,
      phone: '+6281234567891',
    })
    expect(byNip.get(staff)).toMatchObject({
      superiorId: byNip.get(sectionHead)?.id,
      email: 'rudi@contoh.go.id',
      phone: '+6281234567890',
    })
    expect(byNip.get(pppk)).toMatchObject({ kind: 'PPPK', grade: 'IX', birthDate: '1991-04-04' })

    const audit = await context.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'employee.imported')
      .execute()
    expect(audit).toHaveLength(1)
    const summary = JSON.parse(audit[0]?.summary ?? '{}') as Record<string, unknown>
    expect(summary).toMatchObject({ fileName: 'pegawai.csv', rows: 4, created: 4, updated: 0 })
    expect(summary.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(summary)).not.toContain(head)
  })

  it('finds the new employees through name search (tokens written with the rows)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    await run(
      context,
      agency.id,
      fixtureFile('p.csv', csvText(siasnRows('Dinas Komunikasi dan Informatika'))),
    )

    const tokens = await context.database.db
      .selectFrom('employeeNameTokens')
      .select('token')
      .where('agencyId', '=', agency.id)
      .execute()
    expect(tokens.map((row) => row.token)).toEqual(expect.arrayContaining(['wahyu', 'hidayat', 'rahmawati']))
  })

  it('reads an XLSX with date cells, formulas, merged unit cells, a notes sheet and empty trailing rows', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const buffer = await xlsxBuffer({
      sheetsBefore: [{ name: 'Kosong', rows: [] }],
      rows: [
        ['DAFTAR PEGAWAI DINAS KOMUNIKASI DAN INFORMATIKA'],
        [...siasnHeaders],
        [
          head,
          'Wahyu Hidayat',
          null,
          null,
          new Date(Date.UTC(1970, 0, 1)),
          'L',
          'IV/c',
          'Kepala Dinas',
          'JPT Pratama',
          'Dinas Komunikasi dan Informatika',
          null,
          null,
          null,
        ],
        [
          sectionHead,
          { formula: 'PROPER("siti rahmawati")', result: 'Siti Rahmawati' },
          null,
          null,
          { formula: 'DATE(1980,2,2)', result: 29253 },
          'P',
          'III/c',
          'Kepala Bidang',
          'Administrator',
          null,
          { formula: 'A3', result: head },
          null,
          null,
        ],
        [
          staff,
          { richText: [{ text: 'Rudi ' }, { text: 'Hartono' }] },
          null,
          null,
          null,
          'L',
          'III/a',
          'Pranata Komputer',
          'Fungsional',
          null,
          sectionHead,
          { text: 'rudi@contoh.go.id', hyperlink: 'mailto:rudi@contoh.go.id' },
          81234567890,
        ],
        [],
        [null, null, null],
      ],
      merges: ['J3:J5'],
      formats: { 5: 'dd/mm/yyyy' },
    })
    const file = fixtureFile('pegawai.xlsx', buffer)

    const report = await run(context, agency.id, file)

    expect(errorSummary(report)).toEqual([
      { row: 4, column: 'UNOR', code: 'employee.field_required' },
      { row: 5, column: 'UNOR', code: 'employee.field_required' },
    ])
    // Merged cells hold their value in the top-left cell only: the rows below say nothing about their unit.
    expect(report).toMatchObject({ rows: 3, valid: 1, committed: false })
    expect(await countEmployees(context, agency.id)).toBe(0)

    const filled = await xlsxBuffer({
      rows: [
        [...siasnHeaders],
        [
          head,
          'Wahyu Hidayat',
          null,
          null,
          new Date(Date.UTC(1970, 0, 1)),
          'L',
          'IV/c',
          'Kepala Dinas',
          'JPT Pratama',
          'Dinas Komunikasi dan Informatika',
          null,
          null,
          null,
        ],
        [
          sectionHead,
          { formula: 'PROPER("siti rahmawati")', result: 'Siti Rahmawati' },
          null,
          null,
          { formula: 'DATE(1980,2,2)', result: 29253 },
          'P',
          'III/c',
          'Kepala Bidang',
          'Administrator',
          'Dinas Komunikasi dan Informatika',
          { formula: 'A2', result: head },
          null,
          null,
        ],
        [
          staff,
          { richText: [{ text: 'Rudi ' }, { text: 'Hartono' }] },
          null,
          null,
          null,
          'L',
          'III/a',
          'Pranata Komputer',
          'Fungsional',
          'Dinas Komunikasi dan Informatika',
          sectionHead,
          { text: 'rudi@contoh.go.id', hyperlink: 'mailto:rudi@contoh.go.id' },
          81234567890,
        ],
        [],
        [],
      ],
      formats: { 5: 'dd/mm/yyyy' },
    })
    const committed = await run(context, agency.id, fixtureFile('pegawai.xlsx', filled))
    expect(committed).toMatchObject({ rows: 3, valid: 3, committed: true, errors: [] })
    const byNip = new Map((await employeesOf(context, agency.id)).map((row) => [row.nip, row]))
    expect(byNip.get(sectionHead)).toMatchObject({
      name: 'Siti Rahmawati',
      birthDate: '1980-02-02',
      superiorId: byNip.get(head)?.id,
      unitId: unit.id,
    })
    expect(byNip.get(staff)).toMatchObject({
      name: 'Rudi Hartono',
      email: 'rudi@contoh.go.id',
      phone: '+6281234567890',
    })
  })
})

describe('runEmployeeImport — remapping', () => {
  it('reads columns under other headers when the mapping names them, and ignores a field mapped to null', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile(
      'remap.csv',
      csvText([
        ['Nomor Induk', 'Nama Lengkap Pegawai', 'Unit', 'Atasan', 'EMAIL'],
        [head, 'Wahyu Hidayat', 'DISKOMINFO', null, 'tidak-valid'],
        [staff, 'Rudi Hartono', 'DISKOMINFO', head, 'tidak-valid'],
      ]),
    )
    const mapping = {
      nip: 'nomor induk',
      name: 'Nama Lengkap Pegawai',
      unitCode: 'UNIT',
      superiorNip: 'Atasan',
      email: null,
    } satisfies ImportMapping

    const report = await run(context, agency.id, file, { mapping })

    expect(report).toMatchObject({ rows: 2, valid: 2, committed: true })
    const rows = await employeesOf(context, agency.id)
    expect(rows.map((row) => [row.name, row.email])).toEqual([
      ['Wahyu Hidayat', null],
      ['Rudi Hartono', null],
    ])
  })

  it('reports a mapped header that is not in the file on the header row', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile('pegawai.csv', csvText(siasnRows('Dinas Komunikasi dan Informatika')))

    const report = await run(context, agency.id, file, { mapping: { nip: 'Nomor Induk' } })

    expect(errorSummary(report)).toEqual([{ row: 1, column: 'Nomor Induk', code: 'import.column_missing' }])
    expect(report).toMatchObject({ rows: 4, valid: 0, invalidRows: 4, committed: false })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })
})

describe('runEmployeeImport — bad input', () => {
  it('names every invalid row with its column, code, reason and an Indonesian message', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const unit = 'Dinas Komunikasi dan Informatika'
    const file = fixtureFile(
      'buruk.csv',
      csvText([
        [...siasnHeaders],
        [
          '19860926 201505 1 00',
          'Salah Panjang',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [
          nipOf('19860231', '201505', 1, 1),
          'Tanggal Mustahil',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 3, 1),
          'Digit Kelamin',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 1, 2),
          'Golongan Aneh',
          null,
          null,
          null,
          'L',
          'V/z',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 1, 3),
          'Unit Hilang',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          'Dinas Antah Berantah',
          null,
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 1, 4),
          'Atasan Hilang',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          nipOf('19750505', '200001', 1, 9),
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 1, 5),
          'Kelamin Beda',
          null,
          null,
          null,
          'P',
          'III/a',
          null,
          null,
          unit,
          null,
          'bukan email',
          null,
        ],
        ['1.98609E+17', 'Angka Ilmiah', null, null, null, 'L', 'III/a', null, null, unit, null, null, null],
        [
          nipOf('19860926', '201505', 1, 6),
          'Pertama',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [
          nipOf('19860926', '201505', 1, 6),
          'Kembar',
          null,
          null,
          null,
          'L',
          'III/a',
          null,
          null,
          unit,
          null,
          null,
          null,
        ],
        [null, 'Tanpa NIP Bergolongan', null, null, null, 'L', 'III/a', null, null, unit, null, null, null],
      ]),
    )

    const report = await run(context, agency.id, file, { dryRun: true })

    expect(errorSummary(report)).toEqual([
      { row: 2, column: 'NIP', code: 'employee.nip_invalid', reason: 'length' },
      { row: 3, column: 'NIP', code: 'employee.nip_invalid', reason: 'birth_date' },
      { row: 4, column: 'NIP', code: 'employee.nip_invalid', reason: 'gender_digit' },
      { row: 5, column: 'GOL', code: 'employee.field_invalid', reason: 'unknown' },
      { row: 6, column: 'UNOR', code: 'import.unit_not_found' },
      { row: 7, column: 'NIP ATASAN', code: 'employee.superior_not_found' },
      { row: 8, column: 'JENIS KELAMIN', code: 'employee.nip_mismatch', reason: 'gender' },
      { row: 8, column: 'EMAIL', code: 'employee.field_invalid' },
      { row: 9, column: 'NIP', code: 'employee.nip_invalid', reason: 'stored_as_number' },
      { row: 11, column: 'NIP', code: 'employee.nip_duplicate_in_file' },
      { row: 12, column: 'NIP', code: 'employee.nip_invalid', reason: 'required' },
    ])
    const messages = new Map(report.errors.map((error) => [`${error.row}:${error.column}`, error.message]))
    expect(messages.get('2:NIP')).toBe('NIP harus 18 angka')
    expect(messages.get('3:NIP')).toBe('Tanggal lahir pada NIP tidak valid')
    expect(messages.get('4:NIP')).toBe('Digit jenis kelamin pada NIP (angka ke-15) harus 1 atau 2')
    expect(messages.get('5:GOL')).toContain('Golongan tidak dikenal')
    expect(messages.get('11:NIP')).toBe('NIP ini sudah dipakai di baris 10')
    expect(report).toMatchObject({ rows: 11, valid: 1, invalidRows: 10, errorCount: 11, changes: null })
  })

  it('refuses a NIP typed into a number cell of an XLSX (its last digits are gone)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const buffer = await xlsxBuffer({
      rows: [
        [...siasnHeaders],
        [
          Number(head),
          'Wahyu Hidayat',
          null,
          null,
          null,
          'L',
          'IV/c',
          null,
          null,
          'Dinas Komunikasi dan Informatika',
          null,
          null,
          null,
        ],
        [
          { error: '#N/A' },
          'Rusak',
          null,
          null,
          null,
          'L',
          'IV/c',
          null,
          null,
          'Dinas Komunikasi dan Informatika',
          null,
          null,
          null,
        ],
      ],
    })

    const report = await run(context, agency.id, fixtureFile('angka.xlsx', buffer), { dryRun: true })

    expect(errorSummary(report)).toEqual([
      { row: 2, column: 'NIP', code: 'employee.nip_invalid', reason: 'stored_as_number' },
      { row: 3, column: 'NIP', code: 'import.cell_error' },
    ])
  })

  it('refuses a NIP held by an employee of another agency, and writes nothing', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const other = await insertAgency(context)
    const otherUnit = await insertUnit(context, other.id)
    await insertRosterEmployee(context, otherUnit, { nip: staff })

    const report = await run(
      context,
      agency.id,
      fixtureFile(
        'p.csv',
        csvText(siasnRows('DISKOMINFO'.replace('DISKOMINFO', 'Dinas Komunikasi dan Informatika'))),
      ),
    )

    expect(errorSummary(report)).toEqual([
      { row: 2, column: 'NIP', code: 'employee.nip_taken_by_other_agency' },
    ])
    expect(report).toMatchObject({ committed: false, valid: 3, invalidRows: 1 })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('finds a superior cycle inside the file', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const unit = 'Dinas Komunikasi dan Informatika'
    const file = fixtureFile(
      'siklus.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'NIP ATASAN'],
        [head, 'A', unit, staff],
        [sectionHead, 'B', unit, head],
        [staff, 'C', unit, sectionHead],
        [other, 'D', unit, other],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(errorSummary(report)).toEqual([
      { row: 2, column: 'NIP ATASAN', code: 'employee.superior_cycle' },
      { row: 3, column: 'NIP ATASAN', code: 'employee.superior_cycle' },
      { row: 4, column: 'NIP ATASAN', code: 'employee.superior_cycle' },
      { row: 5, column: 'NIP ATASAN', code: 'employee.superior_cycle', reason: 'self' },
    ])
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('finds a superior cycle closed through employees already in the roster', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    // Roster: staff → sectionHead → head. The file makes head report to staff.
    const headRow = await insertRosterEmployee(context, unit, { nip: head })
    const sectionRow = await insertRosterEmployee(context, unit, { nip: sectionHead, superiorId: headRow.id })
    await insertRosterEmployee(context, unit, { nip: staff, superiorId: sectionRow.id })
    const file = fixtureFile(
      'siklus.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'NIP ATASAN'],
        [head, 'Wahyu Hidayat', 'Dinas Komunikasi dan Informatika', staff],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(errorSummary(report)).toEqual([{ row: 2, column: 'NIP ATASAN', code: 'employee.superior_cycle' }])
    const stored = await employeesOf(context, agency.id)
    expect(stored.find((row) => row.nip === head)?.superiorId).toBeNull()
  })

  it('reports missing required columns once, on the header row', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile(
      'tanpa-unor.csv',
      csvText([
        ['NIP', 'NAMA'],
        [head, 'Wahyu Hidayat'],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(errorSummary(report)).toEqual([{ row: 1, column: 'UNOR', code: 'import.column_missing' }])
    expect(report).toMatchObject({ rows: 1, valid: 0, invalidRows: 1 })
  })

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>\nendobj\n'), 'not_a_spreadsheet'],
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'not_a_spreadsheet',
    ],
    ['an old binary .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls_format'],
    ['a broken ZIP', Buffer.from('PK\u0003\u0004 bukan zip sungguhan'), 'corrupt_xlsx'],
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a text file that is no list', Buffer.from('Halo, ini surat biasa.\nSalam.\n'), 'no_known_columns'],
    [
      'a CSV with a quote never closed',
      Buffer.from('NIP,NAMA,UNOR\n"1986,Budi,Dinas\n'),
      'unterminated_quote',
    ],
  ])('refuses %s as one unreadable-file error and writes nothing', async (_label, content, reason) => {
    const context = await createTestContext()
    const { agency } = await arrange(context)

    await expect(run(context, agency.id, fixtureFile('berkas.xlsx', content))).rejects.toMatchObject({
      code: 'import.file_unreadable',
      details: { reason },
    })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('refuses a truncated XLSX (the ZIP ends early)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const whole = await xlsxBuffer({ rows: siasnRows('Dinas Komunikasi dan Informatika') })

    await expect(
      run(context, agency.id, fixtureFile('potong.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))),
    ).rejects.toMatchObject({ code: 'import.file_unreadable' })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })
})

describe('runEmployeeImport — commit semantics', () => {
  it('changes nothing when the same file is imported twice, and reports 0 changes', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile('pegawai.csv', csvText(siasnRows('Dinas Komunikasi dan Informatika')))
    await run(context, agency.id, file)
    const before = await employeesOf(context, agency.id)

    const again = await run(context, agency.id, file)

    expect(again).toMatchObject({ committed: true, changes: { created: 0, updated: 0, unchanged: 4 } })
    expect(await employeesOf(context, agency.id)).toEqual(before)
  })

  it('updates only what changed, upserting by NIP, and leaves fields of absent columns alone', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const existing = await insertRosterEmployee(context, unit, {
      nip: head,
      name: 'Wahyu Lama',
      email: 'lama@contoh.go.id',
      whatsapp: '+6281111111111',
    })
    const file = fixtureFile(
      'p.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'EMAIL'],
        [head, 'Wahyu Hidayat', 'Dinas Komunikasi dan Informatika', null],
        [staff, 'Rudi Hartono', 'Dinas Komunikasi dan Informatika', 'rudi@contoh.go.id'],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(report.changes).toEqual({ created: 1, updated: 1, unchanged: 0, unitsCreated: 0 })
    const updated = (await employeesOf(context, agency.id)).find((row) => row.id === existing.id)
    expect(updated).toMatchObject({
      name: 'Wahyu Hidayat',
      searchName: 'wahyu hidayat',
      email: null,
      whatsapp: '+6281111111111',
      grade: 'III/a',
    })
  })

  it('matches rows without NIP (Non-ASN) by name, unit and birth date, so a re-import adds no one', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile(
      'non-asn.csv',
      csvText([
        ['NIP', 'NAMA', 'TGL LAHIR', 'UNOR', 'JENIS PEGAWAI', 'JABATAN'],
        [null, 'Joko Susanto', '12-05-1995', 'Dinas Komunikasi dan Informatika', 'Non ASN', 'Pengemudi'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', null, 'Petugas Kebersihan'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', null, 'Petugas Kebersihan'],
      ]),
    )

    const first = await run(context, agency.id, file, { dryRun: true })
    expect(errorSummary(first)).toEqual([{ row: 4, column: 'NAMA', code: 'import.row_duplicate_in_file' }])

    const clean = fixtureFile(
      'non-asn.csv',
      csvText([
        ['NIP', 'NAMA', 'TGL LAHIR', 'UNOR', 'JABATAN'],
        [null, 'Joko Susanto', '12-05-1995', 'Dinas Komunikasi dan Informatika', 'Pengemudi'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', 'Petugas Kebersihan'],
      ]),
    )
    expect((await run(context, agency.id, clean)).changes).toMatchObject({ created: 2 })
    const again = await run(context, agency.id, clean)
    expect(again.changes).toEqual({ created: 0, updated: 0, unchanged: 2, unitsCreated: 0 })
    const rows = await employeesOf(context, agency.id)
    expect(rows.map((row) => [row.kind, row.nip, row.birthDate])).toEqual([
      ['NON_ASN', null, '1995-05-12'],
      ['NON_ASN', null, null],
    ])
  })

  it('writes nothing when a row error appears while writing (all or nothing, rolled back mid-way)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const other = await insertAgency(context)
    const taken = nipOf('19991231', '202101', 2, 1)
    await insertRosterEmployee(context, await insertUnit(context, other.id), { nip: taken })
    const rows: Row[] = [['NIP', 'NAMA', 'UNOR']]
    // More rows than one write batch, so the first batch is already written when the taken NIP is met.
    for (let i = 1; i <= writeBatch + 200; i++)
      rows.push([
        nipOf('19850101', '201001', 1 + (i % 2), i % 999 || 999).replace(/^(\d{8})/, (d) =>
          String(Number(d) + Math.floor(i / 999)),
        ),
        `Pegawai ${i}`,
        'Dinas Komunikasi dan Informatika',
      ])
    rows.push([taken, 'Pemilik NIP Lain', 'Dinas Komunikasi dan Informatika'])

    const report = await run(context, agency.id, fixtureFile('banyak.csv', csvText(rows)))

    expect(errorSummary(report)).toEqual([
      { row: writeBatch + 202, column: 'NIP', code: 'employee.nip_taken_by_other_agency' },
    ])
    expect(report.committed).toBe(false)
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('creates missing units only when asked, in the same transaction, with a guessed kind and parent', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const file = fixtureFile(
      'unit-baru.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK', 'NIP ATASAN'],
        [head, 'Wahyu Hidayat', 'Dinas Pendidikan', null, null],
        [
          sectionHead,
          'Siti Rahmawati',
          'Bidang Aplikasi Informatika',
          'Dinas Komunikasi dan Informatika',
          null,
        ],
        [staff, 'Rudi Hartono', 'SD Negeri 1 Kota Contoh', null, head],
        [other, 'Dewi Lestari', 'SD Negeri 1 Kota Contoh', null, head],
      ]),
    )

    const refused = await run(context, agency.id, file)
    expect(errorSummary(refused).map((error) => error.code)).toEqual([
      'import.unit_not_found',
      'import.unit_not_found',
      'import.unit_not_found',
      'import.unit_not_found',
    ])

    const report = await run(context, agency.id, file, { createMissingUnits: true })

    expect(report).toMatchObject({ committed: true, changes: { created: 4, unitsCreated: 3 } })
    const units = await context.database.db
      .selectFrom('units')
      .selectAll()
      .where('agencyId', '=', agency.id)
      .orderBy('name')
      .execute()
    const byName = new Map<string, UnitRow>(units.map((row) => [row.name, row]))
    expect(byName.get('Dinas Pendidikan')).toMatchObject({ kind: 'opd', parentId: null, depth: 0 })
    expect(byName.get('SD Negeri 1 Kota Contoh')).toMatchObject({ kind: 'sekolah', parentId: null })
    const bidang = byName.get('Bidang Aplikasi Informatika')
    expect(bidang).toMatchObject({ kind: 'bidang', parentId: unit.id, depth: 1 })
    expect(bidang?.path).toBe(`${unit.path}${bidang?.id}/`)
    const employees = await employeesOf(context, agency.id)
    expect(employees.filter((row) => row.unitId === byName.get('SD Negeri 1 Kota Contoh')?.id)).toHaveLength(
      2,
    )
  })

  it('tells apart units of the same name by UNOR INDUK, and refuses an ambiguous one', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const other = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan' })
    const ours = await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: unit })
    await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: other })
    const file = fixtureFile(
      'sekretariat.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK'],
        [head, 'Wahyu Hidayat', 'Sekretariat', 'Dinas Komunikasi dan Informatika'],
        [staff, 'Rudi Hartono', 'Sekretariat', null],
      ]),
    )

    const report = await run(context, agency.id, file, { dryRun: true })

    expect(errorSummary(report)).toEqual([{ row: 3, column: 'UNOR', code: 'import.unit_ambiguous' }])
    const fixed = fixtureFile(
      'sekretariat.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK'],
        [head, 'Wahyu Hidayat', 'Sekretariat', 'Dinas Komunikasi dan Informatika'],
      ]),
    )
    await run(context, agency.id, fixed)
    expect((await employeesOf(context, agency.id))[0]?.unitId).toBe(ours.id)
  })
})
