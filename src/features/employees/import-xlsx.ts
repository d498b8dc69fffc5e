/**
 * Streaming XLSX reader over exceljs' `stream.xlsx.WorkbookReader` (rows are parsed as the ZIP streams by; memory
 * stays bounded whatever the file size). The first worksheet with a value is read. Cell values come out plain:
 * formulas give their cached result, rich text its text, hyperlinks their text, date-formatted numbers a Date,
 * error cells (`#REF!`) a CellError. Merged cells carry their value in the top-left cell only; the other cells of
 * the merge are simply empty.
 */
import type { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { DomainError } from '../../domain/errors.js'
import { CellError, type CellValue, type SheetRow } from './import.cells.js'

interface FormulaValue {
  readonly formula?: string
  readonly sharedFormula?: string
  readonly result?: unknown
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** One exceljs cell value → a plain cell value. */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number') return Number.isFinite(value) ? value : new CellError('#NUM!')
  if (typeof value === 'boolean') return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (!isObject(value)) return null
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as FormulaValue
    // A formula cached as an error (`<c t="e">`) reaches us as NaN; no cached result at all reads as empty.
    if (typeof result === 'number' && Number.isNaN(result)) return new CellError('#VALUE!')
    return plainCellValue(result)
  }
  if ('error' in value) return new CellError(String(value.error))
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = (value.richText as unknown[])
      .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
      .join('')
    return text.trim() === '' ? null : text
  }
  if ('text' in value) return plainCellValue(value.text)
  return null
}

/** exceljs rows are 1-based sparse arrays; cells become a dense 0-based list without trailing empties. */
function cellsOf(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return []
  const cells: CellValue[] = []
  let last = -1
  for (let column = 1; column < values.length; column++) {
    const cell = plainCellValue(values[column])
    cells.push(cell)
    if (cell !== null) last = column - 1
  }
  cells.length = last + 1
  return cells
}

/**
 * Rows of the first non-empty worksheet of an XLSX byte stream (empty rows skipped; row numbers as Excel shows
 * them). Any failure of the ZIP or XML underneath makes the file unreadable.
 */
export async function* readXlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell which numbers are dates; hyperlinks only add their targets (the text is kept either way).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  let sawWorksheet = false
  let sawRow = false
  const iterator = reader[Symbol.asyncIterator]()
  try {
    for (;;) {
      let sheet: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>
      try {
        sheet = await iterator.next()
      } catch (error) {
        throw unreadable(error)
      }
      if (sheet.done) break
      sawWorksheet = true
      const rows = sheet.value[Symbol.asyncIterator]()
      for (;;) {
        let next: IteratorResult<ExcelJS.Row>
        try {
          next = await rows.next()
        } catch (error) {
          throw unreadable(error)
        }
        if (next.done) break
        const cells = cellsOf(next.value.values)
        if (cells.length === 0) continue
        sawRow = true
        yield { row: next.value.number, cells }
      }
      // The first worksheet holding anything is the data; later sheets (notes, lists) are ignored.
      if (sawRow) break
    }
  } finally {
    input.destroy()
  }
  if (!sawWorksheet) throw new DomainError('import.file_unreadable', { reason: 'no_worksheet' })
}

function unreadable(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  return new DomainError('import.file_unreadable', { reason: 'corrupt_xlsx' })
}
