import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nationalHolidayYears, nationalHolidaysOf } from './data/holidays-id.js'
import {
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  holidaySet,
  isIsoDate,
  isWorkingDay,
  localDateOf,
  workingDaysBetween,
  yearsBetween,
} from './working-days.js'

/** National holidays and cuti bersama 2023–2026 from the repository's data file. */
const national = holidaySet(nationalHolidayYears.flatMap((year) => year.holidays.map((h) => h.on)))
const noHolidays = () => false

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['0999-01-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('%s → %s', (value, expected) => expect(isIsoDate(value)).toBe(expected))
})

describe('addWorkingDays', () => {
  it.each([
    // Plain weeks
    ['2024-01-03', 1, '2024-01-04', 'Wednesday → Thursday'],
    ['2024-01-05', 1, '2024-01-08', 'Friday → Monday'],
    ['2024-01-06', 1, '2024-01-08', 'a Saturday start is not counted'],
    ['2024-01-03', 5, '2024-01-10', 'one working week'],
    ['2024-01-03', 0, '2024-01-03', 'n = 0 keeps the start'],
    ['2024-01-06', 0, '2024-01-06', 'n = 0 keeps even a weekend start'],
    // Year ends
    ['2023-12-22', 1, '2023-12-27', 'Natal 25 Dec and cuti bersama 26 Dec 2023'],
    ['2023-12-29', 1, '2024-01-02', 'into 2024 over Tahun Baru'],
    ['2024-12-24', 1, '2024-12-27', 'Natal + cuti bersama 2024'],
    ['2024-12-24', 3, '2024-12-31', 'to the last working day of 2024'],
    ['2024-12-24', 4, '2025-01-02', 'over Tahun Baru 2025'],
    ['2025-12-24', 1, '2025-12-29', 'Natal + cuti bersama 2025, then the weekend'],
    ['2025-12-31', 1, '2026-01-02', 'over Tahun Baru 2026'],
    // Long weekends: Idul Fitri with cuti bersama
    ['2024-04-04', 1, '2024-04-05', 'the day before the Lebaran 2024 break'],
    ['2024-04-05', 1, '2024-04-16', 'Lebaran 2024: 8–15 April off'],
    ['2024-04-05', 3, '2024-04-18', 'counting on after Lebaran 2024'],
    ['2025-03-27', 1, '2025-04-08', 'Nyepi + Lebaran 2025: 28 March – 7 April off'],
    ['2023-04-18', 1, '2023-04-26', 'Lebaran 2023: 19–25 April off'],
    ['2026-03-17', 1, '2026-03-25', 'Nyepi + Lebaran 2026: 18–24 March off'],
    ['2024-05-08', 1, '2024-05-13', 'Kenaikan + cuti bersama 2024'],
    // Election days (national holidays by Keppres)
    ['2024-02-13', 1, '2024-02-15', 'Pemilu 14 Feb 2024'],
    ['2024-02-07', 3, '2024-02-15', 'Isra Mikraj, cuti Imlek, Imlek and Pemilu in one stretch'],
    ['2024-11-26', 1, '2024-11-28', 'Pilkada 27 Nov 2024'],
  ])('%s + %i → %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(start, n, national)).toBe(expected)
  })

  it('skips a holiday only the caller knows about (an agency anniversary)', () => {
    const withAnniversary = (date: string) => national(date) || date === '2025-07-15'
    expect(addWorkingDays('2025-07-14', 1, withAnniversary)).toBe('2025-07-16')
    expect(addWorkingDays('2025-07-14', 1, national)).toBe('2025-07-15')
  })

  it.each([-1, 1.5, 1001, Number.NaN])('refuses n = %s', (n) => {
    expect(() => addWorkingDays('2024-01-03', n, national)).toThrow('calendar.working_days_invalid')
  })

  it('refuses an impossible start date', () => {
    expect(() => addWorkingDays('2023-02-29', 1, national)).toThrow('calendar.date_invalid')
  })

  it('gives up with an error instead of looping when every day is a holiday', () => {
    expect(() => addWorkingDays('2024-01-03', 1, () => true)).toThrow('calendar.working_days_invalid')
  })
})

describe('workingDaysBetween', () => {
  it.each([
    ['2024-01-03', '2024-01-03', 0],
    ['2024-01-05', '2024-01-08', 1],
    ['2024-04-05', '2024-04-16', 1],
    ['2024-04-16', '2024-04-05', -1],
    ['2024-02-13', '2024-02-15', 1],
    ['2023-12-29', '2024-01-31', 22],
  ])('(%s, %s] has %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to, national)).toBe(expected)
  })
})

describe('isWorkingDay', () => {
  it.each([
    ['2024-02-14', false, 'Pemilu'],
    ['2024-11-27', false, 'Pilkada'],
    ['2024-02-15', true, 'Thursday after Pemilu'],
    ['2024-02-17', false, 'Saturday'],
    ['2025-08-18', false, 'cuti bersama added in August 2025'],
  ])('%s → %s (%s)', (date, expected) => expect(isWorkingDay(date, national)).toBe(expected))
})

describe('localDateOf', () => {
  it.each([
    ['2024-02-13T16:59:59Z', 'Asia/Jakarta', '2024-02-13'],
    ['2024-02-13T17:00:00Z', 'Asia/Jakarta', '2024-02-14'],
    ['2024-02-13T15:59:59Z', 'Asia/Makassar', '2024-02-13'],
    ['2024-02-13T16:00:00Z', 'Asia/Makassar', '2024-02-14'],
    ['2024-02-13T14:59:59Z', 'Asia/Jayapura', '2024-02-13'],
    ['2024-02-13T15:00:00Z', 'Asia/Jayapura', '2024-02-14'],
    ['2024-12-31T17:30:00Z', 'Asia/Jakarta', '2025-01-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(localDateOf(new Date(instant), zone)).toBe(expected)
  })
})

describe('yearsBetween', () => {
  it('lists every year a range touches', () => {
    expect(yearsBetween('2024-12-20', '2026-01-02')).toEqual([2024, 2025, 2026])
    expect(yearsBetween('2025-03-01', '2025-03-01')).toEqual([2025])
  })
})

describe('addWorkingDays properties', () => {
  const dates = fc
    .integer({ min: Date.UTC(2022, 11, 1), max: Date.UTC(2026, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10))
  const counts = fc.integer({ min: 0, max: 60 })

  it('never gives an earlier date for more days', () => {
    fc.assert(
      fc.property(dates, counts, counts, (start, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a]
        return addWorkingDays(start, less, national) <= addWorkingDays(start, more, national)
      }),
    )
  })

  it('always lands on a working day after the start when n ≥ 1', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(start, n, national)
        return due > start && isWorkingDay(due, national)
      }),
    )
  })

  it('is undone by workingDaysBetween', () => {
    fc.assert(
      fc.property(dates, counts, (start, n) => {
        return workingDaysBetween(start, addWorkingDays(start, n, national), national) === n
      }),
    )
  })

  it('adds in steps: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(dates, counts, counts, (start, a, b) => {
        const stepwise = addWorkingDays(addWorkingDays(start, a, national), b, national)
        return stepwise === addWorkingDays(start, a + b, national)
      }),
    )
  })

  it('without holidays, 5 working days are always one calendar week from a weekday', () => {
    fc.assert(
      fc.property(dates, (start) => {
        fc.pre(dayOfWeek(start) >= 1 && dayOfWeek(start) <= 5)
        return addWorkingDays(start, 5, noHolidays) === addCalendarDays(start, 7)
      }),
    )
  })
})

describe('national holiday data 2023–2026', () => {
  it('covers exactly 2023 to 2026, each year with a source', () => {
    expect(nationalHolidayYears.map((year) => year.year)).toEqual([2023, 2024, 2025, 2026])
    for (const year of nationalHolidayYears) expect(year.source).toMatch(/SKB/)
    expect(nationalHolidaysOf(2027)).toBeNull()
  })

  it('has valid, sorted, unique dates inside their own year', () => {
    for (const year of nationalHolidayYears) {
      const days = year.holidays.map((holiday) => holiday.on)
      for (const day of days) {
        expect(isIsoDate(day), day).toBe(true)
        expect(day.startsWith(`${year.year}-`), day).toBe(true)
      }
      expect([...days].sort()).toEqual(days)
      expect(new Set(days).size).toBe(days.length)
    }
  })

  it.each([
    [2023, 16, 11],
    [2024, 19, 10], // 17 by the SKB + the Pemilu and Pilkada voting days
    [2025, 17, 11],
    [2026, 17, 8],
  ])('%i has %i national holidays and %i cuti bersama days', (year, nationalDays, cutiBersama) => {
    const holidays = nationalHolidaysOf(year)?.holidays ?? []
    expect(holidays.filter((h) => h.kind === 'national')).toHaveLength(nationalDays)
    expect(holidays.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(cutiBersama)
  })

  it('puts cuti bersama on weekdays only (a cuti bersama on a weekend would be meaningless)', () => {
    for (const year of nationalHolidayYears)
      for (const holiday of year.holidays.filter((h) => h.kind === 'cuti_bersama'))
        expect(isWorkingDay(holiday.on, noHolidays), holiday.on).toBe(true)
  })
})
