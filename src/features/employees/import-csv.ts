/**
 * Streaming CSV reader for employee spreadsheets as offices produce them: UTF-8 with or without BOM (UTF-16 with
 * BOM and Windows-1252 too: Excel's "Unicode text" and "CSV" on Windows), comma, semicolon (Indonesian Excel) or
 * tab as separator — taken from Excel's `sep=;` line when present, else from the header line — and RFC 4180 quoted
 * fields (separators, quotes `""` and line breaks inside quotes). Rows are numbered as Excel numbers them when it
 * opens the file: one row per record, blank lines included, the `sep=` line hidden.
 */
import { TextDecoder } from 'node:util'
import { DomainError } from '../../domain/errors.js'
import type { SheetRow } from './import.cells.js'

const quote = 34 // "
const lineFeed = 10
const carriageReturn = 13

/** Length of a byte-order mark at the start (UTF-8 or UTF-16), else 0. */
function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2
  return 0
}

/** Decodes a byte stream as the text encoding its first bytes show. */
async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined
  for await (const chunk of chunks) {
    let bytes: Uint8Array = chunk
    if (!decoder) {
      decoder = pickDecoder(chunk)
      bytes = chunk.subarray(bomLength(chunk))
    }
    const text = decoder.decode(bytes, { stream: true })
    if (text) yield text
  }
  if (decoder) {
    const rest = decoder.decode()
    if (rest) yield rest
  }
}

/** UTF-8 unless a UTF-16 BOM says otherwise or the first chunk is not valid UTF-8 (then Windows-1252). */
function pickDecoder(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le')
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be')
  try {
    // `stream: true` tolerates a multi-byte character cut at the chunk's end.
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true })
    return new TextDecoder('utf-8')
  } catch {
    return new TextDecoder('windows-1252')
  }
}

/** Counts separators outside quotes in the header line; the most frequent wins (comma on a tie or none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let inQuotes = false
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter
  return best
}

/**
 * Parses CSV text into records (arrays of raw field strings), keeping its state across chunks so a quoted field,
 * a `""` or a CRLF may be split anywhere.
 */
class CsvParser {
  private readonly delimiter: number
  private field = ''
  private record: string[] = []
  /** 0 outside quotes, 1 inside a quoted field, 2 just after a quote inside a quoted field. */
  private state = 0
  private atFieldStart = true
  private skipLineFeed = false
  readonly records: string[][] = []

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0)
  }

  push(text: string): void {
    const delimiter = this.delimiter
    const length = text.length
    let segmentStart = 0
    let i = 0
    if (this.skipLineFeed) {
      this.skipLineFeed = false
      if (text.charCodeAt(0) === lineFeed) {
        segmentStart = 1
        i = 1
      }
    }
    for (; i < length; i++) {
      const c = text.charCodeAt(i)
      if (this.state === 1) {
        if (c === quote) {
          this.field += text.slice(segmentStart, i)
          this.state = 2
          segmentStart = i + 1
        }
        continue
      }
      if (this.state === 2) {
        if (c === quote) {
          // `""` inside quotes: one literal quote.
          this.field += '"'
          this.state = 1
          segmentStart = i + 1
          continue
        }
        // The quoted part ended; anything up to the separator is kept as typed (lenient, like Excel).
        this.state = 0
        segmentStart = i
      }
      if (c === delimiter) {
        this.record.push(this.field + text.slice(segmentStart, i))
        this.field = ''
        segmentStart = i + 1
        this.atFieldStart = true
      } else if (c === lineFeed || c === carriageReturn) {
        this.record.push(this.field + text.slice(segmentStart, i))
        this.field = ''
        this.records.push(this.record)
        this.record = []
        this.atFieldStart = true
        if (c === carriageReturn) {
          if (i + 1 < length) {
            if (text.charCodeAt(i + 1) === lineFeed) i++
          } else {
            this.skipLineFeed = true
          }
        }
        segmentStart = i + 1
      } else if (c === quote && this.atFieldStart) {
        this.state = 1
        segmentStart = i + 1
        this.atFieldStart = false
      } else {
        this.atFieldStart = false
      }
    }
    if (segmentStart < length) this.field += text.slice(segmentStart, length)
  }

  /** The last record when the text does not end with a line break. */
  finish(): void {
    if (this.state === 1) throw new DomainError('import.file_unreadable', { reason: 'unterminated_quote' })
    if (this.field !== '' || this.record.length > 0) {
      this.record.push(this.field)
      this.records.push(this.record)
    }
    this.field = ''
    this.record = []
  }
}

const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '')

/**
 * Rows of a CSV byte stream, blank rows skipped (still counted in the numbering). Cells are strings, `null` when
 * empty. A quote left open at the end of the file makes the file unreadable (the rest would be one cell).
 */
export async function* readCsvRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRow> {
  let parser: CsvParser | undefined
  let pending = ''
  let rowNumber = 0

  function* drain(active: CsvParser): Generator<SheetRow> {
    for (const fields of active.records) {
      rowNumber += 1
      if (isBlank(fields)) continue
      yield { row: rowNumber, cells: fields.map((field) => (field.trim() === '' ? null : field)) }
    }
    active.records.length = 0
  }

  const start = (text: string): CsvParser => {
    // Excel writes (and honours) a first line `sep=;` naming the separator; it never shows it as a row.
    const sepLine = /^sep=(.)\r?\n/i.exec(text)
    const lineEnd = text.search(/\r|\n/)
    const delimiter = sepLine?.[1] ?? detectDelimiter(lineEnd === -1 ? text : text.slice(0, lineEnd))
    const created = new CsvParser(delimiter)
    created.push(sepLine ? text.slice(sepLine[0].length) : text)
    return created
  }

  for await (const text of decode(chunks)) {
    if (!parser) {
      pending += text
      // The separator is decided on the whole first line (or, for a file without line breaks, all of it).
      if (!/[\r\n]/.test(pending) && pending.length < 1_000_000) continue
      parser = start(pending)
      pending = ''
    } else {
      parser.push(text)
    }
    yield* drain(parser)
  }
  if (!parser) {
    if (pending === '') return
    parser = start(pending)
  }
  try {
    parser.finish()
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError('import.file_unreadable', { reason: 'unterminated_quote', row: rowNumber + 1 })
    }
    throw error
  }
  yield* drain(parser)
}
