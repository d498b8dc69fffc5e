import { describe, expect, it } from 'vitest'
import {
  candidateOfficeProblem,
  candidateStatusOn,
  electionDateIssues,
  electionPhaseOn,
  electionSpan,
  normaliseHashtag,
  normaliseHashtags,
  pickCurrentElection,
  pilkadaOfficeOf,
  regionProblem,
  stageOn,
  type ElectionDates,
} from './election-stage.js'

/** Pemilu 2024 (DOMAIN.md §7.1). */
const pemilu2024: ElectionDates = {
  votingOn: '2024-02-14',
  campaignStartsOn: '2023-11-28',
  campaignEndsOn: '2024-02-10',
  quietStartsOn: '2024-02-11',
  quietEndsOn: '2024-02-13',
  candidateDesignatedOn: '2023-11-13',
  stages: [
    { name: 'Pendaftaran', kind: 'registration', startsOn: '2023-10-19', endsOn: '2023-10-25' },
    { name: 'Penetapan', kind: 'designation', startsOn: '2023-11-13', endsOn: '2023-11-13' },
    { name: 'Kampanye', kind: 'campaign', startsOn: '2023-11-28', endsOn: '2024-02-10' },
    { name: 'Masa tenang', kind: 'quiet', startsOn: '2024-02-11', endsOn: '2024-02-13' },
    { name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-02-14', endsOn: '2024-02-14' },
    { name: 'Rekapitulasi', kind: 'counting', startsOn: '2024-02-14', endsOn: '2024-03-20' },
  ],
}

describe('candidateStatusOn', () => {
  it.each([
    ['2023-11-12', 'bakal_calon'],
    ['2023-11-13', 'calon'],
    ['2024-02-14', 'calon'],
  ] as const)('on %s a Pemilu 2024 candidate is %s', (date, status) => {
    expect(candidateStatusOn(date, '2023-11-13')).toBe(status)
  })

  it('treats everyone as bakal calon while no designation date is known', () => {
    expect(candidateStatusOn('2030-01-01', null)).toBe('bakal_calon')
  })
})

describe('regionProblem', () => {
  it.each([
    ['PEMILU', null, null],
    ['PEMILU', '32', 'not_allowed'],
    ['PILKADA', null, 'required'],
    ['PILKADA', '32', null],
    ['PILKADA', '32.73', null],
    ['PILKADA', '3273', 'format'],
    ['PILKADA', '32.73.01', 'format'],
    ['PILKADA', '32.00', 'format'],
    ['PILKADA', '32.70', 'format'],
  ] as const)('%s with region %s → %s', (type, code, problem) => {
    expect(regionProblem(type, code)).toBe(problem)
  })
})

describe('candidateOfficeProblem', () => {
  it.each([
    [{ type: 'PEMILU', regionCode: null }, 'presiden', 'Gibran', null],
    [{ type: 'PEMILU', regionCode: null }, 'presiden', null, 'running_mate_required'],
    [{ type: 'PEMILU', regionCode: null }, 'dpd', null, null],
    [{ type: 'PEMILU', regionCode: null }, 'dpd', 'Wakil', 'running_mate_not_allowed'],
    [{ type: 'PEMILU', regionCode: null }, 'wali_kota', 'Wakil', 'office_not_in_election'],
    [{ type: 'PILKADA', regionCode: '32.73' }, 'wali_kota', 'Wakil', null],
    [{ type: 'PILKADA', regionCode: '32.04' }, 'wali_kota', 'Wakil', 'office_not_in_region'],
    [{ type: 'PILKADA', regionCode: '32' }, 'gubernur', 'Wakil', null],
    [{ type: 'PILKADA', regionCode: '32' }, 'presiden', 'Wakil', 'office_not_in_election'],
  ] as const)('%o office %s, mate %s → %s', (election, office, runningMateName, problem) => {
    expect(candidateOfficeProblem(election, { office, runningMateName })).toBe(problem)
  })

  it('maps region codes to the regional head they elect', () => {
    expect(pilkadaOfficeOf('35')).toBe('gubernur')
    expect(pilkadaOfficeOf('35.07')).toBe('bupati')
    expect(pilkadaOfficeOf('35.73')).toBe('wali_kota')
  })
})

describe('normaliseHashtag', () => {
  it.each([
    ['AMIN', '#AMIN'],
    ['#PrabowoGibran', '#PrabowoGibran'],
    ['  #GanjarMahfud ', '#GanjarMahfud'],
    ['＃Pemilu2024', '#Pemilu2024'],
    ['#kota_contoh_maju', '#kota_contoh_maju'],
    ['#', null],
    ['dua kata', null],
    ['#tanda-hubung', null],
    ['', null],
  ])('%j → %j', (raw, expected) => expect(normaliseHashtag(raw)).toBe(expected))

  it('drops case-insensitive duplicates and reports the first bad tag', () => {
    expect(normaliseHashtags(['AMIN', '#amin', 'Perubahan'])).toEqual({
      ok: true,
      hashtags: ['#AMIN', '#Perubahan'],
    })
    expect(normaliseHashtags(['ok', 'bukan tagar', 'x y'])).toEqual({ ok: false, invalid: 'bukan tagar' })
  })
})

describe('electionDateIssues', () => {
  it('accepts the Pemilu 2024 schedule', () => {
    expect(electionDateIssues(pemilu2024)).toEqual([])
  })

  it.each([
    [{ campaignEndsOn: null }, 'campaignEndsOn', 'incomplete_range'],
    [{ campaignEndsOn: '2023-11-01' }, 'campaignEndsOn', 'ends_before_start'],
    [
      { campaignEndsOn: '2024-02-14', quietStartsOn: null, quietEndsOn: null },
      'campaignEndsOn',
      'not_before_voting',
    ],
    [{ quietStartsOn: '2024-02-10' }, 'quietStartsOn', 'overlaps_campaign'],
    [{ quietEndsOn: '2024-02-15' }, 'quietEndsOn', 'not_before_voting'],
    [{ candidateDesignatedOn: '2023-12-01' }, 'candidateDesignatedOn', 'after_campaign_start'],
    [{ candidateDesignatedOn: '2024-03-01' }, 'candidateDesignatedOn', 'not_before_voting'],
  ] as const)('%o → %s %s', (patch, field, problem) => {
    expect(electionDateIssues({ ...pemilu2024, ...patch })).toContainEqual({ field, problem })
  })

  it.each([
    [{ startsOn: '2024-03-02', endsOn: '2024-03-01' }, 'stages.0.endsOn', 'ends_before_start'],
    [{ startsOn: '2020-12-31', endsOn: '2021-01-05' }, 'stages.0.startsOn', 'out_of_bounds'],
    [{ startsOn: '2024-03-01', endsOn: '2025-02-15' }, 'stages.0.endsOn', 'out_of_bounds'],
  ] as const)('a stage %o → %s %s', (stage, field, problem) => {
    const dates = { ...pemilu2024, stages: [{ name: 'Tahap', kind: 'other' as const, ...stage }] }
    expect(electionDateIssues(dates)).toContainEqual({ field, problem })
  })

  it('wants stages in start order and a voting stage that contains the voting day', () => {
    const stages = [
      { name: 'Kampanye', kind: 'campaign', startsOn: '2023-11-28', endsOn: '2024-02-10' },
      { name: 'Pendaftaran', kind: 'registration', startsOn: '2023-10-19', endsOn: '2023-10-25' },
      { name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-02-15', endsOn: '2024-02-15' },
    ] as const
    expect(electionDateIssues({ ...pemilu2024, stages })).toEqual([
      { field: 'stages.1.startsOn', problem: 'out_of_order' },
      { field: 'stages.2.startsOn', problem: 'voting_day_outside' },
    ])
  })
})

describe('election phases and the current election', () => {
  const pilkada2024 = {
    ...pemilu2024,
    id: 'pilkada',
    votingOn: '2024-11-27',
    campaignStartsOn: '2024-09-25',
    campaignEndsOn: '2024-11-23',
    quietStartsOn: '2024-11-24',
    quietEndsOn: '2024-11-26',
    candidateDesignatedOn: '2024-09-22',
    stages: [
      { name: 'Pendaftaran', kind: 'registration', startsOn: '2024-08-27', endsOn: '2024-08-29' },
    ] as const,
  }
  const pemilu = { ...pemilu2024, id: 'pemilu' }

  it('spans from the first stage to the last', () => {
    expect(electionSpan(pemilu2024)).toEqual({ startsOn: '2023-10-19', endsOn: '2024-03-20' })
  })

  it.each([
    ['2023-10-18', 'upcoming'],
    ['2023-10-19', 'running'],
    ['2024-03-20', 'running'],
    ['2024-03-21', 'finished'],
  ] as const)('Pemilu 2024 on %s is %s', (date, phase) => {
    expect(electionPhaseOn(pemilu2024, date)).toBe(phase)
  })

  it.each([
    ['2023-01-01', 'pemilu', 'before both: the next to start'],
    ['2024-02-01', 'pemilu', 'Pemilu running'],
    ['2024-06-01', 'pilkada', 'between: Pilkada is next'],
    ['2024-09-01', 'pilkada', 'Pilkada running'],
    ['2025-06-01', 'pilkada', 'after both: the last one'],
  ])('on %s picks %s (%s)', (date, expected) => {
    expect(pickCurrentElection([pemilu, pilkada2024], date)?.id).toBe(expected)
  })

  it('picks the running election with the nearest voting day when two overlap', () => {
    const early = {
      ...pilkada2024,
      id: 'early',
      stages: [],
      votingOn: '2024-10-01',
      campaignStartsOn: null,
      campaignEndsOn: null,
      quietStartsOn: null,
      quietEndsOn: null,
      candidateDesignatedOn: '2024-01-01',
    }
    expect(pickCurrentElection([early, pilkada2024], '2024-09-26')?.id).toBe('early')
    expect(pickCurrentElection([], '2024-09-26')).toBeNull()
  })

  it('names the stage under way', () => {
    expect(stageOn(pemilu2024.stages, '2024-02-14')?.kind).toBe('counting')
    expect(stageOn(pemilu2024.stages, '2024-01-01')?.kind).toBe('campaign')
    expect(stageOn(pemilu2024.stages, '2023-11-01')).toBeNull()
  })
})
