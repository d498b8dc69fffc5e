/** Sessions (stored by token hash) and per-username login throttles. */
import type { Kysely } from 'kysely'
import type { Database, SessionRow } from '../../db/tables.js'

export const insertSession = (db: Kysely<Database>, row: SessionRow) =>
  db.insertInto('sessions').values(row).execute()

export const findSessionById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()

export const touchSession = (db: Kysely<Database>, id: string, lastSeenAt: string) =>
  db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).where('revokedAt', 'is', null).execute()

export const setSessionStage = (db: Kysely<Database>, id: string, stage: string) =>
  db.updateTable('sessions').set({ stage }).where('id', '=', id).execute()

export const revokeSession = (db: Kysely<Database>, id: string, at: string) =>
  db
    .updateTable('sessions')
    .set({ revokedAt: at })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute()

/** Ends every live session of a user, optionally sparing one (the one that changed the password). */
export const revokeSessionsOfUser = (db: Kysely<Database>, userId: string, at: string, exceptId?: string) => {
  let query = db
    .updateTable('sessions')
    .set({ revokedAt: at })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return query.execute()
}

/** Removes sessions that ended long ago; sessions are not audit records. */
export const deleteSessionsEndedBefore = (db: Kysely<Database>, before: string) =>
  db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<', before), eb('revokedAt', '<', before)]))
    .executeTakeFirst()

export const findThrottle = (db: Kysely<Database>, key: string) =>
  db.selectFrom('loginThrottles').selectAll().where('key', '=', key).executeTakeFirst()

export interface ThrottleRow {
  readonly key: string
  readonly failures: number
  readonly lastFailureAt: string | null
  readonly lockedUntil: string | null
}

/**
 * Compare-and-set: writes `next` only if the row still equals `previous` (or, with previous null, does not exist
 * yet). Concurrent failed sign-ins on PostgreSQL then never overwrite each other's count.
 */
export async function saveThrottleIfUnchanged(
  db: Kysely<Database>,
  previous: ThrottleRow | null,
  next: ThrottleRow,
): Promise<boolean> {
  if (previous === null) {
    const inserted = await db
      .insertInto('loginThrottles')
      .values(next)
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1
  }
  let query = db
    .updateTable('loginThrottles')
    .set({ failures: next.failures, lastFailureAt: next.lastFailureAt, lockedUntil: next.lockedUntil })
    .where('key', '=', next.key)
    .where('failures', '=', previous.failures)
  query =
    previous.lastFailureAt === null
      ? query.where('lastFailureAt', 'is', null)
      : query.where('lastFailureAt', '=', previous.lastFailureAt)
  const updated = await query.executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

export const clearThrottle = (db: Kysely<Database>, key: string) =>
  db.deleteFrom('loginThrottles').where('key', '=', key).execute()

export type { SessionRow }
