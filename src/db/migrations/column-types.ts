/**
 * Portable column types, agreed once in docs/decisions/0002-portable-column-types.md. FROZEN: migrations
 * depend on these exact types; never change a value here, add a new helper instead.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely'

export interface ColumnTypes {
  /** UUIDv7 as text. */
  readonly id: 'text'
  /** Instant: timestamptz on PostgreSQL, ISO-8601 UTC text on SQLite. */
  readonly instant: RawBuilder<unknown>
  /** Calendar date: date on PostgreSQL, 'YYYY-MM-DD' text on SQLite. */
  readonly date: RawBuilder<unknown>
  /** JSON document: jsonb on PostgreSQL, text on SQLite. */
  readonly json: RawBuilder<unknown>
  /** Boolean flag stored as integer 0/1 on both. */
  readonly flag: 'integer'
}

export const isPostgresDb = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter

export function columnTypes(db: Kysely<any>): ColumnTypes {
  const pg = isPostgresDb(db)
  return {
    id: 'text',
    instant: pg ? sql`timestamptz` : sql`text`,
    date: pg ? sql`date` : sql`text`,
    json: pg ? sql`jsonb` : sql`text`,
    flag: 'integer',
  }
}
