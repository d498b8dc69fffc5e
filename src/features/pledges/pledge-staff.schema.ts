/** HTTP contracts of the staff views of pledges: the non-signers export and an employee's pledges and pacts. */
import { z } from 'zod'
import { TemplateKind, campaignStatuses } from './pledges.schema.js'

export const NonSignersQuery = z.strictObject({
  /** The subtree to export (by the unit each target was in when the campaign opened); omitted: the whole scope. */
  unitId: z.uuid().optional(),
})
export type NonSignersQuery = z.infer<typeof NonSignersQuery>

export const EmployeePledgesParams = z.strictObject({ employeeId: z.uuid() })
export type EmployeePledgesParams = z.infer<typeof EmployeePledgesParams>

/**
 * `signed`: an active signature; `revoked`: the last signature was revoked (and none is active); `not_signed`: the
 * campaign is still running; `campaign_closed`: it ended (closed or past its window) without a signature.
 */
export const employeePledgeStatuses = ['signed', 'revoked', 'not_signed', 'campaign_closed'] as const
export type EmployeePledgeStatus = (typeof employeePledgeStatuses)[number]

export const EmployeePledgeView = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  campaignStatus: z.enum(campaignStatuses),
  opensAt: z.string(),
  closesAt: z.string(),
  templateKind: TemplateKind,
  templateTitle: z.string(),
  templateVersion: z.number(),
  /** The unit the employee was in when the campaign opened. */
  unitName: z.string(),
  status: z.enum(employeePledgeStatuses),
  signedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** `${publicUrl}/verify/<code>` of the shown signature (signed or revoked); null when there is none. */
  verifyUrl: z.string().nullable(),
})
export type EmployeePledgeView = z.infer<typeof EmployeePledgeView>

export const EmployeePledgeList = z.object({ items: z.array(EmployeePledgeView) })
export type EmployeePledgeList = z.infer<typeof EmployeePledgeList>
