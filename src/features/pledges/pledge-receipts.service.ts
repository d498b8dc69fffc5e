/**
 * Receipts of pledge signatures. Signing answers at once; the PDF (src/features/receipts) is made by the
 * background job `pledges.receipt` and stored as issued (`pledge_receipts`), so a download is the same bytes every
 * time and an uploaded copy can be compared with their SHA-256.
 *
 * - `produce` is idempotent (at-least-once jobs): a receipt already stored is left alone; two runs racing end with
 *   one row (the primary key), the loser's insert fails and the job's retry finds the receipt.
 * - `download` of a receipt still pending enqueues the job again (deduplicated), so a job lost in a crash heals
 *   itself when the employee asks.
 * - With an active agency certificate (src/features/agencies/signing-certificates.*) the PDF is signed
 *   (adbe.pkcs7.detached, decision 0010) before it is stored, so the stored hash covers the signed file. A signing
 *   failure (certificate expired since upload, sealed key unreadable) never loses the receipt: it is stored
 *   unsigned and a warning is logged with the agency and certificate ids only.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { Logger } from '../../platform/logger.js'
import type { SigningCertificatesService } from '../agencies/signing-certificates.service.js'
import type { ReceiptRenderer } from '../receipts/receipts.render-pool.js'
import { verifyUrlOf } from '../receipts/receipts.render.js'
import { checkUploadedReceipt, receiptSha256 } from '../receipts/receipts.verify.js'
import * as repo from './pledge-receipts.repository.js'

export const pledgeReceiptQueue = 'pledges.receipt'

export interface PledgeReceiptJob {
  readonly signatureId: string
}

const pngDataUrlPrefix = 'data:image/png;base64,'

const pngOf = (dataUrl: string | null): Uint8Array | null =>
  dataUrl?.startsWith(pngDataUrlPrefix) ? Buffer.from(dataUrl.slice(pngDataUrlPrefix.length), 'base64') : null

/** What a receipt carries beyond hash and QR: the agency's PDF signature, by its certificate's common name. */
export interface ReceiptState {
  readonly status: 'pending' | 'ready'
  /** Subject CN of the agency certificate that signed the PDF; null when it has no PDF signature (or is pending). */
  readonly signedBy: string | null
}

export function createPledgeReceiptsService({
  db,
  clock,
  publicUrl,
  logger,
  certificates,
  renderer,
}: {
  db: Kysely<Database>
  clock: Clock
  publicUrl: string
  logger: Logger
  certificates: Pick<SigningCertificatesService, 'activeSignerFor'>
  /** Draws the PDFs (receipts.render-pool.ts: on worker threads). */
  renderer: Pick<ReceiptRenderer, 'render'>
}) {
  /** Signs the rendered PDF with the agency's active certificate, if any; falls back to the unsigned PDF. */
  async function sealWithAgencyCertificate(
    pdf: Uint8Array,
    agencyId: string,
    signingTime: Date,
  ): Promise<{ pdf: Uint8Array; signerCertificateId: string | null; signerName: string | null }> {
    let certificateId: string | null = null
    try {
      const agencySigner = await certificates.activeSignerFor(agencyId)
      if (!agencySigner) return { pdf, signerCertificateId: null, signerName: null }
      certificateId = agencySigner.certificateId
      const signed = await agencySigner.signer.sign(pdf, { signingTime })
      return {
        pdf: signed,
        signerCertificateId: agencySigner.certificateId,
        signerName: agencySigner.subjectName,
      }
    } catch (error) {
      // No personal data here: the agency, the certificate and what went wrong (a ReceiptSigningError's problem).
      const problem = error instanceof Error && 'problem' in error ? String(error.problem) : 'signing_failed'
      logger.warn(
        { agencyId, certificateId, problem },
        'receipt signing failed; the receipt is issued without a PDF signature',
      )
      return { pdf, signerCertificateId: null, signerName: null }
    }
  }

  let jobs: JobQueue | undefined

  async function enqueue(signatureId: string): Promise<void> {
    if (!jobs) throw new Error('pledge receipts: no job queue attached')
    await jobs.enqueue<PledgeReceiptJob>(pledgeReceiptQueue, { signatureId }, { singletonKey: signatureId })
  }

  return {
    /** Wires the queue the receipts are made on (context.ts, once the queue exists). */
    attachJobs(queue: JobQueue): void {
      jobs = queue
    },

    /** Enqueues the making of a signature's receipt (after the signature is committed). */
    enqueue,

    /** Makes and stores the receipt of a signature unless it exists. */
    async produce(signatureId: string): Promise<void> {
      if (await repo.findReceipt(db, signatureId)) return
      const source = await repo.findReceiptSource(db, signatureId)
      if (!source) return // nothing to make: the signature is gone (never happens: signatures are not deleted)
      const pdf = await renderer.render({
        agencyName: source.agencyName,
        documentTitle: source.documentTitle,
        documentText: source.documentText,
        documentVersion: source.documentVersion,
        signer: {
          name: source.employeeName,
          frontTitle: source.frontTitle,
          backTitle: source.backTitle,
          nip: source.nip,
          nipLayout: source.kind === 'PPPK' ? 'pppk' : 'pns',
        },
        unitName: source.unitName,
        campaignName: source.campaignName,
        signedAt: new Date(source.signedAt),
        timeZone: source.timeZone,
        documentSha256: source.templateSha256,
        verifyUrl: verifyUrlOf(publicUrl, source.verifyCode),
        signaturePng: pngOf(source.drawnSignature),
      })
      const issuedAt = clock.now()
      const sealed = await sealWithAgencyCertificate(pdf, source.agencyId, issuedAt)
      const bytes = Buffer.from(sealed.pdf)
      await db.transaction().execute(async (trx) => {
        if (await repo.findReceipt(trx, signatureId)) return
        await repo.insertReceipt(trx, {
          signatureId,
          pdf: bytes,
          sha256: receiptSha256(bytes),
          byteSize: bytes.length,
          createdAt: issuedAt.toISOString(),
          signerCertificateId: sealed.signerCertificateId,
          signerName: sealed.signerName,
        })
      })
    },

    /** The issued PDF behind a verify code; `pledge.receipt_pending` (409) while the job has not made it yet. */
    async download(verifyCode: string): Promise<{ pdf: Buffer; fileName: string }> {
      const signature = await repo.findSignatureByVerifyCode(db, verifyCode)
      if (!signature) throw new DomainError('pledge.verification_not_found')
      const receipt = await repo.findReceipt(db, signature.id)
      if (!receipt) {
        await enqueue(signature.id)
        throw new DomainError('pledge.receipt_pending')
      }
      return { pdf: Buffer.from(receipt.pdf), fileName: `tanda-terima-ikrar-${verifyCode.slice(0, 8)}.pdf` }
    },

    /** Whether the receipt of a verify code is made, and whether (and by whom) it is signed as a PDF. */
    async receiptState(verifyCode: string): Promise<ReceiptState> {
      const row = await repo.findReceiptStateByVerifyCode(db, verifyCode)
      if (!row) throw new DomainError('pledge.verification_not_found')
      return row.receiptId
        ? { status: 'ready', signedBy: row.signerName ?? null }
        : { status: 'pending', signedBy: null }
    },

    /**
     * Whether an uploaded file is exactly the receipt issued for this verify code. A file that is not a PDF or too
     * large is refused (415 / 413) before anything is compared.
     */
    async check(verifyCode: string, bytes: Uint8Array): Promise<{ verdict: 'genuine' | 'altered' }> {
      const signature = await repo.findSignatureByVerifyCode(db, verifyCode)
      if (!signature) throw new DomainError('pledge.verification_not_found')
      if (!signature.receiptSha256) throw new DomainError('pledge.receipt_pending')
      const verdict = checkUploadedReceipt(bytes, signature.receiptSha256)
      if (verdict === 'not_a_pdf') throw new DomainError('receipt.not_a_pdf')
      if (verdict === 'too_large') throw new DomainError('request.too_large')
      return { verdict }
    },
  }
}

export type PledgeReceiptsService = ReturnType<typeof createPledgeReceiptsService>

export async function registerPledgeReceiptJobs(
  jobs: JobQueue,
  receipts: PledgeReceiptsService,
): Promise<void> {
  receipts.attachJobs(jobs)
  await jobs.register<PledgeReceiptJob>(pledgeReceiptQueue, (job) => receipts.produce(job.signatureId), {
    concurrency: 2,
  })
}
