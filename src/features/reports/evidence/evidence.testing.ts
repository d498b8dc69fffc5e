/**
 * Evidence fixtures made in the test run (no binary files in the repository): photos with GPS EXIF drawn by sharp,
 * a minimal PDF and MP4 by bytes, executables and archives by their signatures, and sources that stream them.
 */
import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'

/** Jakarta, Monas: 6°10'30.12"S 106°49'12.34"E — what a phone writes into a photo taken there. */
export const gpsExif = {
  IFD0: { Make: 'NetraCam', Model: 'Saksi 1' },
  IFD3: {
    GPSLatitudeRef: 'S',
    GPSLatitude: '6/1 10/1 3012/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '106/1 49/1 1234/100',
  },
}

/**
 * A 64 × 48 photo stored sideways (EXIF orientation 6, as phones do) with GPS, camera make and model in its EXIF.
 * Upright it is 48 × 64.
 */
export async function photoWithGps(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const canvas = sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
  return canvas[format]().withExif(gpsExif).withMetadata({ orientation: 6 }).toBuffer()
}

/**
 * A photo as some Samsung and Pixel cameras write it: 18 stray bytes before the quantisation-table marker, which
 * decoders report as a warning ("Corrupt JPEG data: 18 extraneous bytes before marker 0xdb") and read fine.
 */
export async function quirkyPhoneJpeg(): Promise<Buffer> {
  const jpeg = await photoWithGps('jpeg')
  const marker = jpeg.indexOf(Buffer.from([0xff, 0xdb]))
  return Buffer.concat([jpeg.subarray(0, marker), Buffer.alloc(18), jpeg.subarray(marker)])
}

/** A plain image of the given size, no metadata. */
export function plainPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
}

/** A valid small PNG whose header then claims `width` × `height`: a decompression bomb as a decoder first sees it. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await plainPng(1, 1))
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), …, CRC over type + 13 data bytes.
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

/** A one-page PDF, valid enough for a viewer, padded with `padding` random bytes in a comment-free stream. */
export function minimalPdf(padding = 0): Buffer {
  const text = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    `4 0 obj << /Length ${padding} >> stream`,
  ].join('\n')
  return Buffer.concat([
    Buffer.from(`${text}\n`),
    randomBytes(padding),
    Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  ])
}

const box = (type: string, body: Buffer) => {
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length, 0)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

/** An MP4 as its boxes begin: `ftyp` (major brand `brand`), then a small `mdat`. */
export function minimalMp4(brand = 'isom'): Buffer {
  const ftyp = box(
    'ftyp',
    Buffer.concat([Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')]),
  )
  return Buffer.concat([ftyp, box('mdat', randomBytes(256))])
}

/** Files that must never pass as evidence, whatever they are called. */
export const refusedFiles = {
  'ELF executable': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(120)]),
  'Windows executable (MZ)': Buffer.concat([
    Buffer.from('MZ'),
    Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]),
    randomBytes(120),
  ]),
  'ZIP archive': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), randomBytes(120)]),
  'HTML page': Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  'shell script': Buffer.from('#!/bin/sh\nrm -rf /\n'),
  'GIF image': Buffer.concat([Buffer.from('GIF89a'), randomBytes(40)]),
  'QuickTime movie': minimalMp4('qt  '),
  'WAV audio (RIFF, not WebP)': Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([36, 0, 0, 0]),
    Buffer.from('WAVEfmt '),
    randomBytes(40),
  ]),
} as const

/** Streams `bytes` in pieces of `size` (the first pieces tiny, so the kind must be decided across chunks). */
export async function* chunked(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const tiny = Math.min(3, bytes.length)
  for (let index = 0; index < tiny; index++) yield bytes.subarray(index, index + 1)
  for (let offset = tiny; offset < bytes.length; offset += size) {
    await new Promise((resolve) => setImmediate(resolve))
    yield bytes.subarray(offset, offset + size)
  }
}
