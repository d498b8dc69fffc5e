/**
 * The receipt's fonts: DejaVu Sans and DejaVu Sans Bold from the `dejavu-fonts-ttf` npm package (TrueType, Bitstream
 * Vera licence: embedding allowed). Read from node_modules once per process; nothing is fetched at run time.
 * DejaVu covers Latin, curly quotes, dashes, the ellipsis and most symbols Indonesian documents use; characters it
 * has no glyph for are replaced (see `printable`) rather than printed as empty boxes.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument } from 'pdf-lib'

const require = createRequire(import.meta.url)

export interface ReceiptFonts {
  readonly regular: Uint8Array
  readonly bold: Uint8Array
  /** Whether DejaVu Sans (regular and bold) has a glyph for a code point. */
  readonly hasGlyph: (codePoint: number) => boolean
}

let loaded: ReceiptFonts | undefined

function readFont(file: string): Uint8Array {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
}

export function receiptFonts(): ReceiptFonts {
  if (loaded) return loaded
  const regular = readFont('DejaVuSans.ttf')
  const bold = readFont('DejaVuSans-Bold.ttf')
  const faces = [fontkit.create(regular), fontkit.create(bold)]
  const coverage = new Map<number, boolean>()
  loaded = {
    regular,
    bold,
    hasGlyph: (codePoint) => {
      let has = coverage.get(codePoint)
      if (has === undefined) {
        has = faces.every((face) => face.hasGlyphForCodePoint(codePoint))
        coverage.set(codePoint, has)
      }
      return has
    },
  }
  return loaded
}

/**
 * OpenType features off (pdf-lib passes them to fontkit's layout when a face is used without `receiptFontkit`):
 * no ligatures, so copied text stays plain letters, and glyphs map one to one to characters.
 */
export const receiptLayoutFeatures = {
  ccmp: false,
  locl: false,
  rlig: false,
  mark: false,
  mkmk: false,
  calt: false,
  clig: false,
  liga: false,
  rclk: false,
  curs: false,
  kern: false,
} as const

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]
type FontkitFont = ReturnType<Fontkit['create']>
const parsed = new Map<Uint8Array, FontkitFont>()

/**
 * The face with a one-glyph-per-character `layout`. pdf-lib uses only the glyph ids and advance widths of a layout
 * (never its positions, so OpenType kerning is not applied by pdf-lib anyway), and with all features off fontkit's
 * shaper returns exactly `glyphsForString` — after ~0.1 ms of per-call setup, which was most of a receipt's render
 * time. Same glyphs, so same bytes (checked in receipts.fonts.test.ts); what is lost is ligatures and contextual
 * forms, which Latin text on a form does not need.
 */
function withPlainLayout(face: FontkitFont): FontkitFont {
  const plain = Object.create(face) as FontkitFont
  Object.defineProperty(plain, 'layout', {
    value: (text: string) => ({ glyphs: face.glyphsForString(text), positions: [] }),
  })
  return plain
}

/**
 * fontkit for `doc.registerFontkit`: parses each font file once per process instead of once per document (pdf-lib
 * still builds a fresh subset per document; fontkit caches decoded tables and glyphs on the shared face, nothing
 * per document), with `withPlainLayout`. Together ~4× faster than fontkit as it comes.
 */
export const receiptFontkit: Fontkit = {
  create(buffer, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName)
    let face = parsed.get(buffer)
    if (!face) {
      face = withPlainLayout(fontkit.create(buffer))
      parsed.set(buffer, face)
    }
    return face
  },
}

/** What the receipt prints for a character the font lacks (emoji, scripts DejaVu Sans does not cover). */
export const missingGlyphReplacement = '?'

/** `text` with every character the receipt fonts cannot draw replaced by `?` (line breaks are kept). */
export function printable(text: string, fonts: ReceiptFonts = receiptFonts()): string {
  let out = ''
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0
    // Joiners and variation selectors belong to the emoji they follow; drop them with it.
    if (codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) continue
    out += codePoint === 0x0a || fonts.hasGlyph(codePoint) ? char : missingGlyphReplacement
  }
  return out
}
