/**
 * HTTP contracts of an agency's receipt signing certificate (PKCS#12): upload (multipart: `file` + `password`),
 * read (metadata only, never the key) and removal.
 */
import { z } from 'zod'

/** The largest P12 accepted (a certificate with a long chain is a few kB; 1 MB leaves room and stops abuse). */
export const maxCertificateBytes = 1_048_576

export const AgencyIdParams = z.strictObject({ id: z.uuid() })
export type AgencyIdParams = z.infer<typeof AgencyIdParams>

/** The text fields of the upload form; the P12 itself is the multipart part named `file`. */
export const UploadCertificateFields = z.strictObject({
  /** The P12's passphrase (may be empty: some exports have none). Sealed with the file; never returned or logged. */
  password: z.string().max(1024),
})
export type UploadCertificateFields = z.infer<typeof UploadCertificateFields>

export const SigningCertificateView = z.object({
  id: z.string(),
  agencyId: z.string(),
  /** Common name (CN) of the certificate's subject: what PDF readers show as the signer. */
  subjectName: z.string(),
  issuerName: z.string(),
  /** Hexadecimal. */
  serialNumber: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** SHA-256 of the certificate (DER), lower-case hex: compare with the CA's or `openssl x509 -fingerprint -sha256`. */
  fingerprintSha256: z.string(),
  keyAlgorithm: z.string(),
  keyBits: z.number().int(),
  uploadedAt: z.string(),
  /** Who uploaded it (display name), null when that account is gone. */
  uploadedBy: z.string().nullable(),
})
export type SigningCertificateView = z.infer<typeof SigningCertificateView>

/** `certificate: null`: receipts of this agency carry the hash and QR code only, without a PDF signature. */
export const ReceiptCertificateState = z.object({ certificate: SigningCertificateView.nullable() })
export type ReceiptCertificateState = z.infer<typeof ReceiptCertificateState>
