/**
 * Shapes of the intake API for other channels (issue #5 point 5): the staff routes that manage an agency's channel
 * API keys, and `POST /intake/reports`, where SP4N-LAPOR!, SBT BKN, Bawaslu or an internal finding hand over a report.
 */
import { z } from 'zod'
import { NewReportBody } from './reports.schema.js'

/** Channels that reach Netra through the API (`public_form` is the reporter's own form, never a key). */
export const intakeChannels = ['lapor', 'sbt_bkn', 'bawaslu', 'internal'] as const
export type IntakeChannel = (typeof intakeChannels)[number]

/** What a token looks like: `ntk_` and 32 random bytes as base64url (43 characters). */
export const channelTokenPrefix = 'ntk_'

export const ChannelKeyView = z.object({
  id: z.string(),
  agencyId: z.string(),
  channel: z.enum(intakeChannels),
  label: z.string(),
  /** The token's first characters (`ntk_AbCd…`), to tell keys apart; never enough to use one. */
  tokenHint: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
})
export type ChannelKeyView = z.infer<typeof ChannelKeyView>

export const ChannelKeyList = z.object({ items: z.array(ChannelKeyView) })
export type ChannelKeyList = z.infer<typeof ChannelKeyList>

export const ChannelKeysQuery = z.strictObject({
  /** Agency admins may leave it out (their own agency); a platform admin names the agency. */
  agencyId: z.uuid().optional(),
})

export const NewChannelKeyBody = z.strictObject({
  agencyId: z.uuid().optional(),
  channel: z.enum(intakeChannels),
  label: z.string().trim().min(1).max(100),
})
export type NewChannelKeyBody = z.infer<typeof NewChannelKeyBody>

export const NewChannelKeyResult = z.object({
  key: ChannelKeyView,
  /** The secret token, shown this once: Netra keeps only its SHA-256. */
  token: z.string(),
})
export type NewChannelKeyResult = z.infer<typeof NewChannelKeyResult>

export const ChannelKeyParams = z.strictObject({ id: z.uuid() })

/**
 * A report handed over by a channel: the public report body without `agencySlug` (the key decides the agency), plus
 * the channel's own ticket number and when the channel received the report. Sent as JSON, or as the `report` field of
 * a multipart body whose `files` parts are the evidence (report-uploads.ts); links to evidence go in `links`.
 */
export const ChannelReportBody = NewReportBody.safeExtend({
  externalRef: z.string().trim().min(1).max(100),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  agencySlug: z.never().optional(),
})
export type ChannelReportBody = z.infer<typeof ChannelReportBody>

export const ChannelReportHeaders = z.object({
  /** The channel's own key for this hand-over: a retry with the same key and body returns the same report. */
  'idempotency-key': z.string().trim().min(1).max(200),
})

export const ChannelReportResult = z.object({
  id: z.string(),
  reportNumber: z.string(),
  status: z.string(),
})
export type ChannelReportResult = z.infer<typeof ChannelReportResult>
