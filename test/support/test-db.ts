/**
 * Throw-away databases for tests. `npm test` uses in-memory SQLite; `npm run test:pg` (NETRA_TEST_DB=postgres)
 * gives every call its own PostgreSQL schema in TEST_DATABASE_URL, migrated, and drops it afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { onTestFinished } from 'vitest'
import { parseDatabaseUrl } from '../../src/config.js'
import { createDatabase, type DatabaseHandle } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { migrations } from '../../src/db/migrations/index.js'

export const testDialect: 'sqlite' | 'postgres' =
  process.env.NETRA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'

export function testPostgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url)
    throw new Error(
      'NETRA_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://netra:netra@127.0.0.1:5432/netra_test)',
    )
  return url
}

export interface TestDatabase extends DatabaseHandle {
  /** PostgreSQL schema of this test database (undefined on SQLite). */
  readonly schema: string | undefined
}

/** One admin connection per test worker (created on first use), for creating, resetting and dropping schemas. */
let adminPool: pg.Pool | undefined
async function adminQuery(text: string): Promise<pg.QueryResult[]> {
  adminPool ??= new pg.Pool({
    connectionString: testPostgresUrl(),
    max: 1,
    idleTimeoutMillis: 2000,
    allowExitOnIdle: true,
  })
  const result = await adminPool.query(text)
  return Array.isArray(result) ? result : [result]
}

/**
 * Migrated schemas a finished test left empty, ready for the next test of this worker: migrating a new schema costs
 * ~300 ms on PostgreSQL, emptying one a few milliseconds. A schema goes back only when it is still at the latest
 * migration and with the shape the migrations gave it; anything else is dropped.
 */
const idleSchemas: string[] = []
const schemaPrefix = `t_${process.env.NETRA_TEST_RUN ?? 'x'}_`
let migratedShape: string | undefined

/**
 * A digest of what the migrations made in `schema`: relations (tables, indexes, views), columns, constraints,
 * triggers, functions and types. A test that changed any of it (dropped a trigger, migrated down) changes it.
 */
async function shapeOf(schema: string): Promise<string> {
  const [result] = await adminQuery(`
    with ns as (select oid from pg_catalog.pg_namespace where nspname = '${schema}')
    select md5(coalesce(string_agg(item, ',' order by item), '')) as shape from (
      select 'r:' || relname || ':' || relkind::text as item from pg_catalog.pg_class where relnamespace = (select oid from ns)
      union all
      select 'a:' || c.relname || '.' || a.attname || ':' || a.atttypid::text || ':' || a.attnotnull::text
        from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
        where c.relnamespace = (select oid from ns) and a.attnum > 0 and not a.attisdropped
      union all
      select 'c:' || conname from pg_catalog.pg_constraint where connamespace = (select oid from ns)
      union all
      select 't:' || t.tgname || ':' || t.tgenabled::text from pg_catalog.pg_trigger t
        join pg_catalog.pg_class c on c.oid = t.tgrelid where c.relnamespace = (select oid from ns) and not t.tgisinternal
      union all
      select 'p:' || proname from pg_catalog.pg_proc where pronamespace = (select oid from ns)
      union all
      select 'y:' || typname from pg_catalog.pg_type where typnamespace = (select oid from ns)
    ) items`)
  return String(result?.rows[0]?.shape)
}

async function tablesOf(schema: string): Promise<string[]> {
  const [result] = await adminQuery(
    `select tablename from pg_catalog.pg_tables where schemaname = '${schema}'`,
  )
  return (result?.rows ?? []).map((row: { tablename: string }) => row.tablename)
}

/** Empties `schema` for reuse; false when it is not as the migrations left it (then the caller drops it). */
async function resetSchema(schema: string): Promise<boolean> {
  if (migratedShape === undefined || (await shapeOf(schema)) !== migratedShape) return false
  const [applied] = await adminQuery(`select count(*)::int as n from ${schema}.kysely_migration`)
  if (applied?.rows[0]?.n !== Object.keys(migrations).length) return false
  const tables = await tablesOf(schema)
  const data = tables.filter((table) => !table.startsWith('kysely_')).map((table) => `${schema}.${table}`)
  // Append-only tables (the audit trail) refuse DELETE by trigger; triggers (foreign keys too) stay off for
  // this one transaction, which empties every table. DELETE, not TRUNCATE: no catalog work, ~5× faster here.
  try {
    await adminQuery(
      `begin; set local session_replication_role = replica; ${data.map((table) => `delete from ${table};`).join(' ')} ` +
        `drop schema if exists ${schema}_boss cascade; commit`,
    )
  } catch {
    await adminQuery('rollback')
    return false
  }
  return true
}

async function newMigratedSchema(): Promise<{ schema: string; handle: DatabaseHandle }> {
  const schema = `${schemaPrefix}${randomBytes(6).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const handle = createDatabase(parseDatabaseUrl(testPostgresUrl()), { schema, poolSize: 4 })
  await migrateToLatest(handle.db)
  migratedShape ??= await shapeOf(schema)
  return { schema, handle }
}

/**
 * A migrated, empty database of the dialect under test. Closed and removed when the current test ends
 * (pass `autoCleanup: false` to manage it yourself, e.g. in beforeAll).
 */
export async function createTestDb(
  options: { autoCleanup?: boolean; migrate?: boolean } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle
  let schema: string | undefined
  let cleanup: () => Promise<void>
  if (testDialect === 'postgres') {
    const migrate = options.migrate !== false
    const reused = migrate ? idleSchemas.pop() : undefined
    if (reused) {
      schema = reused
      handle = createDatabase(parseDatabaseUrl(testPostgresUrl()), { schema, poolSize: 4 })
    } else if (migrate) {
      ;({ schema, handle } = await newMigratedSchema())
    } else {
      schema = `${schemaPrefix}${randomBytes(6).toString('hex')}`
      await adminQuery(`create schema ${schema}`)
      handle = createDatabase(parseDatabaseUrl(testPostgresUrl()), { schema, poolSize: 4 })
    }
    const ownSchema = schema
    const ownHandle = handle
    cleanup = async () => {
      await ownHandle.close()
      if (await resetSchema(ownSchema).catch(() => false)) idleSchemas.push(ownSchema)
      else
        await adminQuery(
          `drop schema if exists ${ownSchema} cascade; drop schema if exists ${ownSchema}_boss cascade`,
        )
    }
  } else {
    handle = createDatabase(parseDatabaseUrl('sqlite::memory:'))
    cleanup = () => handle.close()
    if (options.migrate !== false) await migrateToLatest(handle.db)
  }
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await cleanup()
  }
  const testDb: TestDatabase = { ...handle, schema, close }
  if (options.autoCleanup !== false) onTestFinished(close)
  return testDb
}

/** Drops the schemas this test run made (called once the run is over, see test/support/global-setup.ts). */
export async function dropRunSchemas(run: string): Promise<void> {
  const [result] = await adminQuery(
    `select nspname from pg_catalog.pg_namespace where nspname like 't\\_${run}\\_%'`,
  )
  for (const row of result?.rows ?? []) await adminQuery(`drop schema if exists ${row.nspname} cascade`)
  await adminPool?.end()
  adminPool = undefined
}

/**
 * A DATABASE_URL for tests that run Netra as a separate process (CLI, start-up): a fresh SQLite file in a temp
 * directory, or a fresh PostgreSQL database that is dropped when the test ends.
 */
export async function createTestDatabaseUrl(dataDir: string): Promise<string> {
  if (testDialect === 'sqlite') return `sqlite:${dataDir}/netra.db`
  const name = `netra_t_${randomBytes(6).toString('hex')}`
  await adminQuery(`create database ${name}`)
  onTestFinished(async () => {
    await adminQuery(`drop database if exists ${name} with (force)`)
  })
  const url = new URL(testPostgresUrl())
  url.pathname = `/${name}`
  return url.toString()
}
