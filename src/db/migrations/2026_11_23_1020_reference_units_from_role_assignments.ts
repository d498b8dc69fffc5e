import { sql, type Kysely } from 'kysely'
import { isPostgresDb } from './column-types.js'

/**
 * Role scopes now point at real units: role_assignments.unit_id → units.id. PostgreSQL adds the constraint;
 * SQLite cannot add a foreign key to an existing table, so the table is rebuilt (same columns and indexes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgresDb(db)) {
    await sql`alter table role_assignments add constraint role_assignments_unit_id_fkey
      foreign key (unit_id) references units (id)`.execute(db)
    return
  }
  await sql`create table role_assignments_new (
    id text primary key,
    user_id text not null references users (id) on delete cascade,
    role text not null,
    agency_id text references agencies (id),
    unit_id text references units (id),
    created_at text not null,
    created_by text references users (id)
  )`.execute(db)
  await sql`insert into role_assignments_new (id, user_id, role, agency_id, unit_id, created_at, created_by)
    select id, user_id, role, agency_id, unit_id, created_at, created_by from role_assignments`.execute(db)
  await sql`drop table role_assignments`.execute(db)
  await sql`alter table role_assignments_new rename to role_assignments`.execute(db)
  await sql`create index role_assignments_user_id_idx on role_assignments (user_id)`.execute(db)
  await sql`create index role_assignments_agency_role_idx on role_assignments (agency_id, role)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgresDb(db)) {
    await sql`alter table role_assignments drop constraint role_assignments_unit_id_fkey`.execute(db)
    return
  }
  await sql`create table role_assignments_old (
    id text primary key,
    user_id text not null references users (id) on delete cascade,
    role text not null,
    agency_id text references agencies (id),
    unit_id text,
    created_at text not null,
    created_by text references users (id)
  )`.execute(db)
  await sql`insert into role_assignments_old select id, user_id, role, agency_id, unit_id, created_at, created_by
    from role_assignments`.execute(db)
  await sql`drop table role_assignments`.execute(db)
  await sql`alter table role_assignments_old rename to role_assignments`.execute(db)
  await sql`create index role_assignments_user_id_idx on role_assignments (user_id)`.execute(db)
  await sql`create index role_assignments_agency_role_idx on role_assignments (agency_id, role)`.execute(db)
}
