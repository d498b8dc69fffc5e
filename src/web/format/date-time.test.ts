import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatNumber, formatTime, timeZoneAbbreviation } from './date-time'

// 01:00 UTC = 08:00 in Jakarta, 09:00 in Makassar, 10:00 in Jayapura.
const instant = '2024-02-12T01:00:00.000Z'

describe('formatDateTime', () => {
  it('writes the date and time the Indonesian way in the agency zone', () => {
    expect(formatDateTime(instant, 'Asia/Jakarta')).toBe('12 Februari 2024 08.00 WIB')
  })

  it.each([
    ['Asia/Jakarta', '08.00 WIB'],
    ['Asia/Makassar', '09.00 WITA'],
    ['Asia/Jayapura', '10.00 WIT'],
  ])('names the civil zone of %s', (zone, expected) => {
    expect(formatTime(instant, zone)).toBe(expected)
  })

  it('uses the English month and a colon in English', () => {
    expect(formatDateTime(instant, 'Asia/Makassar', 'en')).toBe('12 February 2024 09:00 WITA')
  })

  it('takes the calendar day of the agency zone, not of UTC', () => {
    expect(formatDate('2024-02-11T17:30:00.000Z', 'Asia/Jakarta')).toBe('12 Februari 2024')
  })
})

describe('timeZoneAbbreviation', () => {
  it('falls back to what Intl calls a zone outside Indonesia', () => {
    expect(timeZoneAbbreviation('Asia/Tokyo', new Date(instant), 'en')).toBe('GMT+9')
  })
})

describe('formatNumber', () => {
  it('groups thousands with a dot and decimals with a comma in Indonesian', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5')
  })
})
