/**
 * Spreadsheet files for the import's tests, the example generator (scripts/make-example-xlsx.ts) and the import
 * benchmark: SIASN-style headers, NIPs built from their parts, XLSX written with exceljs (merged cells and formulas
 * included) and CSV with either separator. Not used by the running application.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'

/** The headers of a SIASN-style export, in its column order. */
export const siasnHeaders = [
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
  'NIP ATASAN',
  'EMAIL',
  'NO HP',
] as const

/** `nipOf('19860926', '201505', 1, 1)` → `198609262015051001`. */
export const nipOf = (born: string, appointed: string, sex: number, sequence: number): string =>
  `${born}${appointed}${sex}${String(sequence).padStart(3, '0')}`

export type FixtureCell = ExcelJS.CellValue

export interface XlsxFixture {
  readonly sheet?: string
  readonly rows: readonly (readonly FixtureCell[])[]
  /** Ranges like `J3:J5`: the value stays in the top-left cell. */
  readonly merges?: readonly string[]
  /** Column number (1-based) → Excel number format, e.g. `{ 5: 'dd/mm/yyyy' }`. */
  readonly formats?: Readonly<Record<number, string>>
  /** Sheets placed before the data (an empty one, a notes page). */
  readonly sheetsBefore?: readonly { name: string; rows: readonly (readonly FixtureCell[])[] }[]
}

/** An XLSX file in memory (exceljs' regular writer: merges and formulas as Excel stores them). */
export async function xlsxBuffer(fixture: XlsxFixture): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const before of fixture.sheetsBefore ?? []) {
    const sheet = workbook.addWorksheet(before.name)
    for (const row of before.rows) sheet.addRow([...row])
  }
  const sheet = workbook.addWorksheet(fixture.sheet ?? 'Pegawai')
  for (const row of fixture.rows) sheet.addRow([...row])
  for (const [column, format] of Object.entries(fixture.formats ?? {}))
    sheet.getColumn(Number(column)).numFmt = format
  for (const range of fixture.merges ?? []) sheet.mergeCells(range)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** CSV text: fields quoted when needed, CRLF line ends (as Excel writes them). */
export function csvText(rows: readonly (readonly (string | number | null)[])[], delimiter = ','): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value)
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return rows.map((row) => row.map(field).join(delimiter)).join('\r\n') + '\r\n'
}

/** A fresh temporary directory for fixture files. */
export const fixtureDir = (): string => mkdtempSync(path.join(tmpdir(), 'netra-import-'))

/** Writes a file into a fresh temporary directory and returns its path. */
export function fixtureFile(name: string, content: string | Buffer): string {
  const file = path.join(fixtureDir(), name)
  writeFileSync(file, content)
  return file
}
