import { roles, type Role } from '../../../domain/access'

/** Distinct roles in the domain's order (a role may be held in several scopes). */
export function uniqueRoles(assignments: readonly { readonly role: Role }[]): Role[] {
  const held = new Set(assignments.map((assignment) => assignment.role))
  return roles.filter((role) => held.has(role))
}
