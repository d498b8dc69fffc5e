/**
 * Dates and times the way Indonesian offices write them: `12 Februari 2024`, `08.00 WIB`, always in the
 * agency's time zone (not the browser's), with the civil zone names of Keppres 41/1987 (WIB, WITA, WIT).
 */
const zoneAbbreviations: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

export const defaultTimeZone = 'Asia/Jakarta'

const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'id-ID')

/** WIB / WITA / WIT for Indonesian zones, otherwise what Intl calls the zone (e.g. `GMT+9`). */
export function timeZoneAbbreviation(timeZone: string, at: Date = new Date(), language = 'id'): string {
  const known = zoneAbbreviations[timeZone]
  if (known) return known
  const part = new Intl.DateTimeFormat(localeOf(language), { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? timeZone
}

const toDate = (value: Date | string): Date => (typeof value === 'string' ? new Date(value) : value)

/** `12 Februari 2024` (id) or `12 February 2024` (en). */
export function formatDate(
  value: Date | string,
  timeZone: string = defaultTimeZone,
  language = 'id',
): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(toDate(value))
}

/** `08.00 WIB` (id) or `08:00 WIB` (en), 24-hour clock. */
export function formatTime(
  value: Date | string,
  timeZone: string = defaultTimeZone,
  language = 'id',
): string {
  const date = toDate(value)
  const parts = new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00'
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  const separator = language === 'en' ? ':' : '.'
  return `${hour}${separator}${minute} ${timeZoneAbbreviation(timeZone, date, language)}`
}

/** `12 Februari 2024 08.00 WIB`. */
export function formatDateTime(
  value: Date | string,
  timeZone: string = defaultTimeZone,
  language = 'id',
): string {
  return `${formatDate(value, timeZone, language)} ${formatTime(value, timeZone, language)}`
}

/** `1.234,5` (id) or `1,234.5` (en). */
export function formatNumber(value: number, language = 'id'): string {
  return new Intl.NumberFormat(localeOf(language)).format(value)
}
