/**
 * Elections as Netra models them (DOMAIN.md §7): PEMILU (national, simultaneous) or PILKADA (regional head
 * elections), with a voting day, campaign and quiet periods, the candidate-designation date, an ordered list of
 * stages, parties and candidates or pairs. Pure rules only; src/features/elections stores and serves them.
 *
 * The designation date (penetapan calon/pasangan calon by KPU) matters for neutrality cases: before it a
 * politician is a "bakal calon" and ASN conduct towards them falls under the code of ethics; from that day on
 * they are a "calon" and the discipline rules apply (DOMAIN.md §7.3 point 2; SKB netralitas ASN).
 */
export const electionTypes = ['PEMILU', 'PILKADA'] as const
export type ElectionType = (typeof electionTypes)[number]

export const stageKinds = [
  'registration',
  'designation',
  'campaign',
  'quiet',
  'voting',
  'counting',
  'other',
] as const
export type StageKind = (typeof stageKinds)[number]

export const candidateStatuses = ['bakal_calon', 'calon', 'terpilih'] as const
export type CandidateStatus = (typeof candidateStatuses)[number]

/** Offices elected in a PEMILU (UU 7/2017) or a PILKADA (UU 10/2016). */
export const candidateOffices = [
  'presiden',
  'dpr',
  'dpd',
  'dprd_provinsi',
  'dprd_kabupaten_kota',
  'gubernur',
  'bupati',
  'wali_kota',
] as const
export type CandidateOffice = (typeof candidateOffices)[number]

export const officesByElectionType: Record<ElectionType, readonly CandidateOffice[]> = {
  PEMILU: ['presiden', 'dpr', 'dpd', 'dprd_provinsi', 'dprd_kabupaten_kota'],
  PILKADA: ['gubernur', 'bupati', 'wali_kota'],
}

/** Executive offices run as pairs: the main candidate and a running mate (wakil). */
export const pairOffices: readonly CandidateOffice[] = ['presiden', 'gubernur', 'bupati', 'wali_kota']

export type IsoDate = string

/**
 * "bakal_calon" before the designation day, "calon" from it (the day of the KPU decision counts: from then on
 * the person is officially a candidate). Without a designation date nobody is designated yet.
 */
export function candidateStatusOn(date: IsoDate, designatedOn: IsoDate | null): 'bakal_calon' | 'calon' {
  return designatedOn !== null && date >= designatedOn ? 'calon' : 'bakal_calon'
}

/* -------------------------------------------------------------------------------------------------------------
 * Region codes (Kemendagri kode wilayah, DOMAIN.md §9.8): a PILKADA is held for a province (`PP`, governor) or a
 * regency/city (`PP.KK`; KK 01–69 kabupaten → bupati, 71–99 kota → wali kota). A PEMILU is national: no region.
 * ----------------------------------------------------------------------------------------------------------- */
const provincePattern = /^\d{2}$/
const regencyPattern = /^(\d{2})\.(\d{2})$/

export type RegionProblem = 'required' | 'format' | 'not_allowed'

export function regionProblem(type: ElectionType, regionCode: string | null): RegionProblem | null {
  if (type === 'PEMILU') return regionCode === null ? null : 'not_allowed'
  if (regionCode === null) return 'required'
  if (provincePattern.test(regionCode)) return regionCode === '00' ? 'format' : null
  const match = regencyPattern.exec(regionCode)
  if (!match || match[1] === '00' || match[2] === '00' || match[2] === '70') return 'format'
  return null
}

/** The regional-head office a PILKADA region elects: governor, regent or mayor. */
export function pilkadaOfficeOf(regionCode: string): CandidateOffice | null {
  if (provincePattern.test(regionCode)) return 'gubernur'
  const match = regencyPattern.exec(regionCode)
  if (!match) return null
  return Number(match[2]) >= 71 ? 'wali_kota' : 'bupati'
}

export type CandidateOfficeProblem =
  'office_not_in_election' | 'office_not_in_region' | 'running_mate_required' | 'running_mate_not_allowed'

/** Does a candidate (or pair) fit the election? */
export function candidateOfficeProblem(
  election: { type: ElectionType; regionCode: string | null },
  candidate: { office: CandidateOffice; runningMateName: string | null },
): CandidateOfficeProblem | null {
  if (!officesByElectionType[election.type].includes(candidate.office)) return 'office_not_in_election'
  if (election.type === 'PILKADA' && election.regionCode !== null) {
    if (pilkadaOfficeOf(election.regionCode) !== candidate.office) return 'office_not_in_region'
  }
  const isPair = pairOffices.includes(candidate.office)
  if (isPair && !candidate.runningMateName) return 'running_mate_required'
  if (!isPair && candidate.runningMateName) return 'running_mate_not_allowed'
  return null
}

/* -------------------------------------------------------------------------------------------------------------
 * Hashtags: stored as `#word` (letters, digits, underscore — what the platforms link), compared without case.
 * ----------------------------------------------------------------------------------------------------------- */
const hashtagBody = /^[\p{L}\p{N}_]{1,100}$/u

/** `AMIN`, `#AMIN`, ` ＃AMIN ` → `#AMIN`; null when it cannot be a hashtag (spaces, punctuation, empty). */
export function normaliseHashtag(raw: string): string | null {
  const body = raw.trim().normalize('NFKC').replace(/^#/, '')
  return hashtagBody.test(body) ? `#${body}` : null
}

/** Normalises and de-duplicates (case-insensitively, first spelling kept); reports the first bad one. */
export function normaliseHashtags(
  raw: readonly string[],
): { ok: true; hashtags: string[] } | { ok: false; invalid: string } {
  const seen = new Set<string>()
  const hashtags: string[] = []
  for (const item of raw) {
    const tag = normaliseHashtag(item)
    if (tag === null) return { ok: false, invalid: item }
    const key = tag.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    hashtags.push(tag)
  }
  return { ok: true, hashtags }
}

/* -------------------------------------------------------------------------------------------------------------
 * Dates of an election and its stages.
 * ----------------------------------------------------------------------------------------------------------- */
export interface ElectionStageDates {
  readonly name: string
  readonly kind: StageKind
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate
}

export interface ElectionDates {
  readonly votingOn: IsoDate
  readonly campaignStartsOn: IsoDate | null
  readonly campaignEndsOn: IsoDate | null
  readonly quietStartsOn: IsoDate | null
  readonly quietEndsOn: IsoDate | null
  readonly candidateDesignatedOn: IsoDate | null
  readonly stages: readonly ElectionStageDates[]
}

export type DateProblem =
  | 'incomplete_range'
  | 'ends_before_start'
  | 'not_before_voting'
  | 'overlaps_campaign'
  | 'after_campaign_start'
  | 'out_of_bounds'
  | 'out_of_order'
  | 'voting_day_outside'

export interface DateIssue {
  /** `campaignEndsOn`, `stages.2.endsOn` … */
  readonly field: string
  readonly problem: DateProblem
}

/** Stages may start up to this many years before the voting day (Pemilu 2024 stages began 20 months ahead). */
export const stageYearsBefore = 3
/** … and end up to this many years after it (disputes, re-votes, inauguration). */
export const stageYearsAfter = 1

const shiftYears = (date: IsoDate, years: number): IsoDate =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`

/**
 * Everything wrong with an election's dates, in field order (empty when consistent): periods are complete and
 * not reversed; campaign, then quiet period, then voting day; candidates are designated before the campaign;
 * stages are in start order, inside [voting − 3 years, voting + 1 year], and a voting stage contains the voting
 * day. Sources: PKPU 3/2022 (Pemilu 2024 schedule), PKPU 2/2024 (Pilkada 2024) — DOMAIN.md §7.1–7.2.
 */
export function electionDateIssues(dates: ElectionDates): DateIssue[] {
  const issues: DateIssue[] = []
  const { votingOn } = dates
  const range = (prefix: 'campaign' | 'quiet', startsOn: IsoDate | null, endsOn: IsoDate | null) => {
    if ((startsOn === null) !== (endsOn === null)) {
      issues.push({
        field: startsOn === null ? `${prefix}StartsOn` : `${prefix}EndsOn`,
        problem: 'incomplete_range',
      })
      return
    }
    if (startsOn === null || endsOn === null) return
    if (endsOn < startsOn) issues.push({ field: `${prefix}EndsOn`, problem: 'ends_before_start' })
    if (endsOn >= votingOn) issues.push({ field: `${prefix}EndsOn`, problem: 'not_before_voting' })
  }
  range('campaign', dates.campaignStartsOn, dates.campaignEndsOn)
  range('quiet', dates.quietStartsOn, dates.quietEndsOn)
  if (
    dates.quietStartsOn !== null &&
    dates.campaignEndsOn !== null &&
    dates.quietStartsOn <= dates.campaignEndsOn
  )
    issues.push({ field: 'quietStartsOn', problem: 'overlaps_campaign' })
  if (dates.candidateDesignatedOn !== null) {
    if (dates.candidateDesignatedOn > votingOn)
      issues.push({ field: 'candidateDesignatedOn', problem: 'not_before_voting' })
    else if (dates.campaignStartsOn !== null && dates.candidateDesignatedOn > dates.campaignStartsOn)
      issues.push({ field: 'candidateDesignatedOn', problem: 'after_campaign_start' })
  }
  const earliest = shiftYears(votingOn, -stageYearsBefore)
  const latest = shiftYears(votingOn, stageYearsAfter)
  dates.stages.forEach((stage, index) => {
    const field = (name: string) => `stages.${index}.${name}`
    if (stage.endsOn < stage.startsOn) issues.push({ field: field('endsOn'), problem: 'ends_before_start' })
    if (stage.startsOn < earliest) issues.push({ field: field('startsOn'), problem: 'out_of_bounds' })
    if (stage.endsOn > latest) issues.push({ field: field('endsOn'), problem: 'out_of_bounds' })
    const previous = dates.stages[index - 1]
    if (previous && stage.startsOn < previous.startsOn)
      issues.push({ field: field('startsOn'), problem: 'out_of_order' })
    if (stage.kind === 'voting' && (votingOn < stage.startsOn || votingOn > stage.endsOn))
      issues.push({ field: field('startsOn'), problem: 'voting_day_outside' })
  })
  return issues
}

/** First and last day the election is "on": its earliest stage or date to its last stage or voting day. */
export function electionSpan(dates: ElectionDates): { startsOn: IsoDate; endsOn: IsoDate } {
  const starts = [
    dates.votingOn,
    dates.campaignStartsOn,
    dates.candidateDesignatedOn,
    ...dates.stages.map((s) => s.startsOn),
  ].filter((d): d is IsoDate => d !== null)
  const ends = [dates.votingOn, ...dates.stages.map((s) => s.endsOn)]
  return {
    startsOn: starts.reduce((a, b) => (b < a ? b : a)),
    endsOn: ends.reduce((a, b) => (b > a ? b : a)),
  }
}

export type ElectionPhase = 'upcoming' | 'running' | 'finished'

export function electionPhaseOn(dates: ElectionDates, date: IsoDate): ElectionPhase {
  const span = electionSpan(dates)
  if (date < span.startsOn) return 'upcoming'
  return date > span.endsOn ? 'finished' : 'running'
}

/**
 * The election the header selector shows: a running one (the nearest voting day when several run), else the next
 * to start, else the one that ended last. Null for an empty list.
 */
export function pickCurrentElection<T extends ElectionDates & { readonly id: string }>(
  elections: readonly T[],
  date: IsoDate,
): T | null {
  const phased = elections.map((election) => ({
    election,
    phase: electionPhaseOn(election, date),
    span: electionSpan(election),
  }))
  const distance = (votingOn: IsoDate) => Math.abs(Date.parse(votingOn) - Date.parse(date))
  const running = phased
    .filter((p) => p.phase === 'running')
    .sort((a, b) => distance(a.election.votingOn) - distance(b.election.votingOn))
  if (running[0]) return running[0].election
  const upcoming = phased
    .filter((p) => p.phase === 'upcoming')
    .sort((a, b) => a.span.startsOn.localeCompare(b.span.startsOn))
  if (upcoming[0]) return upcoming[0].election
  const finished = phased.sort((a, b) => b.span.endsOn.localeCompare(a.span.endsOn))
  return finished[0]?.election ?? null
}

/** The stage under way on a date (the last one in list order that contains it), if any. */
export function stageOn<S extends ElectionStageDates>(stages: readonly S[], date: IsoDate): S | null {
  let found: S | null = null
  for (const stage of stages) if (stage.startsOn <= date && date <= stage.endsOn) found = stage
  return found
}
