import { describe, expect, it } from 'vitest'
import { createTestDb, testDialect } from '../../test/support/test-db.js'
import { migrateDown, migrateToLatest } from './migrate.js'
import { migrations } from './migrations/index.js'

describe('createDatabase', () => {
  it('hands back instants, JSON and counts in the same shape on both databases', async () => {
    const database = await createTestDb()
    await database.db
      .insertInto('agencies')
      .values({
        id: 'a1',
        slug: 'kota-a',
        name: 'Kota A',
        kind: 'pemkot',
        timeZone: 'Asia/Jakarta',
        regionCode: null,
        createdAt: '2024-11-20T02:00:00.123Z',
      })
      .execute()
    await database.db
      .insertInto('localJobs')
      .values({
        id: 'j1',
        queue: 'q',
        payload: '{"b":1,"a":[1,2]}',
        state: 'queued',
        runAt: '2024-11-20T02:00:00.000Z',
        attempts: 0,
        maxAttempts: 3,
        lastError: null,
        singletonKey: null,
        createdAt: '2024-11-20T02:00:00.000Z',
        finishedAt: null,
      })
      .execute()
    const agency = await database.db.selectFrom('agencies').selectAll().executeTakeFirstOrThrow()
    expect(agency.createdAt).toBe('2024-11-20T02:00:00.123Z')
    const job = await database.db.selectFrom('localJobs').select('payload').executeTakeFirstOrThrow()
    expect(typeof job.payload).toBe('string')
    expect(JSON.parse(job.payload)).toEqual({ b: 1, a: [1, 2] })
    const count = await database.db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(1)
    const later = await database.db
      .selectFrom('agencies')
      .select('id')
      .where('createdAt', '>', '2024-11-20T01:59:59.999Z')
      .execute()
    expect(later).toHaveLength(1)
    expect(database.dialect).toBe(testDialect)
  })

  it('enforces foreign keys', async () => {
    const database = await createTestDb()
    await expect(
      database.db
        .insertInto('roleAssignments')
        .values({
          id: 'r1',
          userId: 'missing',
          role: 'employee',
          agencyId: null,
          unitId: null,
          createdAt: '2024-01-01T00:00:00.000Z',
          createdBy: null,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i)
  })
})

describe('migrations', () => {
  it('roll all the way down and up again cleanly', async () => {
    const database = await createTestDb()
    const total = Object.keys(migrations).length
    for (let i = 0; i < total; i += 1) expect(await migrateDown(database.db)).toHaveLength(1)
    expect(await migrateToLatest(database.db)).toHaveLength(total)
    expect(await migrateToLatest(database.db)).toEqual([])
  })
})

describe('introspection', () => {
  it('sees only its own database, and keeps working while other test databases are created and dropped', async () => {
    const database = await createTestDb()
    // Other databases (PostgreSQL: other schemas) come and go while this one is introspected and re-migrated: on
    // PostgreSQL Kysely's own introspector failed here with 'schema … does not exist'.
    const churn = async () => {
      for (let round = 0; round < 3; round++) {
        const other = await createTestDb({ autoCleanup: false })
        await other.close()
      }
    }
    const looks = async () => {
      const seen = []
      for (let round = 0; round < 10; round++) {
        seen.push(await database.db.introspection.getTables({ withInternalKyselyTables: true }))
        expect(await migrateToLatest(database.db)).toEqual([])
      }
      return seen
    }
    const [, seen] = await Promise.all([churn(), looks()])
    for (const tables of seen) {
      const names = tables.map((table) => table.name)
      expect(names).toContain('agencies')
      expect(names).toContain('kysely_migration')
      if (testDialect === 'postgres')
        expect(new Set(tables.map((table) => table.schema))).toEqual(new Set([database.schema]))
      const agencies = tables.find((table) => table.name === 'agencies')
      expect(agencies?.columns.map((column) => column.name)).toContain('time_zone')
    }
    const withoutKysely = await database.db.introspection.getTables()
    expect(withoutKysely.map((table) => table.name)).not.toContain('kysely_migration')
  })
})
