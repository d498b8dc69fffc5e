/**
 * The database a bench server runs on: SQLite in the bench's temp DATA_DIR (the app's default), or with
 * `--db=postgres` a throw-away database created next to the one DATABASE_URL names, dropped afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { UsageError } from './args.js'
import { onCleanup } from './cleanup.js'

export const databaseKinds = ['sqlite', 'postgres'] as const
export type DatabaseKind = (typeof databaseKinds)[number]

export interface BenchDatabase {
  readonly kind: DatabaseKind
  /** Environment for the server process (DATABASE_URL; empty for SQLite: the app puts the file in DATA_DIR). */
  readonly env: Readonly<Record<string, string>>
  /** For progress output (no password). */
  readonly description: string
  /** PostgreSQL backends serving this database (their CPU is the app's, not interference); [] for SQLite. */
  serverPids(): Promise<number[]>
}

async function adminQuery<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text, values)).rows
  } finally {
    await client.end()
  }
}

export async function prepareDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    // Empty means unset to the app's config: an inherited DATABASE_URL must not switch the server to PostgreSQL.
    return {
      kind,
      env: { DATABASE_URL: '' },
      description: 'SQLite in the temporary DATA_DIR',
      serverPids: () => Promise.resolve([]),
    }
  }

  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl || !/^postgres(ql)?:\/\//.test(adminUrl)) {
    throw new UsageError(
      '--db=postgres needs DATABASE_URL=postgres://user:password@host:port/<any existing db> (a role allowed to CREATE DATABASE)',
    )
  }
  const name = `netra_bench_${randomBytes(4).toString('hex')}`
  await adminQuery(adminUrl, `create database ${name}`)
  onCleanup(`drop database ${name}`, async () => {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`)
  })
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const isLocal = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    description: `PostgreSQL database ${name} on ${url.host}`,
    // Only a local server's backends are processes on this machine.
    serverPids: async () => {
      if (!isLocal) return []
      const rows = await adminQuery<{ pid: number }>(
        adminUrl,
        'select pid from pg_stat_activity where datname = $1',
        [name],
      )
      return rows.map((row) => row.pid)
    },
  }
}
