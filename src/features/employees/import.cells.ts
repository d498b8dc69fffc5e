/** What the spreadsheet readers hand on: rows of plain cell values. */

/** A spreadsheet error value (`#REF!`, `#N/A`, `#DIV/0!`), e.g. the cached result of a broken formula. */
export class CellError {
  constructor(readonly code: string) {}
}

export type CellValue = string | number | boolean | Date | CellError | null

/** A non-empty row: its number as the spreadsheet shows it (header = 1 in a plain file) and its cells from A. */
export interface SheetRow {
  readonly row: number
  readonly cells: readonly CellValue[]
}

/**
 * A copy of a text that does not point into the text it was cut from. Cell values are slices of the file's chunks
 * (256 KB each): a value kept for the whole run (a map key, a unit's name) would otherwise keep its whole chunk
 * alive, and a few thousand of them the whole file.
 */
export const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8')
