/**
 * SQL of the intake API for other channels (issue #5 point 5): channel API keys and idempotency records.
 */
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database, IntakeChannelKeysTable, IntakeIdempotencyTable } from '../../db/tables.js'

export type ChannelKeyRow = Selectable<IntakeChannelKeysTable>
export type NewChannelKeyRow = Insertable<IntakeChannelKeysTable>
export type IdempotencyRow = Selectable<IntakeIdempotencyTable>

const keyWithNames = (db: Kysely<Database>) =>
  db
    .selectFrom('intakeChannelKeys as k')
    .leftJoin('users as c', 'c.id', 'k.createdBy')
    .leftJoin('users as r', 'r.id', 'k.revokedBy')
    .selectAll('k')
    .select(['c.username as createdByName', 'r.username as revokedByName'])

export type ChannelKeyWithNames = NonNullable<Awaited<ReturnType<typeof findKey>>>

export const listKeys = (db: Kysely<Database>, agencyId: string) =>
  keyWithNames(db).where('k.agencyId', '=', agencyId).orderBy('k.createdAt', 'desc').orderBy('k.id').execute()

export const findKey = (db: Kysely<Database>, id: string) =>
  keyWithNames(db).where('k.id', '=', id).executeTakeFirst()

export const insertKey = (db: Kysely<Database>, row: NewChannelKeyRow) =>
  db.insertInto('intakeChannelKeys').values(row).execute()

/** Marks a key revoked unless it already is; false when it was. */
export async function revokeKey(db: Kysely<Database>, id: string, by: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('intakeChannelKeys')
    .set({ revokedAt: at, revokedBy: by })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The key (and its agency's slug) whose token has this SHA-256: one index hit, revoked or not. */
export const findKeyByTokenHash = (db: Kysely<Database>, tokenHash: string) =>
  db
    .selectFrom('intakeChannelKeys as k')
    .innerJoin('agencies as a', 'a.id', 'k.agencyId')
    .select(['k.id', 'k.agencyId', 'k.channel', 'k.revokedAt', 'a.slug as agencySlug'])
    .where('k.tokenHash', '=', tokenHash)
    .executeTakeFirst()

export const touchKey = (db: Kysely<Database>, id: string, at: string) =>
  db.updateTable('intakeChannelKeys').set({ lastUsedAt: at }).where('id', '=', id).execute()

export const findIdempotency = (db: Kysely<Database>, channelKeyId: string, idempotencyKey: string) =>
  db
    .selectFrom('intakeIdempotency')
    .selectAll()
    .where('channelKeyId', '=', channelKeyId)
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst()

export const insertIdempotency = (db: Kysely<Database>, row: Insertable<IntakeIdempotencyTable>) =>
  db.insertInto('intakeIdempotency').values(row).execute()

export const findReportSummary = (db: Kysely<Database>, reportId: string) =>
  db
    .selectFrom('reports')
    .select(['id', 'reportNumber', 'status'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
