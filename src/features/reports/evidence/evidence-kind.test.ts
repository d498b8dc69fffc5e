import { describe, expect, it } from 'vitest'
import { detectEvidenceKind, mimeOf } from './evidence-kind.js'
import { minimalMp4, minimalPdf, photoWithGps, refusedFiles } from './evidence.testing.js'

const ftyp = (boxSize: number, brand: string) => {
  const head = Buffer.alloc(16)
  head.writeUInt32BE(boxSize, 0)
  head.write('ftyp', 4, 'latin1')
  head.write(brand, 8, 'latin1')
  return head
}

describe('detectEvidenceKind', () => {
  it.each([
    ['jpg', 'jpeg'],
    ['png', 'png'],
    ['webp', 'webp'],
  ] as const)('recognises a %s photo by its bytes', async (kind, format) => {
    expect(detectEvidenceKind(await photoWithGps(format))).toBe(kind)
  })

  it('recognises a PDF and an MP4 by their bytes', () => {
    expect(detectEvidenceKind(minimalPdf())).toBe('pdf')
    expect(detectEvidenceKind(minimalMp4())).toBe('mp4')
  })

  it.each(['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', '3gp4', '3gp5', '3g2a'])(
    'accepts an MP4 with major brand "%s"',
    (brand) => expect(detectEvidenceKind(ftyp(24, brand))).toBe('mp4'),
  )

  it.each(Object.entries(refusedFiles))('refuses a %s', (_name, bytes) => {
    expect(detectEvidenceKind(bytes)).toBeNull()
  })

  it('refuses an ftyp box that is too small or too large to be real', () => {
    expect(detectEvidenceKind(ftyp(8, 'isom'))).toBeNull()
    expect(detectEvidenceKind(ftyp(1 << 20, 'isom'))).toBeNull()
  })

  it('refuses a head too short to carry the signature it begins', () => {
    expect(detectEvidenceKind(Buffer.from([0xff, 0xd8]))).toBeNull()
    expect(detectEvidenceKind(Buffer.from('RIFF\0\0\0\0WEB'))).toBeNull()
    expect(detectEvidenceKind(Buffer.from('%PDF'))).toBeNull()
    expect(detectEvidenceKind(new Uint8Array())).toBeNull()
  })

  it('reads a head that is a view into a larger buffer', () => {
    const larger = Buffer.concat([Buffer.from('junk'), minimalMp4()])
    expect(detectEvidenceKind(larger.subarray(4))).toBe('mp4')
    expect(detectEvidenceKind(larger)).toBeNull()
  })

  it('names the media type of every kind', () => {
    expect(mimeOf).toEqual({
      jpg: 'image/jpeg',
      png: 'image/png',
      webp: 'image/webp',
      pdf: 'application/pdf',
      mp4: 'video/mp4',
    })
  })
})
