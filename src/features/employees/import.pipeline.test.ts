import { describe, expect, it } from 'vitest'
import { createTestContext } from '../../../test/support/test-context.js'
import { csvText, fixtureFile, siasnHeaders, xlsxBuffer } from './import.fixtures.js'
import type { ImportMapping } from './import.schema.js'
import {
  arrange,
  countEmployees,
  employeesOf,
  errorSummary,
  head,
  pppk,
  run,
  sectionHead,
  siasnRows,
  staff,
} from './import.testing.js'

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
