/**
 * createDatabase: Kysely over better-sqlite3 (WAL, foreign keys, busy timeout) or pg, chosen by DATABASE_URL.
 * Both dialects hand the application the same JS values (see docs/decisions/0002-portable-column-types.md):
 * PostgreSQL timestamptz/date/json/int8 come back as ISO strings, 'YYYY-MM-DD', JSON text and numbers.
 */
import SqliteDatabase from 'better-sqlite3'
import {
  CamelCasePlugin,
  Kysely,
  PostgresAdapter,
  SqliteDialect,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../config.js'
import { CurrentSchemaPostgresDialect } from './postgres-introspector.js'
import { namedStatementFor } from './prepared-query.js'
import { withStatementCache } from './sqlite-statement-cache.js'
import type { Database } from './tables.js'

export type DialectName = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly dialect: DialectName
  /** The raw better-sqlite3 connection (online backup); undefined on PostgreSQL. */
  readonly sqlite: SqliteDatabase.Database | undefined
  /** The pg pool; undefined on SQLite. */
  readonly pool: pg.Pool | undefined
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

export interface CreateDatabaseOptions {
  /** PostgreSQL only: run every connection with this search_path (tests isolate themselves this way). */
  readonly schema?: string
  readonly poolSize?: number
}

const PG_TYPES = {
  INT8: 20,
  JSON: 114,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  JSONB: 3802,
} as const

/** Returns PostgreSQL values in the same shape SQLite stores them in. */
function portableTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case PG_TYPES.INT8:
      return (value) => Number(value)
    case PG_TYPES.JSON:
    case PG_TYPES.JSONB:
    case PG_TYPES.DATE:
      return (value) => value
    case PG_TYPES.TIMESTAMPTZ: {
      const parse = pg.types.getTypeParser(oid, 'text') as (value: string) => Date
      return (value) => parse(value).toISOString()
    }
    case PG_TYPES.TIMESTAMP: {
      const parse = pg.types.getTypeParser(PG_TYPES.TIMESTAMPTZ, 'text') as (value: string) => Date
      return (value) => parse(`${value}+00`).toISOString()
    }
    default:
      return pg.types.getTypeParser(oid, (format ?? 'text') as 'text') as (value: string) => unknown
  }
}

/**
 * The pool as Kysely sees it: SQL that a prepared query registered (prepared-query.ts) goes to the server as a named
 * statement, which pg parses once per connection and PostgreSQL plans once per connection; everything else as is.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect()
      const query = (text: unknown, values?: readonly unknown[]) => {
        const name = typeof text === 'string' ? namedStatementFor(text) : undefined
        return name === undefined
          ? client.query(text as string, values as unknown[])
          : client.query({ name, text: text as string, values: values as unknown[] })
      }
      return { query: query as unknown as PostgresPoolClient['query'], release: () => client.release() }
    },
    end: () => pool.end(),
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

export function createDatabase(config: DatabaseConfig, options: CreateDatabaseOptions = {}): DatabaseHandle {
  if (config.kind === 'sqlite') {
    const connection = new SqliteDatabase(config.file)
    connection.pragma('journal_mode = WAL')
    connection.pragma('foreign_keys = ON')
    connection.pragma('busy_timeout = 5000')
    connection.pragma(`synchronous = ${config.synchronous}`)
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(connection) }),
      plugins: [new CamelCasePlugin()],
    })
    let closed = false
    // Health checks run often: one prepared statement, executed synchronously (microseconds, no timer needed).
    const probe = connection.prepare('select 1')
    return {
      db,
      dialect: 'sqlite',
      sqlite: connection,
      pool: undefined,
      ping() {
        if (closed || !connection.open) return Promise.resolve(false)
        try {
          probe.get()
          return Promise.resolve(true)
        } catch {
          return Promise.resolve(false)
        }
      },
      async close() {
        if (closed) return
        closed = true
        await db.destroy()
      },
    }
  }

  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? config.poolSize,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: { getTypeParser: portableTypeParser as never },
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({
    dialect: new CurrentSchemaPostgresDialect({ pool: withNamedStatements(pool) }),
    plugins: [new CamelCasePlugin()],
  })
  let closed = false
  // Concurrent health checks share one round trip to the server.
  let inFlight: Promise<boolean> | null = null
  return {
    db,
    dialect: 'postgres',
    sqlite: undefined,
    pool,
    ping(timeoutMs = 2000) {
      if (closed) return Promise.resolve(false)
      inFlight ??= withTimeout(pool.query('select 1'), timeoutMs)
        .then(
          () => true,
          () => false,
        )
        .finally(() => {
          inFlight = null
        })
      return inFlight
    },
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    },
  }
}
