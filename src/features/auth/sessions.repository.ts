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

export async function saveThrottle(
  db: Kysely<Database>,
  row: { key: string; failures: number; lastFailureAt: string | null; lockedUntil: string | null },
): Promise<void> {
  await db
    .insertInto('loginThrottles')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        lastFailureAt: row.lastFailureAt,
        lockedUntil: row.lockedUntil,
      }),
    )
    .execute()
}

export const clearThrottle = (db: Kysely<Database>, key: string) =>
  db.deleteFrom('loginThrottles').where('key', '=', key).execute()

export type { SessionRow }
