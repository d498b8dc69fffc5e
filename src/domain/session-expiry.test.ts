import { describe, expect, it } from 'vitest'
import { sessionState, shouldTouch } from './session-expiry.js'

const policy = { idleMinutes: 30, absoluteHours: 12 }
const createdAt = new Date('2026-03-01T00:00:00.000Z')
const plus = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000)

describe('sessionState', () => {
  it.each([
    [{ lastSeen: 0, now: 29 }, 'active'],
    [{ lastSeen: 0, now: 30 }, 'idle_expired'],
    [{ lastSeen: 700, now: 719 }, 'active'],
    [{ lastSeen: 715, now: 720 }, 'absolute_expired'],
  ] as const)('%j → %s', ({ lastSeen, now }, expected) => {
    expect(sessionState({ createdAt, lastSeenAt: plus(lastSeen) }, plus(now), policy)).toBe(expected)
  })
})

describe('shouldTouch', () => {
  it('refreshes last-seen at most once a minute', () => {
    expect(shouldTouch({ createdAt, lastSeenAt: createdAt }, new Date(createdAt.getTime() + 59_000))).toBe(
      false,
    )
    expect(shouldTouch({ createdAt, lastSeenAt: createdAt }, new Date(createdAt.getTime() + 60_000))).toBe(
      true,
    )
  })
})
