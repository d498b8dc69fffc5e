/** The calendar answer regrouped by day and month, the shape the list and the month grids show. */
import { isWeekend } from '../../../domain/working-days'
import type { CalendarEntryView, CalendarView, HolidaySource, HolidayView } from './calendar.api'

export interface CalendarDay {
  readonly fallsOn: string
  /** Why the day is off (a day can be off for several reasons, e.g. a national voting day and the election). */
  readonly holidays: readonly HolidayView[]
  /** National, cuti bersama or election days the agency works on anyway. */
  readonly cancelled: readonly HolidayView[]
  /** The agency's own entry on this day (an extra holiday, or the working day that cancels the ones above). */
  readonly entry: CalendarEntryView | null
  readonly isWeekend: boolean
}

export interface CalendarMonth {
  /** 1–12 */
  readonly month: number
  readonly days: readonly CalendarDay[]
}

export function calendarDays(
  calendar: Pick<CalendarView, 'holidays' | 'removed' | 'entries'>,
): CalendarDay[] {
  const dates = new Set([
    ...calendar.holidays.map((holiday) => holiday.fallsOn),
    ...calendar.removed.map((holiday) => holiday.fallsOn),
    ...calendar.entries.map((entry) => entry.fallsOn),
  ])
  return [...dates].sort().map((fallsOn) => ({
    fallsOn,
    holidays: calendar.holidays.filter((holiday) => holiday.fallsOn === fallsOn),
    cancelled: calendar.removed.filter((holiday) => holiday.fallsOn === fallsOn),
    entry: calendar.entries.find((entry) => entry.fallsOn === fallsOn) ?? null,
    isWeekend: isWeekend(fallsOn),
  }))
}

export function calendarMonths(days: readonly CalendarDay[]): CalendarMonth[] {
  const months: CalendarMonth[] = []
  for (const day of days) {
    const month = Number(day.fallsOn.slice(5, 7))
    const last = months.at(-1)
    if (last && last.month === month) (last.days as CalendarDay[]).push(day)
    else months.push({ month, days: [day] })
  }
  return months
}

/** Holidays per source, and how many fall on a weekday (only those move a due date). */
export function holidayCounts(holidays: readonly HolidayView[]): {
  bySource: Record<HolidaySource, number>
  weekdays: number
} {
  const bySource: Record<HolidaySource, number> = { national: 0, cuti_bersama: 0, election: 0, agency: 0 }
  for (const holiday of holidays) bySource[holiday.source] += 1
  const weekdays = new Set(holidays.filter((h) => !isWeekend(h.fallsOn)).map((h) => h.fallsOn)).size
  return { bySource, weekdays }
}

/** May the agency mark this day as a working day? A weekday that is off only for national or election reasons. */
export const canBecomeWorkingDay = (day: CalendarDay): boolean =>
  !day.isWeekend && day.entry === null && day.holidays.some((holiday) => holiday.source !== 'agency')
