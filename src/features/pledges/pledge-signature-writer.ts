/**
 * Writes signatures in batches (src/platform/batch-queue.ts): the signatures that arrive while one batch commits
 * are written together by the next, in one transaction of a fixed number of statements — codes marked used
 * (compare-and-set on all of them), signatures inserted, receipt jobs queued, audit events appended (one lock and
 * one head read of the chain) — so a morning assembly signing at once costs one commit, not hundreds.
 *
 * Each signature still gets its own answer: a code that lost its compare-and-set (used meanwhile, or twice in one
 * batch) gets `pledge.already_signed` / `pledge.code_used` while the others are written. If the batch statement
 * fails as a whole (e.g. a unique violation from another process), the batch is rolled back and its signatures are
 * written one by one, each in its own transaction, so only the offending one is refused.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { isPostgres } from '../../db/database.js'
import { createBatchQueue, settle, type Settled } from '../../platform/batch-queue.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import { recordAuditEvents, type AuditActor } from '../audit/audit.service.js'
import { pledgeReceiptQueue, type PledgeReceiptJob } from './pledge-receipts.service.js'
import * as signingRepo from './pledge-signing.repository.js'
import * as repo from './pledges.repository.js'

/** The label of the audit entries written by a code holder (no account; the employee id is in the summary). */
export const pledgeSignerActor: AuditActor = { id: null, label: 'pledge-signer' }

export interface NewSignature {
  readonly target: signingRepo.SigningTarget
  readonly codeHash: string
  readonly row: repo.SignatureRow
}

export interface SignatureWriterDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** Receipt jobs are queued in the same transaction; without a queue (some tests) none is queued. */
  readonly jobs?: Pick<JobQueue, 'enqueueManyWithin' | 'wake'> | undefined
}

/** The refusal of a used code: "you signed" when an active signature stands (maybe written earlier in this batch), else "code used". */
export async function usedCodeError(
  exec: Kysely<Database>,
  target: signingRepo.SigningTarget,
): Promise<DomainError> {
  const active = await repo.findActiveSignature(exec, target.campaignId, target.employeeId)
  return new DomainError(active ? 'pledge.already_signed' : 'pledge.code_used')
}

/**
 * On PostgreSQL two batches may be under way: the next one marks codes and inserts signatures while the previous one
 * holds the audit chain's lock until its commit (more only queue on that lock). SQLite has one connection.
 */
const writerOptions = (db: Kysely<Database>) => ({ concurrency: isPostgres(db) ? 2 : 1 })

export function createSignatureWriter({ db, clock, jobs }: SignatureWriterDeps) {
  async function writeTogether(
    trx: Kysely<Database>,
    items: readonly NewSignature[],
  ): Promise<Settled<void>[]> {
    const marked = await signingRepo.markCodesUsed(
      trx,
      items.map((item) => item.codeHash),
      clock.now().toISOString(),
    )
    const winners = new Set<NewSignature>()
    for (const item of items) {
      // A code submitted twice in one batch was marked once: the first submit has it.
      if (marked.delete(item.codeHash)) winners.add(item)
    }
    const written = items.filter((item) => winners.has(item))
    await signingRepo.insertSignatures(
      trx,
      written.map((item) => item.row),
    )
    await jobs?.enqueueManyWithin<PledgeReceiptJob>(
      trx,
      pledgeReceiptQueue,
      written.map((item) => ({ signatureId: item.row.id })),
    )
    // Last: on PostgreSQL the audit chain's lock is held from here to the commit.
    await recordAuditEvents(
      trx,
      clock,
      pledgeSignerActor,
      written.map(({ target, row }) => ({
        action: 'pledge_signature.signed',
        entityType: 'pledge_signature',
        entityId: row.id,
        agencyId: target.agencyId,
        summary: {
          campaignId: target.campaignId,
          employeeId: target.employeeId,
          templateVersionId: row.templateVersionId,
          templateSha256: row.templateSha256,
          hasDrawnSignature: row.drawnSignature !== null,
        },
      })),
    )
    const outcomes: Settled<void>[] = []
    for (const item of items)
      outcomes.push(
        winners.has(item)
          ? { ok: true, value: undefined }
          : { ok: false, error: await usedCodeError(trx, item.target) },
      )
    return outcomes
  }

  async function writeOne(item: NewSignature): Promise<Settled<void>> {
    return settle(async () => {
      try {
        const [outcome] = await db.transaction().execute((trx) => writeTogether(trx, [item]))
        if (outcome && !outcome.ok) throw outcome.error
      } catch (error) {
        if (repo.isUniqueViolation(error)) throw new DomainError('pledge.already_signed')
        throw error
      }
    })
  }

  const queue = createBatchQueue<NewSignature, void>(async (items) => {
    let outcomes: Settled<void>[]
    if (items.length === 1 && items[0]) {
      outcomes = [await writeOne(items[0])]
    } else {
      try {
        outcomes = await db.transaction().execute((trx) => writeTogether(trx, items))
      } catch {
        outcomes = []
        for (const item of items) outcomes.push(await writeOne(item))
      }
    }
    if (outcomes.some((outcome) => outcome.ok)) jobs?.wake(pledgeReceiptQueue)
    return outcomes
  }, writerOptions(db))

  return {
    /** Resolves once the signature is committed; rejects with this signature's refusal. */
    write: (item: NewSignature): Promise<void> => queue.push(item),
    stats: () => queue.stats(),
  }
}

export type SignatureWriter = ReturnType<typeof createSignatureWriter>
