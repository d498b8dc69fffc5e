import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Employees (PNS, PPPK, Non-ASN) with their unit and direct superior, and their social-media accounts.
 * `nip` is unique across agencies (NULL for Non-ASN). `search_name` is the lower-cased, accent-free
 * "front name back" used for search.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('employees')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', t.id, (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('nip', 'text')
    .addColumn('nik', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('front_title', 'text')
    .addColumn('back_title', 'text')
    .addColumn('gender', 'text')
    .addColumn('birth_date', t.date)
    .addColumn('grade', 'text')
    .addColumn('position_type', 'text')
    .addColumn('position_title', 'text')
    .addColumn('superior_id', t.id, (c) => c.references('employees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('whatsapp', 'text')
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('employees_nip_unique').on('employees').column('nip').unique().execute()
  await db.schema
    .createIndex('employees_agency_unit_idx')
    .on('employees')
    .columns(['agency_id', 'unit_id'])
    .execute()
  await db.schema
    .createIndex('employees_agency_search_idx')
    .on('employees')
    .columns(['agency_id', 'search_name'])
    .execute()
  await db.schema.createIndex('employees_superior_idx').on('employees').column('superior_id').execute()

  await db.schema
    .createTable('employee_social_accounts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('employee_id', t.id, (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('is_verified', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('employee_social_accounts_employee_idx')
    .on('employee_social_accounts')
    .column('employee_id')
    .execute()
  await db.schema
    .createIndex('employee_social_accounts_handle_idx')
    .on('employee_social_accounts')
    .columns(['platform', 'handle'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('employee_social_accounts').execute()
  await db.schema.dropTable('employees').execute()
}
