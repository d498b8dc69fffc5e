import { describe, expect, it } from 'vitest'
import type { EmployeeImportView, ImportReport } from '../../../features/employees/import.schema'
import {
  errorColumns,
  hasMissingUnits,
  initialChoice,
  mappingOf,
  mayCommit,
  progressPercent,
  rowErrorsCsv,
  templateCsv,
} from './employee-import-model'

const progress = { bytesRead: 0, bytesTotal: 1000, rowsRead: 0, rowsDone: 0, rowsTotal: null }

describe('progressPercent', () => {
  it('follows the bytes while reading and the rows while checking or writing', () => {
    expect(progressPercent({ ...progress, phase: 'reading', bytesRead: 250 })).toBe(25)
    expect(progressPercent({ ...progress, phase: 'validating', rowsDone: 30, rowsTotal: 40 })).toBe(75)
    expect(progressPercent({ ...progress, phase: 'writing', rowsDone: 40, rowsTotal: 40 })).toBe(100)
  })

  it('is unknown while the number of rows is not known yet', () => {
    expect(progressPercent({ ...progress, phase: 'validating' })).toBeNull()
  })
})

describe('mappingOf', () => {
  const view = {
    suggestedMapping: {
      nip: 'NIP',
      name: 'NAMA',
      unit: 'UNOR',
      kind: null,
    } as EmployeeImportView['suggestedMapping'],
  }

  it('sends nothing when the suggestion is kept', () => {
    expect(mappingOf(view, initialChoice(view))).toEqual({})
  })

  it('sends the fields that were remapped or switched off', () => {
    const choice = { ...initialChoice(view), nip: 'NIP BARU', unit: null, kind: 'KEDUDUKAN' }
    expect(mappingOf(view, choice)).toEqual({ nip: 'NIP BARU', unit: null, kind: 'KEDUDUKAN' })
  })
})

const report = (errors: ImportReport['errors'], extra: Partial<ImportReport> = {}): ImportReport => ({
  rows: 48,
  valid: 48 - new Set(errors.map((error) => error.row)).size,
  invalidRows: new Set(errors.map((error) => error.row)).size,
  errors,
  errorCount: errors.length,
  errorsTruncated: false,
  dryRun: true,
  committed: false,
  changes: null,
  columns: {},
  ...extra,
})

const nipError = {
  row: 15,
  column: 'NIP',
  code: 'employee.nip_invalid' as const,
  reason: 'birth_date',
  message: 'Tanggal lahir pada NIP tidak valid',
}
const unitError = {
  row: 20,
  column: 'UNOR',
  code: 'import.unit_not_found' as const,
  message:
    'Unit kerja tidak ditemukan di instansi ini (pilih "buat unit kerja yang belum ada" untuk membuatnya)',
}

describe('report helpers', () => {
  it('offers to create units only when a unit is missing', () => {
    expect(hasMissingUnits(report([nipError]))).toBe(false)
    expect(hasMissingUnits(report([nipError, unitError]))).toBe(true)
    expect(hasMissingUnits(null)).toBe(false)
  })

  it('allows the commit only after a clean dry run', () => {
    expect(mayCommit(report([nipError]))).toBe(false)
    expect(mayCommit(report([]))).toBe(true)
    expect(mayCommit(report([], { rows: 0 }))).toBe(false)
    expect(mayCommit(report([], { dryRun: false, committed: true }))).toBe(false)
  })

  it('lists the columns with errors once', () => {
    expect(errorColumns([nipError, unitError, { ...nipError, row: 27 }])).toEqual(['NIP', 'UNOR'])
  })
})

describe('rowErrorsCsv', () => {
  it('quotes messages with commas or quotes and defuses formula starts', () => {
    const csv = rowErrorsCsv(
      [unitError, { ...nipError, message: '=HYPERLINK("x")' }],
      ['Baris', 'Kolom', 'Kode', 'Keterangan'],
    )
    expect(csv.split('\r\n')).toEqual([
      'Baris,Kolom,Kode,Keterangan',
      '20,UNOR,import.unit_not_found,"Unit kerja tidak ditemukan di instansi ini (pilih ""buat unit kerja yang belum ada"" untuk membuatnya)"',
      `15,NIP,employee.nip_invalid,"'=HYPERLINK(""x"")"`,
      '',
    ])
  })
})

describe('templateCsv', () => {
  it('starts with the SIASN columns the import reads without a mapping', () => {
    expect(templateCsv()).toMatch(
      /^\uFEFFNIP,NAMA,GELAR DEPAN,GELAR BELAKANG,TGL LAHIR,JENIS KELAMIN,GOL,JABATAN,/,
    )
  })
})
