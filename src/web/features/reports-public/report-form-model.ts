/**
 * The rules of the public report form, apart from React so they can be tested: the draft the five steps fill,
 * each step's checks (messages as translation keys under `reportsPublic.`), the checks of a chosen file, the
 * body sent to the server, which step and field a server refusal belongs to, and the receipt's spelling.
 */
import { formatNip, normaliseNip } from '../../../domain/nip'
import type { ApiError } from '../../api/client'
import type { IdentityLevel, ReportFormInfo, ReportSubmission } from './reports-public.api'

/** A message to show: a key under `reportsPublic.` and its parameters. */
export interface Message {
  readonly key: string
  readonly params?: Readonly<Record<string, string | number>>
}

export type FieldErrors = Readonly<Record<string, Message>>

export const unsureCategory = 'unsure'

export interface ReportDraft {
  /** A category code, `unsure`, or '' while nothing is chosen. */
  readonly category: string
  readonly description: string
  readonly personName: string
  readonly agencySlug: string
  /** The unit as typed or picked; `unitId` is set only when it was picked from the list. */
  readonly unitName: string
  readonly unitId: string | null
  readonly nip: string
  readonly personLinks: readonly string[]
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input, in the phone's zone. */
  readonly occurredAt: string
  readonly regionCode: string | null
  readonly regionName: string
  readonly place: string
  readonly files: readonly File[]
  readonly evidenceLinks: readonly string[]
  readonly identityLevel: IdentityLevel
  readonly reporterName: string
  readonly reporterPhone: string
  readonly reporterEmail: string
}

export const emptyDraft: ReportDraft = {
  category: '',
  description: '',
  personName: '',
  agencySlug: '',
  unitName: '',
  unitId: null,
  nip: '',
  personLinks: [''],
  occurredAt: '',
  regionCode: null,
  regionName: '',
  place: '',
  files: [],
  evidenceLinks: [''],
  identityLevel: 'anonymous',
  reporterName: '',
  reporterPhone: '',
  reporterEmail: '',
}

export const descriptionMin = 20
export const descriptionMax = 10_000
export const maxFiles = 5
export const maxFileBytes = 20 * 1024 * 1024
export const maxLinksPerList = 5
export const maxNameLength = 200
export const maxPlaceLength = 500
export const maxMessageLength = 5_000

/** The steps in order; index 5 is the summary before sending. */
export const steps = ['what', 'who', 'when', 'evidence', 'identity'] as const
export type StepName = (typeof steps)[number]
export const stepCount = steps.length

const allowedTypes: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
}
const allowedExtensions = new Set(['jpg', 'jpeg', 'png', 'webp', 'pdf', 'mp4'])

/** What the file input offers (the server still decides by the file's content). */
export const fileAccept = [
  ...Object.keys(allowedTypes),
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.pdf',
  '.mp4',
].join(',')

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

export interface FileLike {
  readonly name: string
  readonly type: string
  readonly size: number
}

/** Why a chosen file cannot be sent, or null. Some phones give no type: the name's extension decides then. */
export function checkFile(file: FileLike): Message | null {
  const typeKnown = file.type !== ''
  const allowed = typeKnown ? file.type in allowedTypes : allowedExtensions.has(extensionOf(file.name))
  if (!allowed) return { key: 'evidence.file_type', params: { name: file.name } }
  if (file.size > maxFileBytes) return { key: 'evidence.file_too_big', params: { name: file.name } }
  if (file.size === 0) return { key: 'evidence.file_empty', params: { name: file.name } }
  return null
}

/** Adds chosen files to those already kept: refused files and files past the limit are reported by name. */
export function addFiles<F extends FileLike>(
  kept: readonly F[],
  chosen: readonly F[],
  limit: number = maxFiles,
): { readonly files: F[]; readonly problems: Message[] } {
  const files = [...kept]
  const problems: Message[] = []
  for (const file of chosen) {
    const problem = checkFile(file)
    if (problem) {
      problems.push(problem)
    } else if (files.length >= limit) {
      problems.push({ key: 'evidence.too_many', params: { name: file.name, count: limit } })
    } else {
      files.push(file)
    }
  }
  return { files, problems }
}

/** `2,4 MB`, `350 KB` (Indonesian decimal comma; English decimal point). */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'id-ID'
  if (bytes >= 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`
}

/** Only http and https addresses (no javascript:, data:, file:). */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Digits with an optional leading +, spaces, dots and dashes; 8–15 digits in all. */
export function isPhone(value: string): boolean {
  if (!/^\+?[\d\s.\-()]+$/.test(value)) return false
  const digits = value.replace(/\D/g, '').length
  return digits >= 8 && digits <= 15
}

/** A datetime-local value to ISO 8601 with the offset: `2026-02-12T20:15` at UTC+7 → `…T20:15:00+07:00`. */
export function localInputToIso(value: string, offsetMinutesEastOfUtc: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const sign = offsetMinutesEastOfUtc < 0 ? '-' : '+'
  const absolute = Math.abs(offsetMinutesEastOfUtc)
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0')
  const minutes = String(absolute % 60).padStart(2, '0')
  return `${value}:00${sign}${hours}:${minutes}`
}

/** The phone's offset east of UTC at that local time (Date.getTimezoneOffset counts west). */
export function browserOffsetAt(value: string): number {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? 0 : -date.getTimezoneOffset()
}

/** The checks of one step (0–4); an empty object when it may be left. */
export function validateStep(step: number, draft: ReportDraft, now: Date = new Date()): FieldErrors {
  const errors: Record<string, Message> = {}
  const name = steps[step]
  switch (name) {
    case 'what': {
      if (draft.category === '') errors.category = { key: 'what.category_required' }
      const length = draft.description.trim().length
      if (length === 0) errors.description = { key: 'what.description_required' }
      else if (length < descriptionMin)
        errors.description = { key: 'what.description_short', params: { count: descriptionMin } }
      else if (length > descriptionMax)
        errors.description = { key: 'what.description_long', params: { count: descriptionMax } }
      break
    }
    case 'who': {
      if (draft.personName.trim().length > maxNameLength)
        errors.personName = { key: 'common.too_long', params: { count: maxNameLength } }
      const nip = normaliseNip(draft.nip)
      if (nip !== '' && !/^\d{18}$/.test(nip)) errors.nip = { key: 'who.nip_format' }
      draft.personLinks.forEach((link, index) => {
        if (link.trim() !== '' && !isWebLink(link))
          errors[`personLinks.${index}`] = { key: 'common.link_format' }
      })
      break
    }
    case 'when': {
      if (draft.occurredAt !== '') {
        const at = new Date(draft.occurredAt)
        if (Number.isNaN(at.getTime())) errors.occurredAt = { key: 'when.occurred_format' }
        else if (at.getTime() > now.getTime() + 5 * 60_000)
          errors.occurredAt = { key: 'when.occurred_future' }
      }
      if (draft.place.trim().length > maxPlaceLength)
        errors.place = { key: 'common.too_long', params: { count: maxPlaceLength } }
      break
    }
    case 'evidence': {
      if (draft.files.length > maxFiles)
        errors.files = { key: 'evidence.too_many_total', params: { count: maxFiles } }
      draft.evidenceLinks.forEach((link, index) => {
        if (link.trim() !== '' && !isWebLink(link))
          errors[`evidenceLinks.${index}`] = { key: 'common.link_format' }
      })
      break
    }
    case 'identity': {
      if (draft.identityLevel !== 'anonymous') {
        const reporterName = draft.reporterName.trim()
        if (reporterName === '') errors.reporterName = { key: 'identity.name_required' }
        else if (reporterName.length > maxNameLength)
          errors.reporterName = { key: 'common.too_long', params: { count: maxNameLength } }
        if (draft.reporterPhone.trim() !== '' && !isPhone(draft.reporterPhone.trim()))
          errors.reporterPhone = { key: 'identity.phone_format' }
        if (draft.reporterEmail.trim() !== '' && !emailPattern.test(draft.reporterEmail.trim()))
          errors.reporterEmail = { key: 'identity.email_format' }
      }
      break
    }
    case undefined:
      break
  }
  return errors
}

/** The first step (0–4) with a problem, or null when the whole draft may be sent. */
export function firstInvalidStep(draft: ReportDraft, now: Date = new Date()): number | null {
  for (let step = 0; step < stepCount; step += 1) {
    if (Object.keys(validateStep(step, draft, now)).length > 0) return step
  }
  return null
}

export interface BuiltSubmission {
  readonly body: ReportSubmission
  /** For each entry of `body.links`, the form field it came from (`personLinks.0`, `evidenceLinks.2`). */
  readonly linkFields: readonly string[]
}

const optional = (value: string) => {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** The body of `POST /reports`: empty fields left out, the reporter only when not anonymous. */
export function buildSubmission(
  draft: ReportDraft,
  form: ReportFormInfo,
  offsetAt: (value: string) => number = browserOffsetAt,
): BuiltSubmission {
  const agency = form.agencies.find((a) => a.slug === draft.agencySlug) ?? form.agencies[0]
  const personName = draft.personName.trim()
  const nip = normaliseNip(draft.nip)
  const unitName = optional(draft.unitName)
  const hasPerson = personName !== '' || nip !== '' || unitName !== undefined
  const links: string[] = []
  const linkFields: string[] = []
  const collect = (list: readonly string[], field: string) =>
    list.forEach((link, index) => {
      const trimmed = link.trim()
      if (trimmed === '' || links.includes(trimmed)) return
      links.push(trimmed)
      linkFields.push(`${field}.${index}`)
    })
  collect(draft.personLinks, 'personLinks')
  collect(draft.evidenceLinks, 'evidenceLinks')
  const occurredAt =
    draft.occurredAt === '' ? null : localInputToIso(draft.occurredAt, offsetAt(draft.occurredAt))
  const place = optional(draft.place)
  const reporterPhone = optional(draft.reporterPhone)
  const reporterEmail = optional(draft.reporterEmail)

  const body: ReportSubmission = {
    ...(agency ? { agencySlug: agency.slug } : {}),
    ...(draft.category !== '' && draft.category !== unsureCategory ? { categoryCode: draft.category } : {}),
    description: draft.description.trim(),
    ...(hasPerson
      ? {
          reportedPerson: {
            name: personName,
            ...(nip !== '' ? { nip } : {}),
            ...(agency ? { agencyName: agency.name } : {}),
            ...(unitName !== undefined ? { unitName } : {}),
            ...(unitName !== undefined && draft.unitId ? { unitId: draft.unitId } : {}),
          },
        }
      : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(draft.regionCode || place
      ? {
          location: {
            ...(draft.regionCode ? { regionCode: draft.regionCode } : {}),
            ...(place ? { place } : {}),
          },
        }
      : {}),
    ...(links.length > 0 ? { links } : {}),
    identityLevel: draft.identityLevel,
    ...(draft.identityLevel !== 'anonymous'
      ? {
          reporter: {
            name: draft.reporterName.trim(),
            ...(reporterPhone ? { phone: reporterPhone } : {}),
            ...(reporterEmail ? { email: reporterEmail } : {}),
          },
        }
      : {}),
  }
  return { body, linkFields }
}

/** The step (0–4) each form field is on. */
export function stepOfField(field: string): number {
  const base = field.split('.')[0] ?? ''
  if (base === 'category' || base === 'description') return 0
  if (['personName', 'agencySlug', 'unitName', 'nip', 'personLinks'].includes(base)) return 1
  if (['occurredAt', 'region', 'place'].includes(base)) return 2
  if (base === 'files' || base === 'evidenceLinks') return 3
  return 4
}

/** The form field a path of the server's body belongs to (`['reportedPerson', 'nip']` → `nip`), or null. */
export function fieldOfPath(
  path: readonly (string | number)[],
  linkFields: readonly string[],
): string | null {
  const parts = path[0] === 'report' ? path.slice(1) : path
  const [first, second] = parts
  switch (typeof first === 'string' ? first : '') {
    case 'categoryCode':
      return 'category'
    case 'description':
      return 'description'
    case 'agencySlug':
      return 'agencySlug'
    case 'reportedPerson':
      if (second === 'nip') return 'nip'
      if (second === 'unitName' || second === 'unitId') return 'unitName'
      if (second === 'agencyName') return 'agencySlug'
      return 'personName'
    case 'occurredAt':
      return 'occurredAt'
    case 'location':
      return second === 'regionCode' ? 'region' : 'place'
    case 'links':
      return typeof second === 'number' ? (linkFields[second] ?? 'evidenceLinks.0') : 'evidenceLinks.0'
    case 'identityLevel':
      return 'identityLevel'
    case 'reporter':
      if (second === 'phone') return 'reporterPhone'
      if (second === 'email') return 'reporterEmail'
      return 'reporterName'
    default:
      return null
  }
}

interface Issue {
  readonly path: readonly (string | number)[]
  readonly code: string
  readonly minimum?: number
  readonly maximum?: number
}

function issuesOf(error: ApiError): Issue[] {
  const raw = error.details.issues ?? error.details.fields
  if (!Array.isArray(raw)) return []
  return (raw as unknown[]).flatMap((value) => {
    if (typeof value !== 'object' || value === null) return []
    const record = value as Record<string, unknown>
    if (!Array.isArray(record.path)) return []
    const path = (record.path as unknown[]).filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    )
    return [
      {
        path,
        code: typeof record.code === 'string' ? record.code : 'invalid',
        ...(typeof record.minimum === 'number' ? { minimum: record.minimum } : {}),
        ...(typeof record.maximum === 'number' ? { maximum: record.maximum } : {}),
      },
    ]
  })
}

function issueMessage(issue: Issue): Message {
  if (issue.code === 'too_small' && (issue.minimum ?? 0) > 1)
    return { key: 'what.description_short', params: { count: issue.minimum ?? descriptionMin } }
  if (issue.code === 'too_small' || issue.code === 'invalid_type' || issue.code === 'required')
    return { key: 'common.required' }
  if (issue.code === 'too_big') return { key: 'common.too_long', params: { count: issue.maximum ?? 0 } }
  return { key: 'common.invalid' }
}

/** Field messages of a 400 `request.invalid` answer; issues on no known field count in `unmatched`. */
export function serverFieldErrors(
  error: ApiError,
  linkFields: readonly string[],
): { readonly errors: FieldErrors; readonly unmatched: number } {
  const errors: Record<string, Message> = {}
  let unmatched = 0
  for (const issue of issuesOf(error)) {
    const field = fieldOfPath(issue.path, linkFields)
    if (field === null) unmatched += 1
    else errors[field] ??= issueMessage(issue)
  }
  return { errors, unmatched }
}

/** The first step (0–4) holding one of these fields, or null. */
export function firstStepOf(errors: FieldErrors): number | null {
  const fieldSteps = Object.keys(errors).map(stepOfField)
  return fieldSteps.length === 0 ? null : Math.min(...fieldSteps)
}

/** How long to wait before trying again, in words (`common.wait_*`). */
export function waitMessage(seconds: number | null): Message {
  if (seconds === null || seconds <= 0) return { key: 'common.wait_moment' }
  if (seconds < 60) return { key: 'common.wait_seconds', params: { count: Math.ceil(seconds) } }
  if (seconds < 3600) return { key: 'common.wait_minutes', params: { count: Math.ceil(seconds / 60) } }
  return { key: 'common.wait_hours', params: { count: Math.ceil(seconds / 3600) } }
}

/** Digits of a receipt typed with spaces or dashes; null unless exactly 16 digits. */
export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s\-.]/g, '')
  return /^\d{16}$/.test(digits) ? digits : null
}

/** `1234 5678 9012 3456`. */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ')
}

/** The NIP grouped the way it is printed, when it has 18 digits; otherwise as typed. */
export const displayNip = (value: string): string => {
  const digits = normaliseNip(value)
  return /^\d{18}$/.test(digits) ? formatNip(digits) : value
}
