import { sql, type Kysely } from 'kysely'
import { isPostgresDb } from './column-types.js'

/**
 * `employee_name_tokens` is a search index kept by employees.repository.ts in the same transaction as every write
 * of an employee; employees are never deleted (their status changes). Its foreign key to `employees` made every
 * token row — two or three per employee — run a referential check: on PostgreSQL half the time of writing the
 * tokens of a large import (1M employees: 16.5 s of 34 s; issue #3 asks for < 60 s in all). The rows stay tied to
 * their employee through `employee_name_tokens_employee_idx`; searches read employees by the ids found.
 * PostgreSQL drops the constraint; SQLite cannot, so the table is rebuilt (same columns, keys and index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgresDb(db)) {
    await sql`alter table employee_name_tokens drop constraint employee_name_tokens_employee_id_fkey`.execute(
      db,
    )
    return
  }
  await rebuildSqlite(db, sql``)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgresDb(db)) {
    await sql`alter table employee_name_tokens add constraint employee_name_tokens_employee_id_fkey
      foreign key (employee_id) references employees (id) on delete cascade`.execute(db)
    return
  }
  await rebuildSqlite(db, sql`references employees (id) on delete cascade`)
}

/** SQLite: the token table again, with `employeeReference` on `employee_id`. */
async function rebuildSqlite(db: Kysely<any>, employeeReference: ReturnType<typeof sql>): Promise<void> {
  await sql`create table employee_name_tokens_new (
    agency_id text not null,
    token text not null,
    sort_name text not null,
    employee_id text not null ${employeeReference},
    unit_id text not null,
    status text not null,
    kind text not null,
    grade text,
    position_type text,
    constraint employee_name_tokens_pk primary key (agency_id, token, sort_name, employee_id)
  ) without rowid`.execute(db)
  await sql`insert into employee_name_tokens_new select agency_id, token, sort_name, employee_id, unit_id, status,
    kind, grade, position_type from employee_name_tokens`.execute(db)
  await sql`drop table employee_name_tokens`.execute(db)
  await sql`alter table employee_name_tokens_new rename to employee_name_tokens`.execute(db)
  await sql`create index employee_name_tokens_employee_idx on employee_name_tokens (employee_id)`.execute(db)
}
