import { describe, expect, it } from 'vitest'
import { insertAgency, insertRosterEmployee, insertUnit } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { csvText, fixtureFile, nipOf, siasnHeaders, xlsxBuffer } from './import.fixtures.js'
import {
  arrange,
  countEmployees,
  employeesOf,
  errorSummary,
  head,
  other,
  run,
  sectionHead,
  siasnRows,
  staff,
} from './import.testing.js'

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
