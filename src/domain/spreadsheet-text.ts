/**
 * Text written into a spreadsheet or CSV: a value starting with = + - @ (or a tab / carriage return) would be run by
 * Excel as a formula (CSV/formula injection), so it gets Excel's apostrophe mark and is shown as typed.
 */
export const spreadsheetText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)
