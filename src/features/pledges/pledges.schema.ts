/** HTTP contracts of pledges: templates, campaigns, targets, coverage, one-time codes, public signing and verifying. */
import { z } from 'zod'
import { employeeKinds, positionTypes } from '../../domain/employee-fields.js'

export const templateKinds = ['ikrar', 'pakta_integritas', 'deklarasi'] as const
export type TemplateKind = (typeof templateKinds)[number]

export const campaignStatuses = ['draft', 'open', 'closed'] as const
export type CampaignStatus = (typeof campaignStatuses)[number]

/** An instant with an explicit offset (`2026-11-24T08:00:00+07:00` or `…Z`), stored as UTC. */
const InstantInput = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

const SingleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, { message: 'single_line' })

export const IdParams = z.strictObject({ id: z.uuid() })
export type IdParams = z.infer<typeof IdParams>

export const TargetParams = z.strictObject({ id: z.uuid(), employeeId: z.uuid() })
export type TargetParams = z.infer<typeof TargetParams>

/** A one-time code or a verification code: URL-safe base64 (16 or 18 random bytes). */
export const CodeParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{20,32}$/) })
export type CodeParams = z.infer<typeof CodeParams>

/* Templates ------------------------------------------------------------------------------------------------- */

export const TemplateKind = z.enum(templateKinds)

export const ListTemplatesQuery = z.strictObject({
  /** Defaults to the agency of the signed-in user. */
  agencyId: z.uuid().optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
})
export type ListTemplatesQuery = z.infer<typeof ListTemplatesQuery>

const TemplateText = { title: SingleLine(200), body: z.string().trim().min(1).max(20_000) }

export const CreateTemplateBody = z.strictObject({
  agencyId: z.uuid().optional(),
  kind: TemplateKind,
  ...TemplateText,
})
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>

/** A new version of the text; the previous versions stay as they were. */
export const NewVersionBody = z.strictObject(TemplateText)
export type NewVersionBody = z.infer<typeof NewVersionBody>

export const UpdateTemplateBody = z.strictObject({ archived: z.boolean() })
export type UpdateTemplateBody = z.infer<typeof UpdateTemplateBody>

export const SeedDefaultsBody = z.strictObject({ agencyId: z.uuid().optional() })
export type SeedDefaultsBody = z.infer<typeof SeedDefaultsBody>

export const TemplateVersionView = z.object({
  id: z.string(),
  templateId: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  /** SHA-256 (hex) of the canonical title + body (see pledge-rules.ts `canonicalTemplateText`). */
  sha256: z.string(),
  createdAt: z.string(),
})
export type TemplateVersionView = z.infer<typeof TemplateVersionView>

export const TemplateView = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind: TemplateKind,
  title: z.string(),
  currentVersion: TemplateVersionView,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TemplateView = z.infer<typeof TemplateView>

export const TemplateList = z.object({ items: z.array(TemplateView) })
export type TemplateList = z.infer<typeof TemplateList>

export const TemplateVersionList = z.object({ items: z.array(TemplateVersionView) })
export type TemplateVersionList = z.infer<typeof TemplateVersionList>

/* Campaigns ------------------------------------------------------------------------------------------------- */

/**
 * Who must sign. `units`: everyone in these units' subtrees; `agency`: everyone. Then narrowed by employee kinds and
 * position types (empty = all) and, with `onlyUnitHeads`, to the heads of units. Only active employees are targeted.
 */
export const CampaignTarget = z.strictObject({
  scope: z.enum(['agency', 'units']),
  unitIds: z.array(z.uuid()).max(500).default([]),
  employeeKinds: z.array(z.enum(employeeKinds)).max(employeeKinds.length).default([]),
  positionTypes: z.array(z.enum(positionTypes)).max(positionTypes.length).default([]),
  onlyUnitHeads: z.boolean().default(false),
})
export type CampaignTarget = z.infer<typeof CampaignTarget>

export const Witness = z.strictObject({
  name: SingleLine(200),
  /** `KPU Kota Contoh`, `Bawaslu Kota Contoh`… */
  institution: SingleLine(200),
  role: SingleLine(200).optional(),
})
export type Witness = z.infer<typeof Witness>

export const CreateCampaignBody = z.strictObject({
  agencyId: z.uuid().optional(),
  templateVersionId: z.uuid(),
  electionId: z.uuid().nullish(),
  name: SingleLine(200),
  target: CampaignTarget,
  opensAt: InstantInput,
  closesAt: InstantInput,
  witnesses: z.array(Witness).max(20).default([]),
})
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>

/** While the campaign is a draft; only the fields sent change. */
export const UpdateCampaignBody = z
  .strictObject({
    templateVersionId: z.uuid().optional(),
    electionId: z.uuid().nullish(),
    name: SingleLine(200).optional(),
    target: CampaignTarget.optional(),
    opensAt: InstantInput.optional(),
    closesAt: InstantInput.optional(),
    witnesses: z.array(Witness).max(20).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'empty_update' })
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>

export const ListCampaignsQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  status: z.enum(campaignStatuses).optional(),
})
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuery>

/** Targets and signatures of a campaign in the reader's scope (zero for a draft: no targets yet). */
export const CampaignCounts = z.object({
  targets: z.number(),
  signed: z.number(),
  /** signed / targets × 100, one decimal; 0 without targets. */
  percent: z.number(),
})
export type CampaignCounts = z.infer<typeof CampaignCounts>

export const CampaignView = z.object({
  id: z.string(),
  agencyId: z.string(),
  templateVersionId: z.string(),
  templateId: z.string(),
  templateKind: TemplateKind,
  templateTitle: z.string(),
  templateVersion: z.number(),
  templateSha256: z.string(),
  electionId: z.string().nullable(),
  name: z.string(),
  /** For a unit admin, `unitIds` lists only the units inside their part of the roster. */
  target: CampaignTarget,
  opensAt: z.string(),
  closesAt: z.string(),
  witnesses: z.array(Witness),
  status: z.enum(campaignStatuses),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: CampaignCounts,
})
export type CampaignView = z.infer<typeof CampaignView>

export const CampaignList = z.object({ items: z.array(CampaignView) })
export type CampaignList = z.infer<typeof CampaignList>

/** A one-time code, shown only in the response that issued it (print it or hand it over; it is not stored). */
export const IssuedCode = z.object({
  employeeId: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  code: z.string(),
  /** `${publicUrl}/ikrar/<code>` */
  link: z.string(),
  /** True when an e-mail with the link was queued in the outbox. */
  emailQueued: z.boolean(),
  /** True when a WhatsApp message with the link was queued (WhatsApp enabled and a valid phone number). */
  whatsAppQueued: z.boolean(),
})
export type IssuedCode = z.infer<typeof IssuedCode>

export const OpenCampaignResult = z.object({
  campaign: CampaignView,
  targetCount: z.number(),
  emailQueued: z.number(),
  whatsAppQueued: z.number(),
  /** Targets whose phone number is not a valid Indonesian mobile number (no WhatsApp sent). */
  phoneInvalid: z.number(),
  codes: z.array(IssuedCode),
})
export type OpenCampaignResult = z.infer<typeof OpenCampaignResult>

/* Targets and coverage -------------------------------------------------------------------------------------- */

export const ListTargetsQuery = z.strictObject({
  /** A unit subtree (by the unit the employee was in when the campaign opened). */
  unitId: z.uuid().optional(),
  status: z.enum(['signed', 'unsigned']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListTargetsQuery = z.infer<typeof ListTargetsQuery>

export const TargetView = z.object({
  employeeId: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  /** The unit at snapshot time, where the target is counted. */
  unitId: z.string(),
  unitName: z.string(),
  /** The employee is in another unit now than when the campaign opened (still counted where targeted). */
  movedSinceSnapshot: z.boolean(),
  currentUnitId: z.string(),
  signed: z.boolean(),
  signedAt: z.string().nullable(),
  signatureId: z.string().nullable(),
  codeUsed: z.boolean(),
  hasEmail: z.boolean(),
  lastRemindedAt: z.string().nullable(),
})
export type TargetView = z.infer<typeof TargetView>

export const TargetList = z.object({
  items: z.array(TargetView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})
export type TargetList = z.infer<typeof TargetList>

export const CoverageQuery = z.strictObject({
  /** The subtree to count; omitted: the reader's whole part of the agency. */
  unitId: z.uuid().optional(),
})
export type CoverageQuery = z.infer<typeof CoverageQuery>

export const CoverageCounts = z.object({
  targets: z.number(),
  signed: z.number(),
  unsigned: z.number(),
  /** signed / targets × 100, one decimal; 0 without targets. */
  percent: z.number(),
})
export type CoverageCounts = z.infer<typeof CoverageCounts>

export const CoverageRow = CoverageCounts.extend({
  unitId: z.string(),
  unitName: z.string(),
})
export type CoverageRow = z.infer<typeof CoverageRow>

export const CoverageView = z.object({
  campaignId: z.string(),
  /** null: the reader's whole scope. */
  unitId: z.string().nullable(),
  total: CoverageCounts,
  /** Targets placed directly in `unitId` (not in a child unit). */
  direct: CoverageCounts,
  /** One row per child unit (or per top unit of the reader's scope), for drill-down. */
  children: z.array(CoverageRow),
})
export type CoverageView = z.infer<typeof CoverageView>

export const ReminderBody = z.strictObject({ unitId: z.uuid().optional() })
export type ReminderBody = z.infer<typeof ReminderBody>

export const ReminderResult = z.object({
  /** E-mails queued (each with a fresh personal link; the previous code stops working). */
  queued: z.number(),
  /** Non-signers reminded less than 24 hours ago. */
  skippedRecent: z.number(),
  /** Non-signers without an e-mail address (hand them a printed code slip unless WhatsApp reached them). */
  withoutEmail: z.number(),
  /** WhatsApp messages queued (WhatsApp enabled, valid phone number), with the same fresh link. */
  whatsAppQueued: z.number(),
  /** Non-signers whose phone number is not a valid Indonesian mobile number (no WhatsApp sent). */
  phoneInvalid: z.number(),
})
export type ReminderResult = z.infer<typeof ReminderResult>

/* Signatures ------------------------------------------------------------------------------------------------ */

export const RevokeBody = z.strictObject({ reason: z.string().trim().min(5).max(1000) })
export type RevokeBody = z.infer<typeof RevokeBody>

export const SignatureView = z.object({
  id: z.string(),
  campaignId: z.string(),
  employeeId: z.string(),
  templateVersionId: z.string(),
  templateSha256: z.string(),
  typedName: z.string(),
  signedAt: z.string(),
  receiptStatus: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
})
export type SignatureView = z.infer<typeof SignatureView>

/* Public ---------------------------------------------------------------------------------------------------- */

/** `locked`: too many wrong dates of birth with this code; staff issue a new one. */
export const publicPledgeStates = ['open', 'not_yet_open', 'ended', 'closed', 'used', 'locked'] as const

/** What a code holder sees: the text to sign and whose code it is (masked name). */
export const PublicPledgeView = z.object({
  state: z.enum(publicPledgeStates),
  agencyName: z.string(),
  campaignName: z.string(),
  kind: TemplateKind,
  title: z.string(),
  body: z.string(),
  sha256: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  timeZone: z.string(),
  witnesses: z.array(Witness),
  /** `B*** S******` */
  signerNameMasked: z.string(),
})
export type PublicPledgeView = z.infer<typeof PublicPledgeView>

/** Largest accepted drawn signature, as a data URL (about 150 kB of PNG). */
export const maxDrawnSignatureLength = 200_000

export const SignPledgeBody = z.strictObject({
  dateOfBirth: z.iso.date(),
  typedName: SingleLine(300),
  /** `data:image/png;base64,…` */
  drawnSignature: z.string().max(maxDrawnSignatureLength).optional(),
})
export type SignPledgeBody = z.infer<typeof SignPledgeBody>

export const SignPledgeResult = z.object({
  /** For the receipt's QR code: `${publicUrl}/verify/<verifyCode>`. */
  verifyCode: z.string(),
  verifyUrl: z.string(),
  signedAt: z.string(),
  receiptStatus: z.string(),
})
export type SignPledgeResult = z.infer<typeof SignPledgeResult>

export const VerifyView = z.object({
  valid: z.boolean(),
  name: z.string(),
  unit: z.string(),
  campaign: z.string(),
  /** In the agency's time zone, with its offset: `2026-11-24T09:00:00+07:00`. */
  signedAt: z.string(),
})
export type VerifyView = z.infer<typeof VerifyView>
