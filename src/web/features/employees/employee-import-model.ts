/**
 * The import wizard's pure parts: how far a run is, which mapping to send, what the report says and the
 * row-error list as a CSV to fix the file with.
 */
import {
  defaultColumnHeaders,
  importFields,
  type EmployeeImportView,
  type ImportField,
  type ImportMapping,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
} from '../../../features/employees/import.schema'
import { spreadsheetText } from '../../../domain/spreadsheet'

export type { EmployeeImportView, ImportField, ImportReport, ImportRowError }

const runningPhases: readonly ImportProgress['phase'][] = ['reading', 'validating', 'writing']

export const isRunning = (view: Pick<EmployeeImportView, 'progress'>): boolean =>
  runningPhases.includes(view.progress.phase)

/** 0–100 for the progress bar, or null while the share is not known yet (the bar then runs indeterminate). */
export function progressPercent(progress: ImportProgress): number | null {
  switch (progress.phase) {
    case 'uploaded':
      return 0
    case 'reading':
      return progress.bytesTotal > 0 ? Math.min(100, (progress.bytesRead / progress.bytesTotal) * 100) : null
    case 'validating':
    case 'writing':
      return progress.rowsTotal && progress.rowsTotal > 0
        ? Math.min(100, (progress.rowsDone / progress.rowsTotal) * 100)
        : null
    case 'done':
    case 'failed':
      return 100
  }
}

/** Which header each field is read from (null: not imported), starting from the server's suggestion. */
export type ColumnChoice = Partial<Record<ImportField, string | null>>

export function initialChoice(view: Pick<EmployeeImportView, 'suggestedMapping'>): ColumnChoice {
  const choice: ColumnChoice = {}
  for (const field of importFields) choice[field] = view.suggestedMapping[field] ?? null
  return choice
}

/** The mapping to send: only the fields whose header differs from what the server would pick on its own. */
export function mappingOf(
  view: Pick<EmployeeImportView, 'suggestedMapping'>,
  choice: ColumnChoice,
): ImportMapping {
  const mapping: ImportMapping = {}
  for (const field of importFields) {
    const chosen = choice[field] ?? null
    if (chosen !== (view.suggestedMapping[field] ?? null)) mapping[field] = chosen
  }
  return mapping
}

/** True when some row names a unit that does not exist: offer to create the missing units. */
export const hasMissingUnits = (report: ImportReport | null): boolean =>
  report?.errors.some((error) => error.code === 'import.unit_not_found') ?? false

/** Commit is allowed only for a clean dry run of the same options. */
export const mayCommit = (report: ImportReport | null): boolean =>
  report !== null && report.dryRun && report.errorCount === 0 && report.rows > 0

/** The distinct columns row errors point at, in the order they first appear. */
export const errorColumns = (errors: readonly ImportRowError[]): string[] => [
  ...new Set(errors.map((error) => error.column)),
]

const csvCell = (value: string | number): string => {
  const text = String(value)
  // Quote what would break the row; formula starts are neutralised (CSV injection).
  const safe = spreadsheetText(text)
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The row errors as CSV (header row in the reader's language), to fix the file row by row. */
export function rowErrorsCsv(
  errors: readonly ImportRowError[],
  headers: readonly [string, string, string, string],
): string {
  const lines = [headers.map(csvCell).join(',')]
  for (const error of errors)
    lines.push([error.row, error.column, error.code, error.message].map(csvCell).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** Columns of a SIASN-style export in the order people see them, then the optional extra columns. */
export const expectedColumns: readonly ImportField[] = [
  'nip',
  'name',
  'frontTitle',
  'backTitle',
  'birthDate',
  'gender',
  'grade',
  'positionTitle',
  'positionType',
  'unit',
  'superiorNip',
  'email',
  'phone',
  'whatsapp',
  'kind',
  'nik',
  'status',
  'unitCode',
  'parentUnit',
]

/** Columns that must be filled on every row (NIP for PNS and PPPK). */
export const requiredColumns: ReadonlySet<ImportField> = new Set(['nip', 'name', 'unit'])

/** The header the import expects for a field (the first of its recognised spellings). */
export const headerOf = (field: ImportField): string => defaultColumnHeaders[field][0] ?? field

/** An empty template with every recognised column, as CSV (UTF-8 with BOM, so Excel reads the letters right). */
export const templateCsv = (): string => `\uFEFF${expectedColumns.map(headerOf).join(',')}\r\n`

/** A data: address for a text download, no object URL to revoke. */
export const csvDataUrl = (text: string): string =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(text.startsWith('\uFEFF') ? text : `\uFEFF${text}`)}`
