/**
 * Who may do what: roles, scoped role assignments and the route-level policies. Pure; decided here only.
 * Roles follow DOMAIN.md §2.2 (BKPSDM admin, unit admin, examiner/tim pemeriksa, PPK/PyBM, Bawaslu/BKN liaison).
 */
export const roles = [
  'super_admin',
  'agency_admin',
  'unit_admin',
  'examiner',
  'decision_maker',
  'external_liaison',
  'employee',
] as const
export type Role = (typeof roles)[number]

/** Every role except `employee` is staff and must use a second factor (TOTP). */
export const requiresSecondFactor = (role: Role): boolean => role !== 'employee'

/** Roles that may be scoped to a unit subtree; the others always cover a whole agency (or the platform). */
export const unitScopableRoles: readonly Role[] = ['unit_admin', 'examiner', 'decision_maker', 'employee']

/**
 * A role held over a scope: the whole platform (super_admin: agencyId null), a whole agency (unitId null),
 * or a unit subtree (unitId = the subtree's root unit; units arrive with the roster).
 */
export interface RoleAssignment {
  readonly role: Role
  readonly agencyId: string | null
  readonly unitId: string | null
}

/**
 * `full` after every required step; before that a session is limited to finishing its step:
 * `second_factor_enrolment` while a staff account must still enrol TOTP, then `password_change` while the account
 * holds a temporary password.
 */
export const sessionStages = ['full', 'second_factor_enrolment', 'password_change'] as const
export type SessionStage = (typeof sessionStages)[number]

export interface Actor {
  readonly userId: string
  readonly username: string
  readonly agencyId: string | null
  readonly stage: SessionStage
  readonly assignments: readonly RoleAssignment[]
}

/** Where a resource lives: its agency and, when it belongs to a unit, the unit's ancestry from the root. */
export interface ResourceScope {
  readonly agencyId: string
  /** Ids from the agency's root unit down to the resource's own unit; empty for agency-wide resources. */
  readonly unitAncestry?: readonly string[]
}

/** Does one assignment reach a resource? Unit scopes reach their own unit and every unit below it. */
export function assignmentCovers(assignment: RoleAssignment, scope: ResourceScope): boolean {
  if (assignment.role === 'super_admin') return true
  if (assignment.agencyId !== scope.agencyId) return false
  if (assignment.unitId === null) return true
  return (scope.unitAncestry ?? []).includes(assignment.unitId)
}

export const hasRole = (actor: Actor, role: Role): boolean =>
  actor.assignments.some((assignment) => assignment.role === role)

export const hasAnyRole = (actor: Actor, wanted: readonly Role[]): boolean =>
  actor.assignments.some((assignment) => wanted.includes(assignment.role))

/** True when the actor holds one of `wanted` over the resource's scope. */
export function holdsRoleOver(actor: Actor, wanted: readonly Role[], scope: ResourceScope): boolean {
  return actor.assignments.some(
    (assignment) =>
      (wanted.includes(assignment.role) || assignment.role === 'super_admin') &&
      assignmentCovers(assignment, scope),
  )
}

export const isSuperAdmin = (actor: Actor): boolean => hasRole(actor, 'super_admin')

/** True when the actor holds one of `wanted` over a whole agency (not only over a unit of it). */
export const holdsAgencyWideRole = (actor: Actor, wanted: readonly Role[]): boolean =>
  actor.assignments.some(
    (assignment) =>
      wanted.includes(assignment.role) && assignment.unitId === null && assignment.agencyId !== null,
  )

/** Agencies in which the actor administers accounts (agency_admin over the whole agency). */
export function administeredAgencyIds(actor: Actor): string[] {
  return actor.assignments
    .filter(
      (assignment) => assignment.role === 'agency_admin' && assignment.unitId === null && assignment.agencyId,
    )
    .map((assignment) => assignment.agencyId as string)
}

export const canAdministerAgency = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || administeredAgencyIds(actor).includes(agencyId)

/**
 * Which roles an actor may grant inside an agency. Nobody grants super_admin through the API (CLI only);
 * agency admins grant every agency-level role including another agency_admin.
 */
export function grantableRoles(actor: Actor, agencyId: string): Role[] {
  if (!canAdministerAgency(actor, agencyId)) return []
  return roles.filter((role) => role !== 'super_admin')
}

/** Validates an assignment's shape: platform-only super_admin, unit scope only for scopable roles. */
export function assignmentShapeProblem(assignment: RoleAssignment): string | null {
  if (assignment.role === 'super_admin') {
    return assignment.agencyId === null && assignment.unitId === null ? null : 'super_admin_is_platform_wide'
  }
  if (assignment.agencyId === null) return 'agency_required'
  if (assignment.unitId !== null && !unitScopableRoles.includes(assignment.role))
    return 'role_not_unit_scopable'
  return null
}

/* ------------------------------------------------------------------------------------------------------------
 * Route policies. Every HTTP route names exactly one; an unnamed or unknown policy denies (default deny).
 * Resource-level checks (which agency, which unit) happen in services with the helpers above.
 * ---------------------------------------------------------------------------------------------------------- */
export const policyNames = [
  'public',
  'session.any',
  'account.self',
  'authenticated',
  'users.manage',
  'agencies.read',
  'agencies.manage',
  'audit.read',
  'audit.verify',
  'roster.read',
  'roster.manage',
  'roster.import',
  'elections.read',
  'elections.manage',
  'calendar.read',
  'calendar.manage',
  // pledges (issue #4)
  'pledges.read',
  'pledges.manage',
  'pledges.remind',
  'pledges.revoke',
  // events (issue #4)
  'events.read',
  'events.manage',
  // receipt signing certificate of an agency (issue #4)
  'agencies.signing',
  // intake: staff inbox and reveal of a confidential reporter (issue #5)
  'reports.read',
  'reports.manage',
  'reports.reveal',
  'reports.reveal_approve',
  // intake: API keys of other channels (issue #5)
  'intake.channels',
  'intake.channel_key',
] as const
export type PolicyName = (typeof policyNames)[number]

export type PolicyDecision =
  'allow' | 'unauthenticated' | 'second_factor_required' | 'password_change_required' | 'forbidden'

/** Staff who work with the roster: BKPSDM, unit admins (their subtree), examiners and decision makers. */
const rosterReaders: readonly Role[] = ['agency_admin', 'unit_admin', 'examiner', 'decision_maker']
/** Every role inside an agency except plain employees. */
const agencyStaff: readonly Role[] = [
  'agency_admin',
  'unit_admin',
  'examiner',
  'decision_maker',
  'external_liaison',
]

// --- intake: staff inbox (issue #5) ---
/** Who works the report inbox of an agency: BKPSDM (agency admins) and the examiners (tim pemeriksa). */
export const reportHandlers: readonly Role[] = ['agency_admin', 'examiner']
/** Who may approve revealing a confidential reporter: agency admins and decision makers (PPK/PyBM). */
export const revealApprovers: readonly Role[] = ['agency_admin', 'decision_maker']
// --- end intake ---

const rules: Record<PolicyName, (actor: Actor) => boolean> = {
  public: () => true,
  'session.any': () => true,
  'account.self': () => true,
  authenticated: () => true,
  'users.manage': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  'agencies.read': (actor) => actor.assignments.length > 0,
  'agencies.manage': (actor) => isSuperAdmin(actor),
  'audit.read': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  'audit.verify': (actor) => isSuperAdmin(actor),
  // Route level only; services check the unit subtree of each record (holdsRoleOver with the unit's ancestry).
  'roster.read': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, rosterReaders),
  'roster.manage': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, ['agency_admin', 'unit_admin']),
  'roster.import': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  'elections.read': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, agencyStaff),
  'elections.manage': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  'calendar.read': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, agencyStaff),
  'calendar.manage': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  // --- pledges (issue #4): services narrow unit admins to their subtree ---
  'pledges.read': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, ['agency_admin', 'unit_admin']),
  'pledges.manage': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  'pledges.remind': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, ['agency_admin', 'unit_admin']),
  // Revoking a signature is the agency admin's (BKPSDM) decision only: not a super admin's, not a unit admin's.
  'pledges.revoke': (actor) => administeredAgencyIds(actor).length > 0,
  // --- end pledges ---
  // --- events (issue #4): services narrow unit admins to events touching their subtree ---
  'events.read': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, ['agency_admin', 'unit_admin']),
  'events.manage': (actor) => isSuperAdmin(actor) || hasAnyRole(actor, ['agency_admin', 'unit_admin']),
  // --- end events ---
  // The agency's receipt signing certificate: its own agency admins, or a super admin (services check which agency).
  'agencies.signing': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  // --- intake: staff inbox (issue #5). Reports are worked agency-wide (by the BKPSDM): the roles count only when held
  // over a whole agency — a unit-scoped examiner is refused (a report may name the examiner's own colleagues or
  // superiors; cases reach unit examiners through case handling). Services answer 404 for other agencies' reports. ---
  'reports.read': (actor) => isSuperAdmin(actor) || holdsAgencyWideRole(actor, reportHandlers),
  'reports.manage': (actor) => isSuperAdmin(actor) || holdsAgencyWideRole(actor, reportHandlers),
  'reports.reveal': (actor) => isSuperAdmin(actor) || holdsAgencyWideRole(actor, reportHandlers),
  // A second officer (custodian) approves; the service refuses the requester's own request. Approvers who are not
  // report handlers (decision makers) judge the stated reason, not the report: they get no `reports.read`.
  'reports.reveal_approve': (actor) => isSuperAdmin(actor) || holdsAgencyWideRole(actor, revealApprovers),
  // --- end intake ---
  // --- intake: API for other channels (issue #5) ---
  // Channel API keys of an agency: its own agency admins, or a super admin (the service checks which agency).
  'intake.channels': (actor) => isSuperAdmin(actor) || administeredAgencyIds(actor).length > 0,
  // Requests from other channels carry a bearer API key, never a session: plugins/authorize.ts checks the key and
  // no staff session passes this rule.
  'intake.channel_key': () => false,
  // --- end intake: API for other channels ---
}

export const isPolicyName = (value: unknown): value is PolicyName =>
  typeof value === 'string' && (policyNames as readonly string[]).includes(value)

/** The one place route access is decided. */
export function decide(policy: unknown, actor: Actor | null): PolicyDecision {
  if (!isPolicyName(policy)) return 'forbidden'
  if (policy === 'public') return 'allow'
  if (actor === null) return 'unauthenticated'
  if (policy === 'session.any') return 'allow'
  if (actor.stage === 'second_factor_enrolment') return 'second_factor_required'
  // `account.self`: the signed-in user's own account (changing a temporary password is allowed before all else).
  if (actor.stage === 'password_change' && policy !== 'account.self') return 'password_change_required'
  return rules[policy](actor) ? 'allow' : 'forbidden'
}

/** Areas of the staff app; the web shows a navigation entry only when its policy allows. */
export const navigationKeys = [
  'home',
  'units',
  'employees',
  'elections',
  'users',
  'agencies',
  'calendar',
  'audit',
  'account',
] as const
export type NavigationKey = (typeof navigationKeys)[number]

export const navigationAreas = [
  { key: 'home', policy: 'authenticated' },
  { key: 'units', policy: 'roster.read' },
  { key: 'employees', policy: 'roster.read' },
  { key: 'elections', policy: 'elections.read' },
  { key: 'users', policy: 'users.manage' },
  { key: 'agencies', policy: 'agencies.manage' },
  { key: 'calendar', policy: 'calendar.read' },
  { key: 'audit', policy: 'audit.read' },
  { key: 'account', policy: 'authenticated' },
] as const satisfies readonly { key: NavigationKey; policy: PolicyName }[]

export const navigationFor = (actor: Actor): NavigationKey[] =>
  navigationAreas.filter((area) => decide(area.policy, actor) === 'allow').map((area) => area.key)
