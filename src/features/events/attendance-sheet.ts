/**
 * Reading an attendance sheet (XLSX or CSV): the column headed "NIP…" within the first ten rows, then one NIP per
 * row (spaces and dots allowed). Rows without a NIP are skipped; anything but 18 digits is reported as invalid.
 */
import { DomainError } from '../../domain/errors.js'
import { detectSpreadsheetType, readSheetRows, type CellValue } from '../employees/import.reader.js'
import type { AttendanceReport } from './events.schema.js'

/** A NIP as found in a sheet cell: spaces and dots removed; null when the cell is empty. */
export function nipOfCell(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'string') {
    const text = cell.replace(/[\s.]/g, '').replace(/^'/, '')
    return text === '' ? null : text
  }
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : cell.toExponential()
  // Booleans, dates and error values are never a NIP.
  return typeof cell === 'boolean' ? String(cell) : 'invalid'
}

const headerText = (cell: CellValue | undefined): string =>
  typeof cell === 'string' ? cell.toLowerCase().replace(/[^a-z]/g, '') : ''

export interface SheetNips {
  readonly entries: readonly { row: number; nip: string }[]
  readonly invalid: AttendanceReport['invalid']
}

/** The NIPs of a sheet stored at `filePath`; 422 `event.sheet_no_nip_column` without a NIP column. */
export async function readAttendanceSheet(filePath: string): Promise<SheetNips> {
  const entries: { row: number; nip: string }[] = []
  const invalid: AttendanceReport['invalid'] = []
  const type = await detectSpreadsheetType(filePath)
  let nipColumn: number | null = null
  for await (const sheetRow of readSheetRows(filePath, type)) {
    if (nipColumn === null) {
      const index = sheetRow.cells.findIndex((cell) => headerText(cell).startsWith('nip'))
      if (index >= 0) nipColumn = index
      else if (sheetRow.row >= 10) break
      continue
    }
    const nip = nipOfCell(sheetRow.cells[nipColumn])
    if (nip === null) continue
    if (/^\d{18}$/.test(nip)) entries.push({ row: sheetRow.row, nip })
    else invalid.push({ row: sheetRow.row, ref: nip.slice(0, 40) })
  }
  if (nipColumn === null) throw new DomainError('event.sheet_no_nip_column')
  return { entries, invalid }
}
