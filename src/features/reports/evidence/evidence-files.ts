/**
 * Evidence files of public reports (issue #5): taken from the reporter as a stream, checked, and stored encrypted.
 *
 * - The kind is decided by the first bytes (./evidence-kind.ts), never by the file name or declared type; a file that
 *   is not jpg/png/webp/pdf/mp4 is refused before anything touches the disk.
 * - At most `maxBytes` (20 MB) are read: the byte after the limit stops the reading at once (the source iterator is
 *   closed, which destroys a Node stream; pass `stream.iterator({ destroyOnReturn: false })` to keep it open).
 * - SHA-256 of the original bytes as received is computed on the way, for the evidence record.
 * - The original is encrypted while it arrives with the caller's per-report data key (format in ./evidence-blobs.ts)
 *   and kept unchanged as evidence; images also get an upright copy without EXIF/GPS or any other metadata
 *   (./evidence-view-copy.ts), encrypted the same way, which is what staff look at.
 * - Blobs are named by random storage keys, never by anything from the request; a failure at any point leaves no file.
 */
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import {
  assertDataKey,
  type BlobWriter,
  createBlobWriter,
  readBlob,
  removeBlobs,
  writeBlob,
} from './evidence-blobs.js'
import {
  detectEvidenceKind,
  type EvidenceKind,
  evidenceLimits,
  isImageKind,
  kindHeadBytes,
  mimeOf,
} from './evidence-kind.js'
import { defaultMaxImagePixels, makeViewCopy, UnreadableImage } from './evidence-view-copy.js'

export { EvidenceBlobError, isStorageKey } from './evidence-blobs.js'
export {
  detectEvidenceKind,
  type EvidenceKind,
  evidenceKinds,
  evidenceLimits,
  mimeOf,
} from './evidence-kind.js'
export { defaultMaxImagePixels } from './evidence-view-copy.js'

export interface StoredBlob {
  readonly storageKey: string
  /** Bytes `read` returns (the plaintext), e.g. for Content-Length; the file on disk is slightly larger. */
  readonly byteSize: number
}

export interface StoredEvidence {
  readonly kind: EvidenceKind
  readonly mime: string
  /** Of the original. */
  readonly byteSize: number
  /** Hex SHA-256 of the original bytes as received. */
  readonly sha256: string
  /** The encrypted original, kept as evidence. */
  readonly original: StoredBlob
  /** Images: the encrypted copy without EXIF/GPS, in the original's format; null for pdf and mp4. */
  readonly viewCopy: (StoredBlob & { readonly mime: string }) | null
}

export const evidenceRejectionReasons = [
  'too_large',
  'unsupported_type',
  'empty',
  'unreadable_image',
] as const
export type EvidenceRejectionReason = (typeof evidenceRejectionReasons)[number]

/** The file itself is not acceptable evidence (the caller answers 413, 415 or 422); nothing was stored. */
export class EvidenceRejected extends Error {
  constructor(
    readonly reason: EvidenceRejectionReason,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(`evidence.${reason}`)
    this.name = 'EvidenceRejected'
  }
}

export interface EvidenceStore {
  /**
   * Reads the file from `source` (a Node Readable or AsyncIterable<Uint8Array>), stopping with
   * EvidenceRejected('too_large') as soon as more than `maxBytes` arrived (drain nothing more), decides the kind
   * by the first bytes, hashes and encrypts while reading, writes `<dir>/<random key>` (never a name from the
   * request), and for images writes an encrypted copy without metadata. On any failure nothing stays on disk.
   */
  store(
    source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
    dataKey: Uint8Array,
  ): Promise<StoredEvidence>
  /** The decrypted bytes (throws if the key is wrong or the file was altered). */
  read(storageKey: string, dataKey: Uint8Array): Promise<Buffer>
  /** Removes stored blobs (used by the caller to roll back a report that failed after files were stored). */
  remove(storageKeys: readonly string[]): Promise<void>
}

export interface EvidenceStoreOptions {
  readonly dir: string
  /** Per file; default evidenceLimits.maxBytes (20 MB). */
  readonly maxBytes?: number
  /** Largest image decoded for the view copy; default defaultMaxImagePixels. */
  readonly maxImagePixels?: number
}

const toBytes = (chunk: Uint8Array | string): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk

export function createEvidenceStore(options: EvidenceStoreOptions): EvidenceStore {
  const { dir } = options
  const maxBytes = options.maxBytes ?? evidenceLimits.maxBytes
  const maxImagePixels = options.maxImagePixels ?? defaultMaxImagePixels

  async function store(
    source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
    dataKey: Uint8Array,
  ): Promise<StoredEvidence> {
    assertDataKey(dataKey)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const hash = createHash('sha256')
    const intake: { kind: EvidenceKind | null; writer: BlobWriter | null; byteSize: number } = {
      kind: null,
      writer: null,
      byteSize: 0,
    }
    let head: Buffer[] = []
    let headSize = 0
    // Image bytes are kept (copied: a source may reuse its buffer) for the decoder, which needs the whole image.
    const imageParts: Buffer[] = []
    const stored: string[] = []

    const accept = async (bytes: Uint8Array) => {
      if (!intake.writer || !intake.kind) return
      await intake.writer.write(bytes)
      if (isImageKind(intake.kind)) imageParts.push(Buffer.from(bytes))
    }
    /** Decides the kind from the first bytes; nothing is written before this says yes. */
    const decide = async () => {
      const bytes = Buffer.concat(head)
      head = []
      intake.kind = detectEvidenceKind(bytes)
      if (!intake.kind) throw new EvidenceRejected('unsupported_type')
      intake.writer = await createBlobWriter(dir, dataKey)
      await accept(bytes)
    }

    try {
      for await (const raw of source as AsyncIterable<Uint8Array | string>) {
        const chunk = toBytes(raw)
        intake.byteSize += chunk.length
        // Throwing inside for-await closes the source: nothing more is read.
        if (intake.byteSize > maxBytes) throw new EvidenceRejected('too_large', { maxBytes })
        hash.update(chunk)
        if (intake.kind) {
          await accept(chunk)
        } else {
          head.push(Buffer.from(chunk))
          headSize += chunk.length
          if (headSize >= kindHeadBytes) await decide()
        }
      }
      if (intake.byteSize === 0) throw new EvidenceRejected('empty')
      if (!intake.kind) await decide()
      const { kind, writer, byteSize } = intake
      if (!kind || !writer) throw new EvidenceRejected('unsupported_type')

      let viewCopy: StoredEvidence['viewCopy'] = null
      if (kind === 'jpg' || kind === 'png' || kind === 'webp') {
        const image = Buffer.concat(imageParts)
        imageParts.length = 0
        const copy = await makeViewCopy(image, kind, maxImagePixels)
        const blob = await writeBlob(dir, dataKey, copy)
        stored.push(blob.storageKey)
        viewCopy = { ...blob, mime: mimeOf[kind] }
      }
      const original = await writer.finish()
      stored.push(original.storageKey)
      return { kind, mime: mimeOf[kind], byteSize, sha256: hash.digest('hex'), original, viewCopy }
    } catch (error) {
      await intake.writer?.abort()
      await removeBlobs(dir, stored)
      if (error instanceof UnreadableImage) throw new EvidenceRejected('unreadable_image')
      throw error
    }
  }

  return {
    store,
    read: (storageKey, dataKey) => readBlob(dir, storageKey, dataKey),
    remove: (storageKeys) => removeBlobs(dir, storageKeys),
  }
}
