/**
 * Account administration: agency admins manage the accounts of their agency, super admins all. Every change is
 * audited; passwords and TOTP seeds never enter the audit summary.
 */
import type { Kysely } from 'kysely'
import {
  administeredAgencyIds,
  assignmentShapeProblem,
  canAdministerAgency,
  grantableRoles,
  isSuperAdmin,
  type Actor,
  type Role,
  type RoleAssignment,
} from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { checkPassword } from '../../domain/password-policy.js'
import type { Database, RoleAssignmentRow, UserRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { hashPassword } from '../../platform/passwords.js'
import { temporaryPassword } from '../../platform/random.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { unitsOfAgency } from '../units/units.service.js'
import * as accounts from './accounts.repository.js'
import * as sessions from './sessions.repository.js'
import {
  CreateUserBody,
  SetRolesBody,
  UpdateUserBody,
  type ListUsersQuery,
  type UserView,
} from './users.schema.js'

export const toAssignment = (row: RoleAssignmentRow): RoleAssignment => ({
  role: row.role as Role,
  agencyId: row.agencyId,
  unitId: row.unitId,
})

export function toUserView(row: UserRow, assignments: readonly RoleAssignmentRow[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    agencyId: row.agencyId,
    roles: assignments.filter((a) => a.userId === row.id).map(toAssignment),
    totpEnabled: row.totpEnabledAt !== null,
    passwordMustChange: row.passwordMustChange === 1,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt,
  }
}

export function assertPasswordAcceptable(password: string, username: string): void {
  const problems = checkPassword(password, { username })
  if (problems.length > 0) throw new DomainError('auth.password_weak', { problems })
}

export interface NewAccount {
  readonly username: string
  readonly displayName: string
  readonly email?: string | null | undefined
  readonly agencyId: string | null
  readonly assignments: readonly RoleAssignment[]
  readonly password: string
  /** A generated password is temporary: the user must replace it at the first sign-in. */
  readonly passwordIsTemporary: boolean
}

/**
 * Creates an account with its role assignments in one transaction (no permission check: callers decide;
 * used by the users API, `netra create-admin` and the first-start seed).
 */
export async function createAccount(
  db: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  account: NewAccount,
): Promise<UserView> {
  const username = account.username.trim().toLowerCase()
  assertPasswordAcceptable(account.password, username)
  for (const assignment of account.assignments) {
    const problem = assignmentShapeProblem(assignment)
    if (problem) throw new DomainError('user.role_invalid', { role: assignment.role, problem })
  }
  const passwordHash = await hashPassword(account.password)
  return db.transaction().execute(async (trx) => {
    if (await accounts.findUserByUsername(trx, username))
      throw new DomainError('user.username_taken', { username })
    if (account.agencyId && !(await findAgencyById(trx, account.agencyId))) {
      throw new DomainError('agency.not_found', { agencyId: account.agencyId })
    }
    const now = clock.now().toISOString()
    const user: UserRow = {
      id: newId(),
      agencyId: account.agencyId,
      username,
      displayName: account.displayName.trim(),
      email: account.email ?? null,
      passwordHash,
      passwordChangedAt: now,
      passwordMustChange: account.passwordIsTemporary ? 1 : 0,
      totpSecretSealed: null,
      totpPendingSecretSealed: null,
      totpEnabledAt: null,
      totpLastTimeStep: null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    }
    await accounts.insertUser(trx, user)
    const rows = account.assignments.map((assignment): RoleAssignmentRow => ({
      id: newId(),
      userId: user.id,
      role: assignment.role,
      agencyId: assignment.agencyId,
      unitId: assignment.unitId,
      createdAt: now,
      createdBy: auditActor.id,
    }))
    await accounts.insertAssignments(trx, rows)
    await recordAuditEvent(trx, clock, auditActor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      summary: {
        after: {
          username,
          displayName: user.displayName,
          email: user.email,
          roles: account.assignments,
        },
      },
    })
    return toUserView(user, rows)
  })
}

export async function loadUserWithRoles(db: Kysely<Database>, userId: string) {
  const user = await accounts.findUserById(db, userId)
  if (!user) return null
  const assignments = await accounts.listAssignmentsOfUsers(db, [user.id])
  return { user, assignments }
}

export function createUsersService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /** Loads a user the actor may administer, or fails with not_found (never reveals other agencies' users). */
  async function loadManaged(trx: Kysely<Database>, actor: Actor, userId: string) {
    const loaded = await loadUserWithRoles(trx, userId)
    if (!loaded) throw new DomainError('user.not_found', { userId })
    const agencies = new Set(
      [loaded.user.agencyId, ...loaded.assignments.map((a) => a.agencyId)].filter(
        (id): id is string => id !== null,
      ),
    )
    const isPlatformAccount = loaded.assignments.some((a) => a.role === 'super_admin') || agencies.size === 0
    const allowed =
      isSuperAdmin(actor) ||
      (!isPlatformAccount && [...agencies].every((id) => canAdministerAgency(actor, id)))
    if (!allowed) throw new DomainError('user.not_found', { userId })
    return loaded
  }

  /**
   * The assignments for `grants` (each role and scope once). `held`: what the account holds now; a scope it already
   * holds may stay after its unit was deactivated, a new one needs an active unit.
   */
  async function resolveGrants(
    exec: Kysely<Database>,
    actor: Actor,
    agencyId: string,
    grants: SetRolesBody['roles'],
    held: readonly RoleAssignment[] = [],
  ): Promise<RoleAssignment[]> {
    const allowed = grantableRoles(actor, agencyId)
    const assignments = grants
      .map((grant) => {
        if (!allowed.includes(grant.role))
          throw new DomainError('user.role_invalid', { role: grant.role, problem: 'not_grantable' })
        const assignment: RoleAssignment = { role: grant.role, agencyId, unitId: grant.unitId ?? null }
        const problem = assignmentShapeProblem(assignment)
        if (problem) throw new DomainError('user.role_invalid', { role: grant.role, problem })
        return assignment
      })
      .filter(
        (assignment, index, all) =>
          all.findIndex((other) => other.role === assignment.role && other.unitId === assignment.unitId) ===
          index,
      )
    // roster: a unit scope must name a unit of that agency
    const units = await unitsOfAgency(
      exec,
      agencyId,
      assignments.flatMap((a) => (a.unitId ? [a.unitId] : [])),
    )
    const stray = assignments.find((a) => a.unitId !== null && !units.has(a.unitId))
    if (stray) throw new DomainError('user.role_invalid', { role: stray.role, problem: 'unit_not_found' })
    const isHeld = (a: RoleAssignment) => held.some((h) => h.role === a.role && h.unitId === a.unitId)
    const inactive = assignments.find(
      (a) => a.unitId !== null && units.get(a.unitId)?.isActive === false && !isHeld(a),
    )
    if (inactive)
      throw new DomainError('user.role_invalid', { role: inactive.role, problem: 'unit_inactive' })
    return assignments
  }

  function targetAgencyOf(actor: Actor, requested: string | undefined): string {
    if (requested) {
      if (!canAdministerAgency(actor, requested)) throw new DomainError('auth.forbidden')
      return requested
    }
    const own = administeredAgencyIds(actor)
    if (own.length === 1 && own[0]) return own[0]
    if (actor.agencyId && canAdministerAgency(actor, actor.agencyId)) return actor.agencyId
    throw new DomainError('request.invalid', { issues: [{ path: ['agencyId'], code: 'required' }] })
  }

  return {
    async listUsers(actor: Actor, query: ListUsersQuery) {
      let agencyIds: readonly string[] | 'all'
      if (query.agencyId) {
        if (!canAdministerAgency(actor, query.agencyId)) throw new DomainError('auth.forbidden')
        agencyIds = [query.agencyId]
      } else {
        agencyIds = isSuperAdmin(actor) ? 'all' : administeredAgencyIds(actor)
      }
      const { rows, total } = await accounts.searchUsers(db, {
        agencyIds,
        q: query.q,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      })
      const assignments = await accounts.listAssignmentsOfUsers(
        db,
        rows.map((row) => row.id),
      )
      return {
        items: rows.map((row) => toUserView(row, assignments)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    async getUser(actor: Actor, userId: string): Promise<UserView> {
      const { user, assignments } = await loadManaged(db, actor, userId)
      return toUserView(user, assignments)
    },

    async createUser(actor: Actor, input: CreateUserBody) {
      const body = CreateUserBody.parse(input)
      const agencyId = targetAgencyOf(actor, body.agencyId)
      const assignments = await resolveGrants(db, actor, agencyId, body.roles)
      const password = body.password ?? temporaryPassword()
      const user = await createAccount(db, clock, auditActorOf(actor), {
        username: body.username,
        displayName: body.displayName,
        email: body.email ?? null,
        agencyId,
        assignments,
        password,
        passwordIsTemporary: body.password === undefined,
      })
      return { user, temporaryPassword: body.password ? null : password }
    },

    async updateUser(actor: Actor, userId: string, input: UpdateUserBody): Promise<UserView> {
      const body = UpdateUserBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const { user, assignments } = await loadManaged(trx, actor, userId)
        const patch = {
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
          ...(body.email !== undefined ? { email: body.email ?? null } : {}),
        }
        const now = clock.now().toISOString()
        await accounts.updateUser(trx, userId, { ...patch, updatedAt: now })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'user.updated',
          entityType: 'user',
          entityId: userId,
          agencyId: user.agencyId,
          summary: {
            before: Object.fromEntries(
              Object.keys(patch).map((key) => [key, user[key as keyof typeof patch]]),
            ),
            after: patch,
          },
        })
        return toUserView({ ...user, ...patch, updatedAt: now }, assignments)
      })
    },

    async setRoles(actor: Actor, userId: string, input: SetRolesBody): Promise<UserView> {
      const body = SetRolesBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const { user, assignments } = await loadManaged(trx, actor, userId)
        if (user.id === actor.userId) throw new DomainError('user.cannot_change_self', { change: 'roles' })
        if (!user.agencyId) throw new DomainError('user.role_invalid', { problem: 'platform_account' })
        const next = await resolveGrants(trx, actor, user.agencyId, body.roles, assignments.map(toAssignment))
        const now = clock.now().toISOString()
        await accounts.deleteAssignmentsOfUser(trx, userId)
        const rows = next.map((assignment): RoleAssignmentRow => ({
          id: newId(),
          userId,
          ...assignment,
          createdAt: now,
          createdBy: actor.userId,
        }))
        await accounts.insertAssignments(trx, rows)
        await accounts.updateUser(trx, userId, { updatedAt: now })
        // Privileges changed: make the user sign in again so the new roles apply everywhere at once.
        await sessions.revokeSessionsOfUser(trx, userId, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'user.roles_changed',
          entityType: 'user',
          entityId: userId,
          agencyId: user.agencyId,
          summary: { before: { roles: assignments.map(toAssignment) }, after: { roles: next } },
        })
        return toUserView({ ...user, updatedAt: now }, rows)
      })
    },

    async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserView> {
      return db.transaction().execute(async (trx) => {
        const { user, assignments } = await loadManaged(trx, actor, userId)
        if (user.id === actor.userId) throw new DomainError('user.cannot_change_self', { change: 'disabled' })
        const now = clock.now().toISOString()
        const disabledAt = disabled ? (user.disabledAt ?? now) : null
        await accounts.updateUser(trx, userId, { disabledAt, updatedAt: now })
        if (disabled) await sessions.revokeSessionsOfUser(trx, userId, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: userId,
          agencyId: user.agencyId,
          summary: { before: { disabled: user.disabledAt !== null }, after: { disabled } },
        })
        return toUserView({ ...user, disabledAt, updatedAt: now }, assignments)
      })
    },

    /** Issues a temporary password (shown once) and ends the user's sessions. */
    async resetPassword(actor: Actor, userId: string): Promise<{ temporaryPassword: string }> {
      const password = temporaryPassword()
      const passwordHash = await hashPassword(password)
      await db.transaction().execute(async (trx) => {
        const { user } = await loadManaged(trx, actor, userId)
        if (user.id === actor.userId) throw new DomainError('user.cannot_change_self', { change: 'password' })
        const now = clock.now().toISOString()
        await accounts.updateUser(trx, userId, {
          passwordHash,
          passwordChangedAt: now,
          passwordMustChange: 1,
          updatedAt: now,
        })
        await sessions.revokeSessionsOfUser(trx, userId, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: userId,
          agencyId: user.agencyId,
        })
      })
      return { temporaryPassword: password }
    },

    /** Clears the second factor: the user enrols a new authenticator at the next sign-in. */
    async resetTotp(actor: Actor, userId: string): Promise<UserView> {
      return db.transaction().execute(async (trx) => {
        const { user, assignments } = await loadManaged(trx, actor, userId)
        if (user.id === actor.userId) throw new DomainError('user.cannot_change_self', { change: 'totp' })
        const now = clock.now().toISOString()
        const patch = {
          totpSecretSealed: null,
          totpPendingSecretSealed: null,
          totpEnabledAt: null,
          totpLastTimeStep: null,
          updatedAt: now,
        }
        await accounts.updateUser(trx, userId, patch)
        await sessions.revokeSessionsOfUser(trx, userId, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'user.totp_reset',
          entityType: 'user',
          entityId: userId,
          agencyId: user.agencyId,
        })
        return toUserView({ ...user, ...patch }, assignments)
      })
    },
  }
}
export type UsersService = ReturnType<typeof createUsersService>

export const countAccounts = (db: Kysely<Database>) => accounts.countUsers(db)
