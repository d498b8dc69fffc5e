/**
 * Kemendagri area codes (kode wilayah, DOMAIN.md §9.8) from the `idn-area-data` package: provinces `PP`,
 * regencies/cities `PP.KK`, districts (kecamatan) `PP.KK.CC`, villages (kelurahan/desa) `PP.KK.CC.DDDD`.
 * The package reads its CSV files on every call, so the whole table is loaded once per process and kept in memory
 * (≈ 91,000 entries, a few MB).
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data'
import { regionLevels, type RegionLevel } from './regions.schema.js'

export { regionLevels, type RegionLevel }

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

/* ------------------------------------------------------------------------------------------------------------
 * Search index (GET /api/v1/regions): built once from the table above, then every query is synchronous work on
 * sorted arrays. Measured (vitest, 2-core machine under load, limit 50): building ≈ 0.9–1.4 s once per process, of
 * which reading the package's CSV files is ≈ 0.2–0.3 s; afterwards a code search or a children list takes 0.01–0.1 ms,
 * a name search 0.1–1.5 ms, and the broadest one (`a b` near a whole province) ≈ 3 ms. regions.service.test.ts
 * keeps every query under 5 ms.
 * ---------------------------------------------------------------------------------------------------------- */

interface RegionIndex {
  /** Every region ordered by level (province first), then name, then code: a position is a rank. */
  readonly regions: readonly Region[]
  readonly positionOf: ReadonlyMap<string, number>
  /** Position of the region one level up, or -1 for a province. */
  readonly parentOf: Int32Array
  /** Lower-case, accent-free words of each region's own name. */
  readonly ownWords: readonly (readonly string[])[]
  /** Per level: the codes sorted as strings (dotted codes sort parents before children), and their positions. */
  readonly codesByLevel: readonly (readonly string[])[]
  readonly positionsByLevel: readonly Int32Array[]
  /** Distinct words of own names, sorted, and for each the positions (ascending) of the regions that have it. */
  readonly words: readonly string[]
  readonly postings: readonly Int32Array[]
  /** Merged postings of the word prefixes searched lately (`k` covers thousands of words). */
  readonly prefixPostings: Map<string, Int32Array>
  /** Rank-ordered subtrees of the regions agencies searched near, by code. */
  readonly subtrees: Map<string, readonly number[]>
}

/** Lower-case, accent-free words: `Ba'u` → `ba`, `u`; `Lang-Lang` → `lang`, `lang`. */
function foldedWords(text: string): string[] {
  // Nearly every name is plain ASCII: skip the (slow) Unicode normalisation for those.
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  return plain
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** First index in a sorted array whose entry is ≥ `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as string) < key) low = middle + 1
    else high = middle
  }
  return low
}

function buildIndex(table: ReadonlyMap<string, Region>): RegionIndex {
  const levelRank = new Map(regionLevels.map((level, rank) => [level, rank]))
  // One sort key per region: level, folded name, code (plain string comparison is far faster than a collator).
  const keyed = [...table.values()].map((region) => {
    const words = foldedWords(region.name)
    return {
      region,
      words,
      key: `${levelRank.get(region.level) ?? 0} ${words.join(' ')}\u0000${region.code}`,
    }
  })
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const regions = keyed.map((entry) => entry.region)
  const positionOf = new Map(regions.map((region, position) => [region.code, position]))
  const parentOf = new Int32Array(regions.length).fill(-1)
  const ownWords: string[][] = []
  const postingLists = new Map<string, number[]>()
  const byLevel = regionLevels.map(() => [] as { code: string; position: number }[])
  keyed.forEach(({ region, words: all }, position) => {
    const cut = region.code.lastIndexOf('.')
    if (cut > 0) parentOf[position] = positionOf.get(region.code.slice(0, cut)) ?? -1
    const words = all.length > 1 ? [...new Set(all)] : all
    ownWords.push(words)
    for (const word of words) {
      const list = postingLists.get(word)
      if (list) list.push(position)
      else postingLists.set(word, [position])
    }
  })
  // The table lists each level in code order: fill the per-level lists in that order.
  for (const region of table.values())
    byLevel[levelRank.get(region.level) ?? 0]?.push({
      code: region.code,
      position: positionOf.get(region.code) as number,
    })
  // Sorted only if a release of the package ever lists codes out of order.
  const byCode = (a: { code: string }, b: { code: string }) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0
  for (const entries of byLevel)
    if (entries.some((entry, i) => i > 0 && byCode(entries[i - 1] as typeof entry, entry) > 0))
      entries.sort(byCode)
  const words = [...postingLists.keys()].sort()
  const idx: RegionIndex = {
    regions,
    positionOf,
    parentOf,
    ownWords,
    codesByLevel: byLevel.map((entries) => entries.map((entry) => entry.code)),
    positionsByLevel: byLevel.map((entries) => Int32Array.from(entries, (entry) => entry.position)),
    words,
    postings: words.map((word) => Int32Array.from(postingLists.get(word) ?? [])),
    prefixPostings: new Map(),
    subtrees: new Map(),
  }
  // One-letter searches are the broadest (`k` covers thousands of words): merge those once, here.
  for (const letter of new Set(words.map((word) => word.charAt(0)))) postingsOf(idx, letter)
  return idx
}

let index: Promise<RegionIndex> | undefined

function regionIndex(): Promise<RegionIndex> {
  index ??= regionTable()
    .then(buildIndex)
    .catch((error: unknown) => {
      index = undefined
      throw error
    })
  return index
}

/**
 * Builds the search index now instead of on the first `/regions` request (≈ 1 s of one core): `npm start` calls it
 * once the server listens, so the first person to open the unit form does not wait.
 */
export async function warmRegionIndex(): Promise<void> {
  await regionIndex()
}

export interface RegionSearch {
  /** The beginning of a code (digits and dots), or words of the name. */
  readonly q?: string | undefined
  /** Only regions below this one; without `q`, the level directly below it. */
  readonly parent?: string | undefined
  /** A region whose matches come first (the agency's own region); without `q`, it and its children are listed. */
  readonly near?: string | null | undefined
  readonly limit: number
}

export interface RegionMatch extends Region {
  /** Names of the regions above, nearest first, down to the regency (`Klojen, Kota Malang`); null for a province. */
  readonly parentName: string | null
}

/** Digits (with dots or spaces) only: a code being typed. */
const codeQuery = /^[\d.\s]+$/

/** `357302` or `35.73.0` → the dotted prefix every matching code starts with (`35.73.02`, `35.73.0`). */
function dottedPrefix(digits: string): string {
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6, 10)]
    .filter(Boolean)
    .join('.')
}

/** Positions of the codes starting with `prefix` at one level, in rank order (level, then name). */
function withCodePrefix(idx: RegionIndex, level: number, prefix: string): number[] {
  const codes = idx.codesByLevel[level] ?? []
  const positions = idx.positionsByLevel[level] ?? new Int32Array()
  const found: number[] = []
  for (let i = lowerBound(codes, prefix); i < codes.length && (codes[i] as string).startsWith(prefix); i += 1)
    found.push(positions[i] as number)
  return found.sort((a, b) => a - b)
}

function searchByCode(idx: RegionIndex, raw: string, parent: string | null, limit: number): number[] {
  const digits = raw.replace(/\D/g, '')
  if (digits.length === 0 || digits.length > 10) return []
  let prefix = dottedPrefix(digits)
  if (parent !== null) {
    // Only codes strictly below the parent: the longer of the two prefixes, when one extends the other.
    const below = `${parent}.`
    if (below.startsWith(prefix)) prefix = below
    else if (!prefix.startsWith(below)) return []
  }
  const out: number[] = []
  const exact = idx.positionOf.get(prefix)
  if (exact !== undefined) out.push(exact)
  for (let level = 0; level < regionLevels.length && out.length < limit; level += 1) {
    for (const position of withCodePrefix(idx, level, prefix)) {
      if (position === exact) continue
      out.push(position)
      if (out.length >= limit) break
    }
  }
  return out
}

/** Positions of a region and everything below it, in rank order (cached: agencies ask about their own region). */
function subtreeOf(idx: RegionIndex, code: string): readonly number[] {
  const cached = idx.subtrees.get(code)
  if (cached) return cached
  const position = idx.positionOf.get(code)
  if (position === undefined) return []
  const level = regionLevels.indexOf((idx.regions[position] as Region).level)
  const positions = [position]
  for (let below = level + 1; below < regionLevels.length; below += 1)
    for (const found of withCodePrefix(idx, below, `${code}.`)) positions.push(found)
  positions.sort((a, b) => a - b)
  if (idx.subtrees.size >= 64) idx.subtrees.clear()
  idx.subtrees.set(code, positions)
  return positions
}

/** Positions (ascending) of the regions with a word of their own name starting with `prefix`; cached per prefix. */
function postingsOf(idx: RegionIndex, prefix: string): Int32Array {
  const cached = idx.prefixPostings.get(prefix)
  if (cached) return cached
  const lists: Int32Array[] = []
  for (let i = lowerBound(idx.words, prefix); i < idx.words.length; i += 1) {
    if (!(idx.words[i] as string).startsWith(prefix)) break
    lists.push(idx.postings[i] as Int32Array)
  }
  let merged = lists[0] ?? new Int32Array()
  if (lists.length > 1) {
    const all = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0))
    let offset = 0
    for (const list of lists) {
      all.set(list, offset)
      offset += list.length
    }
    all.sort()
    // A region may have two words with the prefix (`Kota Kediri`): keep it once.
    let kept = 0
    for (let i = 0; i < all.length; i += 1)
      if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as number
    merged = all.subarray(0, kept)
  }
  if (idx.prefixPostings.size >= 512)
    for (const key of idx.prefixPostings.keys()) if (key.length > 1) idx.prefixPostings.delete(key)
  idx.prefixPostings.set(prefix, merged)
  return merged
}

/** First index ≥ `from` of an ascending list whose value is ≥ `value` (galloping: cheap for small and large gaps). */
function seek(list: Int32Array, from: number, value: number): number {
  let low = from
  let step = 1
  let high = from
  while (high < list.length && (list[high] as number) < value) {
    low = high + 1
    high += step
    step *= 2
  }
  high = Math.min(high, list.length)
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((list[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Visits the union of ascending lists in ascending order, each value once, while `visit` returns true. */
function eachCandidate(lists: readonly Int32Array[], visit: (position: number) => boolean): void {
  if (lists.length === 1) {
    for (const position of lists[0] as Int32Array) if (!visit(position)) return
    return
  }
  const cursors = lists.map(() => 0)
  for (;;) {
    let position = -1
    lists.forEach((list, i) => {
      const candidate = list[cursors[i] as number]
      if (candidate !== undefined && (position < 0 || candidate < position)) position = candidate
    })
    if (position < 0) return
    lists.forEach((list, i) => {
      if (list[cursors[i] as number] === position) cursors[i] = (cursors[i] as number) + 1
    })
    if (!visit(position)) return
  }
}

function searchByWords(
  idx: RegionIndex,
  wanted: readonly string[],
  parent: string | null,
  near: string | null,
  limit: number,
): number[] {
  // Candidates: a region whose own name has a word starting with one of the query words (the other words may
  // match the regions above it).
  const lists = [...new Set(wanted)].map((word) => postingsOf(idx, word))
  const hasWord = (position: number, word: string) =>
    (idx.ownWords[position] ?? []).some((own) => own.startsWith(word))
  const below = parent === null ? null : `${parent}.`
  const nearBelow = near === null ? null : `${near}.`
  const isInside = (code: string) => nearBelow !== null && (code === near || code.startsWith(nearBelow))
  // 0: inside `near`, every word in its own name; 1: inside, some words from the regions above; 2, 3: outside.
  const buckets: [number[], number[], number[], number[]] = [[], [], [], []]
  const consider = (position: number, outside: 0 | 2) => {
    if (below !== null && !(idx.regions[position] as Region).code.startsWith(below)) return
    let ownOnly = true
    const matchesAll = wanted.every((word) => {
      if (hasWord(position, word)) return true
      ownOnly = false
      for (let up = idx.parentOf[position] as number; up >= 0; up = idx.parentOf[up] as number)
        if (hasWord(up, word)) return true
      return false
    })
    const bucket = buckets[(outside + (ownOnly ? 0 : 1)) as 0 | 1 | 2 | 3]
    if (matchesAll && bucket.length < limit) bucket.push(position)
  }
  const isFull = () => buckets[0].length + buckets[1].length + buckets[2].length >= limit
  if (near !== null) {
    // Inside the agency's region first: walk whichever is shorter, its subtree or the candidates.
    const subtree = subtreeOf(idx, near)
    if (subtree.length < lists.reduce((sum, list) => sum + list.length, 0)) {
      const cursors = lists.map(() => 0)
      for (const position of subtree) {
        if (buckets[0].length >= limit) break
        let isCandidate = false
        lists.forEach((list, i) => {
          const cursor = seek(list, cursors[i] as number, position)
          cursors[i] = cursor
          if (list[cursor] === position) isCandidate = true
        })
        if (isCandidate) consider(position, 0)
      }
    } else {
      eachCandidate(lists, (position) => {
        if (isInside((idx.regions[position] as Region).code)) consider(position, 0)
        return buckets[0].length < limit
      })
    }
  }
  // Then everything else in rank order, stopped as soon as enough are found.
  if (!isFull())
    eachCandidate(lists, (position) => {
      if (!isInside((idx.regions[position] as Region).code)) consider(position, 2)
      return !isFull()
    })
  return buckets.flat().slice(0, limit)
}

/** The regions one level below `code`, by name. */
function childrenOf(idx: RegionIndex, code: string, limit: number): number[] {
  const position = idx.positionOf.get(code)
  if (position === undefined) return []
  const level = regionLevels.indexOf((idx.regions[position] as Region).level) + 1
  if (level >= regionLevels.length) return []
  return withCodePrefix(idx, level, `${code}.`).slice(0, limit)
}

function parentNameOf(idx: RegionIndex, position: number): string | null {
  const names: string[] = []
  for (let up = idx.parentOf[position] as number; up >= 0; up = idx.parentOf[up] as number) {
    const region = idx.regions[up] as Region
    names.push(region.name)
    if (region.level === 'regency' || region.level === 'province') break
  }
  return names.length > 0 ? names.join(', ') : null
}

/** Runs one search on a built index (synchronous; exported through `searchRegions`). */
function searchIndex(idx: RegionIndex, search: RegionSearch): RegionMatch[] {
  const limit = Math.max(0, Math.floor(search.limit))
  const parent = search.parent === undefined ? null : normaliseRegionCode(search.parent)
  if (search.parent !== undefined && (parent === null || !idx.positionOf.has(parent))) return []
  const nearCode = search.near ? normaliseRegionCode(search.near) : null
  const near = nearCode !== null && idx.positionOf.has(nearCode) ? nearCode : null
  const q = search.q?.trim() ?? ''
  const isCode = q !== '' && codeQuery.test(q)
  const wanted = isCode ? [] : foldedWords(q)
  let positions: number[]
  if (isCode) positions = searchByCode(idx, q, parent, limit)
  else if (wanted.length > 0) positions = searchByWords(idx, wanted, parent, near, limit)
  else if (parent !== null) positions = childrenOf(idx, parent, limit)
  else if (near !== null)
    positions = [idx.positionOf.get(near) as number, ...childrenOf(idx, near, limit)].slice(0, limit)
  else
    positions = Array.from(idx.positionsByLevel[0] ?? [])
      .sort((a, b) => a - b)
      .slice(0, limit)
  return positions.map((position) => ({
    ...(idx.regions[position] as Region),
    parentName: parentNameOf(idx, position),
  }))
}

/**
 * Finds regions by code prefix or by words of the name (see `RegionSearch`). Order: the exact code first, then
 * matches inside `near` (name searches), then regions whose own name holds every word before those matched partly
 * through the regions above, then higher levels first, then by name.
 */
export async function searchRegions(search: RegionSearch): Promise<RegionMatch[]> {
  return searchIndex(await regionIndex(), search)
}
