import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import { isPostgres } from '../../db/database.js'
import type { AuditEventRow, Database } from '../../db/tables.js'

/** Serialises appends to one chain until the surrounding transaction ends (SQLite has one writer anyway). */
export async function lockChain(db: Kysely<Database>, chain: string): Promise<void> {
  if (isPostgres(db))
    await sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`.execute(db)
}

export async function findChainHead(db: Kysely<Database>, chain: string) {
  return db
    .selectFrom('auditEvents')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertAuditEvents(db: Kysely<Database>, rows: readonly AuditEventRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('auditEvents').values(rows).execute()
}

export async function listChains(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('auditEvents').select('chain').distinct().orderBy('chain').execute()
  return rows.map((row) => row.chain)
}

export async function listChainPage(db: Kysely<Database>, chain: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('auditEvents')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute()
}

export interface AuditEventFilter {
  readonly agencyIds: readonly string[] | 'all'
  readonly action?: string | undefined
  readonly entityType?: string | undefined
  readonly entityId?: string | undefined
  readonly actorId?: string | undefined
}

function applyFilter(
  query: SelectQueryBuilder<Database, 'auditEvents', object>,
  filter: AuditEventFilter,
): SelectQueryBuilder<Database, 'auditEvents', object> {
  let q = query
  if (filter.agencyIds !== 'all')
    q = q.where('agencyId', 'in', filter.agencyIds.length ? filter.agencyIds : [''])
  if (filter.action) q = q.where('action', '=', filter.action)
  if (filter.entityType) q = q.where('entityType', '=', filter.entityType)
  if (filter.entityId) q = q.where('entityId', '=', filter.entityId)
  if (filter.actorId) q = q.where('actorId', '=', filter.actorId)
  return q
}

export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditEventFilter,
  page: { offset: number; limit: number },
) {
  const base = applyFilter(db.selectFrom('auditEvents'), filter)
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('occurredAt', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.count) }
}
