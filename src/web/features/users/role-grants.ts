/**
 * Roles with their unit limits, as the users page edits them (create modal and detail page alike): which roles are
 * chosen and, per role, the unit subtree it is limited to. Turned into the `roles` of CreateUserBody/SetRolesBody.
 */
import { roles as allRoles, unitScopableRoles, type Role } from '../../../domain/access'
import type { SetRolesBody } from '../../../features/auth/users.schema'

/**
 * Roles the form offers a unit limit for: those the server accepts with a unit (`unitScopableRoles`) except
 * `employee`, whose own role reaches no one else's records, so a limit would change nothing. A limit an employee
 * role already has (set through the API) is kept as it is.
 */
export const unitLimitableRoles: readonly Role[] = unitScopableRoles.filter((role) => role !== 'employee')

export const isUnitLimitable = (role: Role): boolean => unitLimitableRoles.includes(role)

/** A unit id, or null for the whole agency. */
export type RoleScope = string | null

export interface RoleChoice {
  /** Chosen roles, in the domain's order. */
  readonly roles: readonly Role[]
  /**
   * Per role, the scopes it is granted in. Absent: the whole agency. More than one only when the account already
   * holds the role in several scopes (through the API); they are kept until a unit is chosen for the role.
   */
  readonly scopes: Partial<Record<Role, readonly RoleScope[]>>
}

export type RoleGrant = SetRolesBody['roles'][number]

/** Roles without limits (a new account). */
export const choiceOfRoles = (roles: readonly Role[]): RoleChoice => ({ roles: sortRoles(roles), scopes: {} })

/** What an account holds now. */
export function choiceOfAssignments(
  assignments: readonly { readonly role: Role; readonly unitId: string | null }[],
): RoleChoice {
  const scopes: Partial<Record<Role, RoleScope[]>> = {}
  for (const { role, unitId } of assignments) {
    const held = (scopes[role] ??= [])
    if (!held.includes(unitId)) held.push(unitId)
  }
  return { roles: sortRoles(assignments.map((assignment) => assignment.role)), scopes }
}

export const withRoles = (choice: RoleChoice, roles: readonly Role[]): RoleChoice => ({
  ...choice,
  roles: sortRoles(roles),
})

/** Limits one role to a unit subtree (null: the whole agency); replaces every scope the role had. */
export const withUnitLimit = (choice: RoleChoice, role: Role, unitId: RoleScope): RoleChoice => ({
  ...choice,
  scopes: { ...choice.scopes, [role]: [unitId] },
})

/** Forgets every unit limit (the agency changed: its units are not the other agency's). */
export const withoutUnitLimits = (choice: RoleChoice): RoleChoice => ({ ...choice, scopes: {} })

const scopesOf = (choice: RoleChoice, role: Role): readonly RoleScope[] => {
  const scopes = choice.scopes[role]
  return scopes && scopes.length > 0 ? scopes : [null]
}

/** The unit the picker of a role shows: its only scope; null for the whole agency or several scopes. */
export function unitLimitOf(choice: RoleChoice, role: Role): RoleScope {
  const scopes = scopesOf(choice, role)
  return scopes.length === 1 ? (scopes[0] ?? null) : null
}

/** True when the role is held in several scopes that the form keeps as they are. */
export const hasSeveralScopes = (choice: RoleChoice, role: Role): boolean => scopesOf(choice, role).length > 1

/** The grants to send: each chosen role in each of its scopes; `{ role }` alone covers the whole agency. */
export function roleGrants(choice: RoleChoice): RoleGrant[] {
  return choice.roles.flatMap((role) =>
    scopesOf(choice, role).map((unitId) => (unitId === null ? { role } : { role, unitId })),
  )
}

const grantKey = (grant: { readonly role: Role; readonly unitId?: string | null | undefined }) =>
  `${grant.role}:${grant.unitId ?? ''}`

/** Would saving change what the account holds? (Order and repeated assignments do not count.) */
export function isSameGrants(
  choice: RoleChoice,
  assignments: readonly { readonly role: Role; readonly unitId: string | null }[],
): boolean {
  const next = new Set(roleGrants(choice).map(grantKey))
  const held = new Set(assignments.map(grantKey))
  return next.size === held.size && [...next].every((key) => held.has(key))
}

function sortRoles(roles: readonly Role[]): Role[] {
  const chosen = new Set(roles)
  return allRoles.filter((role) => chosen.has(role))
}
