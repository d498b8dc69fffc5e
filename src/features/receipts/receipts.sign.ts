/**
 * Optional PDF signature of a receipt with an agency's own certificate (PKCS#12), through @signpdf 3.3
 * (placeholder-pdf-lib + signer-p12). What it produces is a CMS detached signature with SubFilter
 * `adbe.pkcs7.detached` — not strict PAdES B-B (that needs the ESS signing-certificate-v2 attribute, which the
 * P12 signer does not add). See docs/decisions/0010-receipts.md.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { P12Signer } from '@signpdf/signer-p12'
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'

export const receiptSignatureSubFilter = 'adbe.pkcs7.detached'

/**
 * Room reserved for the CMS blob, in bytes (hex-encoded it takes twice that in the file). A signer certificate
 * with a two-level chain is ~5 kB; 16 kB also fits longer chains.
 */
const signatureLength = 16_384

export const receiptSigningProblems = [
  /** Not a PKCS#12 file, or the passphrase does not open it. */
  'p12_unreadable',
  /** The file opens but holds no private key with its certificate. */
  'p12_incomplete',
  /** The certificate is not valid at the signing time. */
  'certificate_not_valid_now',
] as const
export type ReceiptSigningProblem = (typeof receiptSigningProblems)[number]

/** Thrown for a P12 that cannot sign; the caller maps `problem` to a DomainError for the user. */
export class ReceiptSigningError extends Error {
  constructor(readonly problem: ReceiptSigningProblem) {
    super(`receipt signing: ${problem}`)
    this.name = 'ReceiptSigningError'
  }
}

export interface P12Summary {
  /** Common name of the signing certificate's subject. */
  readonly subjectName: string
  readonly issuerName: string
  readonly validFrom: Date
  readonly validUntil: Date
}

/** PKCS#12 bag types (RFC 7292 §4.2). */
const bagOids = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
} as const

const commonName = (attributes: forge.pki.CertificateField[]): string =>
  String(attributes.find((field) => field.shortName === 'CN')?.value ?? '')

/**
 * Opens a P12 and describes its signing certificate (for the upload form, and before every signature).
 * Throws ReceiptSigningError('p12_unreadable' | 'p12_incomplete').
 */
export function readP12(p12: Uint8Array, passphrase: string): P12Summary {
  let parsed: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')))
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase)
  } catch {
    throw new ReceiptSigningError('p12_unreadable')
  }
  const bagsOf = (bagType: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType })[bagType] ?? []
  // Exactly what @signpdf's P12Signer will use: the first encrypted (PKCS#8 shrouded) key bag. A P12 whose key sits
  // in a plain key bag would make it fail later, so it is refused here.
  const key = bagsOf(bagOids.shroudedKey)[0]?.key
  // The signing certificate is the one whose public key matches the private key (a P12 may carry its chain too).
  const certificate = bagsOf(bagOids.certificate)
    .map((bag) => bag.cert)
    .find(
      (cert): cert is forge.pki.Certificate =>
        cert !== undefined &&
        key !== undefined &&
        (cert.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n),
    )
  if (!key || !certificate) throw new ReceiptSigningError('p12_incomplete')
  return {
    subjectName: commonName(certificate.subject.attributes),
    issuerName: commonName(certificate.issuer.attributes),
    validFrom: certificate.validity.notBefore,
    validUntil: certificate.validity.notAfter,
  }
}

export interface ReceiptSigningOptions {
  /** The moment written into the CMS signing-time attribute and the signature dictionary. */
  readonly signingTime: Date
  /** Shown by PDF readers; defaults to an Indonesian sentence. */
  readonly reason?: string
  readonly location?: string
  readonly contactInfo?: string
}

/**
 * Adds a PDF signature (invisible, on the first page) made with the P12's key to a rendered receipt. The result is
 * deterministic for the same input and signing time (RSA PKCS#1 v1.5 signatures are). Store the SHA-256 of the
 * returned bytes — that is the receipt the verify page compares uploads with.
 */
export async function signReceiptPdf(
  pdf: Uint8Array,
  p12: Uint8Array,
  passphrase: string,
  options: ReceiptSigningOptions,
): Promise<Uint8Array> {
  const certificate = readP12(p12, passphrase)
  const at = options.signingTime.getTime()
  if (at < certificate.validFrom.getTime() || at > certificate.validUntil.getTime()) {
    throw new ReceiptSigningError('certificate_not_valid_now')
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: options.reason ?? 'Tanda terima penandatanganan yang diterbitkan Netra',
    contactInfo: options.contactInfo ?? '',
    name: certificate.subjectName,
    location: options.location ?? '',
    signingTime: options.signingTime,
    signatureLength,
    subFilter: receiptSignatureSubFilter,
    appName: 'Netra',
  })
  const prepared = await doc.save({ useObjectStreams: false })
  const signer = new P12Signer(Buffer.from(p12), { passphrase })
  const signed = await new SignPdf().sign(Buffer.from(prepared), signer, options.signingTime)
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength)
}
