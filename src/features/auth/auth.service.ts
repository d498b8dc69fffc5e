/**
 * Sign-in, sessions, second factor and password change. Sessions live in the database (a cookie holds a
 * random token; the table holds its SHA-256), so app nodes stay stateless and a session can be revoked.
 */
import type { Kysely } from 'kysely'
import { navigationFor, requiresSecondFactor, type Actor, type SessionStage } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import {
  checkThrottle,
  defaultThrottlePolicy,
  isLockout,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../domain/login-throttle.js'
import { sessionState, shouldTouch, type SessionPolicy } from '../../domain/session-expiry.js'
import type { Database, RoleAssignmentRow, SessionRow, UserRow } from '../../db/tables.js'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/passwords.js'
import { randomToken, sha256Hex } from '../../platform/random.js'
import type { Sealer } from '../../platform/sealer.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { recordAuditEvent, systemActor, type AuditActor } from '../audit/audit.service.js'
import * as accounts from './accounts.repository.js'
import type { ChangePasswordBody, LoginBody, SessionView } from './auth.schema.js'
import * as sessions from './sessions.repository.js'
import { describeEnrolment, newTotpSecret, verifyTotp, type TotpEnrolment } from './totp.js'
import { assertPasswordAcceptable, loadUserWithRoles, toAssignment } from './users.service.js'

export type LoginOutcome =
  | { readonly kind: 'signed_in'; readonly token: string; readonly session: SessionView }
  | { readonly kind: 'totp_required' }
  | { readonly kind: 'enrolment_required'; readonly token: string; readonly session: SessionView }

/** What a valid cookie resolves to. */
export interface ResolvedSession {
  readonly actor: Actor
  readonly sessionId: string
  readonly csrfToken: string
}

export type SessionLookup =
  | { readonly kind: 'valid'; readonly session: ResolvedSession }
  | { readonly kind: 'none' }
  | { readonly kind: 'expired' }

export interface AuthServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly totpSealer: Sealer
  readonly sessionPolicy: SessionPolicy
  readonly throttlePolicy?: ThrottlePolicy
  readonly totpIssuer?: string
}

const throttleKey = (username: string) => username.trim().toLowerCase()

const toThrottleState = (row: {
  failures: number
  lastFailureAt: string | null
  lockedUntil: string | null
}): ThrottleState => ({
  failures: row.failures,
  lastFailureAt: row.lastFailureAt ? new Date(row.lastFailureAt) : null,
  lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
})

const userActor = (user: UserRow): AuditActor => ({ id: user.id, label: user.username })

/** The stage once every factor is satisfied: a temporary password must still be replaced. */
const stageAfterFactors = (user: UserRow): SessionStage =>
  user.passwordMustChange === 1 ? 'password_change' : 'full'

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock, totpSealer, sessionPolicy } = deps
  const throttlePolicy = deps.throttlePolicy ?? defaultThrottlePolicy
  const totpIssuer = deps.totpIssuer ?? 'Netra'

  function toActor(user: UserRow, assignments: readonly RoleAssignmentRow[], stage: SessionStage): Actor {
    return {
      userId: user.id,
      username: user.username,
      agencyId: user.agencyId,
      stage,
      assignments: assignments.map(toAssignment),
    }
  }

  async function sessionViewOf(
    executor: Kysely<Database>,
    user: UserRow,
    assignments: readonly RoleAssignmentRow[],
    session: Pick<SessionRow, 'stage' | 'csrfToken' | 'expiresAt'>,
  ): Promise<SessionView> {
    const actor = toActor(user, assignments, session.stage as SessionStage)
    const agency = user.agencyId ? await findAgencyById(executor, user.agencyId) : null
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        totpEnabled: user.totpEnabledAt !== null,
        passwordMustChange: user.passwordMustChange === 1,
      },
      agency: agency
        ? { id: agency.id, slug: agency.slug, name: agency.name, timeZone: agency.timeZone }
        : null,
      roles: actor.assignments.map((a) => ({ role: a.role, agencyId: a.agencyId, unitId: a.unitId })),
      stage: actor.stage,
      csrfToken: session.csrfToken,
      navigation: actor.stage === 'full' ? navigationFor(actor) : [],
      expiresAt: session.expiresAt,
      idleMinutes: sessionPolicy.idleMinutes,
    }
  }

  async function openSession(
    user: UserRow,
    assignments: readonly RoleAssignmentRow[],
    stage: SessionStage,
  ): Promise<{ token: string; session: SessionView }> {
    const token = randomToken(32)
    const now = clock.now()
    const row: SessionRow = {
      id: sha256Hex(token),
      userId: user.id,
      stage,
      csrfToken: randomToken(24),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + sessionPolicy.absoluteHours * 3_600_000).toISOString(),
      revokedAt: null,
    }
    await db.transaction().execute(async (trx) => {
      await sessions.insertSession(trx, row)
      await sessions.clearThrottle(trx, throttleKey(user.username))
      await recordAuditEvent(trx, clock, userActor(user), {
        action: stage === 'second_factor_enrolment' ? 'auth.signed_in_for_enrolment' : 'auth.signed_in',
        entityType: 'user',
        entityId: user.id,
        agencyId: user.agencyId,
      })
    })
    return { token, session: await sessionViewOf(db, user, assignments, row) }
  }

  /**
   * Records a failed attempt (in its own transaction, so the count survives the thrown error). The count is
   * updated with compare-and-set against the row as read now, retried on a concurrent change, so parallel
   * failures are all counted.
   */
  async function failAttempt(key: string, user: UserRow | undefined): Promise<never> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const now = clock.now()
      const recorded = await db.transaction().execute(async (trx) => {
        const row = (await sessions.findThrottle(trx, key)) ?? null
        const previous = row ? toThrottleState(row) : null
        const next = recordFailure(previous, now, throttlePolicy)
        const written = await sessions.saveThrottleIfUnchanged(trx, row, {
          key,
          failures: next.failures,
          lastFailureAt: next.lastFailureAt?.toISOString() ?? null,
          lockedUntil: next.lockedUntil?.toISOString() ?? null,
        })
        if (!written) return false
        const newlyLocked = isLockout(next, now) && !(previous && isLockout(previous, now))
        if (newlyLocked && user) {
          await recordAuditEvent(trx, clock, systemActor, {
            action: 'auth.locked_out',
            entityType: 'user',
            entityId: user.id,
            agencyId: user.agencyId,
            summary: { failures: next.failures, lockedUntil: next.lockedUntil?.toISOString() },
          })
        }
        return true
      })
      if (recorded) break
    }
    throw new DomainError('auth.invalid_credentials')
  }

  async function assertNotThrottled(key: string): Promise<void> {
    const row = await sessions.findThrottle(db, key)
    const verdict = checkThrottle(row ? toThrottleState(row) : null, clock.now(), throttlePolicy)
    if (!verdict.allowed)
      throw new DomainError('auth.throttled', { retryAfterSeconds: verdict.retryAfterSeconds })
  }

  async function describeSession(session: ResolvedSession): Promise<SessionView> {
    const loaded = await loadUserWithRoles(db, session.actor.userId)
    const row = await sessions.findSessionById(db, session.sessionId)
    if (!loaded || !row) throw new DomainError('auth.unauthenticated')
    return sessionViewOf(db, loaded.user, loaded.assignments, row)
  }

  return {
    async login(input: LoginBody): Promise<LoginOutcome> {
      const key = throttleKey(input.username)
      await assertNotThrottled(key)
      const user = await accounts.findUserByUsername(db, key)
      if (!user) {
        await verifyAgainstDummy(input.password)
        return failAttempt(key, undefined)
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) return failAttempt(key, user)
      if (user.disabledAt) throw new DomainError('auth.account_disabled')

      const assignments = await accounts.listAssignmentsOfUsers(db, [user.id])
      const needsSecondFactor = assignments.some((a) => requiresSecondFactor(a.role as never))
      if (!needsSecondFactor) {
        return { kind: 'signed_in', ...(await openSession(user, assignments, stageAfterFactors(user))) }
      }

      if (!user.totpEnabledAt || !user.totpSecretSealed) {
        return {
          kind: 'enrolment_required',
          ...(await openSession(user, assignments, 'second_factor_enrolment')),
        }
      }
      if (!input.totp) return { kind: 'totp_required' }

      const secret = totpSealer.open(user.totpSecretSealed)
      const step = await verifyTotp(secret, input.totp, clock.now(), user.totpLastTimeStep)
      if (step === null) return failAttempt(key, user)
      if (!(await accounts.advanceTotpTimeStep(db, user.id, user.totpLastTimeStep, step))) {
        // Another request consumed this code first.
        return failAttempt(key, user)
      }
      return { kind: 'signed_in', ...(await openSession(user, assignments, stageAfterFactors(user))) }
    },

    /** Turns a cookie token into an actor, refreshing last-seen at most once a minute. */
    async resolveSession(token: string): Promise<SessionLookup> {
      const row = await sessions.findSessionById(db, sha256Hex(token))
      if (!row || row.revokedAt) return { kind: 'none' }
      const now = clock.now()
      const state = sessionState(
        { createdAt: new Date(row.createdAt), lastSeenAt: new Date(row.lastSeenAt) },
        now,
        sessionPolicy,
      )
      if (state !== 'active') {
        await sessions.revokeSession(db, row.id, now.toISOString())
        return { kind: 'expired' }
      }
      const loaded = await loadUserWithRoles(db, row.userId)
      if (!loaded || loaded.user.disabledAt) return { kind: 'none' }
      if (shouldTouch({ createdAt: new Date(row.createdAt), lastSeenAt: new Date(row.lastSeenAt) }, now)) {
        await sessions.touchSession(db, row.id, now.toISOString())
      }
      return {
        kind: 'valid',
        session: {
          actor: toActor(loaded.user, loaded.assignments, row.stage as SessionStage),
          sessionId: row.id,
          csrfToken: row.csrfToken,
        },
      }
    },

    describeSession,

    async logout(session: ResolvedSession): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessions.revokeSession(trx, session.sessionId, clock.now().toISOString())
        await recordAuditEvent(
          trx,
          clock,
          { id: session.actor.userId, label: session.actor.username },
          {
            action: 'auth.signed_out',
            entityType: 'user',
            entityId: session.actor.userId,
            agencyId: session.actor.agencyId,
          },
        )
      })
    },

    /** Starts (or restarts) TOTP enrolment: a fresh secret is kept pending until a code confirms it. */
    async startTotpEnrolment(session: ResolvedSession): Promise<TotpEnrolment> {
      const user = await accounts.findUserById(db, session.actor.userId)
      if (!user) throw new DomainError('auth.unauthenticated')
      if (user.totpEnabledAt) throw new DomainError('auth.totp_already_enabled')
      const secret = newTotpSecret()
      await db.transaction().execute(async (trx) => {
        await accounts.updateUser(trx, user.id, {
          totpPendingSecretSealed: totpSealer.seal(secret),
          updatedAt: clock.now().toISOString(),
        })
        await recordAuditEvent(trx, clock, userActor(user), {
          action: 'auth.totp_enrolment_started',
          entityType: 'user',
          entityId: user.id,
          agencyId: user.agencyId,
        })
      })
      return describeEnrolment(secret, totpIssuer, user.username)
    },

    /** Confirms enrolment with a first code; the session becomes a full one. */
    async confirmTotpEnrolment(session: ResolvedSession, code: string): Promise<SessionView> {
      const user = await accounts.findUserById(db, session.actor.userId)
      if (!user) throw new DomainError('auth.unauthenticated')
      if (user.totpEnabledAt) throw new DomainError('auth.totp_already_enabled')
      if (!user.totpPendingSecretSealed) throw new DomainError('auth.totp_not_started')
      const secret = totpSealer.open(user.totpPendingSecretSealed)
      const step = await verifyTotp(secret, code, clock.now(), null)
      if (step === null) throw new DomainError('auth.totp_invalid')
      const now = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await accounts.updateUser(trx, user.id, {
          totpSecretSealed: user.totpPendingSecretSealed,
          totpPendingSecretSealed: null,
          totpEnabledAt: now,
          totpLastTimeStep: step,
          updatedAt: now,
        })
        await sessions.setSessionStage(trx, session.sessionId, stageAfterFactors(user))
        await recordAuditEvent(trx, clock, userActor(user), {
          action: 'auth.totp_enrolled',
          entityType: 'user',
          entityId: user.id,
          agencyId: user.agencyId,
        })
      })
      return describeSession(session)
    },

    /**
     * Changes the caller's password; other sessions of the user end and a temporary password stops being one
     * (this session becomes a full one). Wrong current passwords are throttled.
     */
    async changePassword(session: ResolvedSession, body: ChangePasswordBody): Promise<SessionView> {
      const user = await accounts.findUserById(db, session.actor.userId)
      if (!user) throw new DomainError('auth.unauthenticated')
      const key = throttleKey(user.username)
      await assertNotThrottled(key)
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        await failAttempt(key, user).catch(() => undefined)
        throw new DomainError('auth.current_password_incorrect')
      }
      assertPasswordAcceptable(body.newPassword, user.username)
      if (body.newPassword === body.currentPassword) {
        throw new DomainError('auth.password_weak', { problems: ['same_as_current'] })
      }
      const passwordHash = await hashPassword(body.newPassword)
      const now = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await accounts.updateUser(trx, user.id, {
          passwordHash,
          passwordChangedAt: now,
          passwordMustChange: 0,
          updatedAt: now,
        })
        await sessions.revokeSessionsOfUser(trx, user.id, now, session.sessionId)
        if (session.actor.stage === 'password_change')
          await sessions.setSessionStage(trx, session.sessionId, 'full')
        await sessions.clearThrottle(trx, key)
        await recordAuditEvent(trx, clock, userActor(user), {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: user.id,
          agencyId: user.agencyId,
          summary: { replacedTemporary: user.passwordMustChange === 1 },
        })
      })
      return describeSession(session)
    },

    /** Housekeeping job: forget sessions that ended more than a day ago (audited as one event per run). */
    async purgeEndedSessions(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - 24 * 3_600_000).toISOString()
      return db.transaction().execute(async (trx) => {
        const deleted = Number((await sessions.deleteSessionsEndedBefore(trx, cutoff)).numDeletedRows)
        if (deleted > 0) {
          await recordAuditEvent(trx, clock, systemActor, {
            action: 'auth.sessions_purged',
            entityType: 'session',
            summary: { deleted, endedBefore: cutoff },
          })
        }
        return deleted
      })
    },
  }
}
export type AuthService = ReturnType<typeof createAuthService>
