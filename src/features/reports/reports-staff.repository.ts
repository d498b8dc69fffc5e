/**
 * SQL of the staff inbox (issue #5). Sealed columns stay opaque here; reports-staff.service.ts opens them.
 * Scope (which agencies) is decided by the service and passed in as `agencyIds` (null: every agency).
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ReportSort } from './reports-staff.schema.js'

const likeEscape = (value: string) => value.replace(/[\\%_]/g, '\\$&')

export interface ReportFilter {
  readonly agencyIds: readonly string[] | null
  readonly status?: string | undefined
  readonly category?: string | undefined
  readonly channel?: string | undefined
  /** Path of a unit: reports whose reported unit lies in its subtree. */
  readonly unitPath?: string | undefined
  readonly createdFrom?: string | undefined
  /** Exclusive. */
  readonly createdBefore?: string | undefined
  /**
   * `text` matches the report number (any part) and, exactly, the channel's ticket number (`external_ref` is kept in
   * clear: it is the channel's reference, not the reporter's data, and the intake API looks reports up by it).
   */
  readonly q?: { readonly text: string; readonly name: string; readonly nip: string | null } | undefined
}

function filtered(db: Kysely<Database>, filter: ReportFilter) {
  const { agencyIds, q } = filter
  return db
    .selectFrom('reports as r')
    .$if(agencyIds !== null, (qb) => qb.where('r.agencyId', 'in', agencyIds?.length ? [...agencyIds] : ['']))
    .$if(filter.status !== undefined, (qb) => qb.where('r.status', '=', filter.status ?? ''))
    .$if(filter.category !== undefined, (qb) => qb.where('r.categoryCode', '=', filter.category ?? ''))
    .$if(filter.channel !== undefined, (qb) => qb.where('r.channel', '=', filter.channel ?? ''))
    .$if(filter.createdFrom !== undefined, (qb) => qb.where('r.createdAt', '>=', filter.createdFrom ?? ''))
    .$if(filter.createdBefore !== undefined, (qb) => qb.where('r.createdAt', '<', filter.createdBefore ?? ''))
    .$if(filter.unitPath !== undefined, (qb) =>
      qb.where('r.reportedUnitId', 'in', (eb) =>
        eb
          .selectFrom('units')
          .select('units.id')
          .where(
            sql<boolean>`${sql.ref('units.path')} like ${`${likeEscape(filter.unitPath ?? '')}%`} escape '\\'`,
          ),
      ),
    )
    .$if(q !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(
            sql`lower(${sql.ref('r.reportNumber')})`,
            'like',
            `%${likeEscape((q?.text ?? '').toLowerCase())}%`,
          ),
          ...(q?.name
            ? [eb(sql`${sql.ref('r.reportedNameNormalized')}`, 'like', `%${likeEscape(q.name)}%`)]
            : []),
          eb('r.externalRef', '=', q?.text ?? ''),
          ...(q?.nip ? [eb('r.reportedNip', '=', q.nip)] : []),
        ]),
      ),
    )
}

/** The reporter's latest activity: their latest message, else the filing (a correlated subquery, portable SQL). */
const lastReporterActivity = sql`coalesce((select max(m.created_at) from report_messages m where m.report_id = r.id and m.sender = 'reporter'), r.created_at)`

export async function listReports(
  db: Kysely<Database>,
  filter: ReportFilter,
  sort: ReportSort,
  page: number,
  pageSize: number,
) {
  const base = filtered(db, filter)
  const direction = sort === 'oldest' ? 'asc' : 'desc'
  const [rows, count] = await Promise.all([
    base
      .leftJoin('units as u', 'u.id', 'r.reportedUnitId')
      .selectAll('r')
      .select('u.name as reportedUnitRosterName')
      .$if(sort === 'last_reporter_message', (qb) => qb.orderBy(lastReporterActivity, 'desc'))
      .orderBy('r.createdAt', direction)
      .orderBy('r.id', direction)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
export type ReportListRow = Awaited<ReturnType<typeof listReports>>['rows'][number]

export const findReport = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('reports as r')
    .leftJoin('units as u', 'u.id', 'r.reportedUnitId')
    .selectAll('r')
    .select('u.name as reportedUnitRosterName')
    .where('r.id', '=', id)
    .executeTakeFirst()

export const findUnit = (db: Kysely<Database>, id: string) =>
  db.selectFrom('units').select(['id', 'agencyId', 'path', 'name']).where('id', '=', id).executeTakeFirst()

export const listAgencyTimeZones = (db: Kysely<Database>, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('agencies')
        .select(['id', 'timeZone'])
        .where('id', 'in', [...ids])
        .execute()

export async function countFilesByReport(db: Kysely<Database>, reportIds: readonly string[]) {
  if (reportIds.length === 0) return new Map<string, number>()
  const rows = await db
    .selectFrom('reportFiles')
    .select(['reportId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('reportId', 'in', [...reportIds])
    .groupBy('reportId')
    .execute()
  return new Map(rows.map((row) => [row.reportId, Number(row.n)]))
}

/** Reporter messages newer than the reader's last opening of each report. */
export async function countUnreadByReport(
  db: Kysely<Database>,
  userId: string,
  reportIds: readonly string[],
) {
  if (reportIds.length === 0) return new Map<string, number>()
  const rows = await db
    .selectFrom('reportMessages as m')
    .leftJoin('reportReads as rr', (join) =>
      join.onRef('rr.reportId', '=', 'm.reportId').on('rr.userId', '=', userId),
    )
    .select(['m.reportId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.reportId', 'in', [...reportIds])
    .where('m.sender', '=', 'reporter')
    .where((eb) => eb.or([eb('rr.readAt', 'is', null), eb('m.createdAt', '>', eb.ref('rr.readAt'))]))
    .groupBy('m.reportId')
    .execute()
  return new Map(rows.map((row) => [row.reportId, Number(row.n)]))
}

/** The latest reporter message of each report (reports without one are absent). */
export async function findLastReporterMessageByReport(db: Kysely<Database>, reportIds: readonly string[]) {
  if (reportIds.length === 0) return new Map<string, string>()
  const rows = await db
    .selectFrom('reportMessages')
    .select(['reportId', (eb) => eb.fn.max('createdAt').as('at')])
    .where('reportId', 'in', [...reportIds])
    .where('sender', '=', 'reporter')
    .groupBy('reportId')
    .execute()
  return new Map(rows.map((row) => [row.reportId, String(row.at)]))
}

export interface RelatedCandidate {
  readonly baseId: string
  readonly baseCreatedAt: string
  readonly id: string
  readonly reportNumber: string
  readonly createdAt: string
  readonly status: string
  readonly reportedName: string | null
  readonly reason: 'employee' | 'person' | 'link'
}

/** Other reports of the same agency about the same employee, the same person (name + unit) or the same link. */
export async function listRelatedCandidates(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<RelatedCandidate[]> {
  if (reportIds.length === 0) return []
  const ids = [...reportIds]
  const pairs = db
    .selectFrom('reports as r')
    .innerJoin('reports as o', (join) =>
      join.onRef('o.agencyId', '=', 'r.agencyId').onRef('o.id', '<>', 'r.id'),
    )
    .select([
      'r.id as baseId',
      'r.createdAt as baseCreatedAt',
      'o.id',
      'o.reportNumber',
      'o.createdAt',
      'o.status',
      'o.reportedName',
    ])
    .where('r.id', 'in', ids)
    // A report merged into the other (either way) is its duplicate, shown as such, not as related.
    .where((eb) =>
      eb.and([
        eb.or([eb('o.duplicateOf', 'is', null), eb('o.duplicateOf', '<>', eb.ref('r.id'))]),
        eb.or([eb('r.duplicateOf', 'is', null), eb('r.duplicateOf', '<>', eb.ref('o.id'))]),
      ]),
    )
  const [byEmployee, byPerson, byLink] = await Promise.all([
    pairs.whereRef('o.reportedEmployeeId', '=', 'r.reportedEmployeeId').execute(),
    pairs
      .whereRef('o.reportedNameNormalized', '=', 'r.reportedNameNormalized')
      .where((eb) =>
        eb.or([
          eb('o.reportedUnitId', '=', eb.ref('r.reportedUnitId')),
          eb(sql`lower(${sql.ref('o.reportedUnitName')})`, '=', sql`lower(${sql.ref('r.reportedUnitName')})`),
        ]),
      )
      .execute(),
    pairs
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('reportLinks as a')
            .innerJoin('reportLinks as b', 'b.urlHash', 'a.urlHash')
            .select('a.reportId')
            .whereRef('a.reportId', '=', 'r.id')
            .whereRef('b.reportId', '=', 'o.id'),
        ),
      )
      .execute(),
  ])
  const tag = (rows: typeof byEmployee, reason: RelatedCandidate['reason']) =>
    rows.map((row) => ({ ...row, reason }))
  return [...tag(byEmployee, 'employee'), ...tag(byPerson, 'person'), ...tag(byLink, 'link')]
}

export const listMessagesWithStaff = (db: Kysely<Database>, reportId: string) =>
  db
    .selectFrom('reportMessages as m')
    .leftJoin('users as u', 'u.id', 'm.staffUserId')
    .select(['m.id', 'm.sender', 'm.bodySealed', 'm.createdAt', 'm.staffUserId', 'u.displayName'])
    .where('m.reportId', '=', reportId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute()

export const listFiles = (db: Kysely<Database>, reportId: string) =>
  db
    .selectFrom('reportFiles')
    .selectAll()
    .where('reportId', '=', reportId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()

export const findFile = (db: Kysely<Database>, reportId: string, fileId: string) =>
  db
    .selectFrom('reportFiles')
    .selectAll()
    .where('reportId', '=', reportId)
    .where('id', '=', fileId)
    .executeTakeFirst()

export const listDuplicatesOf = (db: Kysely<Database>, reportId: string) =>
  db
    .selectFrom('reports')
    .select(['id', 'reportNumber'])
    .where('duplicateOf', '=', reportId)
    .orderBy('createdAt')
    .execute()

export async function upsertRead(trx: Kysely<Database>, reportId: string, userId: string, readAt: string) {
  await trx
    .insertInto('reportReads')
    .values({ reportId, userId, readAt })
    .onConflict((oc) => oc.columns(['reportId', 'userId']).doUpdateSet({ readAt }))
    .execute()
}

/** Reports with sealed links that have no link hashes yet (filed since the inbox last looked). */
export const listReportsWithUnindexedLinks = (
  db: Kysely<Database>,
  agencyIds: readonly string[] | null,
  limit: number,
) =>
  db
    .selectFrom('reports as r')
    .select(['r.id', 'r.agencyId', 'r.keyId', 'r.dataKeyWrapped', 'r.linksSealed'])
    .where('r.linksSealed', 'is not', null)
    .$if(agencyIds !== null, (qb) => qb.where('r.agencyId', 'in', agencyIds?.length ? [...agencyIds] : ['']))
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('reportLinks as l').select('l.reportId').whereRef('l.reportId', '=', 'r.id')),
      ),
    )
    .limit(limit)
    .execute()

export async function insertLinkHashes(
  db: Kysely<Database>,
  rows: readonly { reportId: string; urlHash: string }[],
) {
  if (rows.length === 0) return
  await db
    .insertInto('reportLinks')
    .values([...rows])
    .onConflict((oc) => oc.columns(['reportId', 'urlHash']).doNothing())
    .execute()
}

export const setDuplicateOf = (
  trx: Kysely<Database>,
  reportId: string,
  of: string | null,
  updatedAt: string,
) => trx.updateTable('reports').set({ duplicateOf: of, updatedAt }).where('id', '=', reportId).execute()

/** Reports merged into `from` now point at `to` (a merge never leaves a chain). */
export async function repointDuplicates(trx: Kysely<Database>, from: string, to: string, updatedAt: string) {
  const result = await trx
    .updateTable('reports')
    .set({ duplicateOf: to, updatedAt })
    .where('duplicateOf', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export const setReportedEmployee = (
  trx: Kysely<Database>,
  reportId: string,
  employeeId: string | null,
  updatedAt: string,
) =>
  trx
    .updateTable('reports')
    .set({ reportedEmployeeId: employeeId, updatedAt })
    .where('id', '=', reportId)
    .execute()

const employeeColumns = [
  'e.id',
  'e.agencyId',
  'e.name',
  'e.nip',
  'e.unitId',
  'e.positionTitle',
  'u.name as unitName',
  'u.path as unitPath',
] as const

export const findEmployee = (db: Kysely<Database>, employeeId: string) =>
  db
    .selectFrom('employees as e')
    .innerJoin('units as u', 'u.id', 'e.unitId')
    .select(employeeColumns)
    .where('e.id', '=', employeeId)
    .executeTakeFirst()
export type EmployeeCandidateRow = NonNullable<Awaited<ReturnType<typeof findEmployee>>>

export const listEmployeesByNip = (db: Kysely<Database>, agencyId: string, nip: string) =>
  db
    .selectFrom('employees as e')
    .innerJoin('units as u', 'u.id', 'e.unitId')
    .select(employeeColumns)
    .where('e.agencyId', '=', agencyId)
    .where('e.nip', '=', nip)
    .execute()

/** Employees of the agency sharing at least one name word with `tokens`, most shared words first. */
export async function listEmployeesByNameTokens(
  db: Kysely<Database>,
  agencyId: string,
  tokens: readonly string[],
  limit: number,
) {
  if (tokens.length === 0) return []
  const matches = await db
    .selectFrom('employeeNameTokens')
    .select(['employeeId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('agencyId', '=', agencyId)
    .where('token', 'in', [...tokens])
    .groupBy('employeeId')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('employeeId')
    .limit(limit)
    .execute()
  if (matches.length === 0) return []
  return db
    .selectFrom('employees as e')
    .innerJoin('units as u', 'u.id', 'e.unitId')
    .select(employeeColumns)
    .where(
      'e.id',
      'in',
      matches.map((m) => m.employeeId),
    )
    .execute()
}
