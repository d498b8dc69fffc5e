/**
 * Revealing a confidential reporter (issue #5 point 3, decision 0013): an officer who works the report asks with a
 * reason; a second officer — an agency admin or decision maker of the agency, never the requester — approves or
 * rejects. An approval lets the requester alone read the identity in the report detail for `revealValidityDays`.
 * Every step is audited (the reason stays sealed with the report's key, never in the audit summary).
 */
import type { Kysely } from 'kysely'
import { reportHandlers, revealApprovers, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { openField, sealField, type ReportKeyProvider } from './report-crypto.js'
import * as revealRepo from './report-reveal.repository.js'
import {
  revealValidityDays,
  type ListRevealRequestsQuery,
  type RevealDecisionBody,
  type RevealRequestBody,
  type RevealRequestList,
  type RevealRequestStatus,
  type RevealRequestView,
} from './report-reveal.schema.js'
import { agenciesWorkedBy, mayWorkReportsOf } from './reports-staff.service.js'
import * as staffRepo from './reports-staff.repository.js'

export interface RevealDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly keys: ReportKeyProvider
}

export function createReportRevealService({ db, clock, keys }: RevealDeps) {
  const dataKeyOf = (row: { agencyId: string; keyId: string; dataKeyWrapped: string }) =>
    keys.unwrap(row.agencyId, row.keyId, row.dataKeyWrapped)

  function viewOf(actor: Actor, row: revealRepo.RevealRequestRow): RevealRequestView {
    const key = dataKeyOf(row)
    const field = (name: string) => `reveal:${row.id}:${name}`
    const now = clock.now().toISOString()
    const status: RevealRequestStatus =
      row.status === 'approved' && row.expiresAt !== null && row.expiresAt <= now
        ? 'expired'
        : (row.status as RevealRequestStatus)
    return {
      id: row.id,
      reportId: row.reportId,
      reportNumber: row.reportNumber,
      status,
      reason: openField(key, row.reportId, field('reason'), row.reasonSealed),
      requestedBy: { id: row.requestedBy, displayName: row.requesterName },
      createdAt: row.createdAt,
      decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: row.deciderName ?? '' } : null,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNoteSealed
        ? openField(key, row.reportId, field('decision_note'), row.decisionNoteSealed)
        : null,
      expiresAt: row.expiresAt,
      canDecide:
        row.status === 'pending' &&
        row.requestedBy !== actor.userId &&
        mayWorkReportsOf(actor, row.agencyId, revealApprovers),
    }
  }

  async function decide(
    actor: Actor,
    requestId: string,
    body: RevealDecisionBody,
    status: 'approved' | 'rejected',
  ): Promise<RevealRequestView> {
    const request = await revealRepo.findRevealRequest(db, requestId)
    if (!request || !mayWorkReportsOf(actor, request.agencyId, revealApprovers))
      throw new DomainError('report.reveal_not_found', { requestId })
    if (request.status !== 'pending')
      throw new DomainError('report.reveal_not_pending', { status: request.status })
    if (request.requestedBy === actor.userId) throw new DomainError('report.reveal_self_approval')
    const now = clock.now()
    const expiresAt =
      status === 'approved' ? new Date(now.getTime() + revealValidityDays * 86_400_000).toISOString() : null
    await db.transaction().execute(async (trx) => {
      const decided = await revealRepo.decideRevealRequest(trx, request.id, {
        status,
        decidedBy: actor.userId,
        decidedAt: now.toISOString(),
        decisionNoteSealed: body.note
          ? sealField(dataKeyOf(request), request.reportId, `reveal:${request.id}:decision_note`, body.note)
          : null,
        expiresAt,
      })
      if (!decided) throw new DomainError('report.reveal_not_pending')
      await recordAuditEvent(trx, clock, auditActorOf(actor), {
        action: status === 'approved' ? 'report.reveal_approved' : 'report.reveal_rejected',
        entityType: 'report',
        entityId: request.reportId,
        agencyId: request.agencyId,
        summary: {
          reportNumber: request.reportNumber,
          requestId: request.id,
          requestedBy: request.requestedBy,
          ...(expiresAt ? { expiresAt } : {}),
        },
      })
    })
    const after = await revealRepo.findRevealRequest(db, request.id)
    if (!after) throw new DomainError('report.reveal_not_found', { requestId })
    return viewOf(actor, after)
  }

  return {
    /** Asks to read the identity of a confidential reporter; one pending request per officer and report. */
    async request(actor: Actor, reportId: string, body: RevealRequestBody): Promise<RevealRequestView> {
      const report = await staffRepo.findReport(db, reportId)
      if (!report || !mayWorkReportsOf(actor, report.agencyId, reportHandlers))
        throw new DomainError('report.not_found', { reportId })
      if (report.identityLevel !== 'confidential' || !report.reporterSealed)
        throw new DomainError('report.reveal_not_confidential', { identityLevel: report.identityLevel })
      if (await revealRepo.findPendingRequestBy(db, report.id, actor.userId))
        throw new DomainError('report.reveal_pending')
      const id = newId()
      const createdAt = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await revealRepo.insertRevealRequest(trx, {
          id,
          reportId: report.id,
          agencyId: report.agencyId,
          requestedBy: actor.userId,
          reasonSealed: sealField(dataKeyOf(report), report.id, `reveal:${id}:reason`, body.reason),
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          decisionNoteSealed: null,
          expiresAt: null,
          createdAt,
        })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'report.reveal_requested',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: { reportNumber: report.reportNumber, requestId: id },
        })
      })
      const row = await revealRepo.findRevealRequest(db, id)
      if (!row) throw new DomainError('report.reveal_not_found', { requestId: id })
      return viewOf(actor, row)
    },

    /** The reveal requests of one report (for officers who work it). */
    async listForReport(actor: Actor, reportId: string): Promise<RevealRequestList> {
      const report = await staffRepo.findReport(db, reportId)
      if (!report || !mayWorkReportsOf(actor, report.agencyId, reportHandlers))
        throw new DomainError('report.not_found', { reportId })
      const rows = await revealRepo.listRevealRequestsOfReport(db, report.id)
      return { items: rows.map((row) => viewOf(actor, row)) }
    },

    /** Requests in the agencies where the actor may approve (default: pending ones), newest first. */
    async list(actor: Actor, query: ListRevealRequestsQuery): Promise<RevealRequestList> {
      const rows = await revealRepo.listRevealRequests(
        db,
        agenciesWorkedBy(actor, revealApprovers),
        query.status,
        200,
      )
      return { items: rows.map((row) => viewOf(actor, row)) }
    },

    approve: (actor: Actor, requestId: string, body: RevealDecisionBody) =>
      decide(actor, requestId, body, 'approved'),
    reject: (actor: Actor, requestId: string, body: RevealDecisionBody) =>
      decide(actor, requestId, body, 'rejected'),
  }
}

export type ReportRevealService = ReturnType<typeof createReportRevealService>
