import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestDb, testDialect } from './test-db.js'

const agency = (id: string) => ({
  id,
  slug: `kota-${id}`,
  name: `Kota ${id}`,
  kind: 'pemkot' as const,
  timeZone: 'Asia/Jakarta',
  regionCode: null,
  createdAt: '2026-11-23T02:00:00.000Z',
})

const appendOnlyTriggers =
  testDialect === 'postgres'
    ? ['audit_events_no_change', 'audit_events_no_truncate']
    : ['audit_events_no_delete', 'audit_events_no_update']

// On PostgreSQL a finished test's schema is emptied and handed to the next test of the worker (test-db.ts).
describe('createTestDb', () => {
  it('hands every test an empty database, whatever the test before left in its own', async () => {
    const first = await createTestDb({ autoCleanup: false })
    await first.db.insertInto('agencies').values(agency('a1')).execute()
    await first.close()
    const second = await createTestDb()
    expect(await second.db.selectFrom('agencies').select('id').execute()).toEqual([])
    await second.db.insertInto('agencies').values(agency('a1')).execute()
    expect(await second.db.selectFrom('agencies').select('id').execute()).toEqual([{ id: 'a1' }])
  })

  it('never hands out a database whose triggers a test dropped', async () => {
    const tampered = await createTestDb({ autoCleanup: false })
    for (const trigger of appendOnlyTriggers)
      await (
        testDialect === 'postgres'
          ? sql`drop trigger ${sql.id(trigger)} on audit_events`
          : sql`drop trigger ${sql.id(trigger)}`
      ).execute(tampered.db)
    await tampered.close()
    const next = await createTestDb()
    const query =
      testDialect === 'postgres'
        ? sql<{
            name: string
          }>`select tgname as name from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal`
        : sql<{
            name: string
          }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`
    const { rows } = await query.execute(next.db)
    expect(rows.map((row) => row.name).sort()).toEqual(appendOnlyTriggers)
  })
})
