import { sql, type Kysely } from 'kysely'
import { columnTypes, isPostgresDb } from './column-types.js'

/** Append-only hash-chained audit trail; triggers refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL). */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('audit_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('occurred_at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('agency_id', t.id)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('summary', t.json, (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_events_chain_seq_unique', ['chain', 'seq'])
    .execute()
  await db.schema
    .createIndex('audit_events_agency_occurred_idx')
    .on('audit_events')
    .columns(['agency_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute()

  if (isPostgresDb(db)) {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db)
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db)
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db)
  } else {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(db)
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute()
  if (isPostgresDb(db)) await sql`drop function if exists audit_events_append_only()`.execute(db)
}
