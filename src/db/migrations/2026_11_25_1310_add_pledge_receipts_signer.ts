import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Which agency certificate signed an issued receipt (null: no PDF signature, hash and QR only), and the subject's
 * common name as it was written into the signature — shown on the verify page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .alterTable('pledge_receipts')
    .addColumn('signer_certificate_id', t.id, (c) => c.references('agency_signing_certificates.id'))
    .execute()
  await db.schema.alterTable('pledge_receipts').addColumn('signer_name', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledge_receipts').dropColumn('signer_name').execute()
  await db.schema.alterTable('pledge_receipts').dropColumn('signer_certificate_id').execute()
}
