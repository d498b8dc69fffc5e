import type { ReportStatus } from '../../../features/reports/reports.schema'
import { useTranslation } from 'react-i18next'
import { StatusBadge } from '../../ui/status-badge'
import { reportStatusTone } from './report-labels'

/** A report's status for staff, in colour, icon and words. */
export function ReportStatusBadge({ status }: { readonly status: ReportStatus }) {
  const { t } = useTranslation()
  return <StatusBadge tone={reportStatusTone(status)} label={t(`reportsStaff.status.${status}`)} />
}
