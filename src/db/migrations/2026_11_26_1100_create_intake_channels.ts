import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * The intake API for other channels (issue #5 point 5: SP4N-LAPOR!, SBT BKN, Bawaslu, internal findings).
 *
 * - `intake_channel_keys`: per agency and channel, an API key. Only the SHA-256 of the secret token is kept
 *   (`token_hash`, unique: a request finds its key by one index hit); `token_hint` is the token's first characters,
 *   shown to admins to tell keys apart. `revoked_at` set = the key no longer works.
 * - `intake_idempotency`: one row per (key, `Idempotency-Key` header), written in the transaction of the report it
 *   made, with the SHA-256 of the request body: a retry finds the report, a different body under the same key is
 *   refused, and the primary key makes two concurrent requests end in one report.
 * - `reports.external_ref`: the channel's own ticket number (LAPOR tracking id, SBT number, Bawaslu register
 *   number); `reports.channel_received_at`: when the channel received the report, if it said so.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('intake_channel_keys')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', t.id, (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('intake_channel_keys_token_hash_unique')
    .on('intake_channel_keys')
    .column('token_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('intake_channel_keys_agency_idx')
    .on('intake_channel_keys')
    .columns(['agency_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('intake_idempotency')
    .addColumn('channel_key_id', t.id, (c) => c.notNull().references('intake_channel_keys.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('intake_idempotency_pk', ['channel_key_id', 'idempotency_key'])
    .execute()

  await db.schema.alterTable('reports').addColumn('external_ref', 'text').execute()
  await db.schema.alterTable('reports').addColumn('channel_received_at', t.instant).execute()
  await db.schema
    .createIndex('reports_agency_channel_external_ref_idx')
    .on('reports')
    .columns(['agency_id', 'channel', 'external_ref'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_agency_channel_external_ref_idx').execute()
  await db.schema.alterTable('reports').dropColumn('channel_received_at').execute()
  await db.schema.alterTable('reports').dropColumn('external_ref').execute()
  await db.schema.dropTable('intake_idempotency').execute()
  await db.schema.dropTable('intake_channel_keys').execute()
}
