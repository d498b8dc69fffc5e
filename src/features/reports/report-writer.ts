/**
 * Writes filed reports in batches (src/platform/batch-queue.ts), as pledge-signature-writer.ts does for signatures:
 * reports that arrive while one batch commits are written together by the next, in one transaction — report
 * numbers taken with one counter update per agency, reports and their files in multi-row inserts, each channel
 * report's idempotency record, audit entries appended with one chain lock. Filing is serialized per agency by the
 * number counter and the audit chain; one transaction per report made that the limit on PostgreSQL.
 *
 * Each report still gets its own answer. If the batch fails as a whole (a receipt hash or idempotency key met a
 * unique constraint), it is rolled back and its reports are written one by one, so only the offending one fails.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { Database } from '../../db/tables.js'
import { createBatchQueue, settle, type Settled } from '../../platform/batch-queue.js'
import { recordAuditEvents, type AuditActor } from '../audit/audit.service.js'
import * as repo from './reports.repository.js'

export interface PendingReport {
  readonly year: number
  readonly row: Omit<repo.NewReportRow, 'reportNumber'> & { readonly agencyId: string }
  readonly files: readonly repo.NewReportFileRow[]
  readonly actor: AuditActor
  /** The audit summary; `reportNumber` is added when the number is taken. */
  readonly summary: Readonly<Record<string, unknown>>
  /** Runs in the same transaction after the report is inserted (a channel report's idempotency record). */
  readonly withinTransaction?: ((trx: Kysely<Database>) => Promise<void>) | undefined
}

export const formatReportNumber = (year: number, number: number): string =>
  `ADU-${year}-${String(number).padStart(6, '0')}`

export function createReportWriter({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  async function writeTogether(trx: Kysely<Database>, items: readonly PendingReport[]): Promise<string[]> {
    const byCounter = new Map<string, PendingReport[]>()
    for (const item of items) {
      const key = `${item.row.agencyId}:${item.year}`
      byCounter.set(key, [...(byCounter.get(key) ?? []), item])
    }
    const numbers = new Map<PendingReport, string>()
    // Counters in a fixed order, so two batches never wait on each other's rows crosswise.
    for (const key of [...byCounter.keys()].sort()) {
      const group = byCounter.get(key) ?? []
      const first = group[0]
      if (!first) continue
      const start = await repo.takeReportNumbers(trx, first.row.agencyId, first.year, group.length)
      group.forEach((item, index) => numbers.set(item, formatReportNumber(item.year, start + index)))
    }
    const numberOf = (item: PendingReport) => numbers.get(item) ?? ''
    await repo.insertReports(
      trx,
      items.map((item) => ({ ...item.row, reportNumber: numberOf(item) })),
      items.flatMap((item) => item.files),
    )
    for (const item of items) if (item.withinTransaction) await item.withinTransaction(trx)
    const byActor = new Map<string, { actor: AuditActor; items: PendingReport[] }>()
    for (const item of items) {
      const key = `${item.actor.id ?? ''}|${item.actor.label}`
      const group = byActor.get(key) ?? { actor: item.actor, items: [] }
      group.items.push(item)
      byActor.set(key, group)
    }
    for (const { actor, items: group } of byActor.values())
      await recordAuditEvents(
        trx,
        clock,
        actor,
        group.map((item) => ({
          action: 'report.submitted',
          entityType: 'report',
          entityId: item.row.id,
          agencyId: item.row.agencyId,
          summary: { reportNumber: numberOf(item), ...item.summary },
        })),
      )
    return items.map(numberOf)
  }

  const writeOne = (item: PendingReport): Promise<Settled<string>> =>
    settle(async () => {
      const [number] = await db.transaction().execute((trx) => writeTogether(trx, [item]))
      return number ?? ''
    })

  const queue = createBatchQueue<PendingReport, string>(async (items) => {
    if (items.length === 1 && items[0]) return [await writeOne(items[0])]
    try {
      const written = await db.transaction().execute((trx) => writeTogether(trx, items))
      return written.map((value) => ({ ok: true, value }))
    } catch {
      const outcomes: Settled<string>[] = []
      for (const item of items) outcomes.push(await writeOne(item))
      return outcomes
    }
  })

  return {
    /** Resolves with the report number once the report is committed; rejects with this report's failure. */
    write: (item: PendingReport): Promise<string> => queue.push(item),
  }
}
