/** All SQL of the working-day calendar: the agency's own entries. */
import type { Kysely, Selectable } from 'kysely'
import type { AgencyCalendarEntriesTable, Database } from '../../db/tables.js'

export type CalendarEntryRow = Selectable<AgencyCalendarEntriesTable>

export const listEntries = (db: Kysely<Database>, agencyId: string, fromOn: string, toOn: string) =>
  db
    .selectFrom('agencyCalendarEntries')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('fallsOn', '>=', fromOn)
    .where('fallsOn', '<=', toOn)
    .orderBy('fallsOn')
    .execute()

export const findEntryById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('agencyCalendarEntries').selectAll().where('id', '=', id).executeTakeFirst()

export const findEntryByDate = (db: Kysely<Database>, agencyId: string, fallsOn: string) =>
  db
    .selectFrom('agencyCalendarEntries')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('fallsOn', '=', fallsOn)
    .executeTakeFirst()

export const insertEntry = (db: Kysely<Database>, row: CalendarEntryRow) =>
  db.insertInto('agencyCalendarEntries').values(row).execute()

export const deleteEntry = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('agencyCalendarEntries').where('id', '=', id).execute()

export { isUniqueViolation } from '../../db/errors.js'
