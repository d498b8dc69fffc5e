/**
 * Encrypted evidence blobs on disk. One file per blob, named by a random storage key:
 *
 *   byte 0         format version, 0x01
 *   bytes 1–24     libsodium secretstream (XChaCha20-Poly1305) header
 *   then           the content in chunks of 64 KiB, each sealed as 64 KiB + 17 bytes (tag + MAC); the last chunk
 *                  holds 1 byte to 64 KiB and carries TAG_FINAL
 *
 * Every chunk is authenticated with `netra/evidence/v1/<storageKey>` as additional data.
 *
 * Why this shape: secretstream seals a file piece by piece, so a 20 MB upload is encrypted while it arrives and never
 * held in memory as both plaintext and ciphertext; its chained chunk states make reordering, dropping or truncating
 * chunks fail (a stream without TAG_FINAL is refused), which a per-chunk secretbox would not notice. The key is the
 * caller's per-report data key, so a blob is useless without the report's wrapped key. The storage key in the
 * additional data makes a blob copied over another one (say, the original over its stripped copy) fail to open. The
 * version byte lets a later format (other chunk size, other cipher) live beside this one. Blobs are written to
 * `<key>.part` and renamed when complete, so a final key never names a half-written file; `.part` names can never be
 * read back because a dot is outside the storage-key alphabet.
 */
import { randomBytes } from 'node:crypto'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import sodium from 'libsodium-wrappers'

const formatVersion = 1
export const blobChunkBytes = 64 * 1024

/** 16 random bytes in base64url: 22 characters, no dot or slash, so never a path of its own. */
const storageKeyPattern = /^[A-Za-z0-9_-]{22}$/

export const newStorageKey = (): string => randomBytes(16).toString('base64url')
export const isStorageKey = (value: string): boolean => storageKeyPattern.test(value)

/** Reading or removing a blob failed: a malformed storage key, no such blob, or the key/content does not open. */
export class EvidenceBlobError extends Error {
  constructor(readonly reason: 'invalid_storage_key' | 'not_found' | 'undecryptable') {
    super(`evidence blob: ${reason}`)
    this.name = 'EvidenceBlobError'
  }
}

export function blobPath(dir: string, storageKey: string): string {
  if (!isStorageKey(storageKey)) throw new EvidenceBlobError('invalid_storage_key')
  return path.join(dir, storageKey)
}

/** crypto_secretstream_xchacha20poly1305_KEYBYTES, fixed by libsodium (a constant readable before sodium.ready). */
export const dataKeyBytes = 32

export function assertDataKey(dataKey: Uint8Array): void {
  if (dataKey.length !== dataKeyBytes)
    throw new TypeError(`evidence data key must be ${dataKeyBytes} bytes, not ${dataKey.length}`)
}

const additionalData = (storageKey: string) => `netra/evidence/v${formatVersion}/${storageKey}`

/** Writes one blob; `finish` seals the last chunk and renames `<key>.part` to `<key>`, `abort` removes it. */
export interface BlobWriter {
  readonly storageKey: string
  write(bytes: Uint8Array): Promise<void>
  finish(): Promise<{ storageKey: string; byteSize: number }>
  abort(): Promise<void>
}

export async function createBlobWriter(dir: string, dataKey: Uint8Array): Promise<BlobWriter> {
  await sodium.ready
  assertDataKey(dataKey)
  const storageKey = newStorageKey()
  const finalPath = blobPath(dir, storageKey)
  const partPath = `${finalPath}.part`
  const ad = additionalData(storageKey)
  const handle: FileHandle = await open(partPath, 'wx', 0o600)
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(dataKey)
  const chunk = Buffer.alloc(blobChunkBytes)
  let filled = 0
  let byteSize = 0

  const seal = async (tag: number) => {
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
      state,
      chunk.subarray(0, filled),
      ad,
      tag,
    )
    filled = 0
    await handle.write(sealed)
  }

  try {
    await handle.write(Buffer.concat([Buffer.of(formatVersion), header]))
  } catch (error) {
    await close()
    await rm(partPath, { force: true })
    throw error
  }

  return {
    storageKey,
    async write(bytes) {
      let offset = 0
      while (offset < bytes.length) {
        // A full chunk is sealed only once more bytes follow, so the last chunk is never empty and carries TAG_FINAL.
        if (filled === blobChunkBytes) await seal(sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
        const take = Math.min(blobChunkBytes - filled, bytes.length - offset)
        chunk.set(bytes.subarray(offset, offset + take), filled)
        filled += take
        offset += take
      }
      byteSize += bytes.length
    },
    async finish() {
      await seal(sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL)
      await handle.datasync()
      await close()
      await rename(partPath, finalPath)
      return { storageKey, byteSize }
    },
    async abort() {
      await close().catch(() => undefined)
      await rm(partPath, { force: true })
    },
  }
}

/** Writes a whole buffer as a blob (the stripped copy of an image). */
export async function writeBlob(
  dir: string,
  dataKey: Uint8Array,
  bytes: Uint8Array,
): Promise<{ storageKey: string; byteSize: number }> {
  const writer = await createBlobWriter(dir, dataKey)
  try {
    await writer.write(bytes)
    return await writer.finish()
  } catch (error) {
    await writer.abort()
    throw error
  }
}

/**
 * The decrypted content of a blob. The plaintext size follows from the file size, so the output is allocated once and
 * the ciphertext is read one sealed chunk at a time.
 */
export async function readBlob(dir: string, storageKey: string, dataKey: Uint8Array): Promise<Buffer> {
  const file = blobPath(dir, storageKey)
  await sodium.ready
  assertDataKey(dataKey)
  const abytes = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
  const headerBytes = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
  const sealedChunkBytes = blobChunkBytes + abytes

  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EvidenceBlobError('not_found')
    throw error
  }
  try {
    const { size } = await handle.stat()
    const body = size - 1 - headerBytes
    const chunks = Math.ceil(body / sealedChunkBytes)
    const lastSealed = body - (chunks - 1) * sealedChunkBytes
    if (chunks < 1 || lastSealed < abytes) throw new EvidenceBlobError('undecryptable')

    const prefix = Buffer.alloc(1 + headerBytes)
    await handle.read(prefix, 0, prefix.length, 0)
    if (prefix[0] !== formatVersion) throw new EvidenceBlobError('undecryptable')
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(prefix.subarray(1), dataKey)
    const ad = additionalData(storageKey)

    const output = Buffer.alloc(body - chunks * abytes)
    const sealed = Buffer.alloc(sealedChunkBytes)
    let position = prefix.length
    for (let index = 0; index < chunks; index++) {
      const length = index === chunks - 1 ? lastSealed : sealedChunkBytes
      const { bytesRead } = await handle.read(sealed, 0, length, position)
      if (bytesRead !== length) throw new EvidenceBlobError('undecryptable')
      position += length
      const opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed.subarray(0, length), ad)
      const expectedTag =
        index === chunks - 1
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
      // pull answers false (not a throw) when the MAC does not verify.
      if (!opened || opened.tag !== expectedTag) throw new EvidenceBlobError('undecryptable')
      output.set(opened.message, index * blobChunkBytes)
    }
    return output
  } finally {
    await handle.close()
  }
}

export async function removeBlobs(dir: string, storageKeys: readonly string[]): Promise<void> {
  // Every key is checked before anything is removed, so a bad list removes nothing.
  const files = storageKeys.map((storageKey) => blobPath(dir, storageKey))
  await Promise.all(files.map((file) => rm(file, { force: true })))
}
