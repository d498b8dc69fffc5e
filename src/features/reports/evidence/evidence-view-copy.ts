/**
 * The copy of an image evidence file that staff look at: turned upright by its EXIF orientation, then re-encoded in
 * its own format (JPEG stays JPEG, PNG keeps its transparency, WebP stays WebP) with no metadata at all — no EXIF
 * (so no GPS position, camera serial or owner name), no XMP, no IPTC, no ICC profile (pixels are converted to sRGB).
 * The untouched original stays stored as evidence; only this copy is shown.
 */
import sharp from 'sharp'
import { type EvidenceKind } from './evidence-kind.js'

/**
 * Largest image decoded, in pixels (width × height from the header, checked before decoding). 100 MP admits the 50 MP
 * and 108 MP sensors of current phones at their usual output (≤ 12,000 × 8,000 would be 96 MP) while a
 * decompression bomb — a small file that claims 50,000 × 50,000 pixels — is refused before memory is spent on it.
 */
export const defaultMaxImagePixels = 100_000_000

export type ImageKind = Extract<EvidenceKind, 'jpg' | 'png' | 'webp'>

/** Thrown when the bytes that passed the magic-byte check cannot be decoded as the image they claim to be. */
export class UnreadableImage extends Error {
  constructor(cause: unknown) {
    super('image cannot be decoded', { cause })
    this.name = 'UnreadableImage'
  }
}

/**
 * Decodes `input` and returns the upright, metadata-free copy. `failOn: 'error'` refuses images the decoder cannot
 * read or that are cut short, but accepts those that only raise decoder warnings: sharp's stricter default
 * ('warning') refuses many genuine phone photos (Samsung and Pixel cameras write JPEGs with extraneous bytes before
 * markers, lovell/sharp#1578, #2416), and a reporter's photo must not be lost to a firmware quirk.
 * Animated WebP/PNG are reduced to their first frame (the default of sharp).
 */
export async function makeViewCopy(input: Buffer, kind: ImageKind, maxPixels: number): Promise<Buffer> {
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: maxPixels }).autoOrient()
    switch (kind) {
      case 'jpg':
        return await image.jpeg({ quality: 90 }).toBuffer()
      case 'png':
        return await image.png().toBuffer()
      case 'webp':
        return await image.webp({ quality: 90 }).toBuffer()
    }
  } catch (error) {
    throw new UnreadableImage(error)
  }
}
