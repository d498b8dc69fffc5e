/**
 * The staff inbox API (src/features/reports/reports-staff.routes.ts, report-reveal.routes.ts): paths and actions.
 * The shapes are the server's own schemas.
 */
import type { RevealRequestList, RevealRequestView } from '../../../features/reports/report-reveal.schema'
import type {
  EmployeeSuggestionList,
  RelatedReportView,
  ReportDetail,
  ReportList,
  ReportListItem,
  StaffStatusTarget,
} from '../../../features/reports/reports-staff.schema'
import type { ReportStatus } from '../../../features/reports/reports.schema'
import { ApiError, apiPost, isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { i18next } from '../../i18n/i18n'

export type {
  EmployeeSuggestionList,
  RelatedReportView,
  ReportDetail,
  ReportList,
  ReportListItem,
  ReportStatus,
  RevealRequestList,
  RevealRequestView,
  StaffStatusTarget,
}

export const reportsPath = '/api/v1/reports'

const reportPath = (id: string) => `${reportsPath}/${encodeURIComponent(id)}`

export const reportDetailPath = reportPath

/** `view`: images without EXIF/GPS (inline); `original`: the file as received (the download is audited). */
export const evidencePath = (reportId: string, fileId: string, variant: 'view' | 'original') =>
  `${reportPath(reportId)}/files/${encodeURIComponent(fileId)}/${variant}`

export const employeeSuggestionsPath = (reportId: string) => `${reportPath(reportId)}/employee-suggestions`

export const reportRevealRequestsPath = (reportId: string) => `${reportPath(reportId)}/reveal-requests`

export const pendingRevealRequestsPath = '/api/v1/reveal-requests?status=pending'

interface StatusResult {
  readonly status: ReportStatus
  readonly statusLabel: string
}

export const sendStaffMessage = (reportId: string, body: string, askForInfo: boolean) =>
  apiPost<StatusResult & { id: string; at: string }>(`${reportPath(reportId)}/messages`, { body, askForInfo })

export const changeReportStatus = (reportId: string, status: StaffStatusTarget) =>
  apiPost<StatusResult>(`${reportPath(reportId)}/status`, { status })

export const markDuplicate = (reportId: string, of: string) =>
  apiPost<StatusResult>(`${reportPath(reportId)}/duplicate`, { of })

export const setReportedEmployee = (reportId: string, employeeId: string | null) =>
  apiPost<{ reportedEmployee: ReportDetail['reportedEmployee'] }>(
    `${reportPath(reportId)}/reported-employee`,
    { employeeId },
  )

export const requestReveal = (reportId: string, reason: string) =>
  apiPost<RevealRequestView>(reportRevealRequestsPath(reportId), { reason })

export const decideReveal = (requestId: string, decision: 'approve' | 'reject', note: string) =>
  apiPost<RevealRequestView>(
    `/api/v1/reveal-requests/${encodeURIComponent(requestId)}/${decision}`,
    note.trim() ? { note: note.trim() } : {},
  )

/** The sentence for any failure of an action (an unexpected throw reads as an unexpected answer). */
export const failureMessage = (caught: unknown): string =>
  describeError(isApiError(caught) ? caught : new ApiError(0, 'client.unexpected_response'))

const reportRefOf = (value: unknown): { id: string; reportNumber: string } | null =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { reportNumber?: unknown }).reportNumber === 'string'
    ? (value as { id: string; reportNumber: string })
    : null

/**
 * The sentence for a refused "Tandai duplikat" on report `reportId`: when the chosen report is itself a duplicate
 * (no chains), it says which report that one was merged into, so the officer can pick that one instead.
 */
export function duplicateFailureMessage(caught: unknown, reportId: string): string {
  if (
    isApiError(caught) &&
    caught.code === 'report.duplicate_invalid' &&
    caught.details.reason === 'target_is_duplicate' &&
    typeof caught.details.reportNumber === 'string'
  ) {
    const number = caught.details.reportNumber
    const root = reportRefOf(caught.details.duplicateOf)
    if (root?.id === reportId) return i18next.t('reportsStaff.duplicate.refused_merged_here', { number })
    if (root) return i18next.t('reportsStaff.duplicate.refused_chain', { number, root: root.reportNumber })
  }
  return failureMessage(caught)
}
