/**
 * Files of events (materials and photos): received by src/platform/uploads.ts (streamed, capped, hashed), then accepted
 * only when their first bytes say they are what the purpose allows — never by name or declared content type.
 */
import { mkdir, open, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { DomainError } from '../../domain/errors.js'
import { newId } from '../../platform/ids.js'
import { receiveFile } from '../../platform/uploads.js'
import type { EventFilePurpose, EventFileType } from './events.schema.js'

/** Largest material (a slide deck with pictures). */
export const maxMaterialBytes = 25 * 1024 * 1024
/** Largest photo. */
export const maxPhotoBytes = 10 * 1024 * 1024
/** Largest attendance sheet. */
export const maxSheetBytes = 5 * 1024 * 1024

export const imageTypes: readonly EventFileType[] = ['jpeg', 'png', 'webp']
export const allowedTypes: Record<EventFilePurpose, readonly EventFileType[]> = {
  material: ['pdf', 'pptx', 'docx', ...imageTypes],
  photo: imageTypes,
}
export const maxBytesFor: Record<EventFilePurpose, number> = {
  material: maxMaterialBytes,
  photo: maxPhotoBytes,
}

export const mediaTypeOf: Record<EventFileType, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte)

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * The kind of a file from its bytes, or null. PPTX and DOCX are ZIP archives (`PK\x03\x04`) told apart by the entry
 * names every Office file has (`ppt/presentation.xml`, `word/document.xml`); ZIP entry names are stored
 * uncompressed, so searching the bytes finds them.
 */
export function sniffFileType(bytes: Buffer): EventFileType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (bytes.includes('ppt/presentation.xml', 0, 'latin1')) return 'pptx'
    if (bytes.includes('word/document.xml', 0, 'latin1')) return 'docx'
  }
  return null
}

/** Reads a whole (size-capped) file and decides its kind. */
export async function detectFileType(file: string): Promise<EventFileType | null> {
  const handle = await open(file, 'r')
  try {
    return sniffFileType(await handle.readFile())
  } finally {
    await handle.close()
  }
}

/**
 * Streams an upload to `<fileDir>/<new id>.part` (capped, hashed); the caller renames it once accepted, or removes
 * it. A declared size over the cap is refused before reading.
 */
export async function storeUpload(
  fileDir: string,
  body: Readable,
  maxBytes: number,
  declaredBytes: number | undefined,
) {
  if (declaredBytes !== undefined && declaredBytes > maxBytes)
    throw new DomainError('request.too_large', { maxBytes })
  await mkdir(fileDir, { recursive: true })
  const id = newId()
  const partial = path.join(fileDir, `${id}.part`)
  try {
    const received = await receiveFile(body, partial, maxBytes)
    return { id, partial, ...received }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
