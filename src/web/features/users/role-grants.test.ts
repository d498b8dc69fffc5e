import { describe, expect, it } from 'vitest'
import { unitScopableRoles } from '../../../domain/access'
import { SetRolesBody } from '../../../features/auth/users.schema'
import {
  choiceOfAssignments,
  choiceOfRoles,
  hasSeveralScopes,
  isSameGrants,
  roleGrants,
  unitLimitableRoles,
  unitLimitOf,
  withoutUnitLimits,
  withRoles,
  withUnitLimit,
} from './role-grants'

const kominfo = '01a2057f-8079-70f8-957f-cf784f00c9da'
const disdik = '01a2057f-8079-70f8-957f-cf784f00c9db'

describe('unitLimitableRoles', () => {
  it('offers a unit limit only for roles the server accepts with a unit, and not for an employee’s own role', () => {
    expect(unitLimitableRoles.every((role) => unitScopableRoles.includes(role))).toBe(true)
    expect(unitLimitableRoles).toEqual(['unit_admin', 'examiner', 'decision_maker'])
  })
})

describe('roleGrants', () => {
  it('sends a new account’s roles for the whole agency, in the domain’s order', () => {
    expect(roleGrants(choiceOfRoles(['employee', 'examiner']))).toEqual([
      { role: 'examiner' },
      { role: 'employee' },
    ])
  })

  it('limits one role to a unit and leaves the others agency-wide', () => {
    const choice = withUnitLimit(choiceOfRoles(['unit_admin', 'employee']), 'unit_admin', kominfo)
    const grants = roleGrants(choice)
    expect(grants).toEqual([{ role: 'unit_admin', unitId: kominfo }, { role: 'employee' }])
    expect(SetRolesBody.safeParse({ roles: grants }).success).toBe(true)
  })

  it('keeps a limit when its role is unticked and ticked again, and drops it when cleared', () => {
    const limited = withUnitLimit(choiceOfRoles(['unit_admin']), 'unit_admin', kominfo)
    const unticked = withRoles(limited, ['employee'])
    expect(roleGrants(unticked)).toEqual([{ role: 'employee' }])
    expect(roleGrants(withRoles(unticked, ['employee', 'unit_admin']))).toEqual([
      { role: 'unit_admin', unitId: kominfo },
      { role: 'employee' },
    ])
    expect(roleGrants(withUnitLimit(limited, 'unit_admin', null))).toEqual([{ role: 'unit_admin' }])
  })

  it('forgets every limit when the agency changes', () => {
    const limited = withUnitLimit(choiceOfRoles(['examiner']), 'examiner', kominfo)
    expect(roleGrants(withoutUnitLimits(limited))).toEqual([{ role: 'examiner' }])
  })
})

describe('an existing account', () => {
  const assignments = [
    { role: 'employee' as const, unitId: null },
    { role: 'unit_admin' as const, unitId: kominfo },
  ]

  it('starts from what it holds, unchanged', () => {
    const choice = choiceOfAssignments(assignments)
    expect(choice.roles).toEqual(['unit_admin', 'employee'])
    expect(unitLimitOf(choice, 'unit_admin')).toBe(kominfo)
    expect(unitLimitOf(choice, 'employee')).toBeNull()
    expect(isSameGrants(choice, assignments)).toBe(true)
  })

  it('counts a changed unit limit as a change, and changing it back as none', () => {
    const moved = withUnitLimit(choiceOfAssignments(assignments), 'unit_admin', disdik)
    expect(isSameGrants(moved, assignments)).toBe(false)
    expect(roleGrants(moved)).toEqual([{ role: 'unit_admin', unitId: disdik }, { role: 'employee' }])
    expect(isSameGrants(withUnitLimit(moved, 'unit_admin', kominfo), assignments)).toBe(true)
  })

  it('counts a limit on a newly ticked role as a change', () => {
    const choice = withUnitLimit(
      withRoles(choiceOfAssignments(assignments), ['unit_admin', 'examiner', 'employee']),
      'examiner',
      disdik,
    )
    expect(isSameGrants(choice, assignments)).toBe(false)
    expect(roleGrants(choice)).toContainEqual({ role: 'examiner', unitId: disdik })
  })

  it('keeps a role held over several units until one unit is chosen for it', () => {
    const several = [
      { role: 'examiner' as const, unitId: kominfo },
      { role: 'examiner' as const, unitId: disdik },
      { role: 'examiner' as const, unitId: disdik },
    ]
    const choice = choiceOfAssignments(several)
    expect(hasSeveralScopes(choice, 'examiner')).toBe(true)
    expect(unitLimitOf(choice, 'examiner')).toBeNull()
    expect(roleGrants(choice)).toEqual([
      { role: 'examiner', unitId: kominfo },
      { role: 'examiner', unitId: disdik },
    ])
    expect(isSameGrants(choice, several)).toBe(true)
    const one = withUnitLimit(choice, 'examiner', kominfo)
    expect(hasSeveralScopes(one, 'examiner')).toBe(false)
    expect(roleGrants(one)).toEqual([{ role: 'examiner', unitId: kominfo }])
  })

  it('keeps a unit limit set through the API on a role the form offers none for', () => {
    const held = [{ role: 'employee' as const, unitId: kominfo }]
    const choice = withRoles(choiceOfAssignments(held), ['examiner', 'employee'])
    expect(roleGrants(choice)).toEqual([{ role: 'examiner' }, { role: 'employee', unitId: kominfo }])
  })
})
