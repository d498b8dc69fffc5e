/**
 * Shapes of the staff inbox API (issue #5 point 4, related reports of point 6) and the status rules every inbox
 * button follows (`allowedStatusChanges`: the web shows only the changes the server accepts).
 */
import { z } from 'zod'
import { identityLevels, reportChannels, reportStatuses, type ReportStatus } from './reports.schema.js'

/** Statuses staff set with `POST /reports/:id/status` (needs_info comes with a question, duplicate with a target). */
export const staffStatusTargets = ['in_review', 'forwarded', 'closed', 'rejected'] as const
export type StaffStatusTarget = (typeof staffStatusTargets)[number]

const statusChanges: Record<ReportStatus, readonly StaffStatusTarget[]> = {
  received: ['in_review', 'rejected'],
  in_review: ['forwarded', 'closed', 'rejected'],
  needs_info: ['in_review', 'forwarded', 'closed', 'rejected'],
  forwarded: ['closed'],
  // Reopening: a closed, rejected or merged report goes back to review (a merge is undone).
  closed: ['in_review'],
  rejected: ['in_review'],
  duplicate: ['in_review'],
}

/** The statuses a report in `from` may be moved to with the status action. */
export const allowedStatusChanges = (from: ReportStatus): readonly StaffStatusTarget[] => statusChanges[from]

/** Statuses in which staff may ask the reporter for more information (the report then waits in needs_info). */
export const askableStatuses: readonly ReportStatus[] = ['received', 'in_review', 'needs_info']
/** Statuses in which a report may be marked as a duplicate of another. */
export const mergeableStatuses: readonly ReportStatus[] = ['received', 'in_review', 'needs_info']

/** Reports about the same person within this many days (either way) are suggested as related. */
export const relatedReportWindowDays = 90

const isoDate = z.iso.date()

/**
 * Orders of the inbox: newest filed first (default), oldest first, or most recent reporter activity first (the
 * latest reporter message, or the filing itself when the reporter has not written since).
 */
export const reportSorts = ['newest', 'oldest', 'last_reporter_message'] as const
export type ReportSort = (typeof reportSorts)[number]

/** The inbox's Excel export holds at most this many rows (in the chosen order); the file says when it was cut. */
export const reportExportMaxRows = 5000

const reportListFilters = {
  status: z.enum(reportStatuses).optional(),
  category: z.string().trim().min(1).max(20).optional(),
  channel: z.enum(reportChannels).optional(),
  /** Reports whose reported unit is this unit or lies below it. */
  unitId: z.uuid().optional(),
  /** A super admin's list across agencies may be narrowed to one. */
  agencyId: z.uuid().optional(),
  /** Filed on or after this date (the agency's local date). */
  from: isoDate.optional(),
  /** Filed on or before this date (the agency's local date). */
  to: isoDate.optional(),
  /**
   * Report number (any part), the reported person's name (any part) or NIP, or exactly the channel's own ticket
   * number (`externalRef`).
   */
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(reportSorts).default('newest'),
}

export const ListReportsQuery = z.strictObject({
  ...reportListFilters,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type ListReportsQuery = z.infer<typeof ListReportsQuery>

/** `GET /reports/export.xlsx`: the list's filters and order, no paging (see `reportExportMaxRows`). */
export const ExportReportsQuery = z.strictObject(reportListFilters)
export type ExportReportsQuery = z.infer<typeof ExportReportsQuery>

export const ReportedPersonView = z.object({
  name: z.string().nullable(),
  nip: z.string().nullable(),
  /** The unit picked from the roster, else the unit name as the reporter wrote it. */
  unitName: z.string().nullable(),
  unitId: z.string().nullable(),
  agencyName: z.string().nullable(),
})

export const ReportListItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  reportNumber: z.string(),
  createdAt: z.string(),
  status: z.enum(reportStatuses),
  statusLabel: z.string(),
  channel: z.enum(reportChannels),
  /** The channel's own ticket number (LAPOR tracking id, SBT number…) for reports handed over by a channel. */
  externalRef: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  identityLevel: z.enum(identityLevels),
  reportedPerson: ReportedPersonView,
  reportedEmployeeId: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  files: z.number().int(),
  /** Reporter messages the reader has not seen (since they last opened the report). */
  unreadMessages: z.number().int(),
  /** When the reporter last wrote a message; null when they have not written since filing. */
  lastReporterMessageAt: z.string().nullable(),
  /** Suggested related reports (same person within the window, or the same link). */
  related: z.number().int(),
})
export type ReportListItem = z.infer<typeof ReportListItem>

export const ReportList = z.object({
  items: z.array(ReportListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type ReportList = z.infer<typeof ReportList>

export const ReportParams = z.strictObject({ id: z.uuid() })
export const ReportFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() })

export const relatedReasons = ['employee', 'person', 'link'] as const
export type RelatedReason = (typeof relatedReasons)[number]

export const RelatedReportView = z.object({
  id: z.string(),
  reportNumber: z.string(),
  createdAt: z.string(),
  status: z.enum(reportStatuses),
  reportedName: z.string().nullable(),
  reasons: z.array(z.enum(relatedReasons)),
})
export type RelatedReportView = z.infer<typeof RelatedReportView>

export const StaffMessageView = z.object({
  id: z.string(),
  from: z.enum(['reporter', 'staff']),
  body: z.string(),
  at: z.string(),
  /** Staff messages: who wrote it. */
  staffUser: z.object({ id: z.string(), displayName: z.string() }).nullable(),
})

export const ReportFileView = z.object({
  id: z.string(),
  kind: z.string(),
  mime: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  /** Images: a copy without EXIF/GPS is what `/view` serves. */
  hasViewCopy: z.boolean(),
  addedBy: z.string(),
  createdAt: z.string(),
})

export const ReporterIdentityView = z.object({
  name: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
})

export const ReportDetail = ReportListItem.omit({
  unreadMessages: true,
  lastReporterMessageAt: true,
  related: true,
}).extend({
  description: z.string(),
  links: z.array(z.string()),
  occurredAt: z.string().nullable(),
  location: z.object({ regionCode: z.string().nullable(), place: z.string().nullable() }),
  updatedAt: z.string(),
  messages: z.array(StaffMessageView),
  files: z.array(ReportFileView),
  related: z.array(RelatedReportView),
  reportedEmployee: z
    .object({ id: z.string(), name: z.string(), nip: z.string().nullable(), unitName: z.string() })
    .nullable(),
  duplicateOfReport: z.object({ id: z.string(), reportNumber: z.string() }).nullable(),
  /** Reports merged into this one. */
  duplicates: z.array(z.object({ id: z.string(), reportNumber: z.string() })),
  /**
   * The reporter's identity: present for `named` reports, and for `confidential` ones only to the officer whose
   * reveal request was approved, until it expires. Never for anonymous reports (nothing is stored).
   */
  reporter: ReporterIdentityView.nullable(),
  /** Until when `reporter` is shown to this reader (confidential reports); null otherwise. */
  reporterRevealedUntil: z.string().nullable(),
  /** What the reader may do next (the buttons the inbox shows). */
  allowedStatusChanges: z.array(z.enum(staffStatusTargets)),
  canAskForInfo: z.boolean(),
  canMarkDuplicate: z.boolean(),
})
export type ReportDetail = z.infer<typeof ReportDetail>

export const StaffMessageBody = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  /** "Minta informasi tambahan": the report waits for the reporter (status needs_info). */
  askForInfo: z.boolean().default(false),
})
export type StaffMessageBody = z.infer<typeof StaffMessageBody>

export const StatusChangeBody = z.strictObject({
  status: z.enum(staffStatusTargets),
  /** Kept in the audit trail (never shown to the reporter). */
  note: z.string().trim().min(1).max(2000).optional(),
})
export type StatusChangeBody = z.infer<typeof StatusChangeBody>

export const DuplicateBody = z.strictObject({ of: z.uuid() })
export type DuplicateBody = z.infer<typeof DuplicateBody>

export const ReportedEmployeeBody = z.strictObject({ employeeId: z.uuid().nullable() })
export type ReportedEmployeeBody = z.infer<typeof ReportedEmployeeBody>

export const suggestionReasons = ['nip', 'name_unit', 'name', 'partial_name_unit', 'partial_name'] as const
export type SuggestionReason = (typeof suggestionReasons)[number]

export const EmployeeSuggestionList = z.object({
  items: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      nip: z.string().nullable(),
      unitId: z.string(),
      unitName: z.string(),
      positionTitle: z.string().nullable(),
      reason: z.enum(suggestionReasons),
      /** 0–100, higher is a closer match. */
      score: z.number(),
    }),
  ),
})
export type EmployeeSuggestionList = z.infer<typeof EmployeeSuggestionList>
