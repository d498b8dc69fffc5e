import { describe, expect, it } from 'vitest'
import {
  assignmentCovers,
  assignmentShapeProblem,
  decide,
  grantableRoles,
  navigationFor,
  policyNames,
  type Actor,
  type RoleAssignment,
} from './access.js'

const agencyA = 'agency-a'
const agencyB = 'agency-b'

function actor(assignments: RoleAssignment[], stage: Actor['stage'] = 'full'): Actor {
  return { userId: 'u1', username: 'u1', agencyId: agencyA, stage, assignments }
}

describe('decide', () => {
  it('allows public routes without anyone signed in', () => {
    expect(decide('public', null)).toBe('allow')
  })

  it.each(policyNames.filter((p) => p !== 'public'))(
    'asks for a session on %s when nobody is signed in',
    (policy) => {
      expect(decide(policy, null)).toBe('unauthenticated')
    },
  )

  it('denies a route without a policy or with an unknown one (default deny)', () => {
    const admin = actor([{ role: 'super_admin', agencyId: null, unitId: null }])
    expect(decide(undefined, admin)).toBe('forbidden')
    expect(decide('cases.everything', admin)).toBe('forbidden')
  })

  it('lets a half-enrolled staff session reach only session.any routes', () => {
    const enrolling = actor(
      [{ role: 'agency_admin', agencyId: agencyA, unitId: null }],
      'second_factor_enrolment',
    )
    expect(decide('session.any', enrolling)).toBe('allow')
    expect(decide('authenticated', enrolling)).toBe('second_factor_required')
    expect(decide('users.manage', enrolling)).toBe('second_factor_required')
  })

  it('lets a session holding a temporary password only replace it (account.self)', () => {
    const temporary = actor([{ role: 'agency_admin', agencyId: agencyA, unitId: null }], 'password_change')
    expect(decide('account.self', temporary)).toBe('allow')
    expect(decide('session.any', temporary)).toBe('allow')
    expect(decide('authenticated', temporary)).toBe('password_change_required')
    expect(decide('users.manage', temporary)).toBe('password_change_required')
    const enrolling = actor(
      [{ role: 'agency_admin', agencyId: agencyA, unitId: null }],
      'second_factor_enrolment',
    )
    expect(decide('account.self', enrolling)).toBe('second_factor_required')
  })

  it.each([
    ['users.manage', 'agency_admin', 'allow'],
    ['users.manage', 'unit_admin', 'forbidden'],
    ['users.manage', 'employee', 'forbidden'],
    ['agencies.manage', 'agency_admin', 'forbidden'],
    ['agencies.manage', 'super_admin', 'allow'],
    ['audit.read', 'agency_admin', 'allow'],
    ['audit.read', 'examiner', 'forbidden'],
    ['audit.verify', 'agency_admin', 'forbidden'],
    ['audit.verify', 'super_admin', 'allow'],
    ['authenticated', 'employee', 'allow'],
  ] as const)('%s for a %s → %s', (policy, role, expected) => {
    const agencyId = role === 'super_admin' ? null : agencyA
    expect(decide(policy, actor([{ role, agencyId, unitId: null }]))).toBe(expected)
  })
})

describe('report policies', () => {
  it('count report roles only when held over a whole agency', () => {
    const agencyExaminer = actor([{ role: 'examiner', agencyId: agencyA, unitId: null }])
    const unitExaminer = actor([{ role: 'examiner', agencyId: agencyA, unitId: 'unit-1' }])
    const decisionMaker = actor([{ role: 'decision_maker', agencyId: agencyA, unitId: null }])
    const unitDecisionMaker = actor([{ role: 'decision_maker', agencyId: agencyA, unitId: 'unit-1' }])
    for (const policy of ['reports.read', 'reports.manage', 'reports.reveal'] as const) {
      expect([decide(policy, agencyExaminer), decide(policy, unitExaminer)]).toEqual(['allow', 'forbidden'])
      expect(decide(policy, decisionMaker)).toBe('forbidden')
    }
    expect(decide('reports.reveal_approve', decisionMaker)).toBe('allow')
    expect(decide('reports.reveal_approve', unitDecisionMaker)).toBe('forbidden')
    expect(decide('reports.reveal_approve', agencyExaminer)).toBe('forbidden')
  })
})

describe('assignmentCovers', () => {
  it('covers every unit of its agency when agency-wide', () => {
    const wide: RoleAssignment = { role: 'examiner', agencyId: agencyA, unitId: null }
    expect(assignmentCovers(wide, { agencyId: agencyA, unitAncestry: ['root', 'dinas'] })).toBe(true)
    expect(assignmentCovers(wide, { agencyId: agencyB })).toBe(false)
  })

  it('covers its unit and the units below it, nothing beside it', () => {
    const unitScoped: RoleAssignment = { role: 'unit_admin', agencyId: agencyA, unitId: 'dinas-pendidikan' }
    expect(
      assignmentCovers(unitScoped, { agencyId: agencyA, unitAncestry: ['root', 'dinas-pendidikan'] }),
    ).toBe(true)
    expect(
      assignmentCovers(unitScoped, { agencyId: agencyA, unitAncestry: ['root', 'dinas-pendidikan', 'sd-1'] }),
    ).toBe(true)
    expect(
      assignmentCovers(unitScoped, { agencyId: agencyA, unitAncestry: ['root', 'dinas-kesehatan'] }),
    ).toBe(false)
    expect(assignmentCovers(unitScoped, { agencyId: agencyA })).toBe(false)
  })

  it('lets a super admin reach every agency', () => {
    expect(
      assignmentCovers({ role: 'super_admin', agencyId: null, unitId: null }, { agencyId: agencyB }),
    ).toBe(true)
  })
})

describe('assignmentShapeProblem', () => {
  it.each([
    [{ role: 'super_admin', agencyId: null, unitId: null }, null],
    [{ role: 'super_admin', agencyId: agencyA, unitId: null }, 'super_admin_is_platform_wide'],
    [{ role: 'agency_admin', agencyId: null, unitId: null }, 'agency_required'],
    [{ role: 'agency_admin', agencyId: agencyA, unitId: 'u' }, 'role_not_unit_scopable'],
    [{ role: 'unit_admin', agencyId: agencyA, unitId: 'u' }, null],
    [{ role: 'external_liaison', agencyId: agencyA, unitId: null }, null],
  ] as const)('%j → %s', (assignment, problem) => {
    expect(assignmentShapeProblem(assignment)).toBe(problem)
  })
})

describe('grantableRoles', () => {
  it('gives agency admins every role but super_admin, only in their own agency', () => {
    const admin = actor([{ role: 'agency_admin', agencyId: agencyA, unitId: null }])
    expect(grantableRoles(admin, agencyA)).not.toContain('super_admin')
    expect(grantableRoles(admin, agencyA)).toContain('decision_maker')
    expect(grantableRoles(admin, agencyB)).toEqual([])
  })
})

describe('navigationFor', () => {
  it('shows a unit admin the roster of their unit but no account administration', () => {
    const unitAdmin = actor([{ role: 'unit_admin', agencyId: agencyA, unitId: 'dinas' }])
    expect(navigationFor(unitAdmin)).toEqual([
      'home',
      'units',
      'employees',
      'elections',
      'calendar',
      'account',
    ])
  })

  it('shows an employee only home and account', () => {
    expect(navigationFor(actor([{ role: 'employee', agencyId: agencyA, unitId: null }]))).toEqual([
      'home',
      'account',
    ])
  })

  it('shows a super admin every area', () => {
    expect(navigationFor(actor([{ role: 'super_admin', agencyId: null, unitId: null }]))).toEqual([
      'home',
      'units',
      'employees',
      'elections',
      'users',
      'agencies',
      'calendar',
      'audit',
      'account',
    ])
  })
})
