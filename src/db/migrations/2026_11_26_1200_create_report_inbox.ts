import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * The staff side of intake (issue #5 points 3, 4 and 6).
 *
 * - `report_links`: one keyed hash per link of a report (HMAC-SHA-256 of the normalised URL and the agency id, key
 *   derived from the report master key), so reports naming the same URL are found without storing the URL in the
 *   clear. Filled by the inbox from the sealed links (reports-staff.service.ts).
 * - `report_reads`: when a staff user last opened a report, for the unread count of reporter messages.
 * - `report_reveal_requests`: a request to read a confidential reporter's identity, with a (sealed) reason, and
 *   its decision by a second officer; an approval lets only the requester read the identity until `expires_at`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('report_links')
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('url_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_links_pk', ['report_id', 'url_hash'])
    .execute()
  await db.schema.createIndex('report_links_url_hash_idx').on('report_links').column('url_hash').execute()

  await db.schema
    .createTable('report_reads')
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('read_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reads_pk', ['report_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('report_reveal_requests')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('reports.id'))
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('requested_by', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('reason_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', t.id, (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant)
    .addColumn('decision_note_sealed', 'text')
    .addColumn('expires_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_reveal_requests_report_idx')
    .on('report_reveal_requests')
    .columns(['report_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('report_reveal_requests_agency_status_idx')
    .on('report_reveal_requests')
    .columns(['agency_id', 'status', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_reveal_requests').execute()
  await db.schema.dropTable('report_reads').execute()
  await db.schema.dropTable('report_links').execute()
}
