/**
 * The campaign form's values and rules: date-times typed in the agency's zone (not the browser's) and sent with
 * their offset, the target rule, witnesses. Checked in the browser before sending; the server checks again.
 */
import type { EmployeeKind, PositionType } from '../../../domain/employee-fields'
import type { CampaignView } from './pledges.api'

export interface WitnessValues {
  name: string
  institution: string
  role: string
}

export interface CampaignFormValues {
  templateVersionId: string | null
  electionId: string | null
  name: string
  scope: 'agency' | 'units'
  unitIds: string[]
  employeeKinds: EmployeeKind[]
  positionTypes: PositionType[]
  onlyUnitHeads: boolean
  /** `YYYY-MM-DDTHH:mm` in the agency's zone (a datetime-local input). */
  opensAt: string
  closesAt: string
  witnesses: WitnessValues[]
}

/** What can be wrong with a field (i18n keys under `pledges.staff.form.error`). */
export type CampaignProblem = 'required' | 'too_long' | 'units_required' | 'date_time' | 'closes_before_opens'

export type CampaignFieldErrors = Partial<Record<string, CampaignProblem>>

/** Minutes the zone is ahead of UTC at `at` (420 for Asia/Jakarta). */
function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0')
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0')

/** `2026-11-24T08:00` in `Asia/Jakarta` → `2026-11-24T08:00:00+07:00`; null when not a date-time. */
export function zonedInstantOf(local: string, timeZone: string): string | null {
  const match = localPattern.exec(local.trim())
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(wall)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null
  // The offset at the wall time read as UTC, corrected once (exact for zones without a change that day).
  let offset = zoneOffsetMinutes(timeZone, new Date(wall))
  offset = zoneOffsetMinutes(timeZone, new Date(wall - offset * 60_000))
  const sign = offset < 0 ? '-' : '+'
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

/** An instant as `YYYY-MM-DDTHH:mm` on the agency's wall clock (for a datetime-local input). */
export function zonedLocalOf(instant: string, timeZone: string): string {
  const at = new Date(instant)
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000)
  return shifted.toISOString().slice(0, 16)
}

export function emptyCampaignForm(electionId: string | null): CampaignFormValues {
  return {
    templateVersionId: null,
    electionId,
    name: '',
    scope: 'agency',
    unitIds: [],
    employeeKinds: [],
    positionTypes: [],
    onlyUnitHeads: false,
    opensAt: '',
    closesAt: '',
    witnesses: [],
  }
}

export function campaignFormValuesOf(campaign: CampaignView, timeZone: string): CampaignFormValues {
  return {
    templateVersionId: campaign.templateVersionId,
    electionId: campaign.electionId,
    name: campaign.name,
    scope: campaign.target.scope,
    unitIds: [...campaign.target.unitIds],
    employeeKinds: [...campaign.target.employeeKinds],
    positionTypes: [...campaign.target.positionTypes],
    onlyUnitHeads: campaign.target.onlyUnitHeads,
    opensAt: zonedLocalOf(campaign.opensAt, timeZone),
    closesAt: zonedLocalOf(campaign.closesAt, timeZone),
    witnesses: campaign.witnesses.map((witness) => ({
      name: witness.name,
      institution: witness.institution,
      role: witness.role ?? '',
    })),
  }
}

/** Problems by field path, as i18n keys under `pledges.staff.form.error`. */
export function campaignFormErrors(values: CampaignFormValues, timeZone: string): CampaignFieldErrors {
  const errors: CampaignFieldErrors = {}
  if (!values.templateVersionId) errors.templateVersionId = 'required'
  if (values.name.trim() === '') errors.name = 'required'
  else if (values.name.trim().length > 200) errors.name = 'too_long'
  if (values.scope === 'units' && values.unitIds.length === 0) errors.unitIds = 'units_required'
  const opens = values.opensAt ? zonedInstantOf(values.opensAt, timeZone) : null
  const closes = values.closesAt ? zonedInstantOf(values.closesAt, timeZone) : null
  if (!values.opensAt) errors.opensAt = 'required'
  else if (!opens) errors.opensAt = 'date_time'
  if (!values.closesAt) errors.closesAt = 'required'
  else if (!closes) errors.closesAt = 'date_time'
  else if (opens && new Date(closes) <= new Date(opens)) errors.closesAt = 'closes_before_opens'
  values.witnesses.forEach((witness, index) => {
    if (witness.name.trim() === '') errors[`witnesses.${index}.name`] = 'required'
    if (witness.institution.trim() === '') errors[`witnesses.${index}.institution`] = 'required'
  })
  return errors
}

/** The request body (create and draft update share it); call only without errors. */
export function campaignBodyOf(values: CampaignFormValues, timeZone: string) {
  return {
    templateVersionId: values.templateVersionId ?? '',
    electionId: values.electionId,
    name: values.name.trim(),
    target: {
      scope: values.scope,
      unitIds: values.scope === 'units' ? values.unitIds : [],
      employeeKinds: values.employeeKinds,
      positionTypes: values.positionTypes,
      onlyUnitHeads: values.onlyUnitHeads,
    },
    opensAt: zonedInstantOf(values.opensAt, timeZone) ?? '',
    closesAt: zonedInstantOf(values.closesAt, timeZone) ?? '',
    witnesses: values.witnesses.map((witness) => ({
      name: witness.name.trim(),
      institution: witness.institution.trim(),
      ...(witness.role.trim() ? { role: witness.role.trim() } : {}),
    })),
  }
}
