import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Public reports of suspected neutrality breaches (issue #5, decision 0013).
 *
 * - `report_intake_settings`: per agency, the salt of the receipt hash (argon2id with a per-agency salt, so a
 *   receipt is found by an index hit) and the counter behind the report numbers (`ADU-2026-000123`).
 * - `reports`: what a reporter filed. The description, the reporter's identity and the links are sealed with the
 *   report's own data key (`*_sealed`), which is stored wrapped by the agency key (`data_key_wrapped`, `key_id`
 *   names the key that wrapped it). What staff filter and group by stays readable: category, status, channel,
 *   the reported person's name/NIP/unit as given, the region and the time of the incident. No IP address, no
 *   user agent: no column could hold one.
 * - `report_messages`: the two-way thread (reporter ↔ staff), bodies sealed with the report's key.
 * - `report_files`: evidence files, stored encrypted under `DATA_DIR/evidence/<storage key>` (never a name from
 *   the request), with the SHA-256 of the original as received; images also have a copy without metadata.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('report_intake_settings')
    .addColumn('agency_id', t.id, (c) => c.primaryKey().references('agencies.id'))
    .addColumn('receipt_salt', 'text', (c) => c.notNull())
    .addColumn('next_number', 'integer', (c) => c.notNull())
    .addColumn('number_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('report_number', 'text', (c) => c.notNull())
    .addColumn('receipt_hash', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('identity_level', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('data_key_wrapped', 'text', (c) => c.notNull())
    .addColumn('description_sealed', 'text', (c) => c.notNull())
    .addColumn('reporter_sealed', 'text')
    .addColumn('links_sealed', 'text')
    .addColumn('reported_name', 'text')
    .addColumn('reported_name_normalized', 'text')
    .addColumn('reported_nip', 'text')
    .addColumn('reported_agency_name', 'text')
    .addColumn('reported_unit_name', 'text')
    .addColumn('reported_unit_id', t.id, (c) => c.references('units.id'))
    .addColumn('reported_employee_id', t.id, (c) => c.references('employees.id'))
    .addColumn('occurred_at', t.instant)
    .addColumn('region_code', 'text')
    .addColumn('place_sealed', 'text')
    .addColumn('duplicate_of', t.id, (c) => c.references('reports.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('reports_agency_number_unique')
    .on('reports')
    .columns(['agency_id', 'report_number'])
    .unique()
    .execute()
  await db.schema
    .createIndex('reports_receipt_hash_unique')
    .on('reports')
    .column('receipt_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('reports_agency_status_created_idx')
    .on('reports')
    .columns(['agency_id', 'status', 'created_at'])
    .execute()

  await db.schema
    .createTable('report_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('staff_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_messages_report_created_idx')
    .on('report_messages')
    .columns(['report_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('report_files')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('view_storage_key', 'text')
    .addColumn('view_mime', 'text')
    .addColumn('view_byte_size', 'integer')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('report_files_report_idx').on('report_files').column('report_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_files').execute()
  await db.schema.dropTable('report_messages').execute()
  await db.schema.dropTable('reports').execute()
  await db.schema.dropTable('report_intake_settings').execute()
}
