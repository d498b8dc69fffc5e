import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestDb, testDialect } from '../../test/support/test-db.js'
import { namedStatementFor, preparedQuery } from './prepared-query.js'

const agencyRow = (id: string, kind: string) => ({
  id,
  slug: `slug-${id}`,
  name: `Instansi ${id}`,
  kind,
  timeZone: 'Asia/Makassar',
  regionCode: null,
  createdAt: '2026-11-20T02:00:00.000Z',
})

// A constant of the query ('pemkot', the limit) stays in place while the caller's value changes.
const agencyOfKind = preparedQuery('test_agency_of_kind', 1, (db, id: string) =>
  db
    .selectFrom('agencies')
    .select(['id', 'timeZone', 'createdAt'])
    .where('id', '=', id)
    .where('kind', '=', 'pemkot')
    .limit(1),
)

describe('preparedQuery', () => {
  it('answers each call with its own values, with camel-cased columns and portable values', async () => {
    const { db } = await createTestDb()
    await db
      .insertInto('agencies')
      .values([agencyRow('a1', 'pemkot'), agencyRow('a2', 'pemkot'), agencyRow('a3', 'pemkab')])
      .execute()
    expect(await agencyOfKind(db, 'a1')).toEqual([
      { id: 'a1', timeZone: 'Asia/Makassar', createdAt: '2026-11-20T02:00:00.000Z' },
    ])
    expect((await agencyOfKind(db, 'a2')).map((row) => row.id)).toEqual(['a2'])
    expect(await agencyOfKind(db, 'a3')).toEqual([]) // a pemkab: the constant still filters
    expect(await agencyOfKind(db, 'nope')).toEqual([])
  })

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    const { db } = await createTestDb()
    const seen = await db.transaction().execute(async (trx) => {
      await trx.insertInto('agencies').values(agencyRow('t1', 'pemkot')).execute()
      return agencyOfKind(trx, 't1')
    })
    expect(seen.map((row) => row.id)).toEqual(['t1'])
  })

  it('refuses a builder that computes with a parameter instead of passing it as a value', async () => {
    const { db } = await createTestDb()
    const computed = preparedQuery('test_computed', 1, (database, id: string) =>
      database
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', `${String(id)}-x`),
    )
    await expect(computed(db, 'a1')).rejects.toThrow(/parameter 0 is not a value of the SQL/)
  })

  it('is a named statement, prepared once per connection, on PostgreSQL only', async () => {
    const { db } = await createTestDb()
    await db.insertInto('agencies').values(agencyRow('p1', 'pemkot')).execute()
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) expect(await agencyOfKind(trx, 'p1')).toHaveLength(1)
      if (testDialect === 'postgres') {
        const { rows } = await sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements
          where name like 'netra_test_agency_of_kind_%'`.execute(trx)
        expect(rows).toHaveLength(1)
        expect(rows[0]?.statement).toContain('"kind" = $2')
        expect(namedStatementFor(rows[0]?.statement ?? '')).toBe(rows[0]?.name)
      } else {
        const compiledSql = trx.selectFrom('agencies').select('id').where('id', '=', 'p1').compile().sql
        expect(namedStatementFor(compiledSql)).toBeUndefined()
      }
    })
  })
})
