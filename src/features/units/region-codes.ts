/**
 * Kemendagri area codes (kode wilayah, DOMAIN.md §9.8) from the `idn-area-data` package: provinces `PP`,
 * regencies/cities `PP.KK`, districts (kecamatan) `PP.KK.CC`, villages (kelurahan/desa) `PP.KK.CC.DDDD`.
 * The package reads its CSV files on every call, so the whole table is loaded once per process and kept in memory
 * (≈ 91,000 entries, a few MB).
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data'

export const regionLevels = ['province', 'regency', 'district', 'village'] as const
export type RegionLevel = (typeof regionLevels)[number]

export interface Region {
  /** Dotted form, e.g. `35.73.01.1001`. */
  readonly code: string
  readonly name: string
  readonly level: RegionLevel
}

const levelByDigits: Record<number, RegionLevel> = {
  2: 'province',
  4: 'regency',
  6: 'district',
  10: 'village',
}

/**
 * `3573011001`, `35.73.01.1001` or `35 73 01 1001` → `35.73.01.1001`; null when it cannot be a code of any level
 * (whether it exists is `findRegion`'s question).
 */
export function normaliseRegionCode(raw: string): string | null {
  const digits = raw.replace(/[\s.]/g, '')
  if (!/^\d+$/.test(digits) || !levelByDigits[digits.length]) return null
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter(Boolean)
  return parts.join('.')
}

let table: Promise<Map<string, Region>> | undefined

async function loadTable(): Promise<Map<string, Region>> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ])
  const map = new Map<string, Region>()
  const add = (rows: readonly { code: string; name: string }[], level: RegionLevel) => {
    for (const row of rows) if (row.code) map.set(row.code, { code: row.code, name: row.name, level })
  }
  add(provinces, 'province')
  add(regencies, 'regency')
  add(districts, 'district')
  add(villages, 'village')
  return map
}

function regionTable(): Promise<Map<string, Region>> {
  table ??= loadTable().catch((error: unknown) => {
    // A failed read must not poison the cache for the life of the process.
    table = undefined
    throw error
  })
  return table
}

/** The region with this code (any accepted spelling), or null when no such code exists. */
export async function findRegion(raw: string): Promise<Region | null> {
  const code = normaliseRegionCode(raw)
  if (!code) return null
  return (await regionTable()).get(code) ?? null
}

/** Names of many codes at once (for lists); unknown codes are left out. */
export async function regionNames(codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = codes.filter((code): code is string => code !== null)
  if (wanted.length === 0) return new Map()
  const all = await regionTable()
  const names = new Map<string, string>()
  for (const code of wanted) {
    const region = all.get(code)
    if (region) names.set(code, region.name)
  }
  return names
}

/** The regions one level below `parentCode` (e.g. the kecamatan of a city), ordered by code. */
export async function childRegions(parentCode: string): Promise<Region[]> {
  const parent = normaliseRegionCode(parentCode)
  if (!parent) return []
  const depth = parent.split('.').length
  const children: Region[] = []
  for (const region of (await regionTable()).values()) {
    if (region.code.startsWith(`${parent}.`) && region.code.split('.').length === depth + 1)
      children.push(region)
  }
  return children.sort((a, b) => a.code.localeCompare(b.code))
}
