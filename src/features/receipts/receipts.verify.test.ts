import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { renderReceipt } from './receipts.render.js'
import { sampleReceiptInput } from './receipts.testing.js'
import { checkUploadedReceipt, maxReceiptUploadBytes, receiptSha256 } from './receipts.verify.js'

async function issuedReceipt() {
  const bytes = await renderReceipt(sampleReceiptInput())
  return { bytes, sha256: receiptSha256(bytes) }
}

describe('receiptSha256', () => {
  it('is the lower-case hex SHA-256 of the bytes', () => {
    expect(receiptSha256(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })
})

describe('checkUploadedReceipt', () => {
  it('says genuine for the very bytes issued', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    expect(checkUploadedReceipt(Buffer.from(bytes), sha256)).toBe('genuine')
    expect(checkUploadedReceipt(bytes, sha256.toUpperCase())).toBe('genuine')
  })

  it('says altered when a single byte was changed', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    const copy = Uint8Array.from(bytes)
    const at = Math.floor(copy.length / 2)
    copy[at] = copy[at]! ^ 0x01
    expect(checkUploadedReceipt(copy, sha256)).toBe('altered')
  })

  it('says altered for a copy re-saved by a PDF library, even with nothing visibly changed', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    // pdf-lib's defaults: it stamps its producer and the time, and packs objects into object streams.
    const resaved = await (await PDFDocument.load(bytes)).save()
    const edited = await PDFDocument.load(bytes)
    edited.setTitle('Tanda terima: Ikrar Netralitas Aparatur Sipil Negara (salinan)')
    expect(checkUploadedReceipt(resaved, sha256)).toBe('altered')
    expect(checkUploadedReceipt(await edited.save(), sha256)).toBe('altered')
  })

  it('says genuine for a byte-identical round trip: the file is the same, whoever wrote it', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    const roundTrip = await (
      await PDFDocument.load(bytes, { updateMetadata: false })
    ).save({ useObjectStreams: false })
    expect(Buffer.compare(Buffer.from(roundTrip), Buffer.from(bytes))).toBe(0)
    expect(checkUploadedReceipt(roundTrip, sha256)).toBe('genuine')
  })

  it('says altered when bytes were appended (an incremental update)', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    const appended = Buffer.concat([Buffer.from(bytes), Buffer.from('\n% tambahan\n')])
    expect(checkUploadedReceipt(appended, sha256)).toBe('altered')
  })

  it('says not_a_pdf for a file without the %PDF- header', async () => {
    const { bytes, sha256 } = await issuedReceipt()
    expect(checkUploadedReceipt(new TextEncoder().encode('bukan PDF'), sha256)).toBe('not_a_pdf')
    expect(checkUploadedReceipt(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), sha256)).toBe('not_a_pdf')
    expect(checkUploadedReceipt(new Uint8Array(), sha256)).toBe('not_a_pdf')
    expect(checkUploadedReceipt(bytes.subarray(1), sha256)).toBe('not_a_pdf')
  })

  it('says too_large above the upload cap without hashing it', () => {
    const big = Buffer.alloc(maxReceiptUploadBytes + 1, 0x20)
    big.write('%PDF-1.7', 0, 'latin1')
    expect(checkUploadedReceipt(big, receiptSha256(big))).toBe('too_large')
  })
})
