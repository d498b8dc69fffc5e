import { describe, expect, it } from 'vitest'
import {
  checkThrottle,
  defaultThrottlePolicy,
  delayAfterFailures,
  recordFailure,
  type ThrottleState,
} from './login-throttle.js'

const t0 = new Date('2026-01-05T01:00:00.000Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)

function failTimes(times: number, spacingSeconds = 0): ThrottleState | null {
  let state: ThrottleState | null = null
  for (let i = 0; i < times; i += 1) state = recordFailure(state, at(i * spacingSeconds))
  return state
}

describe('delayAfterFailures', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 4],
    [8, 32],
    [20, 300],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(delayAfterFailures(failures)).toBe(seconds)
  })
})

describe('checkThrottle', () => {
  it('lets the first attempts through', () => {
    expect(checkThrottle(null, t0)).toEqual({ allowed: true })
    expect(checkThrottle(failTimes(2), t0)).toEqual({ allowed: true })
  })

  it('makes the attempt after the third failure wait, and says how long', () => {
    const state = failTimes(3)
    expect(checkThrottle(state, at(0))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(checkThrottle(state, at(1))).toEqual({ allowed: true })
  })

  it('doubles the wait with every further failure', () => {
    const state = failTimes(6)
    expect(checkThrottle(state, at(7))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(checkThrottle(state, at(8))).toEqual({ allowed: true })
  })

  it('locks the name for the lockout period after the lockout threshold', () => {
    const state = failTimes(defaultThrottlePolicy.lockoutAfter)
    expect(state?.lockedUntil?.toISOString()).toBe(at(15 * 60).toISOString())
    expect(checkThrottle(state, at(15 * 60 - 1))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(checkThrottle(state, at(15 * 60))).toEqual({ allowed: true })
  })

  it('starts counting afresh after a lock has run out', () => {
    const locked = failTimes(defaultThrottlePolicy.lockoutAfter)
    const after = recordFailure(locked, at(16 * 60))
    expect(after.failures).toBe(1)
    expect(after.lockedUntil).toBeNull()
  })
})
