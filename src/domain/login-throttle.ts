/**
 * Login throttling per username (existing or not, so it reveals nothing): the first few failures are free,
 * then each further attempt must wait a doubling delay since the last failure, and after `lockoutAfter`
 * failures the name is locked for `lockoutMinutes`. A success clears the record. Source: OWASP
 * Authentication Cheat Sheet (account lockout / throttling); numbers are product policy.
 */
export interface ThrottlePolicy {
  readonly freeFailures: number
  readonly baseDelaySeconds: number
  readonly maxDelaySeconds: number
  readonly lockoutAfter: number
  readonly lockoutMinutes: number
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  freeFailures: 3,
  baseDelaySeconds: 1,
  maxDelaySeconds: 300,
  lockoutAfter: 10,
  lockoutMinutes: 15,
}

export interface ThrottleState {
  readonly failures: number
  readonly lastFailureAt: Date | null
  readonly lockedUntil: Date | null
}

export type ThrottleVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number }

/** Delay required after `failures` consecutive failures (0 while failures are still free). */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy = defaultThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0
  const exponent = failures - policy.freeFailures
  return Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds)
}

/** May an attempt proceed now? */
export function checkThrottle(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy = defaultThrottlePolicy,
): ThrottleVerdict {
  if (!state) return { allowed: true }
  if (state.lockedUntil && state.lockedUntil > now) {
    return {
      allowed: false,
      retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000),
    }
  }
  if (state.lockedUntil && state.lockedUntil <= now) return { allowed: true }
  const delay = delayAfterFailures(state.failures, policy)
  if (delay === 0 || !state.lastFailureAt) return { allowed: true }
  const readyAt = state.lastFailureAt.getTime() + delay * 1000
  if (readyAt <= now.getTime()) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.ceil((readyAt - now.getTime()) / 1000) }
}

/** The state after one more failure at `now`. A lock that has run out starts a fresh count. */
export function recordFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy = defaultThrottlePolicy,
): ThrottleState {
  const expiredLock =
    state?.lockedUntil !== null && state?.lockedUntil !== undefined && state.lockedUntil <= now
  const failures = (expiredLock ? 0 : (state?.failures ?? 0)) + 1
  const lockedUntil =
    failures >= policy.lockoutAfter ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null
  return { failures, lastFailureAt: now, lockedUntil }
}

export const isLockout = (state: ThrottleState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil > now
