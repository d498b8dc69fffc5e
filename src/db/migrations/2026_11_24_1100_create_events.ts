import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Events (issue #4): sosialisasi, apel and bimtek, with their target units, files (materials and photos) and
 * attendance.
 *
 * - An apel carries the collective ikrar: `ikrar_read`, its leader (an employee or a free-text name and position)
 *   and the leader's confirmation of the record (`leader_signature` = typed name, when and by which staff account).
 * - `event_units` are the roots of the targeted unit subtrees (none = the whole agency).
 * - `event_attendances.unit_id`/`unit_path` are the employee's unit AT CHECK-IN (rates count there even after a
 *   move); one row per employee per event (unique index).
 * - Files live under DATA_DIR/events/<id>; the table keeps their kind (from magic bytes), size and SHA-256.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('election_id', t.id, (c) => c.references('elections.id'))
    .addColumn('starts_at', t.instant, (c) => c.notNull())
    .addColumn('ends_at', t.instant, (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('speakers', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', t.instant)
    .addColumn('cancel_reason', 'text')
    .addColumn('ikrar_read', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('leader_employee_id', t.id, (c) => c.references('employees.id'))
    .addColumn('leader_name', 'text')
    .addColumn('leader_position', 'text')
    .addColumn('leader_signature', 'text')
    .addColumn('leader_signed_at', t.instant)
    .addColumn('leader_signed_by', t.id)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('events_agency_starts_idx')
    .on('events')
    .columns(['agency_id', 'starts_at'])
    .execute()

  await db.schema
    .createTable('event_units')
    .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
    .addColumn('unit_id', t.id, (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('event_units_pk', ['event_id', 'unit_id'])
    .execute()
  await db.schema.createIndex('event_units_unit_idx').on('event_units').column('unit_id').execute()

  await db.schema
    .createTable('event_files')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('event_files_event_idx').on('event_files').column('event_id').execute()

  await db.schema
    .createTable('event_attendances')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
    .addColumn('employee_id', t.id, (c) => c.notNull().references('employees.id'))
    .addColumn('unit_id', t.id, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('is_targeted', t.flag, (c) => c.notNull())
    .addColumn('checked_in_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', t.id)
    .execute()
  await db.schema
    .createIndex('event_attendances_event_employee_unique')
    .on('event_attendances')
    .columns(['event_id', 'employee_id'])
    .unique()
    .execute()
  await db.schema
    .createIndex('event_attendances_event_path_idx')
    .on('event_attendances')
    .columns(['event_id', 'unit_path'])
    .execute()
  await db.schema
    .createIndex('event_attendances_employee_idx')
    .on('event_attendances')
    .column('employee_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_attendances').execute()
  await db.schema.dropTable('event_files').execute()
  await db.schema.dropTable('event_units').execute()
  await db.schema.dropTable('events').execute()
}
