/**
 * "Is this exactly the receipt Netra issued?" — the uploaded file's SHA-256 against the one stored when the receipt
 * was produced (of the final bytes: after the optional P12 signature). Byte equality is the whole test: a copy that
 * was re-saved, printed to PDF, or had one byte changed is not the issued receipt, even if it looks the same.
 */
import { createHash } from 'node:crypto'

export const receiptVerdicts = ['genuine', 'altered', 'not_a_pdf', 'too_large'] as const
export type ReceiptVerdict = (typeof receiptVerdicts)[number]

/** Receipts are ~30 kB (a long text with a drawn signature stays well under 1 MB); 5 MB leaves room. */
export const maxReceiptUploadBytes = 5 * 1024 * 1024

const pdfMagic = Buffer.from('%PDF-', 'latin1')

/** SHA-256 of the file's bytes, lower-case hex. */
export const receiptSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Whether the bytes start like a PDF (`%PDF-`). */
export const looksLikePdf = (bytes: Uint8Array): boolean =>
  bytes.length >= pdfMagic.length && pdfMagic.every((byte, index) => bytes[index] === byte)

/**
 * genuine: the very bytes issued; altered: a PDF, but not those bytes; not_a_pdf: no `%PDF-` header;
 * too_large: over `maxReceiptUploadBytes` (not hashed).
 */
export function checkUploadedReceipt(bytes: Uint8Array, expectedSha256: string): ReceiptVerdict {
  if (bytes.length > maxReceiptUploadBytes) return 'too_large'
  if (!looksLikePdf(bytes)) return 'not_a_pdf'
  return receiptSha256(bytes) === expectedSha256.trim().toLowerCase() ? 'genuine' : 'altered'
}
