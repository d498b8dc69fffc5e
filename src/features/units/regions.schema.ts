import { z } from 'zod'

/** Levels of the Kemendagri area-code table (DOMAIN.md §9.8), highest first. */
export const regionLevels = ['province', 'regency', 'district', 'village'] as const
export type RegionLevel = (typeof regionLevels)[number]

/** A code of any level, with or without dots (`35.73.02`, `357302`). */
const RegionCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.?\d{2}){0,2}(\.?\d{4})?$/, 'region_code')

export const ListRegionsQuery = z.strictObject({
  /**
   * The beginning of a code (`35.73`, `3573`, `35.7`), or words of the name, each the start of a word of the
   * region's own name or of the regions above it (`klojen`, `kota malang`, `kauman klojen`); case and accents do
   * not matter. Absent: the children of `parent`, else the agency's own region and the regions directly below it
   * (the provinces when the agency has no region code).
   */
  q: z.string().trim().max(100).optional(),
  /** Only regions below this one (without `q`: the level directly below). */
  parent: RegionCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type ListRegionsQuery = z.infer<typeof ListRegionsQuery>

export const RegionView = z.object({
  /** Dotted form, e.g. `35.73.02`. */
  code: z.string(),
  /** As in the table: `Klojen`, `Kota Malang`, `Jawa Timur` (the level in words is the reader's language). */
  name: z.string(),
  level: z.enum(regionLevels),
  /** The regions above it up to the regency (or the province of a regency), nearest first: `Klojen, Kota Malang`. */
  parentName: z.string().optional(),
})
export type RegionView = z.infer<typeof RegionView>

export const RegionList = z.object({ items: z.array(RegionView) })
export type RegionList = z.infer<typeof RegionList>
