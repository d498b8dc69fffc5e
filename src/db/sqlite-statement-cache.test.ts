import SqliteDatabase from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { withStatementCache } from './sqlite-statement-cache.js'

interface Schema {
  items: { id: number; label: string }
}

const open: SqliteDatabase.Database[] = []
afterEach(() => {
  for (const connection of open.splice(0)) if (connection.open) connection.close()
})

function setup(capacity?: number) {
  const connection = new SqliteDatabase(':memory:')
  open.push(connection)
  connection.exec('create table items (id integer primary key, label text not null)')
  const cached = withStatementCache(connection, capacity)
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: cached }),
    plugins: [new CamelCasePlugin()],
  })
  return { connection, cached, db }
}

describe('withStatementCache', () => {
  it('answers repeated queries with the same results while preparing each SQL text once', async () => {
    const { cached, db } = setup()
    for (let i = 1; i <= 50; i += 1)
      await db
        .insertInto('items')
        .values({ id: i, label: `item ${i}` })
        .execute()
    const rows = []
    for (let i = 1; i <= 50; i += 1)
      rows.push(await db.selectFrom('items').select('label').where('id', '=', i).executeTakeFirstOrThrow())
    expect(rows.map((row) => row.label)).toEqual(Array.from({ length: 50 }, (_, i) => `item ${i + 1}`))
    expect(cached.cachedStatements()).toBe(2) // one insert text, one select text
  })

  it('keeps at most `capacity` statements, dropping the least recently used', async () => {
    const { cached, db } = setup(3)
    for (let n = 1; n <= 6; n += 1) await sql`select ${sql.lit(n)} as n`.execute(db)
    expect(cached.cachedStatements()).toBe(3)
  })

  it('streams a query, then runs the same SQL again; never hands out a statement that is iterating', async () => {
    const { cached, db } = setup()
    await db
      .insertInto('items')
      .values([1, 2, 3].map((id) => ({ id, label: `l${id}` })))
      .execute()
    const query = db.selectFrom('items').select(['id', 'label']).orderBy('id')
    const streamed: number[] = []
    for await (const row of query.stream()) streamed.push(row.id)
    expect(streamed).toEqual([1, 2, 3])
    expect((await query.execute()).map((row) => row.label)).toEqual(['l1', 'l2', 'l3'])

    const text = 'select id from items order by id'
    const iterating = cached.prepare(text) as SqliteDatabase.Statement
    const rows = iterating.iterate([])
    rows.next()
    expect(cached.prepare(text)).not.toBe(iterating)
    rows.return?.()
    expect(cached.prepare(text)).toBe(iterating)
  })

  it('sees a schema change through a cached statement', async () => {
    const { connection, db } = setup()
    await db.insertInto('items').values({ id: 1, label: 'a' }).execute()
    const first = await sql<Record<string, unknown>>`select * from items order by id`.execute(db)
    connection.exec('alter table items add column extra text')
    connection.exec("insert into items (id, label, extra) values (2, 'b', 'x')")
    const second = await sql<Record<string, unknown>>`select * from items order by id`.execute(db)
    expect(first.rows).toEqual([{ id: 1, label: 'a' }])
    // The same SQL text, prepared before the column existed, now returns it.
    expect(second.rows).toEqual([
      { id: 1, label: 'a', extra: null },
      { id: 2, label: 'b', extra: 'x' },
    ])
  })

  it('closes the connection', () => {
    const { connection, cached } = setup()
    cached.close()
    expect(connection.open).toBe(false)
  })
})
