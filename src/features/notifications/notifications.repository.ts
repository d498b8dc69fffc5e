import type { Kysely } from 'kysely'
import type { Database, NotificationRow } from '../../db/tables.js'

export const insertNotification = (db: Kysely<Database>, row: NotificationRow) =>
  db.insertInto('notificationOutbox').values(row).execute()

export const findNotificationById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('notificationOutbox').selectAll().where('id', '=', id).executeTakeFirst()

/**
 * Rows to deliver now: pending ones whose next attempt is due, and `sending` ones whose claim lapsed (while a row
 * is `sending`, nextAttemptAt holds the end of its claim).
 */
export const listDueNotifications = (
  db: Kysely<Database>,
  now: string,
  limit: number,
  channels: readonly string[],
) =>
  db
    .selectFrom('notificationOutbox')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('channel', 'in', channels)
    .where('nextAttemptAt', '<=', now)
    .orderBy('nextAttemptAt')
    .orderBy('id')
    .limit(limit)
    .execute()

const changedOne = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1

/**
 * Compare-and-set claim: only the dispatcher that still sees the row as `expected` (same status, same attempt count,
 * still due) takes it. Returns false when someone else got there first.
 */
export async function updateNotificationClaim(
  db: Kysely<Database>,
  expected: Pick<NotificationRow, 'id' | 'status' | 'attempts'>,
  now: string,
  claim: Pick<NotificationRow, 'attempts' | 'nextAttemptAt' | 'lastError'>,
): Promise<boolean> {
  const result = await db
    .updateTable('notificationOutbox')
    .set({ status: 'sending', ...claim })
    .where('id', '=', expected.id)
    .where('status', '=', expected.status)
    .where('attempts', '=', expected.attempts)
    .where('nextAttemptAt', '<=', now)
    .executeTakeFirst()
  return changedOne(result)
}

/** Records the outcome of a claimed send; false when the claim was lost meanwhile (it lapsed and was taken again). */
export async function updateNotificationOutcome(
  db: Kysely<Database>,
  claimed: Pick<NotificationRow, 'id' | 'attempts'>,
  outcome: Pick<NotificationRow, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('notificationOutbox')
    .set(outcome)
    .where('id', '=', claimed.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claimed.attempts)
    .executeTakeFirst()
  return changedOne(result)
}
