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

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
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
    schema = `t_${randomBytes(6).toString('hex')}`
    await adminQuery(`create schema ${schema}`)
    handle = createDatabase(parseDatabaseUrl(testPostgresUrl()), { schema, poolSize: 4 })
    const dropSchema = schema
    cleanup = async () => {
      await handle.close()
      await adminQuery(`drop schema if exists ${dropSchema} cascade`)
      await adminQuery(`drop schema if exists ${dropSchema}_boss cascade`)
    }
  } else {
    handle = createDatabase(parseDatabaseUrl('sqlite::memory:'))
    cleanup = () => handle.close()
  }
  if (options.migrate !== false) await migrateToLatest(handle.db)
  const testDb: TestDatabase = { ...handle, schema, close: cleanup }
  if (options.autoCleanup !== false) onTestFinished(cleanup)
  return testDb
}

/**
 * A DATABASE_URL for tests that run Netra as a separate process (CLI, start-up): a fresh SQLite file in a temp
 * directory, or a fresh PostgreSQL database that is dropped when the test ends.
 */
export async function createTestDatabaseUrl(dataDir: string): Promise<string> {
  if (testDialect === 'sqlite') return `sqlite:${dataDir}/netra.db`
  const name = `netra_t_${randomBytes(6).toString('hex')}`
  await adminQuery(`create database ${name}`)
  onTestFinished(() => adminQuery(`drop database if exists ${name} with (force)`))
  const url = new URL(testPostgresUrl())
  url.pathname = `/${name}`
  return url.toString()
}
