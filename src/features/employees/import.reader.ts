/**
 * One way to read a spreadsheet file, whatever its kind: the kind is decided by the file's first bytes (XLSX is a
 * ZIP, `PK\x03\x04`; CSV is text), never by its name, and rows come out one at a time (import-xlsx.ts,
 * import-csv.ts) so a file of any size streams. A file that is neither (a PDF, an image, an old binary .xls, a
 * corrupt ZIP) is `import.file_unreadable` with a reason.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { DomainError } from '../../domain/errors.js'
import { readCsvRows } from './import-csv.js'
import { readXlsxRows } from './import-xlsx.js'
import type { SheetRow } from './import.cells.js'

export { CellError, type CellValue, type SheetRow } from './import.cells.js'

export const spreadsheetTypes = ['xlsx', 'csv'] as const
export type SpreadsheetType = (typeof spreadsheetTypes)[number]

export const unreadableReasons = [
  'missing',
  'empty',
  'not_a_spreadsheet',
  'xls_format',
  'corrupt_xlsx',
  'no_worksheet',
  'unterminated_quote',
  'no_header',
  'no_known_columns',
] as const
export type UnreadableReason = (typeof unreadableReasons)[number]

const unreadable = (reason: UnreadableReason) => new DomainError('import.file_unreadable', { reason })

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte)

/** Decides the kind of a file from its first bytes. */
export function sniffSpreadsheetType(head: Uint8Array): SpreadsheetType {
  if (head.length === 0) throw unreadable('empty')
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  // OLE2 compound file: Excel 97–2003 .xls (or .doc); exceljs reads only the XML format.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw unreadable('xls_format')
  const isUtf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])
  if (isUtf16) return 'csv'
  // Other ZIP records (an empty or spanned archive) and PDFs are not spreadsheets either.
  if (
    startsWith(head, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(head, [0x50, 0x4b, 0x07, 0x08]) ||
    startsWith(head, [0x25, 0x50, 0x44, 0x46])
  )
    throw unreadable('not_a_spreadsheet')
  // Text has no NUL bytes and hardly any control characters; images and other binaries fail here.
  let control = 0
  for (const byte of head) {
    if (byte === 0) throw unreadable('not_a_spreadsheet')
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1
  }
  if (control > head.length / 100) throw unreadable('not_a_spreadsheet')
  return 'csv'
}

/** Reads the first bytes of a file and decides its kind. */
export async function detectSpreadsheetType(path: string): Promise<SpreadsheetType> {
  let head: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(4096)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      head = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch {
    // Absent, a directory, or not readable by this process.
    throw unreadable('missing')
  }
  return sniffSpreadsheetType(head)
}

export interface ReadSheetOptions {
  /** Sees every chunk of the file as it is read (progress in bytes, checksum). */
  readonly onChunk?: (chunk: Buffer) => void
}

async function* tapped(path: string, onChunk?: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    onChunk?.(chunk as Buffer)
    yield chunk as Buffer
  }
}

/** The non-empty rows of a spreadsheet file of the given kind, streamed. */
export function readSheetRows(
  path: string,
  type: SpreadsheetType,
  options: ReadSheetOptions = {},
): AsyncGenerator<SheetRow> {
  if (type === 'csv') return readCsvRows(tapped(path, options.onChunk))
  const file = createReadStream(path, { highWaterMark: 256 * 1024 })
  const onChunk = options.onChunk
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onChunk?.(chunk)
      callback(null, chunk)
    },
  })
  file.on('error', (error) => tap.destroy(error))
  tap.on('close', () => file.destroy())
  file.pipe(tap)
  return readXlsxRows(tap)
}
