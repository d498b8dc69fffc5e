import { createHash, randomBytes } from 'node:crypto'
import { copyFile, mkdtemp, readdir, readFile, rm, truncate, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createEvidenceStore,
  EvidenceBlobError,
  EvidenceRejected,
  type EvidenceStore,
  evidenceLimits,
  isStorageKey,
} from './evidence-files.js'
import {
  chunked,
  minimalMp4,
  minimalPdf,
  photoWithGps,
  plainPng,
  pngClaiming,
  quirkyPhoneJpeg,
  refusedFiles,
} from './evidence.testing.js'

const chunkBytes = 64 * 1024
const MiB = 1024 * 1024

let dir: string
let store: EvidenceStore
const dataKey = randomBytes(32)

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'netra-evidence-'))
  store = createEvidenceStore({ dir })
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const filesOnDisk = async () => (await readdir(dir)).sort()

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

async function rejectedReason(promise: Promise<unknown>) {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(EvidenceRejected)
  return (error as EvidenceRejected).reason
}

async function blobReason(promise: Promise<unknown>) {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(EvidenceBlobError)
  return (error as EvidenceBlobError).reason
}

/** A source that would yield `total` bytes of a PDF in 1 MiB pieces, recording how much was taken and whether closed. */
function endlessPdf(total: number) {
  const progress = { yielded: 0, closed: false }
  const piece = Buffer.alloc(MiB, 0x20)
  async function* generate() {
    try {
      const first = Buffer.concat([minimalPdf(), piece]).subarray(0, MiB)
      progress.yielded += first.length
      yield first
      while (progress.yielded < total) {
        progress.yielded += piece.length
        yield piece
      }
    } finally {
      progress.closed = true
    }
  }
  return { progress, source: generate() }
}

describe('createEvidenceStore().store', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'keeps a %s photo byte for byte and adds an upright copy without EXIF or GPS',
    async (format) => {
      const photo = await photoWithGps(format)
      const input = await sharp(photo).metadata()
      expect(input.exif).toBeDefined()
      expect(input.orientation).toBe(6)
      expect(photo.includes('NetraCam')).toBe(true)

      const stored = await store.store(chunked(photo, 100), dataKey)

      expect(stored).toMatchObject({ kind: format === 'jpeg' ? 'jpg' : format, mime: `image/${format}` })
      expect(stored.byteSize).toBe(photo.length)
      expect(stored.sha256).toBe(sha256(photo))
      expect(stored.original.byteSize).toBe(photo.length)
      expect(await store.read(stored.original.storageKey, dataKey)).toEqual(photo)

      expect(stored.viewCopy).toMatchObject({ mime: `image/${format}` })
      const copy = await store.read(stored.viewCopy!.storageKey, dataKey)
      expect(copy.length).toBe(stored.viewCopy!.byteSize)
      const output = await sharp(copy).metadata()
      expect(output.format).toBe(format)
      expect(output.exif).toBeUndefined()
      expect(output.xmp).toBeUndefined()
      expect(output.icc).toBeUndefined()
      expect(output.orientation).toBeUndefined()
      expect([output.width, output.height]).toEqual([48, 64])
      expect(copy.includes('NetraCam')).toBe(false)
      expect(await filesOnDisk()).toEqual([stored.original.storageKey, stored.viewCopy!.storageKey].sort())
    },
  )

  it('keeps a PDF and an MP4 without a view copy', async () => {
    const pdf = minimalPdf(1000)
    const mp4 = minimalMp4()
    const storedPdf = await store.store(chunked(pdf, 7), dataKey)
    const storedMp4 = await store.store(Readable.from([mp4]), dataKey)

    expect(storedPdf).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
      byteSize: pdf.length,
      viewCopy: null,
    })
    expect(storedMp4).toMatchObject({ kind: 'mp4', mime: 'video/mp4', byteSize: mp4.length, viewCopy: null })
    expect(storedPdf.sha256).toBe(sha256(pdf))
    expect(storedMp4.sha256).toBe(sha256(mp4))
    expect(await store.read(storedPdf.original.storageKey, dataKey)).toEqual(pdf)
    expect(await store.read(storedMp4.original.storageKey, dataKey)).toEqual(mp4)
    expect(await filesOnDisk()).toHaveLength(2)
  })

  it('names blobs by random storage keys and stores no plaintext', async () => {
    const pdf = minimalPdf(200)
    const stored = await store.store(chunked(pdf), dataKey)
    expect(isStorageKey(stored.original.storageKey)).toBe(true)
    const onDisk = await readFile(path.join(dir, stored.original.storageKey))
    expect(onDisk[0]).toBe(1)
    expect(onDisk.includes('%PDF')).toBe(false)
    expect(onDisk.includes('/Catalog')).toBe(false)
  })

  it.each([1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 3 * chunkBytes, 3 * chunkBytes + 5])(
    'round-trips content whose size is around the 64 KiB chunk (%i bytes of padding)',
    async (padding) => {
      const pdf = minimalPdf(padding)
      const stored = await store.store(chunked(pdf, 10_000), dataKey)
      expect(await store.read(stored.original.storageKey, dataKey)).toEqual(pdf)
    },
  )

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    const exact = Buffer.concat([
      minimalPdf(),
      Buffer.alloc(evidenceLimits.maxBytes - minimalPdf().length, 0x20),
    ])
    expect(exact.length).toBe(evidenceLimits.maxBytes)
    const stored = await store.store(chunked(exact, MiB), dataKey)
    expect(stored.byteSize).toBe(evidenceLimits.maxBytes)
    expect(sha256(await store.read(stored.original.storageKey, dataKey))).toBe(sha256(exact))

    const over = Buffer.concat([exact, Buffer.from(' ')])
    expect(await rejectedReason(store.store(chunked(over, MiB), dataKey))).toBe('too_large')
    expect(await filesOnDisk()).toEqual([stored.original.storageKey])
  })

  it('stops reading shortly after 20 MB of a 100 MB source and leaves no file', async () => {
    const { progress, source } = endlessPdf(100 * MiB)

    const error = await rejection(store.store(source, dataKey))

    expect(error).toBeInstanceOf(EvidenceRejected)
    expect(error).toMatchObject({ reason: 'too_large', details: { maxBytes: evidenceLimits.maxBytes } })
    expect(progress.yielded).toBeLessThanOrEqual(evidenceLimits.maxBytes + MiB)
    expect(progress.closed).toBe(true)
    expect(await filesOnDisk()).toEqual([])
  })

  it('destroys a Node stream that goes over the limit instead of draining it', async () => {
    const { progress, source } = endlessPdf(100 * MiB)
    const stream = Readable.from(source, { objectMode: false, highWaterMark: MiB })

    expect(await rejectedReason(store.store(stream, dataKey))).toBe('too_large')

    expect(stream.destroyed).toBe(true)
    expect(progress.yielded).toBeLessThanOrEqual(evidenceLimits.maxBytes + 3 * MiB)
    expect(await filesOnDisk()).toEqual([])
  })

  it('applies a smaller per-store limit', async () => {
    const small = createEvidenceStore({ dir, maxBytes: 1000 })
    expect(await rejectedReason(small.store(chunked(minimalPdf(1000)), dataKey))).toBe('too_large')
    expect((await small.store(chunked(minimalPdf(10)), dataKey)).kind).toBe('pdf')
  })

  it.each(Object.entries(refusedFiles))(
    'refuses a %s whatever its name, before writing anything',
    async (_name, bytes) => {
      expect(await rejectedReason(store.store(chunked(bytes), dataKey))).toBe('unsupported_type')
      expect(await filesOnDisk()).toEqual([])
    },
  )

  it('refuses an empty file and one too short to be anything', async () => {
    expect(await rejectedReason(store.store(chunked(new Uint8Array()), dataKey))).toBe('empty')
    expect(await rejectedReason(store.store(chunked(Buffer.from('%PD')), dataKey))).toBe('unsupported_type')
    expect(await filesOnDisk()).toEqual([])
  })

  it('refuses a corrupt image that only begins like a JPEG, and removes what it had written', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300 * 1024)])
    expect(await rejectedReason(store.store(chunked(fake), dataKey))).toBe('unreadable_image')
    expect(await filesOnDisk()).toEqual([])
  })

  it('refuses a truncated photo', async () => {
    const photo = await photoWithGps('jpeg')
    const cut = photo.subarray(0, Math.floor(photo.length * 0.7))
    expect(await rejectedReason(store.store(chunked(cut), dataKey))).toBe('unreadable_image')
    expect(await filesOnDisk()).toEqual([])
  })

  it('accepts a phone photo whose decoder only warns, and still strips its GPS', async () => {
    const photo = await quirkyPhoneJpeg()
    const stored = await store.store(chunked(photo), dataKey)
    expect(stored.sha256).toBe(sha256(photo))
    const copy = await sharp(await store.read(stored.viewCopy!.storageKey, dataKey)).metadata()
    expect(copy.exif).toBeUndefined()
    expect([copy.width, copy.height]).toEqual([48, 64])
  })

  it('refuses a decompression bomb as an unreadable image', async () => {
    const bomb = await pngClaiming(50_000, 50_000)
    expect(bomb.length).toBeLessThan(1000)
    expect(await rejectedReason(store.store(chunked(bomb), dataKey))).toBe('unreadable_image')
    expect(await filesOnDisk()).toEqual([])
  })

  it('refuses a real image over the pixel limit of the store', async () => {
    const strict = createEvidenceStore({ dir, maxImagePixels: 1000 * 1000 })
    expect((await strict.store(chunked(await plainPng(1000, 1000)), dataKey)).kind).toBe('png')
    expect(await rejectedReason(strict.store(chunked(await plainPng(1001, 1000)), dataKey))).toBe(
      'unreadable_image',
    )
    expect(await filesOnDisk()).toHaveLength(2)
  })

  it('leaves no file when the source fails mid-upload', async () => {
    async function* broken() {
      yield minimalPdf(3 * chunkBytes)
      throw new Error('connection reset')
    }
    await expect(store.store(broken(), dataKey)).rejects.toThrow('connection reset')
    expect(await filesOnDisk()).toEqual([])
  })

  it('refuses a data key of the wrong size without reading the source', async () => {
    const { progress, source } = endlessPdf(MiB)
    await expect(store.store(source, randomBytes(16))).rejects.toThrow(TypeError)
    expect(progress.yielded).toBe(0)
  })

  it('stores files in parallel without mixing them up', async () => {
    const otherKey = randomBytes(32)
    const files = [minimalPdf(5 * chunkBytes), minimalPdf(4 * chunkBytes + 17), minimalMp4()]
    const image = await photoWithGps('jpeg')
    const [photo, ...others] = await Promise.all([
      store.store(chunked(image, 50), otherKey),
      ...files.map((file) => store.store(chunked(file, 1000), dataKey)),
    ])

    expect(photo.kind).toBe('jpg')
    expect(await store.read(photo.original.storageKey, otherKey)).toEqual(image)
    for (const [index, stored] of others.entries()) {
      expect(stored.sha256).toBe(sha256(files[index]!))
      expect(await store.read(stored.original.storageKey, dataKey)).toEqual(files[index])
    }
    expect(await filesOnDisk()).toHaveLength(5)
  })
})

describe('createEvidenceStore().read', () => {
  async function storedPdf() {
    const pdf = minimalPdf(2 * chunkBytes + 100)
    const stored = await store.store(chunked(pdf), dataKey)
    return { pdf, stored, file: path.join(dir, stored.original.storageKey) }
  }

  it('fails with another data key', async () => {
    const { stored } = await storedPdf()
    expect(await blobReason(store.read(stored.original.storageKey, randomBytes(32)))).toBe('undecryptable')
  })

  it('fails when one byte of the ciphertext was changed', async () => {
    const { stored, file } = await storedPdf()
    const bytes = await readFile(file)
    bytes[chunkBytes + 500] = bytes[chunkBytes + 500]! ^ 0x01
    await writeFile(file, bytes)
    expect(await blobReason(store.read(stored.original.storageKey, dataKey))).toBe('undecryptable')
  })

  it('fails when the version byte was changed', async () => {
    const { stored, file } = await storedPdf()
    const bytes = await readFile(file)
    bytes[0] = 2
    await writeFile(file, bytes)
    expect(await blobReason(store.read(stored.original.storageKey, dataKey))).toBe('undecryptable')
  })

  it('fails when the file was cut at a chunk boundary, inside a chunk, or extended', async () => {
    const { stored, file } = await storedPdf()
    const whole = await readFile(file)
    const sealedChunk = chunkBytes + 17
    const read = () => blobReason(store.read(stored.original.storageKey, dataKey))

    await truncate(file, 1 + 24 + 2 * sealedChunk)
    expect(await read()).toBe('undecryptable')
    await truncate(file, whole.length - 1)
    expect(await read()).toBe('undecryptable')
    await writeFile(file, whole)
    await appendFile(file, Buffer.from('x'))
    expect(await read()).toBe('undecryptable')
    await truncate(file, 10)
    expect(await read()).toBe('undecryptable')
  })

  it('fails when one blob was copied over another of the same report', async () => {
    const stored = await store.store(chunked(await photoWithGps('jpeg')), dataKey)
    await copyFile(path.join(dir, stored.original.storageKey), path.join(dir, stored.viewCopy!.storageKey))
    expect(await blobReason(store.read(stored.viewCopy!.storageKey, dataKey))).toBe('undecryptable')
  })

  it('answers not_found for a well-formed key without a blob', async () => {
    expect(await blobReason(store.read('AAAAAAAAAAAAAAAAAAAAAA', dataKey))).toBe('not_found')
  })

  it.each([
    '',
    '../../etc/passwd',
    'a/b',
    'AAAAAAAAAAAAAAAAAAAA/..',
    'AAAAAAAAAAAAAAAAAAAAAA.part',
    'A'.repeat(23),
  ])('refuses the storage key %j', async (storageKey) => {
    expect(await blobReason(store.read(storageKey, dataKey))).toBe('invalid_storage_key')
  })

  it('never reads a half-written .part file', async () => {
    const { stored, file } = await storedPdf()
    await copyFile(file, `${file}.part`)
    expect(await blobReason(store.read(`${stored.original.storageKey}.part`, dataKey))).toBe(
      'invalid_storage_key',
    )
  })
})

describe('createEvidenceStore().remove', () => {
  it('deletes the given blobs and ignores ones already gone', async () => {
    const kept = await store.store(chunked(minimalPdf()), dataKey)
    const photo = await store.store(chunked(await photoWithGps('png')), dataKey)

    await store.remove([photo.original.storageKey, photo.viewCopy!.storageKey, 'AAAAAAAAAAAAAAAAAAAAAA'])

    expect(await filesOnDisk()).toEqual([kept.original.storageKey])
    expect(await blobReason(store.read(photo.original.storageKey, dataKey))).toBe('not_found')
  })

  it('removes nothing when one of the keys is invalid', async () => {
    const stored = await store.store(chunked(minimalPdf()), dataKey)
    expect(await blobReason(store.remove([stored.original.storageKey, '../evidence']))).toBe(
      'invalid_storage_key',
    )
    expect(await filesOnDisk()).toEqual([stored.original.storageKey])
  })
})
