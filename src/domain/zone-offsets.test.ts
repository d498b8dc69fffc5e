import { describe, expect, it } from 'vitest'
import { formatLocalMinute, startOfLocalDay, wallClockOf, zoneOffsetOf } from './zone-offsets.js'

describe('zone offsets', () => {
  it('knows WIB, WITA and WIT, and reads anything else as WIB', () => {
    expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map(zoneOffsetOf)).toEqual([
      '+07:00',
      '+08:00',
      '+09:00',
    ])
    expect([zoneOffsetOf('Europe/Paris'), zoneOffsetOf(undefined), zoneOffsetOf(null)]).toEqual([
      '+07:00',
      '+07:00',
      '+07:00',
    ])
  })

  it('finds where a calendar day begins in each zone', () => {
    expect(startOfLocalDay('2026-03-02', 'Asia/Jakarta').toISOString()).toBe('2026-03-01T17:00:00.000Z')
    expect(startOfLocalDay('2026-03-02', 'Asia/Jayapura').toISOString()).toBe('2026-03-01T15:00:00.000Z')
    // The first day of a year, across the year boundary in UTC.
    expect(startOfLocalDay('2027-01-01', 'Asia/Makassar').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('gives the local wall-clock time of an instant, from a Date or an ISO string, and formats it to the minute', () => {
    expect(wallClockOf('2026-03-01T17:30:00.000Z', 'Asia/Jakarta').toISOString()).toBe(
      '2026-03-02T00:30:00.000Z',
    )
    expect(wallClockOf(new Date('2026-03-01T17:30:00.000Z'), 'Asia/Jayapura').toISOString()).toBe(
      '2026-03-02T02:30:00.000Z',
    )
    expect(formatLocalMinute(new Date('2026-12-31T16:59:59.000Z'), 'Asia/Makassar')).toBe(
      '2027-01-01 00:59 (UTC+08:00)',
    )
  })
})
