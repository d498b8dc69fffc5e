import type { Kysely } from 'kysely'

/**
 * Wrong dates of birth entered with a pledge code, counted per target and reset when a new code is issued: after
 * five the code stops working (a forwarded link cannot be used to guess the signer's date of birth).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pledge_targets')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledge_targets').dropColumn('failed_attempts').execute()
}
