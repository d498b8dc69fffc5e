import type { Kysely } from 'kysely'

/**
 * The argon2id cost of an agency's receipt hashes is kept beside its salt (issue #5 point 2), so the cost used for new
 * agencies can change without losing the receipts already issued: a receipt is only ever hashed with the cost its
 * agency's hashes were made with. Agencies that existed before keep the cost they were made with (m = 19 MiB, t = 2);
 * new agencies get the one `report-receipts.ts` chooses (and documents).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('report_intake_settings')
    .addColumn('receipt_hash_memory_kib', 'integer', (c) => c.notNull().defaultTo(19_456))
    .execute()
  await db.schema
    .alterTable('report_intake_settings')
    .addColumn('receipt_hash_passes', 'integer', (c) => c.notNull().defaultTo(2))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_intake_settings').dropColumn('receipt_hash_passes').execute()
  await db.schema.alterTable('report_intake_settings').dropColumn('receipt_hash_memory_kib').execute()
}
