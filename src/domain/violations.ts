/**
 * The violation catalogue (`data/violations.json`, a copy of the domain brief's `violations.json`; its `code`s are
 * Netra's stable ids — reports, cases and statistics refer to them). Entries marked `verified: false` are kept and
 * flagged: the brief could not confirm them, and the law layer must stay configurable (DOMAIN.md §11.1).
 * `violations.test.ts` checks the file's shape.
 */
import catalogue from './data/violations.json' with { type: 'json' }

export const violationGroups = [
  'kode_etik',
  'disiplin',
  'pidana_pemilu',
  'administratif_kepegawaian',
  'non_asn',
  'other',
] as const
export type ViolationGroup = (typeof violationGroups)[number]

export interface Violation {
  readonly code: string
  readonly name_id: string
  readonly name_en: string
  readonly group: ViolationGroup
  readonly examples_id: readonly string[]
  readonly stage?: string
  readonly verified: boolean
  readonly sanction_level?: string
  readonly skb_item?: string | null
}

export const violationCatalogue = (): readonly Violation[] => catalogue as readonly Violation[]

const codes = new Set(violationCatalogue().map((v) => v.code))
export const isViolationCode = (code: string): boolean => codes.has(code)
