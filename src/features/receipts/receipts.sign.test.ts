import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderReceipt } from './receipts.render.js'
import { ReceiptSigningError, readP12, signReceiptPdf } from './receipts.sign.js'
import { sampleReceiptInput } from './receipts.testing.js'
import { checkUploadedReceipt, receiptSha256 } from './receipts.verify.js'

const passphrase = 'rahasia-bkpsdm'
const signingTime = new Date('2026-11-23T02:20:00.000Z')

/** A self-signed agency certificate in a P12, as an agency would upload it. */
function makeP12(options: { validFrom?: Date; validUntil?: Date; withKey?: boolean } = {}) {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01'
  cert.validity.notBefore = options.validFrom ?? new Date('2026-01-01T00:00:00Z')
  cert.validity.notAfter = options.validUntil ?? new Date('2028-01-01T00:00:00Z')
  const name = [
    { name: 'commonName', value: 'BKPSDM Kota Malang' },
    { name: 'organizationName', value: 'Pemerintah Kota Malang' },
    { name: 'countryName', value: 'ID' },
  ]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    options.withKey === false ? null : keys.privateKey,
    [cert],
    passphrase,
    {
      algorithm: '3des',
    },
  )
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), cert }
}

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
  const hex = Buffer.from(pdf.subarray(a + b + 1, c - 1))
    .toString('latin1')
    .replace(/0+$/, '')
  const der = Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex')
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der.toString('binary'))) as any
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

describe('signReceiptPdf', () => {
  let agency: ReturnType<typeof makeP12>
  let receipt: Uint8Array

  beforeAll(async () => {
    agency = makeP12()
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

  it('refuses a wrong passphrase or a file that is not a P12 with p12_unreadable', async () => {
    await expect(signReceiptPdf(receipt, agency.p12, 'salah', { signingTime })).rejects.toMatchObject({
      problem: 'p12_unreadable',
    })
    await expect(
      signReceiptPdf(receipt, new TextEncoder().encode('bukan p12'), passphrase, { signingTime }),
    ).rejects.toBeInstanceOf(ReceiptSigningError)
  })

  it('refuses a P12 without a private key with p12_incomplete', () => {
    const { p12 } = makeP12({ withKey: false })
    expect(() => readP12(p12, passphrase)).toThrow(expect.objectContaining({ problem: 'p12_incomplete' }))
  })

  it('refuses to sign outside the certificate validity with certificate_not_valid_now', async () => {
    const expired = makeP12({
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
    const { p12 } = makeP12()
    expect(readP12(p12, passphrase)).toEqual({
      subjectName: 'BKPSDM Kota Malang',
      issuerName: 'BKPSDM Kota Malang',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2028-01-01T00:00:00Z'),
    })
  })
})
