import { z } from 'zod'

export const ListAuditEventsQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const AuditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  agencyId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
})

export const AuditEventList = z.object({
  items: z.array(AuditEventView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})

export const AuditVerificationView = z.object({
  ok: z.boolean(),
  checked: z.number(),
  chains: z.array(
    z.object({
      chain: z.string(),
      checked: z.number(),
      firstBreak: z
        .object({ id: z.string(), seq: z.number(), reason: z.string(), expectedSeq: z.number().optional() })
        .nullable(),
    }),
  ),
})
