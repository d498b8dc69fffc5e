/**
 * Working days (hari kerja) of Indonesian government agencies: Monday to Friday, minus national holidays, cuti
 * bersama, the agency's own holidays and its elections' voting days (the caller builds `isHoliday` from those;
 * see src/features/calendar). Saturday and Sunday are never working days (the five-day week of government
 * offices; an agency with another pattern would need a new rule here).
 *
 * Dates are calendar dates `YYYY-MM-DD` in the agency's time zone — a holiday is a day where the agency is, not an
 * instant. `localDateOf` turns an instant into that day; nothing here reads the clock.
 *
 * Counting convention ("N hari kerja setelah …", e.g. a reply due 3 working days after a letter dated Friday):
 * the start day itself is never counted; the result is the N-th working day after it. So a letter of Friday
 * 5 April 2024 with 1 working day is due Tuesday 16 April 2024 (Idul Fitri and cuti bersama in between).
 */
import { DomainError } from './errors.js'

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string

export type HolidayPredicate = (date: IsoDate) => boolean

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function toUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new DomainError('calendar.date_invalid', { date })
  return Date.parse(`${date}T00:00:00Z`)
}

const dayMs = 86_400_000
const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10)

/** `date` moved by `days` calendar days (negative goes back). */
export const addCalendarDays = (date: IsoDate, days: number): IsoDate =>
  fromUtcMs(toUtcMs(date) + days * dayMs)

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => new Date(toUtcMs(date)).getUTCDay()

export const isWeekend = (date: IsoDate): boolean => {
  const day = dayOfWeek(date)
  return day === 0 || day === 6
}

/** Monday–Friday and not a holiday. */
export const isWorkingDay = (date: IsoDate, isHoliday: HolidayPredicate): boolean =>
  !isWeekend(date) && !isHoliday(date)

/** A run of more non-working days than this means the holiday list is broken (e.g. every day a holiday). */
export const maxConsecutiveNonWorkingDays = 366
/** Deadlines in letters are days or weeks; anything beyond this is a typo, not a deadline. */
export const maxWorkingDaysToAdd = 1000

function nextWorkingDayAfter(date: IsoDate, isHoliday: HolidayPredicate): IsoDate {
  let current = date
  for (let step = 0; step < maxConsecutiveNonWorkingDays; step += 1) {
    current = addCalendarDays(current, 1)
    if (isWorkingDay(current, isHoliday)) return current
  }
  throw new DomainError('calendar.working_days_invalid', { problem: 'no_working_day', after: date })
}

/**
 * The `n`-th working day after `start` ("n hari kerja setelah start"); `start` itself is not counted, whether
 * or not it is a working day. `n = 0` returns `start` unchanged. `n` is a whole number 0…1000.
 */
export function addWorkingDays(start: IsoDate, n: number, isHoliday: HolidayPredicate): IsoDate {
  if (!Number.isInteger(n) || n < 0 || n > maxWorkingDaysToAdd) {
    throw new DomainError('calendar.working_days_invalid', { problem: 'count', n })
  }
  toUtcMs(start)
  let current = start
  for (let counted = 0; counted < n; counted += 1) current = nextWorkingDayAfter(current, isHoliday)
  return current
}

/**
 * Working days in the half-open range (from, to]: the inverse of addWorkingDays, so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`; 0 when equal.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, isHoliday: HolidayPredicate): number {
  const fromMs = toUtcMs(from)
  const toMs = toUtcMs(to)
  if (toMs < fromMs) return -workingDaysBetween(to, from, isHoliday)
  let count = 0
  for (let ms = fromMs + dayMs; ms <= toMs; ms += dayMs) {
    if (isWorkingDay(fromUtcMs(ms), isHoliday)) count += 1
  }
  return count
}

/** The calendar years a date range touches, e.g. 2024-12-20…2025-01-10 → [2024, 2025]. */
export function yearsBetween(from: IsoDate, to: IsoDate): number[] {
  const [first, last] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))]
  const years: number[] = []
  for (let year = Math.min(first, last); year <= Math.max(first, last); year += 1) years.push(year)
  return years
}

/** Indonesia's civil time zones (Keppres 41/1987; no daylight saving): WIB, WITA, WIT. */
export const indonesianTimeZones = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const
export type IndonesianTimeZone = keyof typeof indonesianTimeZones

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * The calendar date an instant falls on in an IANA time zone: 2024-02-13T17:30:00Z is already 14 February
 * (voting day) in Jakarta (WIB, +07:00) and Jayapura (WIT, +09:00).
 */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** A predicate over a fixed set of dates (what services build from the holiday list). */
export const holidaySet = (dates: Iterable<IsoDate>): HolidayPredicate => {
  const set = new Set(dates)
  return (date) => set.has(date)
}
