import type { Kysely } from 'kysely'
import type { AgencyRow, Database } from '../../db/tables.js'

export const findAgencyById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst()

export const findAgencyBySlug = (db: Kysely<Database>, slug: string) =>
  db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst()

export const listAgencies = (db: Kysely<Database>, ids: readonly string[] | 'all') => {
  let query = db.selectFrom('agencies').selectAll().orderBy('name')
  if (ids !== 'all') query = query.where('id', 'in', ids.length ? ids : [''])
  return query.execute()
}

export const countAgencies = async (db: Kysely<Database>): Promise<number> => {
  const row = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export const insertAgency = (db: Kysely<Database>, row: AgencyRow) =>
  db.insertInto('agencies').values(row).execute()
