/** Spreadsheets: the content types Netra reads and writes, and text made safe to write into a cell. */

/**
 * Text written into a spreadsheet or CSV: a value starting with = + - @ (or a tab / carriage return) would be run by
 * Excel as a formula (CSV/formula injection), so it gets Excel's apostrophe mark and is shown as typed.
 */
export const spreadsheetText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/** The content type of an .xlsx workbook. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** What browsers and tools send when uploading a spreadsheet (Windows labels .csv as application/vnd.ms-excel). */
export const spreadsheetUploadContentTypes = [
  'application/octet-stream',
  xlsxContentType,
  'application/vnd.ms-excel',
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
]
