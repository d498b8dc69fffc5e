import { describe, expect, it } from 'vitest'
import { cleanReceiptText, formatSignedAt, timeZoneLabel, wrapText } from './receipts.format.js'

describe('formatSignedAt', () => {
  it.each([
    ['2026-11-23T02:15:00Z', 'Asia/Jakarta', 'Senin, 23 November 2026 09.15 WIB'],
    ['2026-11-23T02:15:00Z', 'Asia/Makassar', 'Senin, 23 November 2026 10.15 WITA'],
    ['2026-11-23T02:15:00Z', 'Asia/Jayapura', 'Senin, 23 November 2026 11.15 WIT'],
    ['2026-11-23T02:15:00Z', 'Asia/Pontianak', 'Senin, 23 November 2026 09.15 WIB'],
    // Already voting day (14 February) in Jakarta while it is still the 13th in UTC.
    ['2024-02-13T17:30:00Z', 'Asia/Jakarta', 'Rabu, 14 Februari 2024 00.30 WIB'],
    ['2026-01-04T23:05:00Z', 'Asia/Jayapura', 'Senin, 5 Januari 2026 08.05 WIT'],
    ['2025-08-17T10:00:00Z', 'Asia/Jakarta', 'Minggu, 17 Agustus 2025 17.00 WIB'],
  ])('writes %s in %s as "%s"', (instant, zone, expected) => {
    expect(formatSignedAt(new Date(instant), zone)).toBe(expected)
  })

  it('names the UTC offset for a zone outside Indonesia', () => {
    expect(formatSignedAt(new Date('2026-11-23T02:15:00Z'), 'Asia/Kolkata')).toBe(
      'Senin, 23 November 2026 07.45 UTC+05:30',
    )
    expect(timeZoneLabel('America/Sao_Paulo', new Date('2026-11-23T02:15:00Z'))).toBe('UTC-03:00')
    expect(timeZoneLabel('UTC', new Date('2026-11-23T02:15:00Z'))).toBe('UTC+00:00')
  })
})

describe('wrapText', () => {
  const byLength = (text: string) => text.length

  it('breaks between words so that no line is wider than the limit', () => {
    const lines = wrapText('satu dua tiga empat lima enam tujuh delapan', 12, byLength)
    expect(lines).toEqual(['satu dua', 'tiga empat', 'lima enam', 'tujuh', 'delapan'])
    expect(lines.every((line) => line.length <= 12)).toBe(true)
  })

  it('keeps paragraph breaks and blank lines', () => {
    expect(wrapText('satu\n\ndua', 20, byLength)).toEqual(['satu', '', 'dua'])
  })

  it('cuts a word longer than a line between characters', () => {
    expect(wrapText('lihat https://netra.example/verify/ABCDEFGH', 10, byLength)).toEqual([
      'lihat',
      'https://ne',
      'tra.exampl',
      'e/verify/A',
      'BCDEFGH',
    ])
  })
})

describe('cleanReceiptText', () => {
  it('unifies line breaks and turns tabs and control characters into single spaces', () => {
    expect(cleanReceiptText('a\r\nb\rc\td\u0007e  \u2028f   g  ')).toBe('a\nb\nc d e f g')
  })
})
