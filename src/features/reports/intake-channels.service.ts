/**
 * The intake API for other channels (issue #5 point 5): SP4N-LAPOR!, SBT BKN, Bawaslu and internal findings hand
 * reports over with a per-channel API key of the agency.
 *
 * Keys: an agency admin (or a super admin) creates one per channel with a label; the secret token (`ntk_` + 32 random
 * bytes, base64url) is answered once and only its SHA-256 is stored, so a request finds its key by one index hit.
 * Every token is hashed and looked up the same way — missing, malformed, unknown and revoked tokens all end in the
 * same query and the same 401 `intake.key_invalid` (no early exit on the prefix). Each key is rate-limited in memory.
 *
 * Idempotency: a hand-over names an `Idempotency-Key`. The record (key id + idempotency key, primary key; the
 * fingerprint of the request — the validated body and the SHA-256 of its evidence files in order; the report id) is
 * written inside the report's own transaction. A retry with the same body and files finds it and gets the same report
 * (its own stored files are then removed by the route); a different body or other files is 409
 * `intake.idempotency_conflict`. Two concurrent requests with one key both miss the first lookup, but only one
 * transaction can insert the record: the other rolls back (report and number included) on the unique violation and
 * reads the winner's record.
 */
import type { Kysely } from 'kysely'
import { canAdministerAgency, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { randomToken, sha256Hex } from '../../platform/random.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import * as repo from './intake-channels.repository.js'
import {
  channelTokenPrefix,
  type ChannelKeyList,
  type ChannelKeyView,
  type ChannelReportBody,
  type ChannelReportResult,
  type IntakeChannel,
  type NewChannelKeyBody,
  type NewChannelKeyResult,
} from './intake-channels.schema.js'
import type { PublicReportsService, ReportDraft, StoredEvidenceFile } from './reports-public.service.js'

/** Who a request with a valid channel key speaks for. */
export interface ChannelKeyPrincipal {
  readonly keyId: string
  readonly agencyId: string
  readonly agencySlug: string
  readonly channel: IntakeChannel
}

/** A hand-over's evidence files, stored encrypted under the draft's data key before the report is filed. */
export interface ChannelUpload {
  readonly draft: ReportDraft
  readonly files: readonly StoredEvidenceFile[]
}

/** Characters of the token (prefix included) kept to tell keys apart in the list. */
const tokenHintLength = channelTokenPrefix.length + 6

/** What an absent or malformed Authorization header is hashed as, so it costs the same lookup as a real token. */
const noToken = `${channelTokenPrefix}absent`

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(header)
  return match?.[1] ?? null
}

/** JSON with object keys sorted (undefined left out): equal bodies hash equal however their keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * What a hand-over is recognised by on a retry: the validated body and the SHA-256 of its files, in order. Without
 * files it is the hash of the body alone, as it was before channels could send files, so earlier records still match.
 */
export function handoverFingerprint(body: ChannelReportBody, fileHashes: readonly string[]): string {
  return sha256Hex(canonicalJson(fileHashes.length === 0 ? body : { body, files: fileHashes }))
}

const toView = (row: repo.ChannelKeyWithNames): ChannelKeyView => ({
  id: row.id,
  agencyId: row.agencyId,
  channel: row.channel as IntakeChannel,
  label: row.label,
  tokenHint: row.tokenHint,
  createdAt: new Date(row.createdAt).toISOString(),
  createdBy: row.createdByName ?? null,
  lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
  revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
  revokedBy: row.revokedByName ?? null,
})

export interface IntakeChannelsDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly reports: PublicReportsService
  /** Hand-overs per key per minute (in memory, per app node). */
  readonly perKeyPerMinute: number
}

export function createIntakeChannelsService({ db, clock, reports, perKeyPerMinute }: IntakeChannelsDeps) {
  const windows = new Map<string, { start: number; count: number }>()

  /** Agency admins of that agency, or super admins; any other agency is "not found" (not revealed). */
  async function agencyFor(actor: Actor, agencyId: string | undefined): Promise<string> {
    const id =
      agencyId ?? (actor.agencyId && canAdministerAgency(actor, actor.agencyId) ? actor.agencyId : null)
    if (id === null)
      throw new DomainError('request.invalid', {
        issues: [{ location: 'body', path: ['agencyId'], code: 'required' }],
      })
    if (!canAdministerAgency(actor, id) || !(await findAgencyById(db, id)))
      throw new DomainError('agency.not_found', { agencyId: id })
    return id
  }

  function takeRequest(keyId: string): void {
    const now = clock.now().getTime()
    const window = windows.get(keyId)
    if (!window || now - window.start >= 60_000) {
      if (windows.size > 10_000) windows.clear()
      windows.set(keyId, { start: now, count: 1 })
      return
    }
    window.count += 1
    if (window.count > perKeyPerMinute)
      throw new DomainError('request.rate_limited', {
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)),
      })
  }

  async function replay(
    record: repo.IdempotencyRow,
    requestHash: string,
  ): Promise<{ created: false; report: ChannelReportResult }> {
    if (record.requestHash !== requestHash) throw new DomainError('intake.idempotency_conflict')
    return { created: false, report: await repo.findReportSummary(db, record.reportId) }
  }

  return {
    async list(actor: Actor, agencyId: string | undefined): Promise<ChannelKeyList> {
      const id = await agencyFor(actor, agencyId)
      return { items: (await repo.listKeys(db, id)).map(toView) }
    },

    async create(actor: Actor, body: NewChannelKeyBody): Promise<NewChannelKeyResult> {
      const agencyId = await agencyFor(actor, body.agencyId)
      const id = newId()
      const token = `${channelTokenPrefix}${randomToken(32)}`
      const tokenHint = token.slice(0, tokenHintLength)
      await db.transaction().execute(async (trx) => {
        await repo.insertKey(trx, {
          id,
          agencyId,
          channel: body.channel,
          label: body.label,
          tokenHash: sha256Hex(token),
          tokenHint,
          createdBy: actor.userId,
          createdAt: clock.now().toISOString(),
          lastUsedAt: null,
          revokedAt: null,
          revokedBy: null,
        })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'intake.channel_key_created',
          entityType: 'intake_channel_key',
          entityId: id,
          agencyId,
          summary: { channel: body.channel, label: body.label, tokenHint },
        })
      })
      const row = await repo.findKey(db, id)
      if (!row) throw new Error('channel key vanished after insert')
      return { key: toView(row), token }
    },

    async revoke(actor: Actor, id: string): Promise<ChannelKeyView> {
      const row = await repo.findKey(db, id)
      if (!row || !canAdministerAgency(actor, row.agencyId)) throw new DomainError('intake.key_not_found')
      await db.transaction().execute(async (trx) => {
        if (!(await repo.revokeKey(trx, id, actor.userId, clock.now().toISOString())))
          throw new DomainError('intake.key_already_revoked')
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'intake.channel_key_revoked',
          entityType: 'intake_channel_key',
          entityId: id,
          agencyId: row.agencyId,
          summary: { channel: row.channel, label: row.label, tokenHint: row.tokenHint },
        })
      })
      const revoked = await repo.findKey(db, id)
      if (!revoked) throw new Error('channel key vanished after revoke')
      return toView(revoked)
    },

    /**
     * The key behind an `Authorization` header. Always one hash and one lookup: a missing, malformed, unknown or
     * revoked token is the same 401.
     */
    async authenticate(authorization: string | undefined): Promise<ChannelKeyPrincipal> {
      const token = bearerToken(authorization)
      const row = await repo.findKeyByTokenHash(db, sha256Hex(token ?? noToken))
      if (!row || token === null || row.revokedAt !== null) throw new DomainError('intake.key_invalid')
      takeRequest(row.id)
      return {
        keyId: row.id,
        agencyId: row.agencyId,
        agencySlug: row.agencySlug,
        channel: row.channel as IntakeChannel,
      }
    },

    /** A report's id and data key, begun before a hand-over's files are read (they are encrypted as they arrive). */
    begin: (): ReportDraft => reports.begin(),

    /**
     * Files a report handed over by a channel, with the evidence files stored under `upload.draft`'s key (if any);
     * `created` false when the idempotency key had already made it (the same report is answered again and the files
     * of this request are not used: the caller removes them, as it does when this throws).
     */
    async submit(
      principal: ChannelKeyPrincipal,
      idempotencyKey: string,
      body: ChannelReportBody,
      upload?: ChannelUpload,
    ): Promise<{ created: boolean; report: ChannelReportResult }> {
      const files = upload?.files ?? []
      const requestHash = handoverFingerprint(
        body,
        files.map((file) => file.sha256),
      )
      const earlier = await repo.findIdempotency(db, principal.keyId, idempotencyKey)
      if (earlier) return replay(earlier, requestHash)

      const { externalRef, receivedAt, agencySlug: _ignored, ...report } = body
      void _ignored
      const draft = upload?.draft ?? reports.begin()
      try {
        const result = await reports.submit(
          draft,
          { ...report, agencySlug: principal.agencySlug },
          files,
          principal.channel,
          {
            channelKeyId: principal.keyId,
            externalRef,
            receivedAt: receivedAt ? new Date(receivedAt).toISOString() : null,
            withinTransaction: async (trx) => {
              const at = clock.now().toISOString()
              await repo.insertIdempotency(trx, {
                channelKeyId: principal.keyId,
                idempotencyKey,
                requestHash,
                reportId: draft.id,
                createdAt: at,
              })
              await repo.touchKey(trx, principal.keyId, at)
            },
          },
        )
        return {
          created: true,
          report: { id: draft.id, reportNumber: result.reportNumber, status: 'received' },
        }
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        // A concurrent request with the same idempotency key wrote its report first: this one rolled back.
        const winner = await repo.findIdempotency(db, principal.keyId, idempotencyKey)
        if (!winner) throw error
        return replay(winner, requestHash)
      }
    },
  }
}

export type IntakeChannelsService = ReturnType<typeof createIntakeChannelsService>
