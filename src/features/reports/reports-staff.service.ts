/**
 * The staff inbox of intake (issue #5 point 4, related reports of point 6): the list, the decrypted detail, the
 * evidence viewer and the actions on a report. Reports belong to an agency as a whole: agency admins and examiners
 * holding their role over the whole agency (and super admins) work them; anyone else gets `report.not_found`, so
 * another agency's reports are never revealed. Every change is one transaction with its audit event; opening a
 * detail and downloading an original are audited too (without content).
 */
import type { Kysely } from 'kysely'
import { holdsRoleOver, isSuperAdmin, reportHandlers, type Actor, type Role } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { xlsxContentType } from '../../domain/spreadsheet.js'
import { violationCatalogue } from '../../domain/violations.js'
import { formatLocalMinute, startOfLocalDay, wallClockOf } from '../../domain/zone-offsets.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent, recordAuditEvents } from '../audit/audit.service.js'
import type { EvidenceStore } from './evidence/evidence-files.js'
import { openField, sealField, type ReportKeyProvider } from './report-crypto.js'
import { hashReportLink } from './report-links.js'
import * as revealRepo from './report-reveal.repository.js'
import { normalizePersonName } from './reports-public.service.js'
import * as repo from './reports.repository.js'
import { relatedReports, suggestEmployees } from './reports-staff.matching.js'
import { reportListXlsx } from './reports-staff.export.js'
import * as staffRepo from './reports-staff.repository.js'
import {
  allowedStatusChanges,
  askableStatuses,
  mergeableStatuses,
  reportExportMaxRows,
  type DuplicateBody,
  type EmployeeSuggestionList,
  type ExportReportsQuery,
  type ListReportsQuery,
  type ReportDetail,
  type ReportedEmployeeBody,
  type ReportList,
  type ReportListItem,
  type StaffMessageBody,
  type StatusChangeBody,
} from './reports-staff.schema.js'
import {
  reportStatusLabels,
  type IdentityLevel,
  type ReportChannel,
  type ReportStatus,
} from './reports.schema.js'

const categoryNames = new Map(violationCatalogue().map((v) => [v.code, v.name_id]))
const dayMs = 86_400_000
const extensionOf: Record<string, string> = { jpg: 'jpg', png: 'png', webp: 'webp', pdf: 'pdf', mp4: 'mp4' }

/** The agencies in which the actor holds one of `roles` over the whole agency; null = every agency. */
export function agenciesWorkedBy(actor: Actor, roles: readonly Role[]): string[] | null {
  if (isSuperAdmin(actor)) return null
  return [
    ...new Set(
      actor.assignments
        .filter((a) => roles.includes(a.role) && a.unitId === null && a.agencyId !== null)
        .map((a) => a.agencyId as string),
    ),
  ]
}

/** May the actor work reports of this agency with one of `roles`? (Agency-wide only: unitAncestry is empty.) */
export const mayWorkReportsOf = (actor: Actor, agencyId: string, roles: readonly Role[]): boolean =>
  holdsRoleOver(actor, roles, { agencyId, unitAncestry: [] })

export interface EvidenceContent {
  readonly bytes: Buffer
  readonly contentType: string
  readonly disposition: string
}

export interface StaffReportsDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly keys: ReportKeyProvider
  readonly evidence: EvidenceStore
  /** Key of the link hashes (report-links.ts), derived from the report master key. */
  readonly linkHashKey: Uint8Array
}

type ReportRow = staffRepo.ReportListRow

export function createStaffReportsService({ db, clock, keys, evidence, linkHashKey }: StaffReportsDeps) {
  const dataKeyOf = (report: { agencyId: string; keyId: string; dataKeyWrapped: string }) =>
    keys.unwrap(report.agencyId, report.keyId, report.dataKeyWrapped)

  async function loadReport(actor: Actor, reportId: string): Promise<ReportRow> {
    const report = await staffRepo.findReport(db, reportId)
    if (!report || !mayWorkReportsOf(actor, report.agencyId, reportHandlers))
      throw new DomainError('report.not_found', { reportId })
    return report
  }

  /** Writes the link hashes of reports filed since the inbox last looked (public and channel submissions). */
  async function indexLinks(agencyIds: readonly string[] | null): Promise<void> {
    const pending = await staffRepo.listReportsWithUnindexedLinks(db, agencyIds, 200)
    const rows = pending.flatMap((report) => {
      const links = JSON.parse(
        openField(dataKeyOf(report), report.id, 'links', report.linksSealed ?? '[]'),
      ) as string[]
      return [...new Set(links.map((url) => hashReportLink(linkHashKey, report.agencyId, url)))].map(
        (urlHash) => ({ reportId: report.id, urlHash }),
      )
    })
    await staffRepo.insertLinkHashes(db, rows)
  }

  const relatedOf = (reportIds: readonly string[]) => relatedReports(db, reportIds)

  const itemOf = (
    row: ReportRow,
  ): Omit<ReportListItem, 'files' | 'unreadMessages' | 'lastReporterMessageAt' | 'related'> => {
    const status = row.status as ReportStatus
    return {
      id: row.id,
      agencyId: row.agencyId,
      reportNumber: row.reportNumber,
      createdAt: row.createdAt,
      status,
      statusLabel: reportStatusLabels[status],
      channel: row.channel as ReportChannel,
      externalRef: row.externalRef,
      categoryCode: row.categoryCode,
      categoryName: row.categoryCode ? (categoryNames.get(row.categoryCode) ?? null) : null,
      identityLevel: row.identityLevel as IdentityLevel,
      reportedPerson: {
        name: row.reportedName,
        nip: row.reportedNip,
        unitName: row.reportedUnitRosterName ?? row.reportedUnitName,
        unitId: row.reportedUnitId,
        agencyName: row.reportedAgencyName,
      },
      reportedEmployeeId: row.reportedEmployeeId,
      duplicateOf: row.duplicateOf,
    }
  }

  /** `from`/`to` dates as instants, in the time zone of the (single) agency listed; WIB otherwise. */
  async function dateBounds(agencyIds: readonly string[] | null, from?: string, to?: string) {
    if (!from && !to) return {}
    const zones = agencyIds?.length === 1 ? await staffRepo.listAgencyTimeZones(db, agencyIds) : []
    const startOf = (date: string) => startOfLocalDay(date, zones[0]?.timeZone)
    return {
      ...(from ? { createdFrom: startOf(from).toISOString() } : {}),
      ...(to ? { createdBefore: new Date(startOf(to).getTime() + dayMs).toISOString() } : {}),
    }
  }

  /** The list's filters in the actor's scope; null when they select nothing the actor works (empty list). */
  async function filterOf(actor: Actor, query: ExportReportsQuery): Promise<staffRepo.ReportFilter | null> {
    let agencyIds = agenciesWorkedBy(actor, reportHandlers)
    if (query.agencyId) {
      if (agencyIds !== null && !agencyIds.includes(query.agencyId)) return null
      agencyIds = [query.agencyId]
    }
    let unitPath: string | undefined
    if (query.unitId) {
      const unit = await staffRepo.findUnit(db, query.unitId)
      if (!unit || (agencyIds !== null && !agencyIds.includes(unit.agencyId))) return null
      unitPath = unit.path
    }
    const digits = query.q?.replace(/\s/g, '') ?? ''
    return {
      agencyIds,
      status: query.status,
      category: query.category,
      channel: query.channel,
      unitPath,
      ...(await dateBounds(agencyIds, query.from, query.to)),
      q: query.q
        ? {
            text: query.q,
            name: normalizePersonName(query.q),
            nip: /^\d{18}$/.test(digits) ? digits : null,
          }
        : undefined,
    }
  }

  async function audited(actor: Actor, report: ReportRow, action: string, summary: Record<string, unknown>) {
    await db.transaction().execute((trx) =>
      recordAuditEvent(trx, clock, auditActorOf(actor), {
        action,
        entityType: 'report',
        entityId: report.id,
        agencyId: report.agencyId,
        summary: { reportNumber: report.reportNumber, ...summary },
      }),
    )
  }

  /** A report merged into another cannot take duplicates (no chains); the answer names where it went. */
  async function refuseMergedTarget(
    executor: Kysely<Database>,
    target: { reportNumber: string; duplicateOf: string | null; status: string },
  ) {
    if (target.duplicateOf === null && target.status !== 'duplicate') return
    // Named in the answer, so the officer can pick the report it was merged into (same agency) instead.
    const root = target.duplicateOf ? await staffRepo.findReport(executor, target.duplicateOf) : undefined
    throw new DomainError('report.duplicate_invalid', {
      reason: 'target_is_duplicate',
      reportNumber: target.reportNumber,
      duplicateOf: root ? { id: root.id, reportNumber: root.reportNumber } : null,
    })
  }

  /** The report locked in `trx`, checked to be one the actor works. */
  async function lockFor(trx: Kysely<Database>, actor: Actor, reportId: string) {
    const locked = await repo.lockReport(trx, reportId)
    if (!mayWorkReportsOf(actor, locked.agencyId, reportHandlers))
      throw new DomainError('report.not_found', { reportId })
    return { ...locked, status: locked.status as ReportStatus }
  }

  async function reporterFor(actor: Actor, report: ReportRow) {
    if (!report.reporterSealed || report.identityLevel === 'anonymous') return { reporter: null, until: null }
    let until: string | null = null
    if (report.identityLevel === 'confidential') {
      const approval = await revealRepo.findActiveApproval(
        db,
        report.id,
        actor.userId,
        clock.now().toISOString(),
      )
      if (!approval) return { reporter: null, until: null }
      until = approval.expiresAt
    }
    const identity = JSON.parse(
      openField(dataKeyOf(report), report.id, 'reporter', report.reporterSealed),
    ) as {
      name: string
      phone?: string
      email?: string
    }
    return { reporter: identity, until }
  }

  return {
    async list(actor: Actor, query: ListReportsQuery): Promise<ReportList> {
      const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize }
      const filter = await filterOf(actor, query)
      if (!filter) return empty
      await indexLinks(filter.agencyIds)
      const { rows, total } = await staffRepo.listReports(db, filter, query.sort, query.page, query.pageSize)
      const ids = rows.map((row) => row.id)
      const [files, unread, lastMessages, related] = await Promise.all([
        staffRepo.countFilesByReport(db, ids),
        staffRepo.countUnreadByReport(db, actor.userId, ids),
        staffRepo.findLastReporterMessageByReport(db, ids),
        relatedOf(ids),
      ])
      return {
        items: rows.map((row) => ({
          ...itemOf(row),
          files: files.get(row.id) ?? 0,
          unreadMessages: unread.get(row.id) ?? 0,
          lastReporterMessageAt: lastMessages.get(row.id) ?? null,
          related: related.get(row.id)?.length ?? 0,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    /**
     * The filtered list (same filters, scope and order as `list`) as an Excel file of at most `reportExportMaxRows`
     * rows; a longer list is cut and the file says so. Audited as `report.list_exported` in the chain of each agency
     * whose reports are in the file (filters and counts, no report content).
     */
    async exportXlsx(actor: Actor, query: ExportReportsQuery) {
      const filter = await filterOf(actor, query)
      const { rows, total } = filter
        ? await staffRepo.listReports(db, filter, query.sort, 1, reportExportMaxRows)
        : { rows: [], total: 0 }
      const agencyIds = [...new Set(rows.map((row) => row.agencyId))]
      // The agency whose clock dates the file (and whose chain records an empty export): the one listed, if one.
      const home =
        filter?.agencyIds?.length === 1
          ? filter.agencyIds[0]
          : agencyIds.length === 1
            ? agencyIds[0]
            : undefined
      const zones = new Map(
        (
          await staffRepo.listAgencyTimeZones(
            db,
            home && !agencyIds.includes(home) ? [...agencyIds, home] : agencyIds,
          )
        ).map((agency) => [agency.id, agency.timeZone]),
      )
      const zoneOf = (agencyId: string | undefined) => (agencyId ? zones.get(agencyId) : undefined)
      const now = clock.now()
      const body = await reportListXlsx(
        rows.map((row) => ({
          reportNumber: row.reportNumber,
          receivedAt: wallClockOf(row.createdAt, zoneOf(row.agencyId)),
          status: row.status as ReportStatus,
          categoryCode: row.categoryCode,
          categoryName: row.categoryCode ? (categoryNames.get(row.categoryCode) ?? null) : null,
          unitName: row.reportedUnitRosterName ?? row.reportedUnitName,
          channel: row.channel as ReportChannel,
          externalRef: row.externalRef,
          reportedName: row.reportedName,
        })),
        {
          query,
          total,
          maxRows: reportExportMaxRows,
          createdAt: formatLocalMinute(now, zoneOf(home)),
          createdBy: actor.username,
        },
      )
      const truncated = total > rows.length
      const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined))
      const chains: (string | null)[] = agencyIds.length > 0 ? agencyIds : [home ?? null]
      await db.transaction().execute((trx) =>
        recordAuditEvents(
          trx,
          clock,
          auditActorOf(actor),
          chains.map((agencyId) => ({
            action: 'report.list_exported',
            entityType: 'report',
            agencyId,
            summary: {
              format: 'xlsx',
              filters,
              rows: rows.filter((row) => row.agencyId === agencyId).length,
              total,
              truncated,
            },
          })),
        ),
      )
      const day = wallClockOf(now, zoneOf(home)).toISOString().slice(0, 10)
      return { fileName: `laporan-masuk-${day}.xlsx`, contentType: xlsxContentType, body, truncated }
    },

    /** Everything of a report, decrypted; the reporter only as described on `ReportDetail.reporter`. Audited. */
    async detail(actor: Actor, reportId: string): Promise<ReportDetail> {
      const report = await loadReport(actor, reportId)
      await indexLinks([report.agencyId])
      const dataKey = dataKeyOf(report)
      const open = (field: string, sealed: string) => openField(dataKey, report.id, field, sealed)
      const [messages, files, related, employee, target, duplicates, identity] = await Promise.all([
        staffRepo.listMessagesWithStaff(db, report.id),
        staffRepo.listFiles(db, report.id),
        relatedOf([report.id]),
        report.reportedEmployeeId ? staffRepo.findEmployee(db, report.reportedEmployeeId) : undefined,
        report.duplicateOf ? staffRepo.findReport(db, report.duplicateOf) : undefined,
        staffRepo.listDuplicatesOf(db, report.id),
        reporterFor(actor, report),
      ])
      const now = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await staffRepo.upsertRead(trx, report.id, actor.userId, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'report.viewed',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: { reportNumber: report.reportNumber, reporterShown: identity.reporter !== null },
        })
      })
      const status = report.status as ReportStatus
      return {
        ...itemOf(report),
        description: open('description', report.descriptionSealed),
        links: report.linksSealed ? (JSON.parse(open('links', report.linksSealed)) as string[]) : [],
        occurredAt: report.occurredAt,
        location: {
          regionCode: report.regionCode,
          place: report.placeSealed ? open('place', report.placeSealed) : null,
        },
        updatedAt: report.updatedAt,
        messages: messages.map((m) => ({
          id: m.id,
          from: m.sender === 'staff' ? 'staff' : 'reporter',
          body: open(`message:${m.id}`, m.bodySealed),
          at: m.createdAt,
          staffUser:
            m.sender === 'staff' && m.staffUserId
              ? { id: m.staffUserId, displayName: m.displayName ?? '' }
              : null,
        })),
        files: files.map((f) => ({
          id: f.id,
          kind: f.kind,
          mime: f.mime,
          byteSize: Number(f.byteSize),
          sha256: f.sha256,
          hasViewCopy: f.viewStorageKey !== null,
          addedBy: f.addedBy,
          createdAt: f.createdAt,
        })),
        related: related.get(report.id) ?? [],
        reportedEmployee: employee
          ? { id: employee.id, name: employee.name, nip: employee.nip, unitName: employee.unitName }
          : null,
        duplicateOfReport: target ? { id: target.id, reportNumber: target.reportNumber } : null,
        duplicates,
        reporter: identity.reporter,
        reporterRevealedUntil: identity.until,
        allowedStatusChanges: [...allowedStatusChanges(status)],
        canAskForInfo: askableStatuses.includes(status),
        canMarkDuplicate: mergeableStatuses.includes(status),
      }
    },

    /**
     * An evidence file: `view` is the copy without EXIF/GPS for images (shown inline) and the original otherwise;
     * `original` is the file as received. Serving original bytes is audited (`report.evidence_downloaded`).
     */
    async evidenceFile(
      actor: Actor,
      reportId: string,
      fileId: string,
      variant: 'view' | 'original',
    ): Promise<EvidenceContent> {
      const report = await loadReport(actor, reportId)
      const file = await staffRepo.findFile(db, report.id, fileId)
      if (!file) throw new DomainError('report.file_not_found', { fileId })
      const name = `${report.reportNumber}-${file.id.slice(-8)}.${extensionOf[file.kind] ?? 'bin'}`
      if (variant === 'view' && file.viewStorageKey) {
        return {
          bytes: await evidence.read(file.viewStorageKey, dataKeyOf(report)),
          contentType: file.viewMime ?? file.mime,
          disposition: `inline; filename="${name}"`,
        }
      }
      const bytes = await evidence.read(file.storageKey, dataKeyOf(report))
      await audited(actor, report, 'report.evidence_downloaded', {
        fileId: file.id,
        sha256: file.sha256,
        via: variant,
      })
      return { bytes, contentType: file.mime, disposition: `attachment; filename="${name}"` }
    },

    /** A staff message to the reporter (sealed); `askForInfo` puts the report in needs_info. */
    async addMessage(actor: Actor, reportId: string, body: StaffMessageBody) {
      const report = await loadReport(actor, reportId)
      const dataKey = dataKeyOf(report)
      const id = newId()
      const at = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, actor, report.id)
        if (body.askForInfo && !askableStatuses.includes(locked.status))
          throw new DomainError('report.status_invalid', { from: locked.status, to: 'needs_info' })
        await repo.insertMessage(trx, {
          id,
          reportId: report.id,
          sender: 'staff',
          staffUserId: actor.userId,
          bodySealed: sealField(dataKey, report.id, `message:${id}`, body.body),
          createdAt: at,
        })
        const status: ReportStatus = body.askForInfo ? 'needs_info' : locked.status
        await repo.setStatus(trx, report.id, status, at)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: body.askForInfo ? 'report.info_requested' : 'report.staff_message',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: { reportNumber: report.reportNumber, messageId: id, from: locked.status, to: status },
        })
        return { id, at, status, statusLabel: reportStatusLabels[status] }
      })
    },

    async changeStatus(actor: Actor, reportId: string, body: StatusChangeBody) {
      const report = await loadReport(actor, reportId)
      const at = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, actor, report.id)
        if (!allowedStatusChanges(locked.status).includes(body.status))
          throw new DomainError('report.status_invalid', { from: locked.status, to: body.status })
        if (locked.status === 'duplicate') await staffRepo.setDuplicateOf(trx, report.id, null, at)
        await repo.setStatus(trx, report.id, body.status, at)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'report.status_changed',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: {
            reportNumber: report.reportNumber,
            from: locked.status,
            to: body.status,
            ...(body.note ? { note: body.note } : {}),
          },
        })
        return { status: body.status, statusLabel: reportStatusLabels[body.status] }
      })
    },

    /** Merges the report into another of the same agency; reports merged into this one follow (no chains). */
    async markDuplicate(actor: Actor, reportId: string, body: DuplicateBody) {
      const report = await loadReport(actor, reportId)
      if (body.of === report.id) throw new DomainError('report.duplicate_invalid', { reason: 'self' })
      const target = await staffRepo.findReport(db, body.of)
      if (!target || target.agencyId !== report.agencyId)
        throw new DomainError('report.duplicate_invalid', { reason: 'target_not_found' })
      await refuseMergedTarget(db, target)
      const at = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        // Both rows, in id order: two officers merging A into B and B into A at once cannot make a chain (the second
        // finds its target merged) nor deadlock.
        for (const id of [report.id, target.id].sort()) await repo.lockReport(trx, id)
        const locked = await lockFor(trx, actor, report.id)
        await refuseMergedTarget(trx, (await staffRepo.findReport(trx, target.id)) ?? target)
        if (!mergeableStatuses.includes(locked.status))
          throw new DomainError('report.status_invalid', { from: locked.status, to: 'duplicate' })
        await repo.setStatus(trx, report.id, 'duplicate', at)
        await staffRepo.setDuplicateOf(trx, report.id, target.id, at)
        const followed = await staffRepo.repointDuplicates(trx, report.id, target.id, at)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'report.marked_duplicate',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: {
            reportNumber: report.reportNumber,
            from: locked.status,
            duplicateOf: target.reportNumber,
            duplicatesMoved: followed,
          },
        })
        return {
          status: 'duplicate' as const,
          statusLabel: reportStatusLabels.duplicate,
          duplicateOf: { id: target.id, reportNumber: target.reportNumber },
        }
      })
    },

    /** Links the reported person to an employee of the report's agency (or clears the link). */
    async setReportedEmployee(actor: Actor, reportId: string, body: ReportedEmployeeBody) {
      const report = await loadReport(actor, reportId)
      const employee = body.employeeId ? await staffRepo.findEmployee(db, body.employeeId) : null
      if (body.employeeId && (!employee || employee.agencyId !== report.agencyId))
        throw new DomainError('report.employee_invalid', { employeeId: body.employeeId })
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await lockFor(trx, actor, report.id)
        await staffRepo.setReportedEmployee(trx, report.id, employee?.id ?? null, at)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: employee ? 'report.employee_linked' : 'report.employee_unlinked',
          entityType: 'report',
          entityId: report.id,
          agencyId: report.agencyId,
          summary: {
            reportNumber: report.reportNumber,
            before: report.reportedEmployeeId,
            after: employee?.id ?? null,
          },
        })
      })
      return {
        reportedEmployee: employee
          ? { id: employee.id, name: employee.name, nip: employee.nip, unitName: employee.unitName }
          : null,
      }
    },

    /** Employees the reported person may be: NIP first, then name (with the unit), best 5 with the reason. */
    async employeeSuggestions(actor: Actor, reportId: string): Promise<EmployeeSuggestionList> {
      return suggestEmployees(db, await loadReport(actor, reportId))
    },
  }
}

export type StaffReportsService = ReturnType<typeof createStaffReportsService>
