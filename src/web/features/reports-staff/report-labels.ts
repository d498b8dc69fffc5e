/**
 * Small decisions of the inbox pages kept out of the components (and tested): the tone of each status badge, the
 * wording of each status button, which evidence files are shown as pictures, sizes in words and which links open.
 */
import type { StaffStatusTarget } from '../../../features/reports/reports-staff.schema'
import type { ReportStatus } from '../../../features/reports/reports.schema'
import type { StatusTone } from '../../ui/status-badge'
import { formatNumber } from '../../format/date-time'

/**
 * Amber: waiting for staff; green: handed over or done; grey: waiting for the reporter or set aside.
 * (Red is kept for overdue steps, which reports do not have yet.)
 */
const toneOfStatus: Record<ReportStatus, StatusTone> = {
  received: 'due',
  in_review: 'due',
  needs_info: 'neutral',
  forwarded: 'done',
  closed: 'done',
  rejected: 'neutral',
  duplicate: 'neutral',
}

export const reportStatusTone = (status: ReportStatus): StatusTone => toneOfStatus[status]

/** The statuses a report leaves the inbox's work in; moving back to review from them is reopening it. */
const settledStatuses: readonly ReportStatus[] = ['closed', 'rejected', 'duplicate']

export type StatusAction = 'review' | 'reopen' | 'forward' | 'close' | 'reject'

/** Which button a status change is: `in_review` is "start the review" or, from a settled status, "reopen". */
export function statusActionOf(from: ReportStatus, to: StaffStatusTarget): StatusAction {
  switch (to) {
    case 'in_review':
      return settledStatuses.includes(from) ? 'reopen' : 'review'
    case 'forwarded':
      return 'forward'
    case 'closed':
      return 'close'
    case 'rejected':
      return 'reject'
  }
}

/** Steps that take the report off the desk ask with a red button. */
export const isDestructiveAction = (action: StatusAction): boolean => action === 'reject'

/** Pictures are shown from their copy without EXIF/GPS; anything else is a download. */
export const isViewableImage = (file: { readonly mime: string; readonly hasViewCopy: boolean }): boolean =>
  file.hasViewCopy && file.mime.startsWith('image/')

/** `850 B`, `12,4 KB`, `3,1 MB` (decimal separator of the language). */
export function formatByteSize(bytes: number, language = 'id'): string {
  if (bytes < 1000) return `${formatNumber(bytes, language)} B`
  const units = ['KB', 'MB', 'GB'] as const
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${formatNumber(Math.round(value * 10) / 10, language)} ${units[unit]}`
}

/** A link the reporter gave, as a URL the page may open: only http(s); anything else is shown as text only. */
export function openableLink(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
