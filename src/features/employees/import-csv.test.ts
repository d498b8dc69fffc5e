import { describe, expect, it } from 'vitest'
import { detectDelimiter, readCsvRows } from './import-csv.js'

/** Feeds the bytes in chunks of `size`, so quotes, `""`, CRLF and multi-byte characters get split anywhere. */
async function rowsOf(bytes: Buffer | string, size = 3) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
  async function* chunks() {
    for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size)
  }
  const out: { row: number; cells: readonly unknown[] }[] = []
  for await (const row of readCsvRows(chunks())) out.push(row)
  return out
}

describe('readCsvRows', () => {
  it.each([1, 2, 3, 7, 64])(
    'reads quoted fields, "" escapes, separators and line breaks inside quotes, CRLF (chunks of %i bytes)',
    async (size) => {
      const text =
        '\uFEFFNIP;NAMA;UNOR\r\n"1986 0926";"Budi ""Bud"" S";Dinas\r\n\r\n2;"a;b\r\nc";Ésé\r\n;;\r\n'
      expect(await rowsOf(text, size)).toEqual([
        { row: 1, cells: ['NIP', 'NAMA', 'UNOR'] },
        { row: 2, cells: ['1986 0926', 'Budi "Bud" S', 'Dinas'] },
        // Row 3 is blank (skipped but counted); the quoted line break keeps row 4 one row.
        { row: 4, cells: ['2', 'a;b\r\nc', 'Ésé'] },
      ])
    },
  )

  it("honours Excel's sep= line and hides it from the row numbers", async () => {
    expect(await rowsOf('sep=|\nA|B\n1|2')).toEqual([
      { row: 1, cells: ['A', 'B'] },
      { row: 2, cells: ['1', '2'] },
    ])
  })

  it('reads UTF-16 with BOM (Excel "Unicode text", tab separated) and Windows-1252', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('NAMA\tUNOR\r\nJosé\tDinas\r\n', 'utf16le'),
    ])
    expect(await rowsOf(utf16, 5)).toEqual([
      { row: 1, cells: ['NAMA', 'UNOR'] },
      { row: 2, cells: ['José', 'Dinas'] },
    ])
    const latin = Buffer.from('NAMA;UNOR\nJos\xe9;Dinas\n', 'latin1')
    expect((await rowsOf(latin, 4096))[1]).toEqual({ row: 2, cells: ['José', 'Dinas'] })
  })

  it('refuses a quote left open at the end of the file', async () => {
    await expect(rowsOf('A,B\n"open,1\n2,3\n')).rejects.toMatchObject({
      code: 'import.file_unreadable',
      details: { reason: 'unterminated_quote' },
    })
  })
})

describe('detectDelimiter', () => {
  it.each([
    ['NIP,NAMA,UNOR', ','],
    ['NIP;NAMA;UNOR', ';'],
    ['NIP\tNAMA\tUNOR', '\t'],
    ['"NAMA, GELAR";UNOR;NIP', ';'],
    ['NAMA', ','],
  ])('%j → %j', (header, delimiter) => expect(detectDelimiter(header)).toBe(delimiter))
})
