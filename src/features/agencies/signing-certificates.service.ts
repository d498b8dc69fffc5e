/**
 * An agency's receipt signing certificate (PKCS#12), decision 0010: upload (checked, sealed, one active per agency,
 * the previous one marked replaced and its key wiped), read (metadata only), removal — each audited — and, for the
 * receipts job, the opened signer of the active certificate.
 *
 * Secrets at rest: the P12 bytes (base64) and the passphrase are sealed together as one JSON string with the sealer
 * of purpose `receipt-signing-p12` (libsodium secretbox, key derived from SESSION_SECRET). They never leave this
 * service: not in views, audit summaries or logs.
 */
import type { Kysely } from 'kysely'
import { canAdministerAgency, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError, type ErrorCode } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import type { Sealer } from '../../platform/sealer.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import {
  openReceiptSigner,
  readP12,
  ReceiptSigningError,
  type P12Summary,
  type ReceiptSigner,
  type ReceiptSigningProblem,
} from '../receipts/receipts.sign.js'
import { findAgencyById } from './agencies.service.js'
import type { ReceiptCertificateState, SigningCertificateView } from './signing-certificates.schema.js'
import * as repo from './signing-certificates.repository.js'

/** The sealer purpose of the P12 and its passphrase (a distinct key from every other sealed secret). */
export const signingCertificateSealerPurpose = 'receipt-signing-p12'

const codeByProblem: Record<ReceiptSigningProblem, ErrorCode> = {
  not_pkcs12: 'certificate.not_pkcs12',
  password_wrong: 'certificate.password_wrong',
  p12_unreadable: 'certificate.unreadable',
  p12_incomplete: 'certificate.contents_invalid',
  key_unsupported: 'certificate.key_unsupported',
  certificate_not_valid_now: 'certificate.expired',
}

interface KeyMaterial {
  readonly v: 1
  readonly p12: string
  readonly passphrase: string
}

/** The opened signer of an agency's active certificate, for the receipts job. */
export interface AgencyReceiptSigner {
  readonly certificateId: string
  readonly subjectName: string
  readonly signer: ReceiptSigner
}

/** Opened signers kept per agency (the key is decrypted once, not per receipt); a small bounded cache. */
const maxOpenedSigners = 32

const toView = (
  row: repo.SigningCertificateRow & { uploadedByName: string | null },
): SigningCertificateView => ({
  id: row.id,
  agencyId: row.agencyId,
  subjectName: row.subjectName,
  issuerName: row.issuerName,
  serialNumber: row.serialNumber,
  validFrom: new Date(row.validFrom).toISOString(),
  validUntil: new Date(row.validUntil).toISOString(),
  fingerprintSha256: row.fingerprintSha256,
  keyAlgorithm: row.keyAlgorithm,
  keyBits: Number(row.keyBits),
  uploadedAt: new Date(row.uploadedAt).toISOString(),
  uploadedBy: row.uploadedByName,
})

/** What the audit trail keeps of a certificate: who it names and which it is, never key material. */
const auditFacts = (row: {
  subjectName: string
  issuerName: string
  serialNumber: string
  fingerprintSha256: string
  validFrom: string
  validUntil: string
}) => ({
  subjectName: row.subjectName,
  issuerName: row.issuerName,
  serialNumber: row.serialNumber,
  fingerprintSha256: row.fingerprintSha256,
  validFrom: new Date(row.validFrom).toISOString(),
  validUntil: new Date(row.validUntil).toISOString(),
})

export function createSigningCertificatesService({
  db,
  clock,
  sealer,
}: {
  db: Kysely<Database>
  clock: Clock
  sealer: Sealer
}) {
  const opened = new Map<string, AgencyReceiptSigner>()

  /** Agency admins of that agency, or super admins; any other agency is "not found" (not revealed). */
  async function assertAgency(actor: Actor, agencyId: string): Promise<void> {
    if (!canAdministerAgency(actor, agencyId) || !(await findAgencyById(db, agencyId))) {
      throw new DomainError('agency.not_found', { agencyId })
    }
  }

  function describe(p12: Uint8Array, passphrase: string): P12Summary {
    try {
      return readP12(p12, passphrase)
    } catch (error) {
      if (!(error instanceof ReceiptSigningError)) throw error
      throw new DomainError(codeByProblem[error.problem], error.details)
    }
  }

  return {
    /** The agency's active certificate (metadata only), or null. */
    async getCertificate(actor: Actor, agencyId: string): Promise<ReceiptCertificateState> {
      await assertAgency(actor, agencyId)
      const row = await repo.findActiveCertificate(db, agencyId)
      return { certificate: row ? toView(row) : null }
    },

    /**
     * Checks and stores a P12 as the agency's active certificate, replacing the previous one. Refused (nothing
     * stored): not a PKCS#12 (415), wrong passphrase, unreadable, not exactly one key with its certificate, a key
     * other than RSA, a certificate expired or not yet valid now (422).
     */
    async uploadCertificate(
      actor: Actor,
      agencyId: string,
      input: { p12: Uint8Array; passphrase: string },
    ): Promise<SigningCertificateView> {
      await assertAgency(actor, agencyId)
      const summary = describe(input.p12, input.passphrase)
      const now = clock.now()
      if (summary.validUntil.getTime() < now.getTime()) {
        throw new DomainError('certificate.expired', { validUntil: summary.validUntil.toISOString() })
      }
      if (summary.validFrom.getTime() > now.getTime()) {
        throw new DomainError('certificate.not_yet_valid', { validFrom: summary.validFrom.toISOString() })
      }
      const material: KeyMaterial = {
        v: 1,
        p12: Buffer.from(input.p12).toString('base64'),
        passphrase: input.passphrase,
      }
      const row: repo.SigningCertificateRow = {
        id: newId(),
        agencyId,
        status: 'active',
        sealedKeyMaterial: sealer.seal(JSON.stringify(material)),
        subjectName: summary.subjectName,
        issuerName: summary.issuerName,
        serialNumber: summary.serialNumber,
        validFrom: summary.validFrom.toISOString(),
        validUntil: summary.validUntil.toISOString(),
        fingerprintSha256: summary.fingerprintSha256,
        keyAlgorithm: summary.keyAlgorithm,
        keyBits: summary.keyBits,
        uploadedAt: now.toISOString(),
        uploadedBy: actor.userId,
        endedAt: null,
        endedBy: null,
      }
      return db.transaction().execute(async (trx) => {
        // The audit event comes first: it takes the agency's chain lock, so two uploads for one agency run one
        // after the other and the second replaces the first (never two active rows).
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'agency.receipt_certificate_uploaded',
          entityType: 'agency_signing_certificate',
          entityId: row.id,
          agencyId,
          summary: { after: auditFacts(row) },
        })
        const replacedId = await repo.endActiveCertificate(trx, agencyId, {
          status: 'replaced',
          endedAt: row.uploadedAt,
          endedBy: actor.userId,
        })
        if (replacedId) {
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'agency.receipt_certificate_replaced',
            entityType: 'agency_signing_certificate',
            entityId: replacedId,
            agencyId,
            summary: { replacedBy: row.id },
          })
        }
        await repo.insertCertificate(trx, row)
        const stored = await repo.findActiveCertificate(trx, agencyId)
        if (!stored) throw new Error('signing certificate: inserted row not found')
        return toView(stored)
      })
    },

    /** Removes the agency's active certificate (its key is wiped); later receipts carry hash and QR only. */
    async removeCertificate(actor: Actor, agencyId: string): Promise<void> {
      await assertAgency(actor, agencyId)
      await db.transaction().execute(async (trx) => {
        const active = await repo.findActiveCertificate(trx, agencyId)
        if (!active) throw new DomainError('certificate.not_found', { agencyId })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'agency.receipt_certificate_removed',
          entityType: 'agency_signing_certificate',
          entityId: active.id,
          agencyId,
          summary: { before: auditFacts(active) },
        })
        const endedId = await repo.endActiveCertificate(trx, agencyId, {
          status: 'removed',
          endedAt: clock.now().toISOString(),
          endedBy: actor.userId,
        })
        if (!endedId) throw new DomainError('certificate.not_found', { agencyId })
      })
    },

    /**
     * The opened signer of the agency's active certificate, or null when it has none (receipts job; no actor).
     * Throws when the sealed material cannot be opened or read (the caller falls back to an unsigned receipt).
     */
    async activeSignerFor(agencyId: string): Promise<AgencyReceiptSigner | null> {
      const row = await repo.findActiveCertificate(db, agencyId)
      if (!row?.sealedKeyMaterial) {
        opened.delete(agencyId)
        return null
      }
      const known = opened.get(agencyId)
      if (known?.certificateId === row.id) return known
      const material = JSON.parse(sealer.open(row.sealedKeyMaterial)) as KeyMaterial
      const signer: AgencyReceiptSigner = {
        certificateId: row.id,
        subjectName: row.subjectName,
        signer: openReceiptSigner(Buffer.from(material.p12, 'base64'), material.passphrase),
      }
      // One entry per agency: a replaced certificate's opened key is dropped with it.
      if (!opened.has(agencyId) && opened.size >= maxOpenedSigners) opened.clear()
      opened.set(agencyId, signer)
      return signer
    },
  }
}

export type SigningCertificatesService = ReturnType<typeof createSigningCertificatesService>
