import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * The unit tree of an agency (OPD → bidang → UPT/sekolah/kecamatan/kelurahan). `path` is the materialised
 * ancestry `/<root id>/…/<own id>/`, so a subtree is `path LIKE '<path>%'` on one index. Units are deactivated,
 * never deleted. `head_employee_id` references employees (no FK: the two tables reference each other; the
 * service keeps it consistent).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('units')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', t.id, (c) => c.references('units.id'))
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('head_employee_id', t.id)
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('deactivated_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('units_agency_path_idx').on('units').columns(['agency_id', 'path']).execute()
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute()
  await db.schema
    .createIndex('units_agency_code_unique')
    .on('units')
    .columns(['agency_id', 'code'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('units').execute()
}
