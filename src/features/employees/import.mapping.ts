/**
 * From spreadsheet cells to `validateEmployee` input: which column holds which field (SIASN headers by default, or
 * the user's mapping), and how cell values become text. Spreadsheet habits handled here:
 * - NIP/NIK typed into a number cell lose their last digits (18 and 16 digits exceed a double's 15–17): such a
 *   cell is refused with reason `stored_as_number` rather than imported wrong (also `1.98609E+17` in a CSV);
 * - a leading apostrophe (Excel's "this is text" mark) is dropped;
 * - birth dates may be Dates, Excel serial numbers, `26-09-1986`, `1986-09-26` or `26 September 1986`;
 * - phone numbers typed as numbers lost their leading 0 (`81234567890` → `081234567890`);
 * - an empty kind is inferred: a NIP or a grade means PNS (PPPK when the grade is a PPPK grade), neither
 *   means Non-ASN.
 * Pure: no I/O.
 */
import type { EmployeeInput } from '../../domain/employee-record.js'
import { normaliseGrade } from '../../domain/employee-fields.js'
import { CellError, type CellValue } from './import.cells.js'
import {
  defaultColumnHeaders,
  importFields,
  importRowMessage,
  type ImportField,
  type ImportMapping,
  type ImportRowCode,
  type ImportRowError,
} from './import.schema.js'

/** `No. HP ` → `NO HP`: case, dots, underscores and repeated spaces do not matter. */
export const normaliseHeader = (header: string): string =>
  header.normalize('NFKC').toUpperCase().replace(/[._]/g, ' ').replace(/\s+/g, ' ').trim()

export interface Column {
  readonly index: number
  /** The header as written in the file. */
  readonly header: string
}

export type ColumnMap = Partial<Record<ImportField, Column>>

/** Text of a header cell. */
export function headerText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (cell instanceof CellError) return cell.code
  return String(cell).trim()
}

export function rowError(
  row: number,
  column: string,
  code: ImportRowCode,
  params: { reason?: string | undefined; field?: string | undefined; firstRow?: number; value?: string } = {},
): ImportRowError {
  return {
    row,
    column,
    code,
    ...(params.reason !== undefined ? { reason: params.reason } : {}),
    message: importRowMessage(code, { ...params, column }),
  }
}

/** The first header matching one of the default names of each field (what a form should preselect). */
export function suggestMapping(headers: readonly string[]): Record<ImportField, string | null> {
  const normalised = headers.map(normaliseHeader)
  const out = {} as Record<ImportField, string | null>
  for (const field of importFields) {
    const names = defaultColumnHeaders[field].map(normaliseHeader)
    const index = normalised.findIndex((header) => header !== '' && names.includes(header))
    out[field] = index === -1 ? null : (headers[index] ?? null)
  }
  return out
}

export interface ResolvedColumns {
  readonly columns: ColumnMap
  /** Header problems, reported on the header row (missing required or mapped columns). */
  readonly errors: readonly ImportRowError[]
  /** How many fields found a column (0: this is not an employee list). */
  readonly found: number
}

/**
 * Columns of each field: the user's mapping where given (a missing header is an error), else the default headers.
 * Name and unit (by name or code) are required.
 */
export function resolveColumns(
  headers: readonly string[],
  headerRow: number,
  mapping: ImportMapping = {},
): ResolvedColumns {
  const normalised = headers.map(normaliseHeader)
  const suggested = suggestMapping(headers)
  const columns: ColumnMap = {}
  const errors: ImportRowError[] = []
  for (const field of importFields) {
    const wanted = mapping[field]
    if (wanted === null) continue
    if (wanted !== undefined) {
      const index = normalised.indexOf(normaliseHeader(wanted))
      if (index === -1) errors.push(rowError(headerRow, wanted, 'import.column_missing'))
      else columns[field] = { index, header: headers[index] ?? wanted }
      continue
    }
    const header = suggested[field]
    if (header !== null) columns[field] = { index: headers.indexOf(header), header }
  }
  const found = Object.keys(columns).length
  const missing = (field: ImportField) =>
    mapping[field] === undefined || mapping[field] === null ? (defaultColumnHeaders[field][0] ?? field) : null
  if (!columns.name) {
    const expected = missing('name')
    if (expected) errors.push(rowError(headerRow, expected, 'import.column_missing'))
  }
  if (!columns.unit && !columns.unitCode) {
    const expected = missing('unit')
    if (expected) errors.push(rowError(headerRow, expected, 'import.column_missing'))
  }
  return { columns, errors, found }
}

/** A header row has at least this many recognised columns; rows above it (titles) are skipped. */
export const minRecognisedHeaders = 2
/** The header is looked for among the first non-empty rows only. */
export const headerSearchRows = 10

/* ------------------------------------------------------------------------------------------------------------
 * Cells → text
 * ---------------------------------------------------------------------------------------------------------- */

const numberText = (value: number): string =>
  Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(0) : String(value)

/** Plain text of a cell: trimmed, apostrophe mark dropped, numbers without exponent where exact. */
export function cellText(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (cell instanceof CellError) return null
  if (typeof cell === 'number') return numberText(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  const trimmed = cell.trim().replace(/^'/, '').trim()
  return trimmed === '' ? null : trimmed
}

/** `1.98609E+17`: what a NIP looks like after a round trip through a number cell. */
const scientific = /^\d+([.,]\d+)?e\+?\d+$/i

const indonesianMonths: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `26 September 1986`, `26 Sep 1986`, `26-Sep-1986` → `1986-09-26`; anything else unchanged. */
export function spelledDate(text: string): string {
  const match = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i.exec(text.trim())
  const month = match?.[2] ? indonesianMonths[match[2].toLowerCase()] : undefined
  if (!match || !month) return text
  return `${match[3]}-${pad(month)}-${pad(Number(match[1]))}`
}

/** Excel's day numbers (1900 system): 31681 = 1986-09-26. */
export const excelSerialToDate = (serial: number): Date => new Date(Math.round((serial - 25569) * 86_400_000))

export interface MappedRow {
  readonly input: EmployeeInput
  readonly unitName: string | null
  readonly unitCode: string | null
  readonly parentUnitName: string | null
  readonly superiorNip: string | null
  /** Problems found while reading cells (error values, numbers where text was needed). */
  readonly errors: readonly ImportRowError[]
}

const numberFields = new Set<ImportField>(['nip', 'nik', 'superiorNip'])

/** Which kind an untyped row is: see the module comment. */
export function inferKind(nip: string | null, grade: string | null): string {
  if (nip) return grade && !normaliseGrade(grade, 'PNS') && normaliseGrade(grade, 'PPPK') ? 'PPPK' : 'PNS'
  return grade ? 'PNS' : 'NON_ASN'
}

/** One data row → validation input plus placement, with the cell-level problems. */
export function mapRow(row: number, cells: readonly CellValue[], columns: ColumnMap): MappedRow {
  const errors: ImportRowError[] = []
  const values: Partial<Record<ImportField, string | Date | null>> = {}
  for (const field of importFields) {
    const column = columns[field]
    if (!column) continue
    const cell = cells[column.index]
    if (cell instanceof CellError) {
      errors.push(rowError(row, column.header, 'import.cell_error', { value: cell.code }))
      continue
    }
    if (numberFields.has(field)) {
      const text = cellText(cell)
      if (typeof cell === 'number' || (text !== null && scientific.test(text))) {
        const code = field === 'nik' ? 'employee.nik_invalid' : 'employee.nip_invalid'
        errors.push(rowError(row, column.header, code, { reason: 'stored_as_number' }))
        continue
      }
      values[field] = text
    } else if (field === 'birthDate') {
      if (cell instanceof Date) values[field] = cell
      else if (typeof cell === 'number' && cell > 0 && cell < 100_000) values[field] = excelSerialToDate(cell)
      else {
        const text = cellText(cell)
        values[field] = text === null ? null : spelledDate(text)
      }
    } else if ((field === 'phone' || field === 'whatsapp') && typeof cell === 'number') {
      const digits = numberText(cell)
      values[field] = digits.startsWith('8') ? `0${digits}` : digits
    } else {
      values[field] = cellText(cell)
    }
  }
  const text = (field: ImportField): string | null => {
    const value = values[field]
    return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null)
  }
  const input: Record<string, string | Date | null> = {}
  for (const field of importFields) {
    if (field === 'unit' || field === 'unitCode' || field === 'parentUnit' || field === 'superiorNip')
      continue
    if (values[field] !== undefined) input[field] = values[field]
  }
  // A NIP cell refused above still says the row is an ASN: keep the inference from treating it as Non-ASN.
  const nipGiven = text('nip') ?? (errors.some((error) => error.code === 'employee.nip_invalid') ? '?' : null)
  if (!text('kind')) input.kind = inferKind(nipGiven, text('grade'))
  return {
    input,
    unitName: text('unit'),
    unitCode: text('unitCode'),
    parentUnitName: text('parentUnit'),
    superiorNip: text('superiorNip'),
    errors,
  }
}
