import { describe, expect, it } from 'vitest'
import { CellError } from './import.cells.js'
import {
  excelSerialToDate,
  inferKind,
  mapRow,
  normaliseHeader,
  resolveColumns,
  spelledDate,
} from './import.mapping.js'

describe('resolveColumns', () => {
  it('finds SIASN headers whatever their case, dots and spacing', () => {
    const { columns, errors } = resolveColumns(['No.', ' nip ', 'Nama', 'Gol. Ruang', 'unor', 'No. HP'], 1)
    expect(errors).toEqual([])
    expect(columns).toMatchObject({
      nip: { index: 1, header: ' nip ' },
      name: { index: 2 },
      grade: { index: 3 },
      unit: { index: 4 },
      phone: { index: 5 },
    })
  })

  it('requires name and unit, and every header the mapping names', () => {
    const { errors } = resolveColumns(['NIP', 'Nomor'], 1, { nik: 'Nomor KTP' })
    expect(errors.map((error) => [error.column, error.code])).toEqual([
      ['Nomor KTP', 'import.column_missing'],
      ['NAMA', 'import.column_missing'],
      ['UNOR', 'import.column_missing'],
    ])
  })
})

describe('mapRow', () => {
  const { columns } = resolveColumns(['NIP', 'NAMA', 'TGL LAHIR', 'GOL', 'UNOR', 'NO HP', 'NIK'], 1)

  it('reads dates from Date cells, Excel serials and spelled-out Indonesian dates; phones typed as numbers', () => {
    expect(mapRow(2, ['x', 'Budi', 31681, null, 'Dinas', 81234567890], columns).input).toMatchObject({
      birthDate: new Date(Date.UTC(1986, 8, 26)),
      phone: '081234567890',
    })
    expect(mapRow(3, ['x', 'Budi', '26 Agustus 1986', null, 'Dinas'], columns).input.birthDate).toBe(
      '1986-08-26',
    )
  })

  it('refuses NIP and NIK that went through a number cell, and error values', () => {
    const mapped = mapRow(
      2,
      [198609262015051000, 'Budi', null, '#N/A', 'Dinas', null, '3.57301E+15'],
      columns,
    )
    expect(mapped.errors.map((error) => [error.column, error.code, error.reason])).toEqual([
      ['NIP', 'employee.nip_invalid', 'stored_as_number'],
      ['NIK', 'employee.nik_invalid', 'stored_as_number'],
    ])
    const errorCell = mapRow(3, ['x', new CellError('#REF!')], columns)
    expect(errorCell.errors[0]).toMatchObject({ column: 'NAMA', code: 'import.cell_error' })
    expect(errorCell.errors[0]?.message).toContain('#REF!')
  })

  it("drops Excel's apostrophe text mark", () => {
    expect(mapRow(2, ["'198609262015051001", 'Budi'], columns).input.nip).toBe('198609262015051001')
  })
})

describe('helpers', () => {
  it.each([
    ['198609262015051001', null, 'PNS'],
    ['199001012021212001', 'IX', 'PPPK'],
    ['198609262015051001', 'III/a', 'PNS'],
    [null, 'III/a', 'PNS'],
    [null, null, 'NON_ASN'],
  ])('infers the kind of %s with grade %s as %s', (nip, grade, kind) =>
    expect(inferKind(nip, grade)).toBe(kind),
  )

  it('normalises headers, spelled dates and Excel serials', () => {
    expect(normaliseHeader('  no._hp ')).toBe('NO HP')
    expect(spelledDate('1 Des 1990')).toBe('1990-12-01')
    expect(spelledDate('26-09-1986')).toBe('26-09-1986')
    expect(excelSerialToDate(31681).toISOString()).toBe('1986-09-26T00:00:00.000Z')
  })
})
