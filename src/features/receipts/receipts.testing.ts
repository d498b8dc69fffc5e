/** Sample receipts and agency certificates (P12) for tests and `npm run bench -- receipts`. */
import { createHash } from 'node:crypto'
import forge from 'node-forge'
import type { ReceiptInput } from './receipts.render.js'

/** The four-point ikrar (DOMAIN §6, seed 004) in our own wording, with curly quotes and dashes on purpose. */
export const sampleIkrarText = [
  'Kami, Aparatur Sipil Negara di lingkungan Pemerintah Kota Malang, dengan ini menyatakan “sanggup” — dan berikrar — untuk:',
  '',
  '1. Menjaga netralitas ASN dalam memberikan pelayanan kepada masyarakat sebelum, selama dan sesudah Pemilu dan Pemilihan Tahun 2026;',
  '2. Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman kepada sesama ASN maupun masyarakat, serta tidak memihak pasangan calon mana pun;',
  '3. Menggunakan media sosial secara bijak – tidak untuk kepentingan pasangan calon, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks);',
  '4. Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
  '',
  'Demikian ikrar ini kami ucapkan dengan penuh kesadaran, demi menjaga martabat, etika, demokrasi dan persatuan bangsa…',
].join('\n')

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function sampleReceiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const documentText = overrides.documentText ?? sampleIkrarText
  return {
    agencyName: 'Pemerintah Kota Malang',
    documentTitle: 'Ikrar Netralitas Aparatur Sipil Negara',
    documentVersion: 2,
    signer: { name: 'Wahyu Hidayat', frontTitle: 'Dr. Ir.', backTitle: 'M.M.', nip: '197001011995031001' },
    unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    campaignName: 'Ikrar Netralitas Pilkada 2026',
    signedAt: new Date('2026-11-23T02:15:00.000Z'),
    timeZone: 'Asia/Jakarta',
    verifyUrl: 'https://netra.malangkota.go.id/verify/7QK2M9XW4HJ3PZ8RT6VN',
    ...overrides,
    documentText,
    documentSha256: overrides.documentSha256 ?? sha256Hex(documentText),
  }
}

/** A text long enough to need several pages (`paragraphs` × ~90 words). */
export function longText(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, index) =>
      `${index + 1}. ${'Pegawai wajib menjaga netralitas dalam setiap kegiatan kedinasan maupun di luar kedinasan, termasuk di media sosial, dan melaporkan dugaan pelanggaran kepada atasan langsung atau Bawaslu. '.repeat(3)}`,
  ).join('\n\n')
}

export const testP12Passphrase = 'rahasia-bkpsdm'

export interface TestP12Options {
  readonly validFrom?: Date
  readonly validUntil?: Date
  /** false: only the certificate, no key. */
  readonly withKey?: boolean
  /** Adds a second, unrelated key (a P12 that leaves the signer ambiguous). */
  readonly extraKey?: boolean
  readonly passphrase?: string
  readonly commonName?: string
  readonly serialNumber?: string
}

/** RSA-2048 key pairs are slow to generate in forge (~0.5–2 s each): tests share a few. */
const keyPool: forge.pki.rsa.KeyPair[] = []
function keyPair(index: number): forge.pki.rsa.KeyPair {
  while (keyPool.length <= index) keyPool.push(forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }))
  return keyPool[index] as forge.pki.rsa.KeyPair
}

/** A self-signed agency certificate in a P12 (3DES, as CAs and browsers export them), as an agency uploads it. */
export function makeTestP12(options: TestP12Options = {}) {
  const keys = keyPair(0)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = options.serialNumber ?? '01'
  cert.validity.notBefore = options.validFrom ?? new Date('2026-01-01T00:00:00Z')
  cert.validity.notAfter = options.validUntil ?? new Date('2028-01-01T00:00:00Z')
  const subject = [
    { name: 'commonName', value: options.commonName ?? 'BKPSDM Kota Malang' },
    { name: 'organizationName', value: 'Pemerintah Kota Malang' },
    { name: 'countryName', value: 'ID' },
  ]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const passphrase = options.passphrase ?? testP12Passphrase
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    options.withKey === false ? null : keys.privateKey,
    [cert],
    passphrase,
    { algorithm: '3des' },
  )
  if (!options.extraKey) {
    return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), cert, passphrase }
  }
  // One more SafeContents holding a second, unrelated shrouded key bag.
  const second = forge.pkcs12.toPkcs12Asn1(
    keyPair(1).privateKey,
    null as unknown as forge.pki.Certificate[],
    passphrase,
    {
      algorithm: '3des',
      useMac: false,
    },
  )
  const merged = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
    ...contentInfosOf(asn1),
    ...contentInfosOf(second),
  ])
  return { p12: pfxAround(merged, passphrase), cert, passphrase }
}

/** The ContentInfos of a PFX's AuthenticatedSafe (PFX → authSafe ContentInfo → [0] → OCTET STRING → SEQUENCE). */
function contentInfosOf(pfx: forge.asn1.Asn1): forge.asn1.Asn1[] {
  const authSafe = (pfx.value as forge.asn1.Asn1[])[1]
  const explicit = (authSafe?.value as forge.asn1.Asn1[])[1]
  const octets = (explicit?.value as forge.asn1.Asn1[])[0]
  return forge.asn1.fromDer(octets?.value as string).value as forge.asn1.Asn1[]
}

/** A PFX around an AuthenticatedSafe, with a SHA-1 MAC under the passphrase (RFC 7292 §4, as forge writes it). */
function pfxAround(authenticatedSafe: forge.asn1.Asn1, passphrase: string): Buffer {
  const { asn1 } = forge
  const { Class, Type } = asn1
  const oid = (value: string) =>
    asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes())
  const data = asn1.toDer(authenticatedSafe).getBytes()
  const salt = forge.random.getBytesSync(8)
  const iterations = 2048
  const mac = forge.hmac.create()
  mac.start('sha1', forge.pkcs12.generateKey(passphrase, forge.util.createBuffer(salt), 3, iterations, 20))
  mac.update(data)
  const pfx = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(3).getBytes()),
    asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      oid('1.2.840.113549.1.7.1'),
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [
        asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, data),
      ]),
    ]),
    asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
        asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
          oid('1.3.14.3.2.26'),
          asn1.create(Class.UNIVERSAL, Type.NULL, false, ''),
        ]),
        asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, mac.digest().getBytes()),
      ]),
      asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, salt),
      asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(iterations).getBytes()),
    ]),
  ])
  return Buffer.from(asn1.toDer(pfx).getBytes(), 'binary')
}

/**
 * An EC (P-256) certificate and key in a P12, passphrase `testP12Passphrase`, valid until 2126: made once with
 * `openssl req -x509 -newkey ec … && openssl pkcs12 -export -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES` (node-forge
 * can neither make nor sign with EC keys — which is why the upload refuses them).
 */
export const ecTestP12 = Buffer.from(
  'MIID4gIBAzCCA6gGCSqGSIb3DQEHAaCCA5kEggOVMIIDkTCCAocGCSqGSIb3DQEHBqCCAngwggJ0AgEAMIICbQYJKoZIhvcNAQcBMBwGCiqGSIb3DQEMAQMwDgQIJDcMwwLZUP4CAggAgIICQLD/cf1yOKwD+L395n/Sie9fC6X/CMLXKEuWJBiDRZF87y3wFOlbY2QKe70qdSUqARATxp3+RVuxMYVXPedMq8Q6VD72aF5mQr9SwM3RCOGPQ1/qtYSLXPVnz7+pC1ID5CDGPtnpY99rH0o5cpXGyNDUXXqg3lIQ81vpWrKRKCg47TOp7okHut4dOwSj50YUmVcxrdFAQZg+XZQ64yNT5xy2orztSY04fo1+IGfzax59ivcz2/OWvxprd7gaPGkrFeZrCg5md5KoWeEMn42GvuV1Szu4RFDVi+CM530vhdS51AJNVtg4t6Zh2H1vK2j8+Uc4RglmFUc1gHLWfLNrmmCk269mHgqUf2P85/2eeIFHS9ZUkRlB6XO1932UzqhFAyGvwyQAF1AeIvd9f3mCSzIUzADMSoGolW/Qb8RdlXp6ev1Pkc9omOZWeW4ndLFbOQKPJrswNdEEP2RdLRaWNTvy7QORXyYz7+rb12vmVpGAmxgZJgzIuI5sX52H3dJZa6Rj48zqQw0myPG1WZaQoZAjqPiMXJua1jfVbqF46KEjBV6I0ATMGLykCYCqINH/bvduiE29GoYQukJN0+WEQKk8kpGko+E6wyDv8vaDPVJa8px+3ayGvb3bcPR7190LXmRkR5fW9ljhxnWExtVO4LAZEhKV3iRQw+oEymaio6u/A0ZdyBV6CleEUbYaF0EqVGnFgPqV/Zd+b1ZkqRE6JGbk+VY7yyjS7eChX4QXTPGQ7IWgPlsz6dWPXAmshQdfBTCCAQIGCSqGSIb3DQEHAaCB9ASB8TCB7jCB6wYLKoZIhvcNAQwKAQKggbQwgbEwHAYKKoZIhvcNAQwBAzAOBAiTUBQZ1WsgEQICCAAEgZALzXTHF3Fj/VpeCnWBizxzBbFw9lBciau6wAobOz1MQ6eaTYFAKH3bOABROCswTqX9WuqEwUcLSPVdus/khFwfdUQDVawkL1XULQNCNGqCBZirkSlw3s+TTDQqHiX2de0grnlA8d4X0CSkmaRyue6pS4773yQnYTpOG1/jx5ObCuwNGIq1UB278NNgLb6BSkQxJTAjBgkqhkiG9w0BCRUxFgQUrN+awEeN1pFgqZcazaU9Ke4RiAUwMTAhMAkGBSsOAwIaBQAEFBVSHPMONVCnRLZPgiG6RGAgPkA1BAhNzJ1L1Hh7hAICCAA=',
  'base64',
)
