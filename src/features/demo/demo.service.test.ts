import { describe, expect, it } from 'vitest'
import { createTestContext } from '../../../test/support/test-context.js'
import { verifyPassword } from '../../platform/passwords.js'
import { bootstrapFirstStart } from './demo.service.js'

describe('bootstrapFirstStart', () => {
  it('creates Pemerintah Kota Contoh and an administrator once, with a generated password', async () => {
    const context = await createTestContext()
    const db = context.database.db
    const first = await bootstrapFirstStart(db, context.clock, { demoSeed: true })
    expect(first?.agency).toMatchObject({
      slug: 'kota-contoh',
      name: 'Pemerintah Kota Contoh',
      timeZone: 'Asia/Jakarta',
    })
    expect(first?.admin).toMatchObject({ username: 'admin', passwordFromEnv: false })
    const admin = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow()
    expect(await verifyPassword(admin.passwordHash, first?.admin.password ?? '')).toBe(true)
    const roles = await db
      .selectFrom('roleAssignments')
      .select(['role', 'agencyId'])
      .where('userId', '=', admin.id)
      .orderBy('role')
      .execute()
    expect(roles).toEqual([
      { role: 'agency_admin', agencyId: first?.agency?.id },
      { role: 'super_admin', agencyId: null },
    ])

    const units = await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const employees = await db
      .selectFrom('employees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const elections = await db.selectFrom('elections').select('name').orderBy('votingOn').execute()
    expect(Number(units.n)).toBeGreaterThanOrEqual(30)
    expect(Number(employees.n)).toBeGreaterThanOrEqual(2000)
    expect(elections).toHaveLength(2)

    expect(await bootstrapFirstStart(db, context.clock, { demoSeed: true })).toBeNull()
    expect(await db.selectFrom('agencies').select('id').execute()).toHaveLength(1)
  })

  it('uses NETRA_ADMIN_PASSWORD when given and skips the demo agency when demo seeding is off', async () => {
    const context = await createTestContext()
    const result = await bootstrapFirstStart(context.database.db, context.clock, {
      demoSeed: false,
      adminPassword: 'Sandi-Dari-Lingkungan-2026',
    })
    expect(result).toMatchObject({
      agency: null,
      admin: { password: 'Sandi-Dari-Lingkungan-2026', passwordFromEnv: true },
    })
    expect(await context.database.db.selectFrom('agencies').select('id').execute()).toEqual([])
  })
})
