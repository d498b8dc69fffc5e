import { z } from 'zod'
import { unitKinds } from '../../domain/employee-fields.js'

const Name = z.string().trim().min(2).max(200)
/** Unit codes as agencies write them (`DISDIK`, `1.01.0.00.0.00.01.0000`); unique per agency when given. */
const Code = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'unit_code')
/** Kemendagri kode wilayah with or without dots (`35.73.01.1001`, `3573011001`); checked against idn-area-data. */
const RegionCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.?\d{2}){0,2}(\.?\d{4})?$/, 'region_code')

export const UnitParams = z.strictObject({ unitId: z.uuid() })

export const UnitHeadView = z.object({
  id: z.string(),
  displayName: z.string(),
  positionTitle: z.string().nullable(),
})

export const UnitView = z.object({
  id: z.string(),
  agencyId: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(unitKinds),
  regionCode: z.string().nullable(),
  /** Name of the region from the Kemendagri table (null when the unit has no region code). */
  regionName: z.string().nullable(),
  headEmployeeId: z.string().nullable(),
  /** `/<root id>/…/<own id>/`. */
  path: z.string(),
  /** 0 for a top-level unit. */
  depth: z.number(),
  isActive: z.boolean(),
  deactivatedAt: z.string().nullable(),
  /** Active employees placed in this unit itself. */
  employeeCount: z.number(),
  /** Active employees in this unit and every unit below it. */
  subtreeEmployeeCount: z.number(),
})
export type UnitView = z.infer<typeof UnitView>

export const UnitTreeItem = UnitView.extend({
  /** With `q`: true for units that match; their ancestors are listed too (false) so the tree can be drawn. */
  matches: z.boolean(),
})
export type UnitTreeItem = z.infer<typeof UnitTreeItem>

export const ListUnitsQuery = z.strictObject({
  /** Defaults to the agency of the signed-in user. */
  agencyId: z.uuid().optional(),
  /** Words of the name, or the beginning of the code. */
  q: z.string().trim().max(100).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
})
export type ListUnitsQuery = z.infer<typeof ListUnitsQuery>

export const UnitTree = z.object({
  agencyId: z.string(),
  /** Depth-first (parents before children, siblings by name). Units whose parent is not listed are roots. */
  items: z.array(UnitTreeItem),
})
export type UnitTree = z.infer<typeof UnitTree>

export const UnitCrumb = z.object({ id: z.string(), name: z.string(), kind: z.enum(unitKinds) })
export type UnitCrumb = z.infer<typeof UnitCrumb>

export const UnitDetail = UnitView.extend({
  /** From the top of the tree down to the parent (units the reader may not open are left out). */
  breadcrumb: z.array(UnitCrumb),
  head: UnitHeadView.nullable(),
  childCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type UnitDetail = z.infer<typeof UnitDetail>

export const CreateUnitBody = z.strictObject({
  /** Defaults to the agency of the signed-in user. */
  agencyId: z.uuid().optional(),
  /** Null or absent: a top-level unit (OPD); only an agency admin creates those. */
  parentId: z.uuid().nullish(),
  code: Code.nullish(),
  name: Name,
  kind: z.enum(unitKinds),
  regionCode: RegionCode.nullish(),
  headEmployeeId: z.uuid().nullish(),
})
export type CreateUnitBody = z.infer<typeof CreateUnitBody>

export const UpdateUnitBody = z
  .strictObject({
    code: Code.nullish(),
    name: Name.optional(),
    kind: z.enum(unitKinds).optional(),
    regionCode: RegionCode.nullish(),
    headEmployeeId: z.uuid().nullish(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'empty_update' })
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>

export const MoveUnitBody = z.strictObject({
  /** The new parent; null makes the unit a top-level unit. */
  parentId: z.uuid().nullable(),
})
export type MoveUnitBody = z.infer<typeof MoveUnitBody>
