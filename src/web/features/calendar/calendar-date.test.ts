import { describe, expect, it } from 'vitest'
import { formatDay, formatDayRange, formatDayWithWeekday, formatMonth, weekdayNames } from './calendar-date'

describe('formatDay', () => {
  it('writes a calendar date the Indonesian way, whatever the browser zone', () => {
    expect(formatDay('2024-02-12')).toBe('12 Februari 2024')
    expect(formatDay('2024-02-12', 'en')).toBe('12 February 2024')
  })

  it('leaves something that is not a date as it is', () => {
    expect(formatDay('2023-02-29')).toBe('2023-02-29')
  })
})

describe('formatDayWithWeekday', () => {
  it('names the day of the week', () => {
    expect(formatDayWithWeekday('2024-02-14')).toBe('Rabu, 14 Februari 2024')
  })
})

describe('formatDayRange', () => {
  it('writes one day when both ends are the same', () => {
    expect(formatDayRange('2024-02-14', '2024-02-14')).toBe('14 Februari 2024')
  })

  it('shortens a range inside one month and spells out a range across years', () => {
    expect(formatDayRange('2023-10-19', '2023-10-25')).toMatch(/^19\s?–\s?25 Oktober 2023$/)
    expect(formatDayRange('2023-11-28', '2024-02-10')).toMatch(/^28 November 2023\s?–\s?10 Februari 2024$/)
  })
})

describe('formatMonth and weekdayNames', () => {
  it('names months and weekdays from Monday', () => {
    expect(formatMonth(2024, 4)).toBe('April 2024')
    expect(weekdayNames('id')[0]?.long).toBe('Senin')
    expect(weekdayNames('en')[6]?.long).toBe('Sunday')
  })
})
