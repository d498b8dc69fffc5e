import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * An agency's own changes to the national working-day calendar: an extra holiday (`holiday`, e.g. the city's
 * anniversary) or a national holiday / cuti bersama / election day it works on (`working_day`). At most one
 * entry per agency and day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('agency_calendar_entries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('falls_on', t.date, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('agency_calendar_entries_agency_day_unique')
    .on('agency_calendar_entries')
    .columns(['agency_id', 'falls_on'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_calendar_entries').execute()
}
