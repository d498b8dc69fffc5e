/**
 * Which evidence files a reporter may send (issue #5: jpg, png, webp, pdf, mp4; at most 5 files of 20 MB), decided by
 * the file's first bytes only — never by its name or the content type the browser declared, both of which the sender
 * chooses freely (an executable renamed `foto.jpg` stays an executable).
 */

export const evidenceKinds = ['jpg', 'png', 'webp', 'pdf', 'mp4'] as const
export type EvidenceKind = (typeof evidenceKinds)[number]

export const evidenceLimits = { maxFiles: 5, maxBytes: 20 * 1024 * 1024 } as const

export const mimeOf: Record<EvidenceKind, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
}

export const imageKinds: readonly EvidenceKind[] = ['jpg', 'png', 'webp']
export const isImageKind = (kind: EvidenceKind): boolean => imageKinds.includes(kind)

/** Bytes every rule below can decide on (WebP and MP4 look at bytes 8–11). */
export const kindHeadBytes = 12

/**
 * ISO base media major brands of MP4 video as phones, cameras and messengers write them (ISO 14496-12/-14, 3GPP
 * TS 26.244). QuickTime (`qt  `), audio-only (`M4A `) and HEIF images (`heic`, `mif1`) are deliberately absent.
 */
const mp4Brands: ReadonlySet<string> = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'msdh',
  'mmp4',
  'MSNV',
  'f4v ',
  '3gp4',
  '3gp5',
  '3gp6',
  '3g2a',
  '3g2b',
  '3g2c',
])

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte)

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))
const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))

/** An MP4 begins with its `ftyp` box: 4-byte big-endian size (at least 16: size, type, brand, version), type, brand. */
function isMp4(head: Uint8Array): boolean {
  if (head.length < kindHeadBytes || !startsWith(head, ascii('ftyp'), 4)) return false
  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0)
  return boxSize >= 16 && boxSize <= 4096 && mp4Brands.has(latin1(head, 8, 12))
}

/** By magic bytes only (never the name or the declared type); null = not accepted. */
export function detectEvidenceKind(head: Uint8Array): EvidenceKind | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(head, ascii('%PDF-'))) return 'pdf'
  if (isMp4(head)) return 'mp4'
  return null
}
