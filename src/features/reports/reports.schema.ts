/**
 * Shapes of the public reporting API (issue #5 "Stable public API": paths and fields are a contract).
 */
import { z } from 'zod'
import { isViolationCode, violationGroups } from '../../domain/violations.js'

export const identityLevels = ['anonymous', 'confidential', 'named'] as const
export type IdentityLevel = (typeof identityLevels)[number]

/** What a report goes through; the reporter sees `reportStatusLabels`. */
export const reportStatuses = [
  'received',
  'in_review',
  'needs_info',
  'forwarded',
  'duplicate',
  'closed',
  'rejected',
] as const
export type ReportStatus = (typeof reportStatuses)[number]

/** Plain Indonesian for the reporter's status page. */
export const reportStatusLabels: Record<ReportStatus, string> = {
  received: 'Diterima, menunggu diperiksa petugas',
  in_review: 'Sedang diperiksa petugas',
  needs_info: 'Petugas meminta informasi tambahan dari Anda',
  forwarded: 'Diteruskan ke penanganan',
  duplicate: 'Digabung dengan laporan lain tentang kejadian yang sama',
  closed: 'Selesai ditangani',
  rejected: 'Tidak dapat ditindaklanjuti',
}

export const reportChannels = ['public_form', 'lapor', 'sbt_bkn', 'bawaslu', 'internal'] as const
export type ReportChannel = (typeof reportChannels)[number]

const text = (max: number) => z.string().trim().min(1).max(max)
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000)

export const ReportedPerson = z.strictObject({
  name: text(200),
  /** NIP as printed (spaces allowed): 18 digits. */
  nip: z
    .string()
    .trim()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{18}$/, 'nip'))
    .optional(),
  agencyName: text(200).optional(),
  unitName: text(200).optional(),
  /** A unit picked from the public unit list of the target agency. */
  unitId: z.uuid().optional(),
})

export const Reporter = z.strictObject({
  name: z.string().trim().min(2).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s-]{6,20}$/, 'phone')
    .optional(),
  email: z.email().max(200).optional(),
})

export const NewReportBody = z
  .strictObject({
    /** A multi-agency install: the agency the report is for; absent = the first agency. */
    agencySlug: text(100).optional(),
    categoryCode: z
      .string()
      .trim()
      .refine((code) => isViolationCode(code), { message: 'unknown_category' })
      .optional(),
    description: z.string().trim().min(20).max(10_000),
    reportedPerson: ReportedPerson.optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    location: z
      .strictObject({
        regionCode: z
          .string()
          .trim()
          .regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/, 'region_code')
          .optional(),
        place: text(500).optional(),
      })
      .optional(),
    links: z.array(HttpUrl).max(10).optional(),
    identityLevel: z.enum(identityLevels),
    reporter: Reporter.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.identityLevel !== 'anonymous' && !body.reporter)
      ctx.addIssue({ code: 'custom', path: ['reporter'], message: 'reporter_required' })
    if (body.identityLevel === 'anonymous' && body.reporter)
      ctx.addIssue({ code: 'custom', path: ['reporter'], message: 'anonymous_has_no_reporter' })
  })
export type NewReportBody = z.infer<typeof NewReportBody>

export const NewReportResult = z.object({
  /** 16 digits, shown to the reporter once; Netra keeps only a slow hash of it. */
  receipt: z.string().regex(/^\d{16}$/),
  reportNumber: z.string(),
})
export type NewReportResult = z.infer<typeof NewReportResult>

export const ReceiptParams = z.strictObject({
  /** 16 digits; spaces and dashes as typed are accepted. */
  receipt: z.string().max(40),
})

export const ReportMessageView = z.object({
  from: z.enum(['reporter', 'staff']),
  body: z.string(),
  at: z.string(),
})

export const PublicReportView = z.object({
  reportNumber: z.string(),
  status: z.enum(reportStatuses),
  statusLabel: z.string(),
  createdAt: z.string(),
  messages: z.array(ReportMessageView),
  /** Evidence files on the report (the reporter may add up to the limit). */
  files: z.number().int(),
})
export type PublicReportView = z.infer<typeof PublicReportView>

export const NewReporterMessageBody = z.strictObject({ body: z.string().trim().min(1).max(5000) })
export const NewMessageResult = z.object({ at: z.string() })

export const ViolationCategoryView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  group: z.enum(violationGroups),
  groupName: z.string(),
  examples: z.array(z.string()),
})

export const ReportFormView = z.object({
  agencies: z.array(z.object({ slug: z.string(), name: z.string() })),
})

export const PublicUnitsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export const PublicUnitList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().optional() })),
})
export const AgencySlugParams = z.strictObject({ slug: z.string().trim().min(1).max(100) })
