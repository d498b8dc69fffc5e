import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Uploaded employee spreadsheets and the state of their latest run (dry run or commit), so the web can poll a
 * long import and show its report afterwards. The file itself lives in DATA_DIR/imports until it expires; the
 * report holds row numbers, columns and codes only (no cell values).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('employee_imports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('columns', t.json, (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('options', t.json)
    .addColumn('report', t.json)
    .addColumn('failure', t.json)
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute()
  await db.schema
    .createIndex('employee_imports_agency_created_idx')
    .on('employee_imports')
    .columns(['agency_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('employee_imports').execute()
}
