/**
 * Optional PDF signature of a receipt with an agency's own certificate (PKCS#12), through @signpdf 3.3
 * (placeholder-pdf-lib + our own signer over node-forge, built like @signpdf's P12Signer but from a key decrypted
 * once, with the RSA operation done by node:crypto). What it produces is a CMS detached signature with SubFilter `adbe.pkcs7.detached` — not strict PAdES B-B
 * (that needs the ESS signing-certificate-v2 attribute and no CMS signing-time). See docs/decisions/0010-receipts.md.
 */
import { constants, createHash, createPrivateKey, privateEncrypt } from 'node:crypto'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf, Signer } from '@signpdf/signpdf'
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'

export const receiptSignatureSubFilter = 'adbe.pkcs7.detached'

/**
 * Room reserved for the CMS blob, in bytes (hex-encoded it takes twice that in the file). A signer certificate
 * with a two-level chain is ~5 kB; 16 kB also fits longer chains.
 */
const signatureLength = 16_384

export const receiptSigningProblems = [
  /** Not a PKCS#12 (PFX) structure at all (checked on the ASN.1, before any passphrase is tried). */
  'not_pkcs12',
  /** A PKCS#12 whose integrity MAC or key does not open with this passphrase. */
  'password_wrong',
  /** A PKCS#12 that opens but cannot be read (damaged, or an encryption node-forge does not know). */
  'p12_unreadable',
  /** Not exactly one private key with its certificate. */
  'p12_incomplete',
  /** A key or certificate node-forge cannot sign with or read (EC, DSA, Ed25519): RSA only. */
  'key_unsupported',
  /** The certificate is not valid at the signing time. */
  'certificate_not_valid_now',
] as const
export type ReceiptSigningProblem = (typeof receiptSigningProblems)[number]

/** Thrown for a P12 that cannot sign; the caller maps `problem` to a DomainError for the user. */
export class ReceiptSigningError extends Error {
  constructor(
    readonly problem: ReceiptSigningProblem,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`receipt signing: ${problem}`)
    this.name = 'ReceiptSigningError'
  }
}

export interface P12Summary {
  /** Common name of the signing certificate's subject. */
  readonly subjectName: string
  readonly issuerName: string
  /** Hexadecimal, as node-forge reads it (lower case, no separators). */
  readonly serialNumber: string
  readonly validFrom: Date
  readonly validUntil: Date
  /** SHA-256 of the certificate's DER bytes, lower-case hex. */
  readonly fingerprintSha256: string
  readonly keyAlgorithm: 'RSA'
  readonly keyBits: number
}

/** PKCS#12 bag types (RFC 7292 §4.2) and PFX content types (RFC 2315). */
const oids = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certificateBag: '1.2.840.113549.1.12.10.1.3',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
} as const

const commonName = (attributes: forge.pki.CertificateField[]): string =>
  String(attributes.find((field) => field.shortName === 'CN')?.value ?? '')

/**
 * The PFX shape of RFC 7292 §4: SEQUENCE { INTEGER 3, ContentInfo { OID data | signedData, … }, [MacData] }.
 * Anything else (a PEM file, a PDF, random bytes) is not a PKCS#12, whatever its name says.
 */
function pfxAsn1(bytes: Uint8Array): forge.asn1.Asn1 | null {
  if (bytes.length < 16 || bytes[0] !== 0x30) return null
  let asn1: forge.asn1.Asn1
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), false)
  } catch {
    return null
  }
  if (asn1.type !== forge.asn1.Type.SEQUENCE || !Array.isArray(asn1.value)) return null
  const [version, authSafe] = asn1.value
  if (!version || version.type !== forge.asn1.Type.INTEGER || version.value !== '\x03') return null
  if (!authSafe || authSafe.type !== forge.asn1.Type.SEQUENCE || !Array.isArray(authSafe.value)) return null
  const contentType = authSafe.value[0]
  if (!contentType || contentType.type !== forge.asn1.Type.OID || typeof contentType.value !== 'string')
    return null
  const oid = forge.asn1.derToOid(contentType.value)
  return oid === oids.data || oid === oids.signedData ? asn1 : null
}

/** The parts of a P12 a signature needs: the RSA key and the certificates (signer first). */
interface OpenedP12 {
  readonly summary: P12Summary
  readonly key: forge.pki.rsa.PrivateKey
  readonly certificate: forge.pki.Certificate
  readonly chain: readonly forge.pki.Certificate[]
}

function openP12(p12: Uint8Array, passphrase: string): OpenedP12 {
  const asn1 = pfxAsn1(p12)
  if (!asn1) throw new ReceiptSigningError('not_pkcs12')
  let parsed: forge.pkcs12.Pkcs12Pfx
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase)
  } catch (error) {
    // node-forge says "Invalid password?" (MAC) or "wrong password?" (shrouded key); any other failure of a PFX
    // is a file it cannot read.
    const message = error instanceof Error ? error.message : ''
    throw new ReceiptSigningError(/password/i.test(message) ? 'password_wrong' : 'p12_unreadable')
  }
  const bagsOf = (bagType: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType })[bagType] ?? []
  const shrouded = bagsOf(oids.shroudedKeyBag)
  const plain = bagsOf(oids.keyBag)
  const certificateBags = bagsOf(oids.certificateBag)
  // node-forge leaves `key`/`cert` null for algorithms it cannot read (EC, DSA, Ed25519 keys and certificates).
  if ([...shrouded, ...plain].some((bag) => !bag.key) || certificateBags.some((bag) => !bag.cert)) {
    throw new ReceiptSigningError('key_unsupported')
  }
  // Exactly one key, encrypted (PKCS#8 shrouded) like every P12 exported by a CA or a browser: a plain key bag is
  // not what a signer reads, and two keys leave the signer ambiguous.
  const keyCount = shrouded.length + plain.length
  const key = shrouded[0]?.key
  if (keyCount !== 1 || plain.length > 0 || !key) {
    throw new ReceiptSigningError('p12_incomplete', { keyCount })
  }
  const rsaKey = key
  const certificates = certificateBags.map((bag) => bag.cert as forge.pki.Certificate)
  // The signing certificate is the one whose public key matches the private key (a P12 may carry its chain too).
  const certificate = certificates.find((cert) => {
    const publicKey = cert.publicKey as Partial<forge.pki.rsa.PublicKey>
    return publicKey.n?.equals(rsaKey.n) === true && publicKey.e?.equals(rsaKey.e) === true
  })
  if (!certificate) throw new ReceiptSigningError('p12_incomplete', { keyCount })
  // A validity forge could not read comes back as an Invalid Date: refuse the file instead of failing later.
  if (
    [certificate.validity.notBefore, certificate.validity.notAfter].some((date) =>
      Number.isNaN(date.getTime()),
    )
  )
    throw new ReceiptSigningError('p12_incomplete')
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes()
  return {
    key: rsaKey,
    certificate,
    chain: [certificate, ...certificates.filter((cert) => cert !== certificate)],
    summary: {
      subjectName: commonName(certificate.subject.attributes),
      issuerName: commonName(certificate.issuer.attributes),
      serialNumber: certificate.serialNumber,
      validFrom: certificate.validity.notBefore,
      validUntil: certificate.validity.notAfter,
      fingerprintSha256: createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex'),
      keyAlgorithm: 'RSA',
      keyBits: rsaKey.n.bitLength(),
    },
  }
}

/**
 * Opens a P12 and describes its signing certificate (for the upload, and before signing).
 * Throws ReceiptSigningError (every problem except `certificate_not_valid_now`).
 */
export function readP12(p12: Uint8Array, passphrase: string): P12Summary {
  return openP12(p12, passphrase).summary
}

export interface ReceiptSigningOptions {
  /** The moment written into the CMS signing-time attribute and the signature dictionary. */
  readonly signingTime: Date
  /** Shown by PDF readers; defaults to an Indonesian sentence. */
  readonly reason?: string
  readonly location?: string
  readonly contactInfo?: string
}

/** DER of DigestInfo { sha256, NULL } before the 32 digest bytes (RFC 8017 §9.2, note 1). */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex')

/**
 * The RSASSA-PKCS1-v1_5 signature forge asks its key for, computed by node:crypto (OpenSSL) instead of forge's
 * JavaScript big numbers: ~1 ms instead of ~35 ms for RSA-2048, and the same bytes (PKCS#1 v1.5 is deterministic).
 */
function nativeRsaSigner(key: forge.pki.rsa.PrivateKey) {
  const keyObject = createPrivateKey(forge.pki.privateKeyToPem(key))
  return {
    sign(md: forge.md.MessageDigest): string {
      if (md.algorithm !== 'sha256') throw new Error(`receipt signing: unexpected digest ${md.algorithm}`)
      const digestInfo = Buffer.concat([
        sha256DigestInfoPrefix,
        Buffer.from(md.digest().getBytes(), 'binary'),
      ])
      return privateEncrypt({ key: keyObject, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString(
        'binary',
      )
    },
  }
}

/**
 * The CMS signer @signpdf calls, over a key decrypted once: the same attributes, order and digest as @signpdf's
 * P12Signer (content-type, signing-time, message-digest; SHA-256 with RSA; detached; every certificate embedded).
 */
class OpenedP12Signer extends Signer {
  private readonly key: ReturnType<typeof nativeRsaSigner>

  constructor(private readonly opened: OpenedP12) {
    super()
    this.key = nativeRsaSigner(opened.key)
  }

  override sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData()
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'))
    for (const certificate of this.opened.chain) p7.addCertificate(certificate)
    p7.addSigner({
      // forge calls only `key.sign(md, 'RSASSA-PKCS1-V1_5')` on it.
      key: this.key as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.opened.certificate,
      digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data ?? '' },
        // node-forge's typings want a string; at run time it takes (and encodes) a Date.
        { type: forge.pki.oids.signingTime ?? '', value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest ?? '' },
      ],
    })
    p7.sign({ detached: true })
    return Promise.resolve(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'))
  }
}

/** A P12 opened once (passphrase checked, key decrypted) that signs any number of receipts. */
export interface ReceiptSigner {
  readonly certificate: P12Summary
  sign(pdf: Uint8Array, options: ReceiptSigningOptions): Promise<Uint8Array>
}

/** Opens a P12 for signing. Throws ReceiptSigningError like `readP12`. */
export function openReceiptSigner(p12: Uint8Array, passphrase: string): ReceiptSigner {
  const opened = openP12(p12, passphrase)
  const signer = new OpenedP12Signer(opened)
  const certificate = opened.summary
  return {
    certificate,
    /**
     * Adds a PDF signature (invisible, on the first page) to a rendered receipt. Deterministic for the same input
     * and signing time (RSA PKCS#1 v1.5 signatures are). Store the SHA-256 of the returned bytes — that is the
     * receipt the verify page compares uploads with. Throws `certificate_not_valid_now` outside the validity.
     */
    async sign(pdf, options) {
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
      const signed = await new SignPdf().sign(Buffer.from(prepared), signer, options.signingTime)
      return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength)
    },
  }
}

/** Signs one receipt with a P12 (opens it for this one signature; the job keeps an opened signer instead). */
export async function signReceiptPdf(
  pdf: Uint8Array,
  p12: Uint8Array,
  passphrase: string,
  options: ReceiptSigningOptions,
): Promise<Uint8Array> {
  return openReceiptSigner(p12, passphrase).sign(pdf, options)
}
