/**
 * Pure rules of pledges (issue #4): the canonical text whose SHA-256 a signature refers to, the signing window, the
 * tolerant name check, reminder spacing, masking. No I/O, no clock: callers pass instants.
 */

import type { CampaignStatus } from './pledges.schema.js'

/**
 * Normalises a template text so that invisible differences never change its hash: Unicode NFC, line breaks as
 * `\n`, no trailing spaces on a line, no blank lines at the start or end. Everything a reader can see is kept.
 */
export function normaliseTemplateText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/**
 * The canonical serialisation hashed into `pledge_template_versions.sha256` (and into every signature):
 *
 *     netra.pledge-template.v1\n
 *     <title, normalised, single line>\n
 *     \n
 *     <body, normalised>
 *
 * encoded as UTF-8. `normaliseTemplateText` is applied to title and body first; the title has no line breaks (the
 * schema refuses them). A verifier recomputes SHA-256 over exactly these bytes from the text on the receipt.
 */
export function canonicalTemplateText(version: { title: string; body: string }): string {
  return `netra.pledge-template.v1\n${normaliseTemplateText(version.title)}\n\n${normaliseTemplateText(version.body)}`
}

export type SigningWindowState = 'draft' | 'not_yet_open' | 'open' | 'ended' | 'closed'

/**
 * Whether a campaign accepts signatures now: it must have been opened (not drafted, not closed by staff) and
 * `opensAt ≤ now < closesAt`.
 */
export function signingWindowState(
  campaign: { status: CampaignStatus; opensAt: string; closesAt: string },
  now: Date,
): SigningWindowState {
  if (campaign.status === 'draft') return 'draft'
  if (campaign.status === 'closed') return 'closed'
  const at = now.getTime()
  if (at < Date.parse(campaign.opensAt)) return 'not_yet_open'
  if (at >= Date.parse(campaign.closesAt)) return 'ended'
  return 'open'
}

/** A campaign's open date must come before its close date, and a campaign runs for at most a year. */
export function campaignDatesProblem(opensAt: string, closesAt: string): string | null {
  const opens = Date.parse(opensAt)
  const closes = Date.parse(closesAt)
  if (!(closes > opens)) return 'closes_before_opens'
  if (closes - opens > 366 * 24 * 3600 * 1000) return 'longer_than_a_year'
  return null
}

/** At most one reminder per target per this interval. */
export const reminderIntervalMs = 24 * 3600 * 1000

export const mayRemind = (lastRemindedAt: string | null, now: Date): boolean =>
  lastRemindedAt === null || now.getTime() - Date.parse(lastRemindedAt) >= reminderIntervalMs

/* ------------------------------------------------------------------------------------------------------------
 * Name check
 * ---------------------------------------------------------------------------------------------------------- */

/**
 * Back titles follow the name after a comma (`Teguh Putra Rahman, M.AP.`, DOMAIN.md §9.9): whatever follows the
 * first comma is dropped, so any title — listed below or not — is ignored there.
 */
const withoutBackTitles = (name: string): string => name.split(',')[0] ?? name

/** Academic and honorific titles people type along with their name (DOMAIN.md §9.9); ignored by the name check. */
const titleWords = new Set([
  'map',
  'mkes',
  'mkom',
  'msc',
  'mba',
  'phd',
  'sstp',
  'skep',
  'sfarm',
  'spsi',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'h',
  'hj',
  'st',
  'se',
  'sh',
  'mh',
  'mm',
  'mt',
  'msi',
  'mpd',
  'spd',
  'ssos',
  'skom',
  'sked',
  'skm',
  'sap',
  'sip',
  'ssi',
  'sth',
  'amd',
  'ak',
  'mba',
  'phd',
  'apt',
  'ners',
])

/** Lower-case, accent-free words of a name; `S.Sos.` → `ssos`, `Muh.` → `muh`. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1
      j += 1
      continue
    }
    edits += 1
    if (edits > 1) return false
    if (a.length > b.length) i += 1
    else if (b.length > a.length) j += 1
    else {
      i += 1
      j += 1
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** Common short forms of Indonesian given names (`Muh.`, `Moh.`, `M.` for Muhammad…). */
const shortForms: Record<string, string[]> = {
  muhammad: ['muh', 'moh', 'mohd', 'mhd', 'muhamad', 'mohammad', 'mochammad', 'moch'],
  abdul: ['abd'],
}

function wordMatches(typed: string, roster: string): 'full' | 'initial' | null {
  if (typed.length === 1) return roster.startsWith(typed) ? 'initial' : null
  if (typed === roster) return 'full'
  if (shortForms[roster]?.includes(typed)) return 'full'
  if (typed.length >= 4 && roster.length >= 4 && withinOneEdit(typed, roster)) return 'full'
  return null
}

/**
 * Does the name typed by a signer resemble the roster name? The code and the date of birth prove identity; the
 * typed name is the signer's own declaration, so the rule tolerates how people really write their names:
 * - case, accents, punctuation and titles (`Dr.`, `S.Sos`) are ignored;
 * - every typed word must match a different roster word: exactly, as a common short form (`Muh.` = Muhammad), as an
 *   initial (`M.`), or with one typo in a word of four letters or more (`Rizky` = `Rizki`);
 * - at least half of the roster words (rounded up) must be matched by full words, so `Budi` passes for
 *   `Budi Santoso` but `B. S.` does not.
 */
export function namesResemble(typed: string, rosterName: string): boolean {
  const roster = nameWords(withoutBackTitles(rosterName)).filter((word) => !titleWords.has(word))
  const words = nameWords(withoutBackTitles(typed)).filter((word) => !titleWords.has(word))
  if (roster.length === 0 || words.length === 0 || words.length > roster.length) return false
  const used = new Set<number>()
  let full = 0
  for (const word of words) {
    let matched: 'full' | 'initial' | null = null
    let at = -1
    // Prefer a full match over an initial, and the earliest unused roster word.
    for (const kind of ['full', 'initial'] as const) {
      at = roster.findIndex((candidate, index) => !used.has(index) && wordMatches(word, candidate) === kind)
      if (at >= 0) {
        matched = kind
        break
      }
    }
    if (!matched) return false
    used.add(at)
    if (matched === 'full') full += 1
  }
  return full >= Math.ceil(roster.length / 2)
}

/** `Budi Santoso` → `B*** S******`: enough for a code holder to recognise the name, not to learn it. */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = [...word]
      return `${letters[0] ?? ''}${'*'.repeat(Math.max(letters.length - 1, 1))}`
    })
    .join(' ')

/** `2026-11-24T02:00:00.000Z` in Asia/Jakarta → `2026-11-24T09:00:00+07:00` (Indonesian zones have no DST). */
export function localIsoWithOffset(instant: string, timeZone: string): string {
  const date = new Date(instant)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
  const offsetMinutes = Math.round(
    (Date.parse(`${local}Z`) - Math.floor(date.getTime() / 1000) * 1000) / 60_000,
  )
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${local}${offset}`
}

/** Signed share of targets in percent, one decimal (0 without targets). */
export const percentOf = (signed: number, targets: number): number =>
  targets === 0 ? 0 : Math.round((signed / targets) * 1000) / 10

/** Coverage figures of a unit or campaign. */
export const coverageCounts = (targets: number, signed: number) => ({
  targets,
  signed,
  unsigned: targets - signed,
  percent: percentOf(signed, targets),
})
