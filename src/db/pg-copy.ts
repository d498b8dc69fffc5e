/**
 * Bulk loading on PostgreSQL with `COPY … FROM STDIN` (pg-copy-streams) on one dedicated connection of the pool,
 * for writes of many thousands of rows inside one transaction (the employee import). COPY skips the per-row work
 * of the executor and writes heap pages in batches (far less WAL than `INSERT … SELECT`).
 *
 * `openCopySession(pool)` takes one client from the pool and gives a Kysely over that client only (same plugins as
 * the application's) plus `copy` on the same client, so a transaction begun with `session.db.transaction()` and the
 * COPY statements run in it share one connection. Statements on one pg client run one after another (pg queues
 * them), so a COPY never interleaves with another statement.
 */
import { once } from 'node:events'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Database } from './tables.js'

/** Loads rows given as COPY text (`copyTextOf`) into `table` (`columns`: snake_case names). */
export type CopyRows = (table: string, text: CopyText) => Promise<void>

export interface CopyText {
  /** snake_case column names, in the order of the fields of every line. */
  readonly columns: readonly string[]
  /** Lines of COPY's text format: tab-separated fields, `\N` for NULL, one `\n` after each line. */
  readonly text: string
  readonly rows: number
}

export interface CopySession {
  /** A Kysely over the session's connection only. */
  readonly db: Kysely<Database>
  readonly copy: CopyRows
  /** Returns the connection to the pool (destroying it when `broken`, e.g. after a failed COPY). */
  release(broken?: boolean): void
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** Characters COPY's text format escapes with a backslash. */
const special = /[\\\t\n\r]/
const specialGlobal = /[\\\t\n\r]/g
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One field of COPY's text format. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N'
  const text = typeof value === 'string' ? value : String(value)
  return special.test(text) ? text.replace(specialGlobal, (char) => escapes[char] ?? char) : text
}

/**
 * COPY text of rows that all have the same keys in the same order (rows built by one object literal): their
 * camelCase keys become the snake_case columns. Values are strings, numbers or null.
 */
export function copyTextOf(rows: readonly object[]): CopyText {
  const [first] = rows
  if (!first) return { columns: [], text: '', rows: 0 }
  const columns = Object.keys(first).map(snakeCase)
  const lines = new Array<string>(rows.length)
  for (let index = 0; index < rows.length; index++) {
    const values = Object.values(rows[index] ?? {}) as (string | number | null)[]
    let line = copyField(values[0])
    for (let column = 1; column < values.length; column++) line += `\t${copyField(values[column])}`
    lines[index] = line
  }
  return { columns, text: `${lines.join('\n')}\n`, rows: rows.length }
}

/** Runs one `COPY table (columns) FROM STDIN` with the given text on `client`. */
export async function copyInto(client: pg.PoolClient, table: string, text: CopyText): Promise<void> {
  if (text.rows === 0) return
  const stream = client.query(copyFrom(`copy ${table} (${text.columns.join(', ')}) from stdin`))
  const finished = once(stream, 'finish')
  stream.end(text.text)
  await finished
}

export async function openCopySession(pool: pg.Pool): Promise<CopySession> {
  const client = await pool.connect()
  // Kysely releases its connection after every statement outside a transaction: that must not hand the client back.
  const facade = {
    connect: () => Promise.resolve({ query: client.query.bind(client), release: () => undefined }),
    end: () => Promise.resolve(),
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: facade }),
    plugins: [new CamelCasePlugin()],
  })
  let released = false
  return {
    db,
    copy: (table, text) => copyInto(client, table, text),
    release(broken = false) {
      if (released) return
      released = true
      client.release(broken)
    },
  }
}
