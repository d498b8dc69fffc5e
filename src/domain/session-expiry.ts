/** Staff sessions end after `idleMinutes` without a request or `absoluteHours` after login, whichever is first. */
export interface SessionTimes {
  readonly createdAt: Date
  readonly lastSeenAt: Date
}

export interface SessionPolicy {
  readonly idleMinutes: number
  readonly absoluteHours: number
}

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired'

export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  if (now.getTime() >= session.createdAt.getTime() + policy.absoluteHours * 3_600_000)
    return 'absolute_expired'
  if (now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000) return 'idle_expired'
  return 'active'
}

/** Refreshing last-seen on every request would write on every read; once a minute keeps idle expiry honest. */
export const touchIntervalMs = 60_000

export const shouldTouch = (session: SessionTimes, now: Date): boolean =>
  now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs
