import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import { describe, expect, it, vi } from 'vitest'
import { renderReceipt, verifyUrlOf } from './receipts.render.js'
import { longText, sampleReceiptInput } from './receipts.testing.js'

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

/** The page's drawing operators, decompressed. */
function contentOf(page: PDFPage): string {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
  return refs
    .map((ref) => {
      const stream = page.doc.context.lookup(ref)
      if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream')
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
    })
    .join('\n')
}

/** Horizontal runs of dark modules in the QR code of `text`: drawQr draws one rectangle per run. */
function qrRuns(text: string): number {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let runs = 0
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col) && (col === 0 || !modules.get(row, col - 1))) runs += 1
    }
  }
  return runs
}

describe('renderReceipt', () => {
  it('renders a one-page A4 PDF whose metadata names the text hash, the verify URL and the signing time', async () => {
    const input = sampleReceiptInput()
    const bytes = await renderReceipt(input)

    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-')
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.getPageCount()).toBe(1)
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()]
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
    expect(doc.getTitle()).toBe('Tanda terima: Ikrar Netralitas Aparatur Sipil Negara')
    expect(doc.getAuthor()).toBe('Pemerintah Kota Malang')
    expect(doc.getSubject()).toContain('Dr. Ir. Wahyu Hidayat, M.M.')
    expect(doc.getKeywords()).toBe(`sha256:${input.documentSha256} ${input.verifyUrl}`)
    expect(doc.getProducer()).toBe('Netra')
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-23T02:15:00.000Z')
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-23T02:15:00.000Z')
  })

  it('embeds DejaVu Sans subsets, so quotes and dashes outside WinAnsi print as themselves', async () => {
    const text = latin1(await renderReceipt(sampleReceiptInput()))
    expect(text).toContain('/BaseFont /NTRAAA+DejaVuSans')
    expect(text).toContain('/BaseFont /NTRAAB+DejaVuSans-Bold')
    expect(text).toContain('/FontFile2')
    expect(text).not.toContain('/Helvetica')
  })

  it('draws the QR code of the verify URL, one rectangle per run of dark modules', async () => {
    const input = sampleReceiptInput()
    const doc = await PDFDocument.load(await renderReceipt(input))
    const rectangles = contentOf(doc.getPage(0)).match(/ re\n/g) ?? []
    expect(rectangles.length).toBe(qrRuns(input.verifyUrl))
    expect(rectangles.length).not.toBe(qrRuns(`${input.verifyUrl}X`))
  })

  it('wraps a long text over several pages and keeps the proof on the last one', async () => {
    const short = await PDFDocument.load(
      await renderReceipt(sampleReceiptInput({ documentText: longText(3) })),
    )
    const long = await PDFDocument.load(
      await renderReceipt(sampleReceiptInput({ documentText: longText(40) })),
    )
    const longer = await PDFDocument.load(
      await renderReceipt(sampleReceiptInput({ documentText: longText(80) })),
    )

    expect(short.getPageCount()).toBe(1)
    expect(long.getPageCount()).toBeGreaterThanOrEqual(3)
    expect(longer.getPageCount()).toBeGreaterThan(long.getPageCount())
    const pages = long.getPages()
    const lastPage = pages[pages.length - 1]!
    expect(contentOf(lastPage)).toMatch(/ re\n/)
    for (const page of pages.slice(0, -1)) expect(contentOf(page)).not.toMatch(/ re\n/)
  })

  it('returns the same bytes for the same input, also after a fresh start of the font cache', async () => {
    const input = sampleReceiptInput({ documentText: longText(12) })
    const first = await renderReceipt(input)
    const second = await renderReceipt(input)
    vi.resetModules()
    const fresh = await import('./receipts.render.js')
    const third = await fresh.renderReceipt(input)

    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0)
    expect(Buffer.compare(Buffer.from(first), Buffer.from(third))).toBe(0)
  })

  it('gives different bytes and a different file ID when the signing time differs', async () => {
    const a = await renderReceipt(sampleReceiptInput())
    const b = await renderReceipt(sampleReceiptInput({ signedAt: new Date('2026-11-23T02:16:00.000Z') }))
    const idOf = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]+)>/i.exec(latin1(bytes))?.[1]

    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0)
    expect(idOf(a)).toMatch(/^[0-9a-f]{32}$/i)
    expect(idOf(a)).not.toBe(idOf(b))
  })

  it('draws the signature image when one is given', async () => {
    const signaturePng = await QRCode.toBuffer('tanda tangan', { type: 'png', width: 120 })
    const withImage = latin1(await renderReceipt(sampleReceiptInput({ signaturePng })))
    const without = latin1(await renderReceipt(sampleReceiptInput()))

    expect(withImage).toContain('/Subtype /Image')
    expect(without).not.toContain('/Subtype /Image')
  })

  it('renders staff without a NIP, names outside the font and odd control characters', async () => {
    const bytes = await renderReceipt(
      sampleReceiptInput({
        signer: { name: 'Siti 中 Rahmawati', nip: null },
        documentText: 'Baris\tsatu\r\nBaris dua \u0007 😀\n\nhttps://contoh.go.id/' + 'x'.repeat(300),
        timeZone: 'Asia/Makassar',
      }),
    )
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getSubject()).toContain('Siti ? Rahmawati')
  })

  it('refuses malformed input from its caller', async () => {
    await expect(renderReceipt(sampleReceiptInput({ documentSha256: 'abc' }))).rejects.toThrow(TypeError)
    await expect(renderReceipt(sampleReceiptInput({ verifyUrl: '/verify/abc' }))).rejects.toThrow(TypeError)
    await expect(
      renderReceipt(sampleReceiptInput({ signaturePng: new TextEncoder().encode('GIF89a') })),
    ).rejects.toThrow('signaturePng is not a PNG image')
  })
})

describe('verifyUrlOf', () => {
  it('joins the public URL and the code without a double slash', () => {
    expect(verifyUrlOf('https://netra.go.id/', 'AB12')).toBe('https://netra.go.id/verify/AB12')
    expect(verifyUrlOf('https://netra.go.id', 'AB 12')).toBe('https://netra.go.id/verify/AB%2012')
  })
})
