/** The staff pledge API (templates, campaigns, targets, coverage, codes, reminders, revocation) as paths and calls. */
import type {
  CampaignList,
  CampaignView,
  CoverageView,
  CreateCampaignBody,
  CreateTemplateBody,
  IssuedCode,
  NewVersionBody,
  OpenCampaignResult,
  ReminderResult,
  SignatureView,
  TargetList,
  TargetView,
  TemplateList,
  TemplateVersionList,
  TemplateVersionView,
  TemplateView,
  UpdateCampaignBody,
} from '../../../features/pledges/pledges.schema'
import type { EmployeePledgeList } from '../../../features/pledges/pledge-staff.schema'
import { apiPost, apiRequest, withQuery } from '../../api/client'

export type {
  EmployeePledgeList,
  CampaignList,
  CampaignView,
  CoverageView,
  IssuedCode,
  OpenCampaignResult,
  ReminderResult,
  TargetList,
  TargetView,
  TemplateList,
  TemplateVersionList,
  TemplateVersionView,
  TemplateView,
}

const templatesPath = '/api/v1/pledge-templates'
const campaignsPath = '/api/v1/pledge-campaigns'

export const templateListPath = (includeArchived: boolean) =>
  withQuery(templatesPath, { includeArchived: includeArchived ? 'true' : undefined })

export const templatePath = (templateId: string) => `${templatesPath}/${encodeURIComponent(templateId)}`
export const templateVersionsPath = (templateId: string) => `${templatePath(templateId)}/versions`

export const createTemplate = (body: CreateTemplateBody) => apiPost<TemplateView>(templatesPath, body)
export const seedDefaultTemplates = () => apiPost<TemplateList>(`${templatesPath}/defaults`, {})
export const addTemplateVersion = (templateId: string, body: NewVersionBody) =>
  apiPost<TemplateView>(templateVersionsPath(templateId), body)
export const setTemplateArchived = (templateId: string, archived: boolean) =>
  apiRequest<TemplateView>('PATCH', templatePath(templateId), { body: { archived } })

export const campaignListPath = campaignsPath
export const campaignPath = (campaignId: string) => `${campaignsPath}/${encodeURIComponent(campaignId)}`

export const createCampaign = (body: CreateCampaignBody) => apiPost<CampaignView>(campaignsPath, body)
export const updateCampaign = (campaignId: string, body: UpdateCampaignBody) =>
  apiRequest<CampaignView>('PATCH', campaignPath(campaignId), { body })
export const openCampaign = (campaignId: string) =>
  apiPost<OpenCampaignResult>(`${campaignPath(campaignId)}/open`)
export const closeCampaign = (campaignId: string) =>
  apiPost<CampaignView>(`${campaignPath(campaignId)}/close`)

export const coveragePath = (campaignId: string, unitId: string | null) =>
  withQuery(`${campaignPath(campaignId)}/coverage`, { unitId: unitId ?? undefined })

export interface TargetQuery {
  readonly unitId: string | null
  readonly status: 'signed' | 'unsigned' | null
  readonly page: number
  readonly pageSize: number
}

export const targetsPath = (campaignId: string, query: TargetQuery) =>
  withQuery(`${campaignPath(campaignId)}/targets`, {
    unitId: query.unitId ?? undefined,
    status: query.status ?? undefined,
    page: String(query.page),
    pageSize: String(query.pageSize),
  })

export const reissueCode = (campaignId: string, employeeId: string) =>
  apiPost<IssuedCode>(`${campaignPath(campaignId)}/targets/${encodeURIComponent(employeeId)}/code`)

export const sendReminders = (campaignId: string, unitId: string | null) =>
  apiPost<ReminderResult>(`${campaignPath(campaignId)}/reminders`, unitId ? { unitId } : {})

/** The non-signers of a unit subtree (null: the reader's whole scope) as an XLSX download. */
export const nonSignersXlsxPath = (campaignId: string, unitId: string | null) =>
  withQuery(`${campaignPath(campaignId)}/non-signers.xlsx`, { unitId: unitId ?? undefined })

export const employeePledgesPath = (employeeId: string) =>
  `/api/v1/employees/${encodeURIComponent(employeeId)}/pledges`

export const revokeSignature = (signatureId: string, reason: string) =>
  apiPost<SignatureView>(`/api/v1/pledge-signatures/${encodeURIComponent(signatureId)}/revoke`, { reason })
