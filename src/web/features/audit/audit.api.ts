import type { z } from 'zod'
import type {
  AuditEventList,
  AuditEventView,
  AuditVerificationView,
} from '../../../features/audit/audit.schema'
import { apiGet, withQuery } from '../../api/client'

export type AuditEvent = z.infer<typeof AuditEventView>
export type AuditEventListView = z.infer<typeof AuditEventList>
export type AuditVerification = z.infer<typeof AuditVerificationView>

export const auditEventsPath = (query: {
  page: number
  pageSize: number
  action?: string
  entityType?: string
}) => withQuery('/api/v1/audit-events', query)

export const verifyAuditTrail = () => apiGet<AuditVerification>('/api/v1/audit-events/verification')
