import { describe, expect, it } from 'vitest'
import {
  dateIssueErrors,
  electionBodyOf,
  electionFormErrors,
  emptyElectionForm,
  emptyStage,
  sortStagesByStart,
  stagesFromDates,
  type ElectionFormValues,
} from './election-form-values'

const pilkada = (patch: Partial<ElectionFormValues> = {}): ElectionFormValues => ({
  ...emptyElectionForm(),
  name: 'Pilkada Kota Contoh 2027',
  regionCode: '32.73',
  votingOn: '2027-02-17',
  campaignStartsOn: '2026-11-10',
  campaignEndsOn: '2027-02-13',
  quietStartsOn: '2027-02-14',
  quietEndsOn: '2027-02-16',
  candidateDesignatedOn: '2026-11-05',
  ...patch,
})

describe('electionBodyOf', () => {
  it('sends empty optional dates as null and drops the region of a PEMILU', () => {
    const body = electionBodyOf(pilkada({ type: 'PEMILU', quietStartsOn: '', quietEndsOn: ' ' }))
    expect(body).toMatchObject({ type: 'PEMILU', regionCode: null, quietStartsOn: null, quietEndsOn: null })
  })
})

describe('electionFormErrors', () => {
  it('accepts a consistent election', () => {
    expect(electionFormErrors(pilkada({ stages: stagesFromDates(pilkada()) }))).toEqual({})
  })

  it('asks for the name, the voting day and a PILKADA region', () => {
    const errors = electionFormErrors(pilkada({ name: '', votingOn: '', regionCode: '' }))
    expect(Object.keys(errors).sort()).toEqual(['name', 'regionCode', 'votingOn'])
  })

  it('puts each date rule next to its field, stages included', () => {
    const errors = electionFormErrors(
      pilkada({
        campaignEndsOn: '2027-02-20',
        stages: [
          { ...emptyStage('voting'), name: 'Pemungutan suara', startsOn: '2027-02-18', endsOn: '2027-02-18' },
        ],
      }),
    )
    expect(Object.keys(errors).sort()).toEqual(['campaignEndsOn', 'quietStartsOn', 'stages.0.startsOn'])
  })

  it('names the stage fields that are missing', () => {
    const errors = electionFormErrors(pilkada({ stages: [emptyStage()] }))
    expect(Object.keys(errors).sort()).toEqual(['stages.0.endsOn', 'stages.0.name', 'stages.0.startsOn'])
  })
})

describe('dateIssueErrors', () => {
  it('reads the issues of an election.dates_invalid answer', () => {
    const errors = dateIssueErrors({
      issues: [{ field: 'stages.1.endsOn', problem: 'ends_before_start' }, 'junk'],
    })
    expect(Object.keys(errors)).toEqual(['stages.1.endsOn'])
  })
})

describe('stagesFromDates and sortStagesByStart', () => {
  it('builds the usual milestones in date order from the key dates', () => {
    expect(stagesFromDates(pilkada()).map((stage) => stage.kind)).toEqual([
      'designation',
      'campaign',
      'quiet',
      'voting',
    ])
  })

  it('keeps rows without a start day at the end', () => {
    const sorted = sortStagesByStart([
      { ...emptyStage(), name: 'b', startsOn: '' },
      { ...emptyStage(), name: 'a', startsOn: '2027-01-02' },
      { ...emptyStage(), name: 'c', startsOn: '2026-12-01' },
    ])
    expect(sorted.map((stage) => stage.name)).toEqual(['c', 'a', 'b'])
  })
})
