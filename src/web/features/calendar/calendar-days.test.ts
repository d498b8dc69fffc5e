import { describe, expect, it } from 'vitest'
import type { CalendarEntryView, HolidayView } from './calendar.api'
import { calendarDays, calendarMonths, canBecomeWorkingDay, holidayCounts } from './calendar-days'

const holiday = (fallsOn: string, source: HolidayView['source'], name = 'Libur'): HolidayView => ({
  fallsOn,
  name,
  source,
  entryId: null,
  electionId: null,
})

const entry = (fallsOn: string, kind: CalendarEntryView['kind']): CalendarEntryView => ({
  id: `entry-${fallsOn}`,
  agencyId: 'agency',
  fallsOn,
  kind,
  name: 'Entri instansi',
  createdAt: '2024-01-01T00:00:00.000Z',
})

describe('calendarDays', () => {
  it('groups every source of a day together, with the cancelled days and the agency entry', () => {
    const days = calendarDays({
      holidays: [
        holiday('2024-02-14', 'national', 'Hari Pemungutan Suara'),
        holiday('2024-02-14', 'election', 'Pemilu 2024'),
        holiday('2024-01-01', 'national'),
      ],
      removed: [holiday('2024-04-12', 'cuti_bersama')],
      entries: [entry('2024-04-12', 'working_day')],
    })
    expect(days.map((day) => day.fallsOn)).toEqual(['2024-01-01', '2024-02-14', '2024-04-12'])
    expect(days[1]?.holidays.map((h) => h.source)).toEqual(['national', 'election'])
    expect(days[2]).toMatchObject({
      holidays: [],
      cancelled: [{ source: 'cuti_bersama' }],
      entry: { kind: 'working_day' },
    })
  })
})

describe('calendarMonths', () => {
  it('keeps only months that have days, in order', () => {
    const days = calendarDays({
      holidays: [
        holiday('2024-01-01', 'national'),
        holiday('2024-03-11', 'national'),
        holiday('2024-03-12', 'cuti_bersama'),
      ],
      removed: [],
      entries: [],
    })
    expect(calendarMonths(days).map((month) => [month.month, month.days.length])).toEqual([
      [1, 1],
      [3, 2],
    ])
  })
})

describe('holidayCounts', () => {
  it('counts per source and the distinct weekdays off', () => {
    const counts = holidayCounts([
      holiday('2024-02-14', 'national'),
      holiday('2024-02-14', 'election'),
      holiday('2024-03-31', 'national'), // Sunday
      holiday('2024-08-16', 'agency'),
    ])
    expect(counts.bySource).toEqual({ national: 2, cuti_bersama: 0, election: 1, agency: 1 })
    expect(counts.weekdays).toBe(2)
  })
})

describe('canBecomeWorkingDay', () => {
  it('offers it for a weekday national holiday without an entry, not for weekends or agency days', () => {
    const [weekday, sunday, agency] = calendarDays({
      holidays: [
        holiday('2024-02-14', 'national'),
        holiday('2024-03-31', 'national'),
        holiday('2024-08-16', 'agency'),
      ],
      removed: [],
      entries: [entry('2024-08-16', 'holiday')],
    })
    expect([weekday, sunday, agency].map((day) => day && canBecomeWorkingDay(day))).toEqual([
      true,
      false,
      false,
    ])
  })
})
