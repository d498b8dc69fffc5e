import { describe, expect, it } from 'vitest'
import { insertAgency, insertRosterEmployee, insertUnit } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import type { Actor, RoleAssignment } from '../../domain/access.js'
import { employeeInScope } from '../employees/employees.repository.js'
import { resolveRosterScope } from './units.service.js'

const actorWith = (assignments: RoleAssignment[]): Actor => ({
  userId: 'u',
  username: 'penguji',
  agencyId: assignments[0]?.agencyId ?? null,
  stage: 'full',
  assignments,
})

async function tree() {
  const context = await createTestContext()
  const agency = await insertAgency(context)
  const dinas = await insertUnit(context, agency.id, { name: 'Dinas' })
  const bidang = await insertUnit(context, agency.id, { parent: dinas, name: 'Bidang', kind: 'bidang' })
  const kecamatan = await insertUnit(context, agency.id, { name: 'Kecamatan', kind: 'kecamatan' })
  return { context, db: context.database.db, agency, dinas, bidang, kecamatan }
}

describe('resolveRosterScope', () => {
  it('gives agency-wide roles the whole agency and unit roles the outermost subtrees', async () => {
    const { db, agency, dinas, bidang, kecamatan } = await tree()
    const admin = actorWith([{ role: 'agency_admin', agencyId: agency.id, unitId: null }])
    expect(await resolveRosterScope(db, admin, agency.id, 'manage')).toEqual({
      agencyId: agency.id,
      unitPaths: null,
    })
    const unitAdmin = actorWith([
      { role: 'unit_admin', agencyId: agency.id, unitId: bidang.id },
      { role: 'unit_admin', agencyId: agency.id, unitId: dinas.id },
      { role: 'examiner', agencyId: agency.id, unitId: kecamatan.id },
    ])
    expect(await resolveRosterScope(db, unitAdmin, agency.id, 'manage')).toEqual({
      agencyId: agency.id,
      unitPaths: [dinas.path],
    })
    expect((await resolveRosterScope(db, unitAdmin, agency.id, 'read')).unitPaths).toEqual(
      [dinas.path, kecamatan.path].sort(),
    )
  })

  it('refuses actors without a roster role in that agency (auth.forbidden)', async () => {
    const { context, db, agency, dinas } = await tree()
    const other = await insertAgency(context)
    const cases: [Actor, 'read' | 'manage'][] = [
      [actorWith([{ role: 'employee', agencyId: agency.id, unitId: null }]), 'read'],
      [actorWith([{ role: 'examiner', agencyId: agency.id, unitId: dinas.id }]), 'manage'],
      [actorWith([{ role: 'agency_admin', agencyId: other.id, unitId: null }]), 'read'],
    ]
    for (const [actor, access] of cases)
      await expect(resolveRosterScope(db, actor, agency.id, access)).rejects.toThrow('auth.forbidden')
  })
})

describe('employeeInScope', () => {
  it('restricts any employee query to the scope, the way export uses it', async () => {
    const { context, db, agency, dinas, bidang, kecamatan } = await tree()
    const inBidang = await insertRosterEmployee(context, bidang)
    const inDinas = await insertRosterEmployee(context, dinas)
    await insertRosterEmployee(context, kecamatan)
    const unitAdmin = actorWith([{ role: 'unit_admin', agencyId: agency.id, unitId: dinas.id }])
    const scope = await resolveRosterScope(db, unitAdmin, agency.id, 'read')
    const rows = await db
      .selectFrom('employees')
      .select('id')
      .where((eb) => employeeInScope(eb, scope))
      .execute()
    expect(rows.map((row) => row.id).sort()).toEqual([inBidang.id, inDinas.id].sort())
  })
})
