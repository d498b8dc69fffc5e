import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/** Durable queue of the in-process job runner used on SQLite (PostgreSQL deployments use pg-boss instead). */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('local_jobs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', t.instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('singleton_key', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute()
  await db.schema.createIndex('local_jobs_due_idx').on('local_jobs').columns(['state', 'run_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_jobs').execute()
}
