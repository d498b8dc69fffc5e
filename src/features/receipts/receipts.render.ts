/**
 * The pledge receipt PDF (issue #4 point 4, docs/decisions/0010-receipts.md): the signed text, who signed, when (in
 * the agency's zone), the SHA-256 of the signed text version, and a QR code + URL of the public verify page.
 *
 * Same input → same bytes: dates come from `signedAt`, the producer and the trailer /ID are fixed (the ID is derived
 * from the input), the subset font names carry a fixed tag, and pdf-lib's own "random" suffixes come from a seeded
 * generator. So a receipt can be re-rendered from the stored record and compared byte for byte.
 */
import { createHash } from 'node:crypto'
import {
  PDFDocument,
  PDFHexString,
  type PDFFont,
  type PDFPage,
  fill,
  grayscale,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingGrayscaleColor,
} from 'pdf-lib'
import QRCode from 'qrcode'
import { displayName } from '../../domain/employee-fields.js'
import { formatNip } from '../../domain/nip.js'
import { printable, receiptFontkit, receiptFonts, receiptLayoutFeatures } from './receipts.fonts.js'
import { cleanReceiptText, formatSignedAt, wrapText } from './receipts.format.js'

export interface ReceiptSigner {
  readonly name: string
  readonly frontTitle?: string | null
  readonly backTitle?: string | null
  /** 18 digits (spaces allowed); null for Non-ASN staff, who have none. */
  readonly nip?: string | null
  /** How the NIP is grouped: PNS `19700101 199503 1 001` (default) or PPPK `19900101 2021 21 1 001`. */
  readonly nipLayout?: 'pns' | 'pppk'
}

export interface ReceiptInput {
  readonly agencyName: string
  /** e.g. "Ikrar Netralitas ASN". */
  readonly documentTitle: string
  /** The exact signed text version. Paragraphs are separated by line breaks. */
  readonly documentText: string
  /** Template version number, printed next to the title when given. */
  readonly documentVersion?: number | null
  readonly signer: ReceiptSigner
  readonly unitName: string
  readonly campaignName: string
  readonly signedAt: Date
  /** The agency's IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
  readonly timeZone: string
  /** SHA-256 of the signed text version, 64 hex digits. */
  readonly documentSha256: string
  /** `${publicUrl}/verify/<code>` (see `verifyUrlOf`). */
  readonly verifyUrl: string
  /** The signature the employee drew, as PNG. */
  readonly signaturePng?: Uint8Array | null
}

/** The public verify page of a receipt code. */
export const verifyUrlOf = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`

export const receiptProducer = 'Netra'

const page = { width: 595.28, height: 841.89 } // A4
const margin = { left: 56, right: 56, top: 56, bottom: 64 }
const contentWidth = page.width - margin.left - margin.right
const ink = rgb(0.1, 0.1, 0.12)
const muted = rgb(0.38, 0.4, 0.44)
const rule = rgb(0.78, 0.8, 0.84)

const sizes = { agency: 10.5, title: 16, subtitle: 10, body: 10.5, label: 9, value: 10, small: 8, hash: 8.5 }
const leading = (size: number) => size * 1.42

const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const isPng = (bytes: Uint8Array) => pngMagic.every((byte, index) => bytes[index] === byte)

function assertInput(input: ReceiptInput): void {
  if (!/^[0-9a-f]{64}$/i.test(input.documentSha256)) {
    throw new TypeError('receipt: documentSha256 must be 64 hex digits')
  }
  if (!/^https?:\/\/\S+$/.test(input.verifyUrl)) {
    throw new TypeError('receipt: verifyUrl must be an absolute http(s) URL')
  }
  if (Number.isNaN(input.signedAt.getTime())) throw new TypeError('receipt: signedAt is not a valid date')
  if (input.signaturePng && !isPng(input.signaturePng)) {
    throw new TypeError('receipt: signaturePng is not a PNG image')
  }
}

/** Keeps the pages and the write position; starts a new page when the next block does not fit. */
class Flow {
  readonly pages: PDFPage[] = []
  y = 0

  constructor(
    private readonly doc: PDFDocument,
    private readonly onNewPage: (page: PDFPage, index: number) => number,
  ) {
    this.newPage()
  }

  get page(): PDFPage {
    const current = this.pages[this.pages.length - 1]
    if (!current) throw new Error('receipt: no page')
    return current
  }

  newPage(): void {
    const added = this.doc.addPage([page.width, page.height])
    this.pages.push(added)
    this.y = this.onNewPage(added, this.pages.length - 1)
  }

  /** Makes room for `height` points below the cursor, on a new page if needed. */
  ensure(height: number): void {
    if (this.y - height < margin.bottom) this.newPage()
  }
}

/** Draws a QR code as filled rectangles (one per horizontal run of dark modules): crisp at any zoom, no PNG work. */
function drawQr(target: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const count = qr.modules.size
  const cell = size / count
  const operators = [pushGraphicsState(), setFillingGrayscaleColor(0)]
  for (let row = 0; row < count; row += 1) {
    let runStart = -1
    for (let col = 0; col <= count; col += 1) {
      const dark = col < count && qr.modules.get(row, col)
      if (dark && runStart < 0) runStart = col
      if (!dark && runStart >= 0) {
        const top = y + size - row * cell
        operators.push(rectangle(x + runStart * cell, top - cell, (col - runStart) * cell, cell))
        runStart = -1
      }
    }
  }
  operators.push(fill(), popGraphicsState())
  target.pushOperators(...operators)
}

/** Renders the receipt PDF. Throws TypeError for malformed input (a bug in the caller, not user input). */
export async function renderReceipt(input: ReceiptInput): Promise<Uint8Array> {
  assertInput(input)
  const fonts = receiptFonts()
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(receiptFontkit)
  // A fixed subset tag instead of pdf-lib's generated one keeps the bytes reproducible.
  const regular = await doc.embedFont(fonts.regular, {
    subset: true,
    customName: 'NTRAAA+DejaVuSans',
    features: receiptLayoutFeatures,
  })
  const bold = await doc.embedFont(fonts.bold, {
    subset: true,
    customName: 'NTRAAB+DejaVuSans-Bold',
    features: receiptLayoutFeatures,
  })

  const text = (value: string) => printable(value, fonts)
  const widthCache = new Map<string, number>()
  const measureWith = (font: PDFFont, size: number) => (value: string) => {
    const key = `${font === bold ? 'b' : 'r'}${size}:${value}`
    let width = widthCache.get(key)
    if (width === undefined) {
      width = font.widthOfTextAtSize(value, size)
      widthCache.set(key, width)
    }
    return width
  }

  const title = text(input.documentTitle.trim())
  const agency = text(input.agencyName.trim())
  const signerName = text(displayName(input.signer))
  const signedAtText = formatSignedAt(input.signedAt, input.timeZone)
  const hash = input.documentSha256.toLowerCase()
  const verifyUrl = input.verifyUrl

  const flow = new Flow(doc, (added, index) => {
    let y = page.height - margin.top
    if (index === 0) {
      added.drawText(agency.toUpperCase(), {
        x: margin.left,
        y: y - sizes.agency,
        size: sizes.agency,
        font: bold,
        color: muted,
      })
      y -= leading(sizes.agency) + 6
      for (const line of wrapText(title, contentWidth, measureWith(bold, sizes.title))) {
        added.drawText(line, {
          x: margin.left,
          y: y - sizes.title,
          size: sizes.title,
          font: bold,
          color: ink,
        })
        y -= leading(sizes.title)
      }
      const subtitle =
        `Tanda terima penandatanganan · ${text(input.campaignName.trim())}` +
        (input.documentVersion ? ` · versi ${input.documentVersion}` : '')
      for (const line of wrapText(subtitle, contentWidth, measureWith(regular, sizes.subtitle))) {
        added.drawText(line, {
          x: margin.left,
          y: y - sizes.subtitle,
          size: sizes.subtitle,
          font: regular,
          color: muted,
        })
        y -= leading(sizes.subtitle)
      }
    } else {
      added.drawText(`${title} (lanjutan)`.slice(0, 120), {
        x: margin.left,
        y: y - sizes.subtitle,
        size: sizes.subtitle,
        font: regular,
        color: muted,
      })
      y -= leading(sizes.subtitle)
    }
    y -= 6
    added.drawLine({
      start: { x: margin.left, y },
      end: { x: page.width - margin.right, y },
      thickness: 0.6,
      color: rule,
    })
    return y - 14
  })

  // The signed text.
  const bodyLeading = leading(sizes.body)
  for (const line of wrapText(
    text(cleanReceiptText(input.documentText.trim())),
    contentWidth,
    measureWith(regular, sizes.body),
  )) {
    flow.ensure(bodyLeading)
    if (line !== '') {
      flow.page.drawText(line, {
        x: margin.left,
        y: flow.y - sizes.body,
        size: sizes.body,
        font: regular,
        color: ink,
      })
    }
    flow.y -= bodyLeading
  }

  // Who signed, where, when.
  const labelWidth = 128
  const valueWidth = contentWidth - labelWidth
  const rows: [string, string][] = [
    ['Nama', signerName],
    ...(input.signer.nip
      ? ([['NIP', formatNip(input.signer.nip, input.signer.nipLayout ?? 'pns')]] as [string, string][])
      : []),
    ['Unit kerja', text(input.unitName.trim())],
    ['Kampanye', text(input.campaignName.trim())],
    ['Waktu penandatanganan', signedAtText],
  ]
  flow.y -= 10
  flow.ensure(leading(sizes.value) * (rows.length + 2))
  flow.page.drawText('Ditandatangani secara elektronik oleh', {
    x: margin.left,
    y: flow.y - sizes.value,
    size: sizes.value,
    font: bold,
    color: ink,
  })
  flow.y -= leading(sizes.value) + 4
  for (const [label, value] of rows) {
    const lines = wrapText(value, valueWidth, measureWith(regular, sizes.value))
    flow.ensure(leading(sizes.value) * lines.length)
    flow.page.drawText(label, {
      x: margin.left,
      y: flow.y - sizes.value,
      size: sizes.label,
      font: regular,
      color: muted,
    })
    for (const line of lines) {
      flow.page.drawText(line, {
        x: margin.left + labelWidth,
        y: flow.y - sizes.value,
        size: sizes.value,
        font: regular,
        color: ink,
      })
      flow.y -= leading(sizes.value)
    }
  }

  if (input.signaturePng) {
    const image = await doc.embedPng(input.signaturePng)
    const scaled = image.scaleToFit(200, 70)
    flow.ensure(scaled.height + 8)
    flow.page.drawText('Tanda tangan', {
      x: margin.left,
      y: flow.y - sizes.value,
      size: sizes.label,
      font: regular,
      color: muted,
    })
    flow.page.drawImage(image, {
      x: margin.left + labelWidth,
      y: flow.y - scaled.height,
      width: scaled.width,
      height: scaled.height,
    })
    flow.y -= scaled.height + 8
  }

  // Proof: hash and where to check it.
  const qrSize = 112
  const proofX = margin.left + qrSize + 16
  const proofWidth = page.width - margin.right - proofX
  const note =
    'Pindai kode QR atau buka alamat di atas untuk memeriksa tanda terima ini. Halaman verifikasi menampilkan ' +
    'nama, unit kerja, kampanye dan waktu penandatanganan, serta dapat memeriksa apakah berkas PDF yang diunggah ' +
    'persis sama dengan yang diterbitkan Netra.'
  const urlLines = wrapText(verifyUrl, proofWidth, measureWith(regular, sizes.hash))
  const noteLines = wrapText(note, proofWidth, measureWith(regular, sizes.small))
  const proofLines: { value: string; size: number; font: PDFFont; color: typeof ink; gapAfter?: number }[] = [
    { value: 'SHA-256 teks yang ditandatangani', size: sizes.label, font: bold, color: ink },
    { value: hash.slice(0, 32), size: sizes.hash, font: regular, color: ink },
    { value: hash.slice(32), size: sizes.hash, font: regular, color: ink, gapAfter: 6 },
    { value: 'Periksa keaslian', size: sizes.label, font: bold, color: ink },
    ...urlLines.map((value) => ({ value, size: sizes.hash, font: regular, color: ink })),
    { value: '', size: 4, font: regular, color: ink },
    ...noteLines.map((value) => ({ value, size: sizes.small, font: regular, color: muted })),
  ]
  const textHeight = proofLines.reduce((sum, line) => sum + leading(line.size) + (line.gapAfter ?? 0), 0)
  const boxHeight = Math.max(qrSize, textHeight) + 20
  flow.y -= 14
  flow.ensure(boxHeight)
  const boxTop = flow.y
  flow.page.drawRectangle({
    x: margin.left - 8,
    y: boxTop - boxHeight,
    width: contentWidth + 16,
    height: boxHeight,
    borderColor: rule,
    borderWidth: 0.8,
  })
  drawQr(flow.page, verifyUrl, margin.left + 2, boxTop - 10 - qrSize, qrSize)
  let proofY = boxTop - 10
  for (const line of proofLines) {
    if (line.value !== '') {
      flow.page.drawText(line.value, {
        x: proofX,
        y: proofY - line.size,
        size: line.size,
        font: line.font,
        color: line.color,
      })
    }
    proofY -= leading(line.size) + (line.gapAfter ?? 0)
  }
  flow.y = boxTop - boxHeight

  // Footer on every page, now that the page count is known.
  const total = flow.pages.length
  flow.pages.forEach((added, index) => {
    const pageLabel = `Halaman ${index + 1} dari ${total}`
    const footerY = margin.bottom - 30
    added.drawLine({
      start: { x: margin.left, y: footerY + 14 },
      end: { x: page.width - margin.right, y: footerY + 14 },
      thickness: 0.4,
      color: rule,
    })
    added.drawText(`Netra · ${agency}`.slice(0, 90), {
      x: margin.left,
      y: footerY,
      size: sizes.small,
      font: regular,
      color: grayscale(0.4),
    })
    added.drawText(pageLabel, {
      x: page.width - margin.right - measureWith(regular, sizes.small)(pageLabel),
      y: footerY,
      size: sizes.small,
      font: regular,
      color: grayscale(0.4),
    })
  })

  // Metadata: reproducible (no clock, fixed producer) and useful to a reader of the file's properties.
  doc.setTitle(`Tanda terima: ${title}`)
  doc.setAuthor(agency)
  doc.setSubject(`${title} — ${signerName} — ${text(input.campaignName.trim())}`)
  doc.setKeywords([`sha256:${hash}`, verifyUrl])
  doc.setProducer(receiptProducer)
  doc.setCreator(receiptProducer)
  doc.setLanguage('id-ID')
  doc.setCreationDate(input.signedAt)
  doc.setModificationDate(input.signedAt)
  const id = createHash('sha256')
    .update(JSON.stringify([hash, verifyUrl, input.signedAt.toISOString()]))
    .digest('hex')
    .slice(0, 32)
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)])

  return doc.save({ useObjectStreams: false })
}
