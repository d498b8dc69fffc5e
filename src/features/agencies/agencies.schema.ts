import { z } from 'zod'

export const agencyKinds = ['pemkot', 'pemkab', 'pemprov', 'kementerian', 'lembaga', 'other'] as const
/** Indonesia's three civil time zones (Keppres 41/1987): WIB, WITA, WIT. */
export const agencyTimeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const

export const AgencyView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(agencyKinds),
  timeZone: z.enum(agencyTimeZones),
  regionCode: z.string().nullable(),
  createdAt: z.string(),
})
export type AgencyView = z.infer<typeof AgencyView>

export const CreateAgencyBody = z.strictObject({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug')
    .min(3)
    .max(60),
  name: z.string().trim().min(3).max(200),
  kind: z.enum(agencyKinds),
  timeZone: z.enum(agencyTimeZones).default('Asia/Jakarta'),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{2}){0,3}$/)
    .nullish(),
})
export type CreateAgencyBody = z.input<typeof CreateAgencyBody>

export const AgencyList = z.object({ items: z.array(AgencyView) })
