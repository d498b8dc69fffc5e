import fontkit from '@pdf-lib/fontkit'
import { describe, expect, it } from 'vitest'
import { printable, receiptFontkit, receiptFonts, receiptLayoutFeatures } from './receipts.fonts.js'
import { sampleIkrarText } from './receipts.testing.js'

describe('printable', () => {
  it('keeps Indonesian text with curly quotes, dashes and the ellipsis as it is', () => {
    const text = 'Ikrar “netralitas” ASN — Pemilu 2024–2029… ‘ya’ • Rp1.000 № 5 ✓'
    expect(printable(text)).toBe(text)
  })

  it('replaces characters the embedded font has no glyph for, keeping line breaks', () => {
    expect(printable('中文\nok')).toBe('??\nok')
    // A joined emoji sequence collapses to what the font can show, never to an empty box.
    expect(printable('a\u{1F9D1}\u200D\u{1F4BB}b')).not.toContain('\u200D')
  })

  it('loads both faces from the npm package once', () => {
    const fonts = receiptFonts()
    expect(receiptFonts()).toBe(fonts)
    expect(fonts.regular.length).toBeGreaterThan(100_000)
    expect(fonts.bold.length).toBeGreaterThan(100_000)
  })
})

describe('receiptFontkit', () => {
  it('parses each font once and lays text out glyph for glyph as fontkit does with the features off', () => {
    const fonts = receiptFonts()
    const text = `${sampleIkrarText} fi ffl Æ ŋ ‘’ “” – — … № ✓ 😀 e\u0301`
    for (const bytes of [fonts.regular, fonts.bold]) {
      const fast = receiptFontkit.create(bytes)
      expect(receiptFontkit.create(bytes)).toBe(fast)
      const reference = fontkit.create(bytes).layout(text, receiptLayoutFeatures)
      const ids = (glyphs: { id: number }[]) => glyphs.map((glyph) => glyph.id)
      const advances = (glyphs: { advanceWidth: number }[]) => glyphs.map((glyph) => glyph.advanceWidth)
      expect(ids(fast.layout(text).glyphs)).toEqual(ids(reference.glyphs))
      expect(advances(fast.layout(text).glyphs)).toEqual(advances(reference.glyphs))
    }
  })
})
