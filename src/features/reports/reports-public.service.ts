/**
 * The public side of intake (issue #5): filing a report, the reporter's status page and messages, and the lists the
 * report form needs. Nothing here receives an IP address or a user agent (the routes run with reporter privacy).
 *
 * A report is begun (`begin`: its id and data key) before its evidence is stored, because the files are encrypted
 * with the report's data key as they arrive; `submit` then writes the report, its files and an audit entry in one
 * transaction. If that fails, the caller removes the stored files (reports-public.routes.ts), so a failure leaves
 * no report and no orphan file.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { violationCatalogue, type ViolationGroup } from '../../domain/violations.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { searchRegions } from '../units/region-codes.js'
import { newReportDataKey, openField, sealField, type ReportKeyProvider } from './report-crypto.js'
import {
  hashReceipt,
  newReceipt,
  normalizeReceipt,
  receiptHashCost,
  type ReceiptHashing,
} from './report-receipts.js'
import { createReportWriter } from './report-writer.js'
import * as repo from './reports.repository.js'
import {
  reportStatusLabels,
  type NewReportBody,
  type NewReportResult,
  type PublicReportView,
  type ReportChannel,
  type ReportStatus,
} from './reports.schema.js'

/** The audit label of what a reporter does (no account, no address). */
export const reporterActor: AuditActor = { id: null, label: 'reporter' }

const groupNames: Record<ViolationGroup, string> = {
  kode_etik: 'Pelanggaran kode etik (sebelum calon ditetapkan)',
  disiplin: 'Pelanggaran disiplin PNS',
  pidana_pemilu: 'Dugaan tindak pidana pemilu/pilkada',
  administratif_kepegawaian: 'Pelanggaran administrasi kepegawaian',
  non_asn: 'Pegawai non-ASN',
  other: 'Lainnya',
}

const stageNotes: Record<string, string> = {
  pra_penetapan_calon: 'Berlaku sebelum KPU menetapkan calon (masih bakal calon).',
  penetapan_calon: 'Berlaku sejak KPU menetapkan calon.',
  pasca_penetapan_calon: 'Berlaku setelah KPU menetapkan calon.',
  masa_kampanye: 'Berlaku selama masa kampanye.',
  kapan_saja: 'Berlaku kapan saja.',
}

/** One evidence file already stored encrypted with the report's data key (evidence library). */
export interface StoredEvidenceFile {
  readonly kind: string
  readonly mime: string
  readonly byteSize: number
  readonly sha256: string
  readonly original: { readonly storageKey: string }
  readonly viewCopy: { readonly storageKey: string; readonly byteSize: number; readonly mime: string } | null
}

export interface ReportDraft {
  readonly id: string
  readonly dataKey: Uint8Array
}

/**
 * A report handed over by another channel through the intake API (intake-channels.service.ts): no receipt is kept
 * (`receipt_hash` null; the `receipt` of the result is empty), the audit actor is `channel:<channel>`, and
 * `withinTransaction` runs inside the report's transaction after the report is written (its idempotency record).
 */
export interface ChannelHandover {
  readonly channelKeyId: string
  readonly externalRef: string
  readonly receivedAt: string | null
  readonly withinTransaction: (trx: Kysely<Database>) => Promise<void>
}

/** Lower case, letters and digits only, single spaces: how a reported name is matched across reports. */
export const normalizePersonName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export interface PublicReportsDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly keys: ReportKeyProvider
}

const hashingOf = (settings: {
  receiptSalt: string
  receiptHashMemoryKib: number
  receiptHashPasses: number
}): ReceiptHashing => ({
  salt: settings.receiptSalt,
  memoryKib: settings.receiptHashMemoryKib,
  passes: settings.receiptHashPasses,
})

export function createPublicReportsService({ db, clock, keys }: PublicReportsDeps) {
  async function targetAgency(slug: string | undefined) {
    const agency = await repo.findTargetAgency(db, slug)
    if (!agency) throw new DomainError('agency.not_found')
    return agency
  }

  // An agency's salt never changes once written: a submission reads it once per process. (A status lookup reads every
  // salt each time instead, so a hit and a miss cost the same query and the same hashes.)
  const settingsByAgency = new Map<string, { readonly hashing: ReceiptHashing }>()
  const writer = createReportWriter({ db, clock })

  async function intakeSettings(agencyId: string, fresh: { year: number; createdAt: string }) {
    const cached = settingsByAgency.get(agencyId)
    if (cached) return cached
    const settings = await repo.ensureIntakeSettings(db, agencyId, {
      receiptSalt: randomBytes(16).toString('base64url'),
      receiptHashMemoryKib: receiptHashCost.memoryKib,
      receiptHashPasses: receiptHashCost.passes,
      ...fresh,
    })
    const known = { hashing: hashingOf(settings) }
    settingsByAgency.set(agencyId, known)
    return known
  }

  /** The report behind a typed receipt. Always hashes first, so a miss takes as long as a hit. */
  async function reportByReceipt(typed: string): Promise<repo.ReportRow> {
    const receipt = normalizeReceipt(typed)
    const hashings = (await repo.listReceiptHashings(db)).map(hashingOf)
    const candidates: ReceiptHashing[] =
      hashings.length > 0 ? hashings : [{ salt: randomBytes(16).toString('base64url'), ...receiptHashCost }]
    const hashes = await Promise.all(
      candidates.map((hashing) => hashReceipt(receipt ?? '0'.repeat(16), hashing)),
    )
    const report = receipt === null ? undefined : await repo.findReportByReceiptHashes(db, hashes)
    if (!report) throw new DomainError('report.not_found')
    return report
  }

  const dataKeyOf = (report: repo.ReportRow) =>
    keys.unwrap(report.agencyId, report.keyId, report.dataKeyWrapped)

  return {
    /** The violation catalogue in the reporter's words (codes are the catalogue's stable ids). */
    categories() {
      return violationCatalogue().map((v) => ({
        code: v.code,
        name: v.name_id,
        description: [groupNames[v.group], v.stage ? stageNotes[v.stage] : undefined]
          .filter(Boolean)
          .join('. '),
        group: v.group,
        groupName: groupNames[v.group],
        examples: [...v.examples_id],
      }))
    },

    async reportForm() {
      return { agencies: await repo.listAgenciesForForm(db) }
    },

    async units(slug: string, q: string | undefined, limit: number) {
      const agency = await targetAgency(slug)
      const rows = await repo.searchUnits(db, agency.id, q, limit)
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          ...(row.parentName ? { parentName: row.parentName } : {}),
        })),
      }
    },

    async regions(q: string | undefined, parent: string | undefined, limit: number) {
      const agency = await repo.findTargetAgency(db, undefined)
      const found = await searchRegions({ q, parent, near: agency?.regionCode ?? null, limit })
      return {
        items: found.map(({ code, name, level, parentName }) => ({
          code,
          name,
          level,
          ...(parentName !== null ? { parentName } : {}),
        })),
      }
    },

    begin(): ReportDraft {
      return { id: newId(), dataKey: newReportDataKey() }
    },

    async submit(
      draft: ReportDraft,
      body: NewReportBody,
      files: readonly StoredEvidenceFile[],
      channel: ReportChannel = 'public_form',
      handover?: ChannelHandover,
    ): Promise<NewReportResult> {
      const agency = await targetAgency(body.agencySlug)
      const now = clock.now()
      const createdAt = now.toISOString()
      const year = now.getUTCFullYear()
      const settings = await intakeSettings(agency.id, { year, createdAt })
      const seal = (field: string, value: string) => sealField(draft.dataKey, draft.id, field, value)
      const person = body.reportedPerson
      const reportedUnitId = person?.unitId ? await unitOfAgency(db, agency.id, person.unitId) : null
      const row = {
        id: draft.id,
        agencyId: agency.id,
        channel,
        status: 'received',
        categoryCode: body.categoryCode ?? null,
        identityLevel: body.identityLevel,
        keyId: keys.keyId,
        dataKeyWrapped: keys.wrap(agency.id, draft.dataKey),
        descriptionSealed: seal('description', body.description),
        reporterSealed: body.reporter ? seal('reporter', JSON.stringify(body.reporter)) : null,
        linksSealed: body.links?.length ? seal('links', JSON.stringify(body.links)) : null,
        reportedName: person?.name ?? null,
        reportedNameNormalized: person ? normalizePersonName(person.name) : null,
        reportedNip: person?.nip ?? null,
        reportedAgencyName: person?.agencyName ?? null,
        reportedUnitName: person?.unitName ?? null,
        reportedUnitId,
        reportedEmployeeId: null,
        occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : null,
        regionCode: body.location?.regionCode ?? null,
        placeSealed: body.location?.place ? seal('place', body.location.place) : null,
        duplicateOf: null,
        createdAt,
        updatedAt: createdAt,
        externalRef: handover?.externalRef ?? null,
        channelReceivedAt: handover?.receivedAt ?? null,
      }
      const pending = {
        year,
        files: files.map((file) =>
          fileRow(draft.id, file, channel === 'public_form' ? 'reporter' : 'channel', createdAt),
        ),
        actor: handover ? { id: null, label: `channel:${channel}` } : reporterActor,
        summary: {
          channel,
          categoryCode: body.categoryCode ?? null,
          identityLevel: body.identityLevel,
          files: files.length,
          ...(handover ? { channelKeyId: handover.channelKeyId, externalRef: handover.externalRef } : {}),
        },
        withinTransaction: handover?.withinTransaction,
      }
      for (let attempt = 1; ; attempt += 1) {
        const receipt = newReceipt()
        const receiptHash = handover ? null : await hashReceipt(receipt, settings.hashing)
        try {
          const reportNumber = await writer.write({ ...pending, row: { ...row, receiptHash } })
          return { receipt: handover ? '' : receipt, reportNumber }
        } catch (error) {
          // Two receipts with the same hash (1 in 10¹⁶ per report): draw another.
          if (attempt < 3 && isUniqueViolation(error) && String(error).includes('receipt')) continue
          throw error
        }
      }
    },

    /** What the reporter sees behind the receipt. */
    async status(typedReceipt: string): Promise<PublicReportView> {
      const report = await reportByReceipt(typedReceipt)
      const dataKey = dataKeyOf(report)
      const messages = await repo.listMessages(db, report.id)
      const status = report.status as ReportStatus
      return {
        reportNumber: report.reportNumber,
        status,
        statusLabel: reportStatusLabels[status],
        createdAt: report.createdAt,
        messages: messages.map((m) => ({
          from: m.sender === 'staff' ? 'staff' : 'reporter',
          body: openField(dataKey, report.id, `message:${m.id}`, m.bodySealed),
          at: m.createdAt,
        })),
        files: await repo.countFiles(db, report.id),
      }
    },

    /**
     * Where the reporter's additional evidence goes: the report, its data key (to encrypt the files with) and how many
     * more files it takes. Looked up before the files are read, so they are encrypted as they arrive.
     */
    async evidenceTarget(typedReceipt: string, maxFiles: number) {
      const report = await reportByReceipt(typedReceipt)
      const room = maxFiles - (await repo.countFiles(db, report.id))
      if (room <= 0) throw new DomainError('report.too_many_files', { max: maxFiles })
      return { reportId: report.id, dataKey: dataKeyOf(report), room }
    },

    /** Attaches files stored with `evidenceTarget`'s key; the limit is checked again inside the transaction. */
    async attachFiles(
      reportId: string,
      files: readonly StoredEvidenceFile[],
      maxFiles: number,
    ): Promise<number> {
      const createdAt = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const report = await repo.lockReport(trx, reportId)
        const total = (await repo.countFiles(trx, reportId)) + files.length
        if (total > maxFiles) throw new DomainError('report.too_many_files', { max: maxFiles })
        await repo.insertFiles(
          trx,
          files.map((file) => fileRow(reportId, file, 'reporter', createdAt)),
        )
        await repo.setStatus(trx, reportId, report.status, createdAt)
        await recordAuditEvent(trx, clock, reporterActor, {
          action: 'report.reporter_files',
          entityType: 'report',
          entityId: reportId,
          agencyId: report.agencyId,
          summary: { reportNumber: report.reportNumber, files: files.length },
        })
        return total
      })
    },

    /** A message from the reporter; an answer to a request for information puts the report back in review. */
    async addMessage(typedReceipt: string, body: string): Promise<{ at: string }> {
      const report = await reportByReceipt(typedReceipt)
      const dataKey = dataKeyOf(report)
      const id = newId()
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await repo.insertMessage(trx, {
          id,
          reportId: report.id,
          sender: 'reporter',
          staffUserId: null,
          bodySealed: sealField(dataKey, report.id, `message:${id}`, body),
          createdAt: at,
        })
        if (report.status === 'needs_info') await repo.setStatus(trx, report.id, 'in_review', at)
        await recordAuditEvent(trx, clock, reporterActor, {
          action: 'report.reporter_message',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: { reportNumber: report.reportNumber },
        })
      })
      return { at }
    },
  }
}

function fileRow(
  reportId: string,
  file: StoredEvidenceFile,
  addedBy: 'reporter' | 'channel' | 'staff',
  createdAt: string,
): repo.NewReportFileRow {
  return {
    id: newId(),
    reportId,
    kind: file.kind,
    mime: file.mime,
    byteSize: file.byteSize,
    sha256: file.sha256,
    storageKey: file.original.storageKey,
    viewStorageKey: file.viewCopy?.storageKey ?? null,
    viewMime: file.viewCopy?.mime ?? null,
    viewByteSize: file.viewCopy?.byteSize ?? null,
    addedBy,
    createdAt,
  }
}

/** A unit id given by the reporter counts only if it is a unit of the target agency; else it is dropped. */
async function unitOfAgency(db: Kysely<Database>, agencyId: string, unitId: string): Promise<string | null> {
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('agencyId', '=', agencyId)
    .executeTakeFirst()
  return unit?.id ?? null
}

export type PublicReportsService = ReturnType<typeof createPublicReportsService>
