/**
 * The election form's values, the request body built from them, and every problem the browser can see before
 * sending: required fields, the region code, and the date rules of src/domain/election-stage.ts (the same
 * function the server runs), each keyed by the field it belongs next to (`campaignEndsOn`, `stages.2.endsOn`).
 */
import {
  electionDateIssues,
  regionProblem,
  type DateIssue,
  type ElectionType,
  type RegionProblem,
  type StageKind,
} from '../../../domain/election-stage'
import { isIsoDate } from '../../../domain/working-days'
import type { CreateElectionBody } from '../../../features/elections/elections.schema'
import { issueMessage, type FieldIssue } from '../../api/error-messages'
import { i18next } from '../../i18n/i18n'
import type { ElectionDetail } from './elections.api'

const t = i18next.t.bind(i18next)

export interface StageFormValues {
  /** Stable React key of the row while stages are added, moved and removed. */
  readonly key: string
  name: string
  kind: StageKind
  startsOn: string
  endsOn: string
}

export interface ElectionFormValues {
  type: ElectionType
  name: string
  description: string
  regionCode: string
  votingOn: string
  campaignStartsOn: string
  campaignEndsOn: string
  quietStartsOn: string
  quietEndsOn: string
  candidateDesignatedOn: string
  stages: StageFormValues[]
}

/** A group's legend ("Masa kampanye") reads like a field label, not like body text. */
export const legendStyles = {
  legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
} as const

/** The top-level fields in reading order (for focusing the first error). */
export const electionFields = [
  'type',
  'name',
  'description',
  'regionCode',
  'votingOn',
  'campaignStartsOn',
  'campaignEndsOn',
  'quietStartsOn',
  'quietEndsOn',
  'candidateDesignatedOn',
] as const

let keySequence = 0
export const newStageKey = (): string => {
  keySequence += 1
  return `tahap-${keySequence}`
}

export const emptyStage = (kind: StageKind = 'other'): StageFormValues => ({
  key: newStageKey(),
  name: '',
  kind,
  startsOn: '',
  endsOn: '',
})

export const emptyElectionForm = (): ElectionFormValues => ({
  type: 'PILKADA',
  name: '',
  description: '',
  regionCode: '',
  votingOn: '',
  campaignStartsOn: '',
  campaignEndsOn: '',
  quietStartsOn: '',
  quietEndsOn: '',
  candidateDesignatedOn: '',
  stages: [],
})

export const formValuesOf = (election: ElectionDetail): ElectionFormValues => ({
  type: election.type,
  name: election.name,
  description: election.description ?? '',
  regionCode: election.regionCode ?? '',
  votingOn: election.votingOn,
  campaignStartsOn: election.campaignStartsOn ?? '',
  campaignEndsOn: election.campaignEndsOn ?? '',
  quietStartsOn: election.quietStartsOn ?? '',
  quietEndsOn: election.quietEndsOn ?? '',
  candidateDesignatedOn: election.candidateDesignatedOn ?? '',
  stages: election.stages.map((stage) => ({
    key: newStageKey(),
    name: stage.name,
    kind: stage.kind,
    startsOn: stage.startsOn,
    endsOn: stage.endsOn,
  })),
})

const dateOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim())

export type ElectionFormBody = Omit<CreateElectionBody, 'agencyId'> & {
  stages: NonNullable<CreateElectionBody['stages']>
}

/** The body for POST (create) and PATCH (edit: every field, `stages` replacing the stored list). */
export function electionBodyOf(values: ElectionFormValues): ElectionFormBody {
  return {
    type: values.type,
    name: values.name.trim(),
    description: values.description.trim() === '' ? null : values.description.trim(),
    regionCode: values.type === 'PILKADA' ? dateOrNull(values.regionCode) : null,
    votingOn: values.votingOn.trim(),
    campaignStartsOn: dateOrNull(values.campaignStartsOn),
    campaignEndsOn: dateOrNull(values.campaignEndsOn),
    quietStartsOn: dateOrNull(values.quietStartsOn),
    quietEndsOn: dateOrNull(values.quietEndsOn),
    candidateDesignatedOn: dateOrNull(values.candidateDesignatedOn),
    stages: values.stages.map((stage) => ({
      name: stage.name.trim(),
      kind: stage.kind,
      startsOn: stage.startsOn.trim(),
      endsOn: stage.endsOn.trim(),
    })),
  }
}

/** Field → message; the first problem of a field wins. */
export type FieldErrorMap = Record<string, string>

const addError = (errors: FieldErrorMap, field: string, message: string) => {
  errors[field] ??= message
}

/** Words for one date problem, next to its field. */
export function dateProblemMessage(issue: DateIssue): string {
  if (issue.field === 'candidateDesignatedOn' && issue.problem === 'not_before_voting')
    return t('elections.form.problem.designation_after_voting')
  return t(`elections.form.problem.${issue.problem}`)
}

export const regionProblemMessage = (problem: RegionProblem): string =>
  t(`elections.form.problem.region_${problem}`)

/** Required fields, text lengths and real dates: what must hold before the date rules can be checked. */
function basicErrors(body: ElectionFormBody): FieldErrorMap {
  const errors: FieldErrorMap = {}
  if (body.name.length < 3)
    addError(
      errors,
      'name',
      body.name === '' ? t('validation.issue.required') : t('validation.issue.too_short', { count: 3 }),
    )
  const dateFields = [
    ['votingOn', body.votingOn],
    ['campaignStartsOn', body.campaignStartsOn],
    ['campaignEndsOn', body.campaignEndsOn],
    ['quietStartsOn', body.quietStartsOn],
    ['quietEndsOn', body.quietEndsOn],
    ['candidateDesignatedOn', body.candidateDesignatedOn],
  ] as const
  for (const [field, value] of dateFields) {
    if (field === 'votingOn' && !value) addError(errors, field, t('validation.issue.required'))
    else if (value && !isIsoDate(value)) addError(errors, field, t('elections.form.problem.date_format'))
  }
  body.stages.forEach((stage, index) => {
    const at = (name: string) => `stages.${index}.${name}`
    if (stage.name.length < 2)
      addError(
        errors,
        at('name'),
        stage.name === '' ? t('validation.issue.required') : t('validation.issue.too_short', { count: 2 }),
      )
    for (const name of ['startsOn', 'endsOn'] as const) {
      if (!stage[name]) addError(errors, at(name), t('validation.issue.required'))
      else if (!isIsoDate(stage[name])) addError(errors, at(name), t('elections.form.problem.date_format'))
    }
  })
  return errors
}

/** Everything wrong with the form, keyed by field; empty when it may be sent. */
export function electionFormErrors(values: ElectionFormValues): FieldErrorMap {
  const body = electionBodyOf(values)
  const errors = basicErrors(body)
  const region = regionProblem(body.type, body.regionCode ?? null)
  if (region) addError(errors, 'regionCode', regionProblemMessage(region))
  // The date rules compare dates, so they only run once every date is a real one.
  if (Object.keys(errors).some((field) => field.endsWith('On'))) return errors
  for (const issue of electionDateIssues({
    votingOn: body.votingOn,
    campaignStartsOn: body.campaignStartsOn ?? null,
    campaignEndsOn: body.campaignEndsOn ?? null,
    quietStartsOn: body.quietStartsOn ?? null,
    quietEndsOn: body.quietEndsOn ?? null,
    candidateDesignatedOn: body.candidateDesignatedOn ?? null,
    stages: body.stages,
  }))
    addError(errors, issue.field, dateProblemMessage(issue))
  return errors
}

/** Messages for the server's `request.invalid` issues, keyed like the form (`stages.0.name`). */
export function requestIssueErrors(issues: readonly FieldIssue[]): FieldErrorMap {
  const errors: FieldErrorMap = {}
  for (const issue of issues) addError(errors, issue.path.join('.'), issueMessage(issue))
  return errors
}

const isDateIssue = (value: unknown): value is DateIssue =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DateIssue).field === 'string' &&
  typeof (value as DateIssue).problem === 'string'

/** Messages for the server's `election.dates_invalid` issues. */
export function dateIssueErrors(details: Readonly<Record<string, unknown>>): FieldErrorMap {
  const errors: FieldErrorMap = {}
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : []
  for (const issue of issues.filter(isDateIssue)) addError(errors, issue.field, dateProblemMessage(issue))
  return errors
}

/** Stages in order of their start day (rows without a start day keep their place at the end). */
export function sortStagesByStart(stages: readonly StageFormValues[]): StageFormValues[] {
  return [...stages].sort((a, b) => {
    if (!a.startsOn || !b.startsOn) return a.startsOn ? -1 : b.startsOn ? 1 : 0
    return a.startsOn.localeCompare(b.startsOn)
  })
}

/**
 * Stages built from the dates already entered above (designation, campaign, quiet period, voting day), so an
 * operator starts from the usual milestones instead of an empty list.
 */
export function stagesFromDates(values: ElectionFormValues): StageFormValues[] {
  const stages: StageFormValues[] = []
  const push = (name: string, kind: StageKind, startsOn: string, endsOn: string) => {
    if (startsOn && endsOn) stages.push({ key: newStageKey(), name, kind, startsOn, endsOn })
  }
  push(
    t('elections.form.suggested_stage.designation'),
    'designation',
    values.candidateDesignatedOn,
    values.candidateDesignatedOn,
  )
  push(
    t('elections.form.suggested_stage.campaign'),
    'campaign',
    values.campaignStartsOn,
    values.campaignEndsOn,
  )
  push(t('elections.form.suggested_stage.quiet'), 'quiet', values.quietStartsOn, values.quietEndsOn)
  push(t('elections.form.suggested_stage.voting'), 'voting', values.votingOn, values.votingOn)
  return sortStagesByStart(stages)
}
