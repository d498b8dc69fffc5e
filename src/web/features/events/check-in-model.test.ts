import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import {
  checkInProblemOf,
  cleanAttendanceCode,
  cleanNip,
  earlierCheckInOf,
  isAttendanceCode,
  isNip,
  refreshDelayMs,
} from './check-in-model'

describe('checkInProblemOf', () => {
  it.each([
    ['event.check_in_token_expired', 'expired'],
    ['event.check_in_token_invalid', 'invalid'],
    ['event.already_checked_in', 'already_checked_in'],
    ['event.identity_mismatch', 'identity_mismatch'],
    ['request.rate_limited', 'rate_limited'],
    ['client.network', 'network'],
    ['internal.error', 'other'],
  ])('reads %s as %s', (code, problem) => {
    expect(checkInProblemOf(new ApiError(409, code))).toBe(problem)
  })

  it('finds the time of an earlier check-in in the details', () => {
    const at = '2026-11-24T01:00:00.000Z'
    expect(earlierCheckInOf(new ApiError(409, 'event.already_checked_in', { checkedInAt: at }))).toBe(at)
    expect(earlierCheckInOf(new ApiError(409, 'event.already_checked_in'))).toBeNull()
  })
})

describe('NIP input', () => {
  it('keeps the digits and accepts 18 of them', () => {
    expect(cleanNip('19800101 200501 1 001')).toBe('198001012005011001')
    expect(isNip('198001012005011001')).toBe(true)
    expect(isNip('19800101200501100')).toBe(false)
  })
})

describe('refreshDelayMs', () => {
  it('asks a second before the rotation, and never sooner than a second', () => {
    expect(refreshDelayMs(30)).toBe(29_000)
    expect(refreshDelayMs(0)).toBe(1000)
  })
})

describe('attendance code input', () => {
  it('reads the code the way the server does, and accepts 8 characters of its alphabet', () => {
    expect(cleanAttendanceCode(' ab3k-9o1l ')).toBe('AB3K9011')
    expect(isAttendanceCode('AB3K9011')).toBe(true)
    expect(isAttendanceCode('AB3K901')).toBe(false)
    expect(isAttendanceCode('AB3K901U')).toBe(false)
  })
})
