/**
 * SQL of public reports (issue #5). Sealed columns are opaque here: reports-public.service.ts seals and opens them.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database, ReportFilesTable, ReportMessagesTable, ReportsTable } from '../../db/tables.js'

export type ReportRow = Selectable<ReportsTable>
export type NewReportRow = Insertable<ReportsTable>
export type NewReportMessageRow = Insertable<ReportMessagesTable>
export type NewReportFileRow = Insertable<ReportFilesTable>

/** The agency a report goes to: by slug, or the first agency created (a single-agency install). */
export const findTargetAgency = (db: Kysely<Database>, slug: string | undefined) =>
  db
    .selectFrom('agencies')
    .select(['id', 'slug', 'name', 'regionCode'])
    .$if(slug !== undefined, (qb) => qb.where('slug', '=', slug ?? ''))
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()

export const listAgenciesForForm = (db: Kysely<Database>) =>
  db.selectFrom('agencies').select(['slug', 'name']).orderBy('createdAt').orderBy('id').execute()

/** Creates the agency's intake settings (salt, number counter) unless they exist; returns them. */
export async function ensureIntakeSettings(
  db: Kysely<Database>,
  agencyId: string,
  fresh: {
    receiptSalt: string
    receiptHashMemoryKib: number
    receiptHashPasses: number
    year: number
    createdAt: string
  },
) {
  await db
    .insertInto('reportIntakeSettings')
    .values({
      agencyId,
      receiptSalt: fresh.receiptSalt,
      receiptHashMemoryKib: fresh.receiptHashMemoryKib,
      receiptHashPasses: fresh.receiptHashPasses,
      nextNumber: 1,
      numberYear: fresh.year,
      createdAt: fresh.createdAt,
    })
    .onConflict((oc) => oc.column('agencyId').doNothing())
    .execute()
  return db
    .selectFrom('reportIntakeSettings')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .executeTakeFirstOrThrow()
}

/** Every agency's receipt salt and hash cost (a status lookup hashes the receipt with each: usually one). */
export const listReceiptHashings = (db: Kysely<Database>) =>
  db
    .selectFrom('reportIntakeSettings')
    .select(['agencyId', 'receiptSalt', 'receiptHashMemoryKib', 'receiptHashPasses'])
    .orderBy('agencyId')
    .execute()

/**
 * Takes `count` consecutive report numbers of the agency for `year` (the counter restarts each year) and returns the
 * first, holding the settings row until the transaction ends, so two reports never get the same number.
 */
export async function takeReportNumbers(
  trx: Kysely<Database>,
  agencyId: string,
  year: number,
  count: number,
): Promise<number> {
  const row = await trx
    .updateTable('reportIntakeSettings')
    .set({
      nextNumber: sql<number>`case when number_year = ${year} then next_number + ${count} else ${1 + count} end`,
      numberYear: year,
    })
    .where('agencyId', '=', agencyId)
    .returning(['nextNumber'])
    .executeTakeFirstOrThrow()
  return Number(row.nextNumber) - count
}

export async function insertReports(
  trx: Kysely<Database>,
  reports: readonly NewReportRow[],
  files: readonly NewReportFileRow[],
): Promise<void> {
  if (reports.length > 0)
    await trx
      .insertInto('reports')
      .values([...reports])
      .execute()
  if (files.length > 0)
    await trx
      .insertInto('reportFiles')
      .values([...files])
      .execute()
}

export const findReportByReceiptHashes = (db: Kysely<Database>, hashes: readonly string[]) =>
  hashes.length === 0
    ? Promise.resolve(undefined)
    : db
        .selectFrom('reports')
        .selectAll()
        .where('receiptHash', 'in', [...hashes])
        .executeTakeFirst()

export const listMessages = (db: Kysely<Database>, reportId: string) =>
  db
    .selectFrom('reportMessages')
    .select(['id', 'sender', 'bodySealed', 'createdAt'])
    .where('reportId', '=', reportId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()

export async function countFiles(db: Kysely<Database>, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('reportFiles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('reportId', '=', reportId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The report row, locked until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
export const lockReport = (trx: Kysely<Database>, reportId: string) =>
  trx
    .updateTable('reports')
    .set({ updatedAt: sql<string>`updated_at` })
    .where('id', '=', reportId)
    .returning(['id', 'agencyId', 'reportNumber', 'status'])
    .executeTakeFirstOrThrow()

export const insertMessage = (trx: Kysely<Database>, message: NewReportMessageRow) =>
  trx.insertInto('reportMessages').values(message).execute()

export const setStatus = (trx: Kysely<Database>, reportId: string, status: string, updatedAt: string) =>
  trx.updateTable('reports').set({ status, updatedAt }).where('id', '=', reportId).execute()

export const insertFiles = (trx: Kysely<Database>, files: readonly NewReportFileRow[]) =>
  files.length === 0
    ? Promise.resolve()
    : trx
        .insertInto('reportFiles')
        .values([...files])
        .execute()
        .then(() => undefined)

/** Active units of an agency whose name contains `q` (case-insensitive), for the public unit picker. */
export const searchUnits = (db: Kysely<Database>, agencyId: string, q: string | undefined, limit: number) =>
  db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parentId')
    .select(['u.id', 'u.name', 'p.name as parentName'])
    .where('u.agencyId', '=', agencyId)
    .where('u.deactivatedAt', 'is', null)
    .$if(Boolean(q), (qb) =>
      qb.where(
        sql<boolean>`lower(${sql.ref('u.name')}) like ${`%${(q ?? '').toLowerCase().replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`,
      ),
    )
    .orderBy('u.depth')
    .orderBy('u.name')
    .limit(limit)
    .execute()
