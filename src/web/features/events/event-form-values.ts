/**
 * The event form as plain values, and the way to and from the API: date-time fields are wall-clock times in the
 * agency's time zone (`2026-11-24T08:00`), sent as instants with that zone's offset (`…T08:00:00+07:00`).
 */
import type { CreateEventRequest, EventKind, EventView } from './events.api'

export interface SpeakerValues {
  name: string
  role: string
  institution: string
}

export type LeaderMode = 'none' | 'employee' | 'free'

export interface EventFormValues {
  kind: EventKind
  title: string
  description: string
  electionId: string | null
  startsAt: string
  endsAt: string
  venue: string
  speakers: SpeakerValues[]
  targetUnitIds: string[]
  ikrarRead: boolean
  leaderMode: LeaderMode
  leaderEmployeeId: string | null
  leaderEmployeeName: string
  leaderName: string
  leaderPosition: string
}

export const emptySpeaker = (): SpeakerValues => ({ name: '', role: '', institution: '' })

export const emptyEventForm = (): EventFormValues => ({
  kind: 'sosialisasi',
  title: '',
  description: '',
  electionId: null,
  startsAt: '',
  endsAt: '',
  venue: '',
  speakers: [],
  targetUnitIds: [],
  ikrarRead: false,
  leaderMode: 'none',
  leaderEmployeeId: null,
  leaderEmployeeName: '',
  leaderName: '',
  leaderPosition: '',
})

/** `+07:00` for a zone at an instant (Indonesia has no daylight saving; other zones are handled all the same). */
export function zoneOffset(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0')
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'))
  const minutes = Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
}

/** `2026-11-24T08:00` in the zone → `2026-11-24T08:00:00+07:00`; null when the field is not a date-time. */
export function instantOf(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const guess = new Date(`${local}:00Z`)
  if (Number.isNaN(guess.getTime())) return null
  return `${local}:00${zoneOffset(timeZone, guess)}`
}

/** An instant → the wall-clock value of a `datetime-local` field in the zone. */
export function localOf(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`
}

export function formValuesOf(event: EventView, timeZone: string): EventFormValues {
  const leader = event.leader
  return {
    kind: event.kind,
    title: event.title,
    description: event.description ?? '',
    electionId: event.electionId,
    startsAt: localOf(event.startsAt, timeZone),
    endsAt: localOf(event.endsAt, timeZone),
    venue: event.venue ?? '',
    speakers: event.speakers.map((speaker) => ({
      name: speaker.name,
      role: speaker.role ?? '',
      institution: speaker.institution ?? '',
    })),
    targetUnitIds: event.targetUnits.map((unit) => unit.id),
    ikrarRead: event.ikrarRead,
    leaderMode: leader === null ? 'none' : leader.employeeId ? 'employee' : 'free',
    leaderEmployeeId: leader?.employeeId ?? null,
    leaderEmployeeName: leader?.employeeId ? leader.name : '',
    leaderName: leader && !leader.employeeId ? leader.name : '',
    leaderPosition: leader && !leader.employeeId ? (leader.position ?? '') : '',
  }
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Translation keys of the problems the browser finds itself. */
export type ProblemKey = 'validation.issue.required' | 'errors.event.dates_invalid'

export type FormErrors = Partial<
  Record<'title' | 'startsAt' | 'endsAt' | 'leaderEmployeeId' | 'leaderName' | 'leaderPosition', ProblemKey>
>

/** Problems the browser sees before sending, as translation keys per field (the server checks the same). */
export function formProblems(values: EventFormValues, timeZone: string): FormErrors {
  const problems: FormErrors = {}
  if (values.title.trim() === '') problems.title = 'validation.issue.required'
  const startsAt = instantOf(values.startsAt, timeZone)
  const endsAt = instantOf(values.endsAt, timeZone)
  if (startsAt === null) problems.startsAt = 'validation.issue.required'
  if (endsAt === null) problems.endsAt = 'validation.issue.required'
  if (startsAt && endsAt && new Date(endsAt) < new Date(startsAt))
    problems.endsAt = 'errors.event.dates_invalid'
  if (values.kind === 'apel') {
    if (values.leaderMode === 'employee' && values.leaderEmployeeId === null)
      problems.leaderEmployeeId = 'validation.issue.required'
    if (values.leaderMode === 'free') {
      if (values.leaderName.trim() === '') problems.leaderName = 'validation.issue.required'
      if (values.leaderPosition.trim() === '') problems.leaderPosition = 'validation.issue.required'
    }
  }
  return problems
}

/** The body to send; apel-only fields are left at their neutral values for other kinds. */
export function eventBodyOf(values: EventFormValues, timeZone: string): CreateEventRequest {
  const isApel = values.kind === 'apel'
  const leader =
    !isApel || values.leaderMode === 'none'
      ? null
      : values.leaderMode === 'employee' && values.leaderEmployeeId
        ? { employeeId: values.leaderEmployeeId }
        : { name: values.leaderName.trim(), position: values.leaderPosition.trim() }
  return {
    kind: values.kind,
    title: values.title.trim(),
    description: orNull(values.description),
    electionId: values.electionId,
    startsAt: instantOf(values.startsAt, timeZone) ?? values.startsAt,
    endsAt: instantOf(values.endsAt, timeZone) ?? values.endsAt,
    venue: orNull(values.venue),
    speakers: values.speakers
      .filter((speaker) => speaker.name.trim() !== '')
      .map((speaker) => ({
        name: speaker.name.trim(),
        role: orNull(speaker.role),
        institution: orNull(speaker.institution),
      })),
    targetUnitIds: values.targetUnitIds,
    ikrarRead: isApel && values.ikrarRead,
    leader,
  }
}
