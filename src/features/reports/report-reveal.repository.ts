/** SQL of reveal requests for confidential reporters (issue #5 point 3). */
import type { Insertable, Kysely } from 'kysely'
import type { Database, ReportRevealRequestsTable } from '../../db/tables.js'

export type NewRevealRequestRow = Insertable<ReportRevealRequestsTable>

export const insertRevealRequest = (trx: Kysely<Database>, row: NewRevealRequestRow) =>
  trx.insertInto('reportRevealRequests').values(row).execute()

const withNames = (db: Kysely<Database>) =>
  db
    .selectFrom('reportRevealRequests as q')
    .innerJoin('reports as r', 'r.id', 'q.reportId')
    .innerJoin('users as req', 'req.id', 'q.requestedBy')
    .leftJoin('users as dec', 'dec.id', 'q.decidedBy')
    .selectAll('q')
    .select([
      'r.reportNumber',
      'r.keyId',
      'r.dataKeyWrapped',
      'req.displayName as requesterName',
      'dec.displayName as deciderName',
    ])

export type RevealRequestRow = Awaited<ReturnType<typeof findRevealRequest>> & {}

export const findRevealRequest = (db: Kysely<Database>, id: string) =>
  withNames(db).where('q.id', '=', id).executeTakeFirst()

export const listRevealRequestsOfReport = (db: Kysely<Database>, reportId: string) =>
  withNames(db)
    .where('q.reportId', '=', reportId)
    .orderBy('q.createdAt', 'desc')
    .orderBy('q.id', 'desc')
    .execute()

export const listRevealRequests = (
  db: Kysely<Database>,
  agencyIds: readonly string[] | null,
  status: string | undefined,
  limit: number,
) =>
  withNames(db)
    .$if(agencyIds !== null, (qb) => qb.where('q.agencyId', 'in', agencyIds?.length ? [...agencyIds] : ['']))
    .$if(status !== undefined, (qb) => qb.where('q.status', '=', status ?? ''))
    .orderBy('q.createdAt', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute()

export const findPendingRequestBy = (db: Kysely<Database>, reportId: string, userId: string) =>
  db
    .selectFrom('reportRevealRequests')
    .select('id')
    .where('reportId', '=', reportId)
    .where('requestedBy', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()

/** The approval that lets `userId` read the reporter of `reportId` at `now`, latest expiry first. */
export const findActiveApproval = (db: Kysely<Database>, reportId: string, userId: string, now: string) =>
  db
    .selectFrom('reportRevealRequests')
    .select(['id', 'expiresAt'])
    .where('reportId', '=', reportId)
    .where('requestedBy', '=', userId)
    .where('status', '=', 'approved')
    .where('expiresAt', '>', now)
    .orderBy('expiresAt', 'desc')
    .executeTakeFirst()

/** Decides a pending request; false when it was decided meanwhile (compare-and-set). */
export async function decideRevealRequest(
  trx: Kysely<Database>,
  id: string,
  decision: {
    status: 'approved' | 'rejected'
    decidedBy: string
    decidedAt: string
    decisionNoteSealed: string | null
    expiresAt: string | null
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('reportRevealRequests')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
