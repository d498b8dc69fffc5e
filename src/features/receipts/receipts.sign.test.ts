import { createHash } from 'node:crypto'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderReceipt } from './receipts.render.js'
import { openReceiptSigner, readP12, signReceiptPdf } from './receipts.sign.js'
import { ecTestP12, makeTestP12, sampleReceiptInput, testP12Passphrase } from './receipts.testing.js'
import { checkUploadedReceipt, receiptSha256 } from './receipts.verify.js'

const passphrase = testP12Passphrase
const signingTime = new Date('2026-11-23T02:20:00.000Z')

/** node-forge's fromDer takes an options object at run time; its typings only know the older boolean form. */
const readDer = forge.asn1.fromDer as unknown as (
  bytes: string,
  options: { parseAllBytes: boolean },
) => forge.asn1.Asn1

/** Checks the CMS signature of a signed PDF the way a reader does: digest of the byte range, RSA over the attributes. */
function verifyPdfSignature(pdf: Uint8Array, cert: forge.pki.Certificate) {
  const text = Buffer.from(pdf).toString('latin1')
  const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)
  if (!range) throw new Error('no ByteRange')
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number]
  expect(a).toBe(0)
  expect(c + d).toBe(pdf.length)
  const signedBytes = Buffer.concat([
    Buffer.from(pdf.subarray(a, a + b)),
    Buffer.from(pdf.subarray(c, c + d)),
  ])
  // The placeholder is zero-padded after the DER; stripping zeros would also eat a signature ending in 0x00 (1 in
  // 256), so the DER is read by its own length and the padding left unread.
  const der = Buffer.from(Buffer.from(pdf.subarray(a + b + 1, c - 1)).toString('latin1'), 'hex')
  const message = forge.pkcs7.messageFromAsn1(
    readDer(der.toString('binary'), { parseAllBytes: false }),
  ) as any
  const attributes: any[] = message.rawCapture.authenticatedAttributes
  const digestAttribute = attributes.find(
    (attribute) => forge.asn1.derToOid(attribute.value[0].value) === forge.pki.oids.messageDigest,
  )
  const messageDigest = Buffer.from(digestAttribute.value[1].value[0].value, 'binary').toString('hex')
  const contentDigest = forge.md.sha256.create().update(signedBytes.toString('binary')).digest().toHex()
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes)
  const attributesDigest = forge.md.sha256
    .create()
    .update(forge.asn1.toDer(set).getBytes())
    .digest()
    .getBytes()
  const signatureValid = (cert.publicKey as forge.pki.rsa.PublicKey).verify(
    attributesDigest,
    message.rawCapture.signature,
  )
  return { digestMatches: messageDigest === contentDigest, signatureValid }
}

/** The same placeholder, signed by @signpdf's P12Signer (forge all the way): the reference for our signer. */
async function signWithP12Signer(pdf: Uint8Array, p12: Buffer, passphrase: string, at: Date) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Tanda terima penandatanganan yang diterbitkan Netra',
    contactInfo: '',
    name: readP12(p12, passphrase).subjectName,
    location: '',
    signingTime: at,
    signatureLength: 16_384,
    subFilter: 'adbe.pkcs7.detached',
    appName: 'Netra',
  })
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }))
  return new SignPdf().sign(prepared, new P12Signer(p12, { passphrase }), at)
}

describe('signReceiptPdf', () => {
  let agency: ReturnType<typeof makeTestP12>
  let receipt: Uint8Array

  beforeAll(async () => {
    agency = makeTestP12()
    receipt = await renderReceipt(sampleReceiptInput())
  })

  it('adds an adbe.pkcs7.detached signature that verifies against the agency certificate', async () => {
    const signed = await signReceiptPdf(receipt, agency.p12, passphrase, { signingTime })
    const text = Buffer.from(signed).toString('latin1')

    expect(text).toContain('/SubFilter /adbe.pkcs7.detached')
    expect(text).toContain('/Filter /Adobe.PPKLite')
    expect(verifyPdfSignature(signed, agency.cert)).toEqual({ digestMatches: true, signatureValid: true })
    const doc = await PDFDocument.load(signed, { updateMetadata: false })
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getKeywords()).toContain('/verify/')
  })

  it("writes exactly the CMS @signpdf's own P12Signer writes (same attributes, same RSA signature)", async () => {
    const ours = await openReceiptSigner(agency.p12, passphrase).sign(receipt, { signingTime })
    const theirs = await signWithP12Signer(receipt, agency.p12, passphrase, signingTime)
    expect(Buffer.compare(Buffer.from(ours), Buffer.from(theirs))).toBe(0)
  })

  it('is deterministic for the same receipt and signing time', async () => {
    const first = await signReceiptPdf(receipt, agency.p12, passphrase, { signingTime })
    const second = await signReceiptPdf(receipt, agency.p12, passphrase, { signingTime })
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0)
  })

  it('lets the verify check tell the signed receipt from an altered copy', async () => {
    const signed = await signReceiptPdf(receipt, agency.p12, passphrase, { signingTime })
    const sha256 = receiptSha256(signed)
    const altered = Uint8Array.from(signed)
    const at = Buffer.from(signed).indexOf('/Author')
    altered[at + 10] = altered[at + 10]! ^ 0x20

    expect(checkUploadedReceipt(signed, sha256)).toBe('genuine')
    expect(checkUploadedReceipt(altered, sha256)).toBe('altered')
    expect(verifyPdfSignature(altered, agency.cert).digestMatches).toBe(false)
  })

  it('refuses a wrong passphrase with password_wrong', async () => {
    await expect(signReceiptPdf(receipt, agency.p12, 'salah', { signingTime })).rejects.toMatchObject({
      problem: 'password_wrong',
    })
  })

  it.each([
    ['text', new TextEncoder().encode('bukan p12, hanya teks biasa')],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')],
    [
      'a bare DER certificate',
      Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(makeTestP12().cert)).getBytes(), 'binary'),
    ],
  ])('refuses %s as not_pkcs12 before trying the passphrase', (_label, bytes) => {
    expect(() => readP12(bytes, passphrase)).toThrow(expect.objectContaining({ problem: 'not_pkcs12' }))
  })

  it('refuses a P12 without a private key, or with two, as p12_incomplete', () => {
    expect(() => readP12(makeTestP12({ withKey: false }).p12, passphrase)).toThrow(
      expect.objectContaining({ problem: 'p12_incomplete', details: { keyCount: 0 } }),
    )
    expect(() => readP12(makeTestP12({ extraKey: true }).p12, passphrase)).toThrow(
      expect.objectContaining({ problem: 'p12_incomplete', details: { keyCount: 2 } }),
    )
  })

  it('refuses an EC key, which node-forge cannot sign with, as key_unsupported', () => {
    expect(() => readP12(ecTestP12, passphrase)).toThrow(
      expect.objectContaining({ problem: 'key_unsupported' }),
    )
  })

  it('signs many receipts with one opened signer, each verifying', async () => {
    const signer = openReceiptSigner(agency.p12, passphrase)
    const second = await renderReceipt(sampleReceiptInput({ unitName: 'Dinas Pendidikan' }))
    for (const pdf of [receipt, second]) {
      const signed = await signer.sign(pdf, { signingTime })
      expect(verifyPdfSignature(signed, agency.cert)).toEqual({ digestMatches: true, signatureValid: true })
    }
  })

  it('refuses to sign outside the certificate validity with certificate_not_valid_now', async () => {
    const expired = makeTestP12({
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validUntil: new Date('2021-01-01T00:00:00Z'),
    })
    await expect(signReceiptPdf(receipt, expired.p12, passphrase, { signingTime })).rejects.toMatchObject({
      problem: 'certificate_not_valid_now',
    })
  })
})

describe('readP12', () => {
  it('describes the signing certificate', () => {
    const { p12, cert } = makeTestP12({ serialNumber: '0a1b2c' })
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
    expect(readP12(p12, passphrase)).toEqual({
      subjectName: 'BKPSDM Kota Malang',
      issuerName: 'BKPSDM Kota Malang',
      serialNumber: '0a1b2c',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2028-01-01T00:00:00Z'),
      fingerprintSha256: createHash('sha256').update(der).digest('hex'),
      keyAlgorithm: 'RSA',
      keyBits: 2048,
    })
  })
})
