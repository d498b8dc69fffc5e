/**
 * Calendar dates (`YYYY-MM-DD`, a day where the agency is, not an instant) written the way Indonesian offices
 * write them: `12 Februari 2024`, `Senin, 12 Februari 2024`, `19–25 Oktober 2023`. Formatted in UTC because the
 * string already is the agency's local day; formatting it in the browser's zone could move it a day.
 */
import { isIsoDate } from '../../../domain/working-days'

const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'id-ID')

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(language: string, style: 'date' | 'weekday' | 'month'): Intl.DateTimeFormat {
  const key = `${language}:${style}`
  let found = formatters.get(key)
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      style === 'month'
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
            ...(style === 'weekday' ? { weekday: 'long' } : {}),
          }
    found = new Intl.DateTimeFormat(localeOf(language), options)
    formatters.set(key, found)
  }
  return found
}

const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`)

/** `12 Februari 2024`; the input unchanged when it is not a calendar date. */
export function formatDay(date: string, language = 'id'): string {
  return isIsoDate(date) ? formatter(language, 'date').format(toUtc(date)) : date
}

/** `Senin, 12 Februari 2024`. */
export function formatDayWithWeekday(date: string, language = 'id'): string {
  return isIsoDate(date) ? formatter(language, 'weekday').format(toUtc(date)) : date
}

/** `Februari 2024` for a month number 1–12. */
export function formatMonth(year: number, month: number, language = 'id'): string {
  return formatter(language, 'month').format(new Date(Date.UTC(year, month - 1, 1)))
}

/** `19–25 Oktober 2023`, `28 November 2023 – 10 Februari 2024`, or one day when both ends are the same. */
export function formatDayRange(startsOn: string, endsOn: string, language = 'id'): string {
  if (startsOn === endsOn) return formatDay(startsOn, language)
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) return `${startsOn} – ${endsOn}`
  return formatter(language, 'date').formatRange(toUtc(startsOn), toUtc(endsOn))
}

/** Short weekday names Monday first (`Sen`, `Sel` … / `Mon`, `Tue` …) and their full names. */
export function weekdayNames(language = 'id'): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' })
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => {
    const day = new Date(Date.UTC(2024, 0, 1 + index))
    return { short: short.format(day), long: long.format(day) }
  })
}
