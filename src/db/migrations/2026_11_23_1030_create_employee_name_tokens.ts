import { sql, type Kysely } from 'kysely'
import { isPostgresDb } from './column-types.js'

/**
 * Employee search over a million rows without `LIKE '%x%'` scans (issue #3: p95 < 100 ms):
 * - `employee_name_tokens`: one row per distinct word of an employee's name, carrying the sort key (lower-case
 *   name) and the list filters (unit, status, kind, grade, position type). A typed word is a prefix range
 *   `token >= 'sit' AND token < 'siu'` on the primary key (agency_id, token, sort_name, employee_id); several words
 *   intersect their ranges. Everything a search needs is in that one b-tree: SQLite stores the other columns in it
 *   (WITHOUT ROWID), PostgreSQL `INCLUDE`s them, so only the page of 25 results touches `employees`.
 *   `collate "C"` keeps the token ranges byte-ordered on PostgreSQL whatever the database locale.
 * - `employees (agency_id, nip)`: NIP prefix ranges inside one agency.
 * - `employees (agency_id, lower(name), id)`: the list sorted by name reads the index in order.
 * - `employees (agency_id, status, kind, grade, position_type, unit_id)`: counts under list filters read only this
 *   index, never the table.
 * No employees existed before this migration (the roster API arrives with it), so there is nothing to backfill.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgresDb(db)) {
    await sql`create table employee_name_tokens (
      agency_id text not null,
      token text collate "C" not null,
      sort_name text not null,
      employee_id text not null references employees (id) on delete cascade,
      unit_id text not null,
      status text not null,
      kind text not null,
      grade text,
      position_type text,
      constraint employee_name_tokens_pk primary key (agency_id, token, sort_name, employee_id)
        include (unit_id, status, kind, grade, position_type)
    )`.execute(db)
  } else {
    await sql`create table employee_name_tokens (
      agency_id text not null,
      token text not null,
      sort_name text not null,
      employee_id text not null references employees (id) on delete cascade,
      unit_id text not null,
      status text not null,
      kind text not null,
      grade text,
      position_type text,
      constraint employee_name_tokens_pk primary key (agency_id, token, sort_name, employee_id)
    ) without rowid`.execute(db)
  }
  await db.schema
    .createIndex('employee_name_tokens_employee_idx')
    .on('employee_name_tokens')
    .column('employee_id')
    .execute()
  await db.schema
    .createIndex('employees_agency_nip_idx')
    .on('employees')
    .columns(['agency_id', 'nip'])
    .execute()
  await sql`create index employees_agency_name_idx on employees (agency_id, lower(name), id)`.execute(db)
  await db.schema
    .createIndex('employees_agency_filters_idx')
    .on('employees')
    .columns(['agency_id', 'status', 'kind', 'grade', 'position_type', 'unit_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('employees_agency_filters_idx').execute()
  await db.schema.dropIndex('employees_agency_name_idx').execute()
  await db.schema.dropIndex('employees_agency_nip_idx').execute()
  await db.schema.dropTable('employee_name_tokens').execute()
}
