import { sql, type Kysely } from 'kysely'
import { columnTypes, isPostgresDb } from './column-types.js'

/**
 * The receipt PDF of each pledge signature, exactly as issued (bytea on PostgreSQL, blob on SQLite), with its
 * SHA-256. Kept as bytes rather than re-rendered on demand: an uploaded copy is compared with these bytes' hash,
 * and the bytes stay the same across library upgrades. Written once by the receipts job; never changed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('pledge_receipts')
    .addColumn('signature_id', t.id, (c) => c.primaryKey().references('pledge_signatures.id'))
    .addColumn('pdf', isPostgresDb(db) ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pledge_receipts').execute()
}
