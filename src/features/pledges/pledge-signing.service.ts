/**
 * The public side of pledges: what a code holder sees, signing with the code, and what a receipt's QR code
 * confirms. No account and no IP address or user agent: nothing here receives one.
 *
 * Signing is the hot path of a campaign (a whole agency signs within days, many at the morning assembly), so it
 * costs one lookup by the code's HMAC; pledge-signature-writer.ts then writes it together with the signatures that
 * arrive at the same time, in one transaction per batch: codes marked used (compare-and-set), signatures inserted
 * (a partial unique index keeps one per employee and campaign), receipt jobs queued (a job exists exactly when its
 * signature does), audit events appended.
 *
 * A wrong date of birth counts against the code; at `maxFailedAttempts` the code locks until staff issue a new one,
 * so a forwarded link cannot be used to guess the signer's date of birth.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { displayName } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { isPostgres } from '../../db/database.js'
import type { Database } from '../../db/tables.js'
import { createBatchQueue } from '../../platform/batch-queue.js'
import { newId } from '../../platform/ids.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import { newVerifyCode, type CodeHasher } from './pledge-codes.js'
import { createSignatureWriter, usedCodeError } from './pledge-signature-writer.js'
import { localIsoWithOffset, maskName, namesResemble, signingWindowState } from './pledge-rules.js'
import * as signingRepo from './pledge-signing.repository.js'
import * as repo from './pledges.repository.js'
import {
  Witness,
  type CampaignStatus,
  type PublicPledgeView,
  type SignPledgeBody,
  type SignPledgeResult,
  type TemplateKind,
  type VerifyView,
} from './pledges.schema.js'

/** Wrong dates of birth a code survives; the next one locks it (staff issue a new code). */
export const maxFailedAttempts = 5

/** Validates a drawn signature: a PNG data URL (magic bytes and IHDR checked), at most 150 kB decoded. */
export function checkDrawnSignature(dataUrl: string): void {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl)
  const bytes = match?.[1] ? Buffer.from(match[1], 'base64') : null
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const valid =
    bytes !== null &&
    bytes.length > 24 &&
    bytes.length <= 150_000 &&
    bytes.subarray(0, 8).equals(png) &&
    bytes.subarray(12, 16).toString('latin1') === 'IHDR'
  if (!valid) throw new DomainError('pledge.signature_image_invalid')
}

/**
 * Finds targets by code hash like `findSigningTarget`. On PostgreSQL the lookups that arrive together (every page
 * load and every signature does one) are answered by one statement per batch (src/platform/batch-queue.ts), so a
 * crowd signing at once costs a few round trips per event-loop turn instead of one per request; each lookup reads
 * committed state as a lone one would. On SQLite (synchronous, in-process) each lookup runs by itself.
 */
function createSigningTargetLoader(
  db: Kysely<Database>,
): (codeHash: string) => Promise<signingRepo.SigningTarget | undefined> {
  if (!isPostgres(db)) return (codeHash) => signingRepo.findSigningTarget(db, codeHash)
  const queue = createBatchQueue<string, signingRepo.SigningTarget | undefined>(
    async (codeHashes) => {
      const rows = await signingRepo.findSigningTargets(db, [...new Set(codeHashes)])
      const byHash = new Map(rows.map((row) => [row.codeHash, row]))
      return codeHashes.map((codeHash) => ({ ok: true, value: byHash.get(codeHash) }))
    },
    { concurrency: 4 },
  )
  return (codeHash) => queue.push(codeHash)
}

export interface PledgeSigningDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly codes: CodeHasher
  readonly verifyLink: (verifyCode: string) => string
  /** Receipts are queued in the signing transaction; without a queue (some tests) none is queued. */
  readonly jobs?: Pick<JobQueue, 'enqueueManyWithin' | 'wake'> | undefined
}

export function createPledgeSigning({ db, clock, codes, verifyLink, jobs }: PledgeSigningDeps) {
  const writer = createSignatureWriter({ db, clock, jobs })
  const loadTarget = createSigningTargetLoader(db)

  async function targetByCode(code: string) {
    const codeHash = codes.hash(code)
    const target = await loadTarget(codeHash)
    if (!target) throw new DomainError('pledge.code_invalid')
    return { target, codeHash }
  }

  const windowOf = (target: signingRepo.SigningTarget) =>
    signingWindowState({ ...target, status: target.status as CampaignStatus }, clock.now())

  const isLocked = (target: signingRepo.SigningTarget) => Number(target.failedAttempts) >= maxFailedAttempts

  /** Counts a wrong date of birth; the error says how many tries are left, or that the code is now locked. */
  async function refuseIdentity(target: signingRepo.SigningTarget, codeHash: string): Promise<never> {
    const failed = await signingRepo.countFailedAttempt(db, target.targetId, codeHash)
    if (failed === null) throw await usedCodeError(db, target)
    if (failed >= maxFailedAttempts) throw new DomainError('pledge.code_locked')
    throw new DomainError('pledge.identity_mismatch', { attemptsLeft: maxFailedAttempts - failed })
  }

  return {
    /** The text behind a code, and whose code it is (name masked: the link may have been forwarded). */
    async viewPledge(code: string): Promise<PublicPledgeView> {
      const { target } = await targetByCode(code)
      const window = windowOf(target)
      if (window === 'draft') throw new DomainError('pledge.code_invalid')
      return {
        state:
          target.codeUsedAt !== null ? 'used' : isLocked(target) && window === 'open' ? 'locked' : window,
        agencyName: target.agencyName,
        campaignName: target.campaignName,
        kind: target.kind as TemplateKind,
        title: target.title,
        body: target.body,
        sha256: target.sha256,
        opensAt: target.opensAt,
        closesAt: target.closesAt,
        timeZone: target.timeZone,
        witnesses: Witness.array().parse(JSON.parse(target.witnesses)),
        signerNameMasked: maskName(target.employeeName),
      }
    },

    /**
     * Signs with a one-time code: the campaign must be open, the code not locked, the date of birth the
     * employee's, the typed name must resemble the roster name (pledge-rules.ts `namesResemble`). A second submit
     * gets 409 `pledge.already_signed`; any refusal records nothing but the count of a wrong date of birth.
     * `signatureId` in the result is for tests and the bench (the route does not answer with it).
     */
    async signPledge(
      code: string,
      body: SignPledgeBody,
    ): Promise<SignPledgeResult & { readonly signatureId: string }> {
      const { target, codeHash } = await targetByCode(code)
      if (target.codeUsedAt !== null) throw await usedCodeError(db, target)
      const window = windowOf(target)
      if (window !== 'open') throw new DomainError('pledge.window_closed', { state: window })
      if (isLocked(target)) throw new DomainError('pledge.code_locked')
      if (target.birthDate === null || target.birthDate !== body.dateOfBirth)
        return refuseIdentity(target, codeHash)
      if (!namesResemble(body.typedName, target.employeeName)) throw new DomainError('pledge.name_mismatch')
      if (body.drawnSignature !== undefined) checkDrawnSignature(body.drawnSignature)

      const signedAt = clock.now().toISOString()
      const verifyCode = newVerifyCode()
      const signatureId = newId()
      await writer.write({
        target,
        codeHash,
        row: {
          id: signatureId,
          campaignId: target.campaignId,
          targetId: target.targetId,
          employeeId: target.employeeId,
          templateVersionId: target.templateVersionId,
          templateSha256: target.sha256,
          typedName: body.typedName,
          drawnSignature: body.drawnSignature ?? null,
          signedAt,
          verifyCode,
          receiptStatus: 'pending',
          receiptSha256: null,
          revokedAt: null,
          revokedBy: null,
          revokeReason: null,
        },
      })
      return {
        verifyCode,
        verifyUrl: verifyLink(verifyCode),
        signedAt,
        receiptStatus: 'pending',
        signatureId,
      }
    },

    /** What the receipt's QR code confirms: validity, name, unit (as targeted), campaign, time in the agency zone. */
    async verify(verifyCode: string): Promise<VerifyView> {
      const row = await repo.findSignatureByVerifyCode(db, verifyCode)
      if (!row) throw new DomainError('pledge.verification_not_found')
      return {
        valid: row.revokedAt === null,
        name: displayName(row),
        unit: row.unitName,
        campaign: row.campaignName,
        signedAt: localIsoWithOffset(row.signedAt, row.timeZone),
      }
    },
  }
}

export type PledgeSigning = ReturnType<typeof createPledgeSigning>
