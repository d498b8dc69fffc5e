/**
 * The audit trail: every state-changing service call appends one event inside its own transaction (so the
 * event exists exactly when the change does). There is deliberately no update or delete path; the table's
 * triggers refuse both. `verifyAuditChains` recomputes every link and names the first broken row per chain.
 */
import type { Kysely } from 'kysely'
import { DomainError } from '../../domain/errors.js'
import { canAdministerAgency, isSuperAdmin, administeredAgencyIds, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import type { AuditEventRow, Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import {
  canonicalJson,
  chainForAgency,
  checkLink,
  genesisHash,
  hashEvent,
  type ChainBreak,
} from './audit-chain.js'
import * as auditRepository from './audit.repository.js'

/** Who caused a change: a signed-in user, the CLI, or the system itself (jobs, first start). */
export interface AuditActor {
  readonly id: string | null
  readonly label: string
}

export const systemActor: AuditActor = { id: null, label: 'system' }
export const cliActor = (osUser?: string): AuditActor => ({
  id: null,
  label: osUser ? `cli:${osUser}` : 'cli',
})
export const auditActorOf = (actor: Actor): AuditActor => ({ id: actor.userId, label: actor.username })

export interface AuditEntry {
  /** `area.verb`, e.g. `user.created`. */
  readonly action: string
  readonly entityType: string
  readonly entityId?: string | null
  readonly agencyId?: string | null
  /** What changed, without secrets: e.g. `{ after: { roles: [...] } }`. */
  readonly summary?: Record<string, unknown>
}

/** Appends one event to its agency's chain. Call inside the transaction that makes the change. */
export async function recordAuditEvent(
  trx: Kysely<Database>,
  clock: Clock,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<AuditEventRow> {
  const [row] = await recordAuditEvents(trx, clock, actor, [entry])
  if (!row) throw new Error('recordAuditEvents returned no row')
  return row
}

/**
 * Appends several events in order, chain by chain: one lock, one head read and one insert per chain however many
 * events (bulk writers such as pledge signing). Call inside the transaction that makes the changes.
 */
export async function recordAuditEvents(
  trx: Kysely<Database>,
  clock: Clock,
  actor: AuditActor,
  entries: readonly AuditEntry[],
): Promise<AuditEventRow[]> {
  const occurredAt = clock.now().toISOString()
  const byChain = new Map<string, AuditEntry[]>()
  for (const entry of entries) {
    const chain = chainForAgency(entry.agencyId ?? null)
    const list = byChain.get(chain)
    if (list) list.push(entry)
    else byChain.set(chain, [entry])
  }
  const rows = new Map<AuditEntry, AuditEventRow>()
  // Chains are locked in one fixed order, so two writers covering the same agencies cannot deadlock.
  for (const [chain, chainEntries] of [...byChain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await auditRepository.lockChain(trx, chain)
    const head = await auditRepository.findChainHead(trx, chain)
    let seq = head ? Number(head.seq) : 0
    let prevHash = head?.hash ?? genesisHash
    const chainRows: AuditEventRow[] = []
    for (const entry of chainEntries) {
      seq += 1
      const base = {
        chain,
        seq,
        occurredAt,
        actorId: actor.id,
        actorLabel: actor.label,
        agencyId: entry.agencyId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        summary: canonicalJson(entry.summary ?? {}),
        prevHash,
      }
      const row: AuditEventRow = { id: newId(), ...base, hash: hashEvent(base) }
      prevHash = row.hash
      chainRows.push(row)
      rows.set(entry, row)
    }
    await auditRepository.insertAuditEvents(trx, chainRows)
  }
  return entries.map((entry) => rows.get(entry) as AuditEventRow)
}

export interface ChainReport {
  chain: string
  checked: number
  firstBreak: (ChainBreak & { id: string; seq: number }) | null
}

export interface AuditVerification {
  ok: boolean
  checked: number
  chains: ChainReport[]
}

/** Recomputes every chain; reports, per chain, the first row whose link does not hold. */
export async function verifyAuditChains(db: Kysely<Database>, pageSize = 2000): Promise<AuditVerification> {
  const chains = await auditRepository.listChains(db)
  const reports: ChainReport[] = []
  for (const chain of chains) {
    let previous: { seq: number; hash: string } | null = null
    let checked = 0
    let firstBreak: ChainReport['firstBreak'] = null
    for (;;) {
      const page = await auditRepository.listChainPage(db, chain, previous?.seq ?? 0, pageSize)
      for (const row of page) {
        const event = { ...row, seq: Number(row.seq) }
        checked += 1
        const problem = checkLink(event, previous)
        if (problem) {
          firstBreak = { ...problem, id: row.id, seq: event.seq }
          break
        }
        previous = { seq: event.seq, hash: row.hash }
      }
      if (firstBreak || page.length < pageSize) break
    }
    reports.push({ chain, checked, firstBreak })
  }
  return {
    ok: reports.every((report) => report.firstBreak === null),
    checked: reports.reduce((sum, report) => sum + report.checked, 0),
    chains: reports,
  }
}

export interface AuditEventView {
  readonly id: string
  readonly occurredAt: string
  readonly actorLabel: string
  readonly agencyId: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly summary: Record<string, unknown>
}

const toView = (row: AuditEventRow): AuditEventView => ({
  id: row.id,
  occurredAt: row.occurredAt,
  actorLabel: row.actorLabel,
  agencyId: row.agencyId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  summary: JSON.parse(row.summary) as Record<string, unknown>,
})

export function createAuditService({ db }: { db: Kysely<Database> }) {
  return {
    /** Events visible to the actor: a super admin sees all, an agency admin their agencies'. */
    async listEvents(
      actor: Actor,
      query: {
        agencyId?: string | undefined
        action?: string | undefined
        entityType?: string | undefined
        entityId?: string | undefined
        page: number
        pageSize: number
      },
    ) {
      let agencyIds: readonly string[] | 'all'
      if (query.agencyId) {
        if (!canAdministerAgency(actor, query.agencyId)) throw new DomainError('auth.forbidden')
        agencyIds = [query.agencyId]
      } else {
        agencyIds = isSuperAdmin(actor) ? 'all' : administeredAgencyIds(actor)
      }
      const { rows, total } = await auditRepository.listAuditEvents(
        db,
        { agencyIds, action: query.action, entityType: query.entityType, entityId: query.entityId },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      )
      return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize }
    },
    verify: () => verifyAuditChains(db),
  }
}
export type AuditService = ReturnType<typeof createAuditService>
