/**
 * Wall-clock arithmetic in Indonesia's three civil time zones, which keep fixed UTC offsets (Keppres 41/1987, no
 * daylight saving): the start of a calendar day where an agency is, and the local time of an instant as shown in
 * a spreadsheet cell or a file name. An unknown zone is read as WIB, where most agencies are.
 */
import type { IndonesianTimeZone, IsoDate } from './working-days.js'

export const zoneOffsets: Readonly<Record<IndonesianTimeZone, string>> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
}

/** `+07:00` for Asia/Jakarta; WIB's offset for a zone outside the table. */
export function zoneOffsetOf(timeZone: string | null | undefined): string {
  return zoneOffsets[(timeZone ?? '') as IndonesianTimeZone] ?? zoneOffsets['Asia/Jakarta']
}

const offsetMs = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000

/** The instant a calendar day begins in the zone: 2026-03-02 in Jakarta begins at 2026-03-01T17:00:00Z. */
export function startOfLocalDay(date: IsoDate, timeZone: string | null | undefined): Date {
  return new Date(`${date}T00:00:00.000${zoneOffsetOf(timeZone)}`)
}

/**
 * A Date whose UTC fields read the local wall-clock time of `instant` in the zone (what a spreadsheet cell without
 * a zone should show): 2026-03-01T17:30:00Z in Jakarta → 2026-03-02T00:30:00.000Z.
 */
export function wallClockOf(instant: Date | string, timeZone: string | null | undefined): Date {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(at + offsetMs(zoneOffsetOf(timeZone)))
}

/** `2026-03-02 00:30 (UTC+07:00)`: an instant to the minute, in the zone, saying which zone. */
export function formatLocalMinute(instant: Date, timeZone: string | null | undefined): string {
  const local = wallClockOf(instant, timeZone).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC${zoneOffsetOf(timeZone)})`
}
