/** Shapes of reveal requests for a confidential reporter's identity (issue #5 point 3). */
import { z } from 'zod'

export const revealRequestStatuses = ['pending', 'approved', 'rejected', 'expired'] as const
export type RevealRequestStatus = (typeof revealRequestStatuses)[number]

/** How long an approved reveal lets the requester read the identity. */
export const revealValidityDays = 7

export const RevealRequestBody = z.strictObject({
  /** Why the identity is needed (kept sealed with the report; shown to the approving officer). */
  reason: z.string().trim().min(20).max(2000),
})
export type RevealRequestBody = z.infer<typeof RevealRequestBody>

export const RevealDecisionBody = z.strictObject({
  note: z.string().trim().min(1).max(2000).optional(),
})
export type RevealDecisionBody = z.infer<typeof RevealDecisionBody>

export const RevealRequestParams = z.strictObject({ rid: z.uuid() })

export const ListRevealRequestsQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
})
export type ListRevealRequestsQuery = z.infer<typeof ListRevealRequestsQuery>

const Person = z.object({ id: z.string(), displayName: z.string() })

export const RevealRequestView = z.object({
  id: z.string(),
  reportId: z.string(),
  reportNumber: z.string(),
  status: z.enum(revealRequestStatuses),
  reason: z.string(),
  requestedBy: Person,
  createdAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Approved: the requester reads the identity until then. */
  expiresAt: z.string().nullable(),
  /** May the reader approve or reject it (pending, not their own, an approver of the agency)? */
  canDecide: z.boolean(),
})
export type RevealRequestView = z.infer<typeof RevealRequestView>

export const RevealRequestList = z.object({ items: z.array(RevealRequestView) })
export type RevealRequestList = z.infer<typeof RevealRequestList>
