import { sql, type Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * The PKCS#12 certificates agencies upload to sign pledge receipts as PDF signatures (decision 0010).
 *
 * - `sealed_key_material`: the P12 bytes and its passphrase, sealed together (libsodium secretbox, key derived from
 *   SESSION_SECRET under the purpose `receipt-signing-p12`); set to null when the certificate is replaced or
 *   removed, so no key outlives its use. The other columns describe the certificate and stay for the audit trail.
 * - `status`: active | replaced | removed. At most one active certificate per agency (partial unique index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('agency_signing_certificates')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sealed_key_material', 'text')
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('valid_from', t.instant, (c) => c.notNull())
    .addColumn('valid_until', t.instant, (c) => c.notNull())
    .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
    .addColumn('key_algorithm', 'text', (c) => c.notNull())
    .addColumn('key_bits', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', t.instant, (c) => c.notNull())
    .addColumn('uploaded_by', t.id, (c) => c.references('users.id'))
    .addColumn('ended_at', t.instant)
    .addColumn('ended_by', t.id, (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('agency_signing_certificates_agency_idx')
    .on('agency_signing_certificates')
    .columns(['agency_id', 'uploaded_at'])
    .execute()
  await db.schema
    .createIndex('agency_signing_certificates_active_unique')
    .on('agency_signing_certificates')
    .column('agency_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_signing_certificates').execute()
}
