/**
 * Text rules of a pledge receipt (no PDF here): Indonesian date line, time-zone label, line wrapping.
 * Day and month names are our own tables, not ICU's, so a receipt re-rendered on another Node/ICU version keeps
 * the same bytes; Intl is used only for the numeric wall-clock fields of the agency's zone.
 */
import { indonesianTimeZones } from '../../domain/working-days.js'

const dayNames = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const
const monthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const

/** Zones that share WIB/WITA/WIT with the three agency zones (Keppres 41/1987). */
const zoneAliases: Record<string, string> = {
  'Asia/Pontianak': 'WIB',
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClock(instant: Date, timeZone: string) {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts
  return { year, month, day, hour, minute }
}

/**
 * WIB / WITA / WIT for Indonesia's zones; for any other IANA zone its UTC offset at that instant (`UTC+05:30`),
 * so a receipt never shows a time without saying which clock it is.
 */
export function timeZoneLabel(timeZone: string, instant: Date): string {
  const known = (indonesianTimeZones as Record<string, string>)[timeZone] ?? zoneAliases[timeZone]
  if (known) return known
  const local = wallClock(instant, timeZone)
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  const offsetMinutes = Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * How Indonesian letters write a moment (DOMAIN §9.9): `Senin, 23 November 2026 09.15 WIB`, in the agency's zone.
 * Hours and minutes are separated by a dot (PUEBI).
 */
export function formatSignedAt(instant: Date, timeZone: string): string {
  const local = wallClock(instant, timeZone)
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()
  const time = `${String(local.hour).padStart(2, '0')}.${String(local.minute).padStart(2, '0')}`
  return `${dayNames[weekday] ?? ''}, ${local.day} ${monthNames[local.month - 1] ?? ''} ${local.year} ${time} ${timeZoneLabel(timeZone, instant)}`
}

/**
 * Text as the receipt prints it: line breaks unified, tabs and other control characters turned into spaces,
 * runs of spaces inside a line collapsed. Paragraph breaks (blank lines) are kept.
 */
export function cleanReceiptText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
      .join('\n')
  )
}

/**
 * Greedy word wrap: each paragraph (split on `\n`) becomes lines no wider than `maxWidth` by `measure`; an empty
 * paragraph stays an empty line; a word wider than a line is cut between characters.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = []
  const spaceWidth = measure(' ')
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(' ').filter((word) => word.length > 0)
    if (words.length === 0) {
      lines.push('')
      continue
    }
    let current = ''
    let currentWidth = 0
    for (const word of words) {
      let rest = word
      let restWidth = measure(rest)
      if (current !== '' && currentWidth + spaceWidth + restWidth <= maxWidth) {
        current += ` ${rest}`
        currentWidth += spaceWidth + restWidth
        continue
      }
      if (current !== '') lines.push(current)
      // A word longer than a whole line (a URL, a long number): cut it where it stops fitting.
      while (restWidth > maxWidth && rest.length > 1) {
        const chars = Array.from(rest)
        let cut = 1
        while (cut < chars.length && measure(chars.slice(0, cut + 1).join('')) <= maxWidth) cut += 1
        lines.push(chars.slice(0, cut).join(''))
        rest = chars.slice(cut).join('')
        restWidth = measure(rest)
      }
      current = rest
      currentWidth = restWidth
    }
    lines.push(current)
  }
  return lines
}
