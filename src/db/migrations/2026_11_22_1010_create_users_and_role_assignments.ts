import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.references('agencies.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', t.instant, (c) => c.notNull())
    .addColumn('totp_secret_sealed', 'text')
    .addColumn('totp_pending_secret_sealed', 'text')
    .addColumn('totp_enabled_at', t.instant)
    .addColumn('totp_last_time_step', 'bigint')
    .addColumn('disabled_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('users_agency_id_idx').on('users').column('agency_id').execute()

  // unit_id points at units once the roster lands; until then scopes are whole agencies (unit_id null).
  await db.schema
    .createTable('role_assignments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('agency_id', t.id, (c) => c.references('agencies.id'))
    .addColumn('unit_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('role_assignments_user_id_idx')
    .on('role_assignments')
    .column('user_id')
    .execute()
  await db.schema
    .createIndex('role_assignments_agency_role_idx')
    .on('role_assignments')
    .columns(['agency_id', 'role'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('role_assignments').execute()
  await db.schema.dropTable('users').execute()
}
