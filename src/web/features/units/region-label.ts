/**
 * Regions in words: "35.73.02 · Kecamatan Klojen, Kota Malang". The table holds bare names (`Klojen`); the kind of
 * area follows from the code (DOMAIN.md §9.8): kecamatan (distrik in the Papua provinces, codes 9x), and for villages
 * the first digit of the last part: 1 = kelurahan, 2 = desa, 3 = desa adat. Regency names already say Kabupaten/Kota.
 */
import type { RegionLevel } from './regions.api'

export type RegionNameKind =
  'province' | 'regency' | 'district' | 'district_papua' | 'kelurahan' | 'desa' | 'desa_adat' | 'village'

const levelByParts: Readonly<Record<number, RegionLevel>> = {
  1: 'province',
  2: 'regency',
  3: 'district',
  4: 'village',
}

/** The level of a dotted code (`35.73.02` → district), or null for anything else. */
export function regionLevelOf(code: string): RegionLevel | null {
  if (!/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(code)) return null
  return levelByParts[code.split('.').length] ?? null
}

export function regionNameKind(code: string, level: RegionLevel): RegionNameKind {
  if (level === 'district') return code.startsWith('9') ? 'district_papua' : 'district'
  if (level !== 'village') return level
  const kind = code.split('.')[3]?.charAt(0)
  return kind === '1' ? 'kelurahan' : kind === '2' ? 'desa' : kind === '3' ? 'desa_adat' : 'village'
}

/** Names that already carry their kind (`Desa Adat Yoboi`, `Kabupaten Malang`) are shown as they are. */
const designation: Readonly<Record<RegionNameKind, RegExp | null>> = {
  province: /^provinsi\s/i,
  regency: null,
  district: /^kecamatan\s/i,
  district_papua: /^distrik\s/i,
  kelurahan: /^kelurahan\s/i,
  desa: /^desa\s/i,
  desa_adat: /^desa adat\s/i,
  village: /^(desa|kelurahan)\s/i,
}

export type RegionNameTranslator = (
  key: `units.region.name.${RegionNameKind}`,
  values: { name: string },
) => string

export interface NamedRegion {
  readonly code: string
  readonly name: string
  readonly level: RegionLevel
  readonly parentName?: string | undefined
}

/** "Kecamatan Klojen" (id) / "Klojen District" (en). */
export function regionDisplayName(t: RegionNameTranslator, region: NamedRegion): string {
  const kind = regionNameKind(region.code, region.level)
  const carriesKind = kind === 'regency' || designation[kind]?.test(region.name) === true
  return carriesKind ? region.name : t(`units.region.name.${kind}`, { name: region.name })
}

/** "Kecamatan Klojen, Kota Malang": the name in words and the regions above it. */
export function regionPlace(t: RegionNameTranslator, region: NamedRegion): string {
  const name = regionDisplayName(t, region)
  return region.parentName ? `${name}, ${region.parentName}` : name
}

/** "35.73.02 · Kecamatan Klojen, Kota Malang". */
export const regionLabel = (t: RegionNameTranslator, region: NamedRegion): string =>
  `${region.code} · ${regionPlace(t, region)}`

/** A unit's region as the panel shows it: "35.73.02 · Kecamatan Klojen" (the bare code when the name is unknown). */
export function regionOfUnit(t: RegionNameTranslator, code: string, name: string | null): string {
  const level = regionLevelOf(code)
  if (!name || !level) return code
  return `${code} · ${regionDisplayName(t, { code, name, level })}`
}
