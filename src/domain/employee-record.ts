/**
 * One employee record as people type it (form or spreadsheet row) → a clean record, or the list of field
 * problems with stable codes. Shared by the employees API and the import, so a row and a form are judged by the
 * same rules. Superior and unit are references resolved by the caller (they need the database).
 */
import {
  employeeKinds,
  employeeStatuses,
  genders,
  normaliseGrade,
  normalisePositionType,
  positionTypes,
  type EmployeeKind,
  type EmployeeStatus,
  type Gender,
  type PositionType,
} from './employee-fields.js'
import { calendarDate, parseNip, type NipProblem, type NipRules } from './nip.js'
import { parseNik, type NikProblem } from './nik.js'

/** Field names as the API and the import mapping name them. */
export const employeeFields = [
  'kind',
  'nip',
  'nik',
  'name',
  'frontTitle',
  'backTitle',
  'gender',
  'birthDate',
  'grade',
  'positionType',
  'positionTitle',
  'status',
  'email',
  'phone',
  'whatsapp',
] as const
export type EmployeeField = (typeof employeeFields)[number]

export type EmployeeFieldProblem =
  | { readonly field: 'nip'; readonly code: 'employee.nip_invalid'; readonly reason: NipProblem | 'required' }
  | {
      readonly field: 'nip'
      readonly code: 'employee.nip_mismatch'
      readonly reason: 'birth_date' | 'gender'
    }
  | { readonly field: 'nik'; readonly code: 'employee.nik_invalid'; readonly reason: NikProblem }
  | { readonly field: EmployeeField; readonly code: 'employee.field_required' }
  | { readonly field: EmployeeField; readonly code: 'employee.field_invalid'; readonly reason?: string }

/** What a form or a spreadsheet row gives: everything optional text (spreadsheet cells may be numbers/dates). */
export type EmployeeInput = Partial<Record<EmployeeField, string | number | Date | null | undefined>>

export interface EmployeeRecord {
  readonly kind: EmployeeKind
  readonly nip: string | null
  readonly nik: string | null
  readonly name: string
  readonly frontTitle: string | null
  readonly backTitle: string | null
  readonly gender: Gender | null
  readonly birthDate: string | null
  readonly grade: string | null
  readonly positionType: PositionType | null
  readonly positionTitle: string | null
  readonly status: EmployeeStatus
  readonly email: string | null
  readonly phone: string | null
  readonly whatsapp: string | null
}

export type EmployeeValidation =
  | { readonly ok: true; readonly record: EmployeeRecord }
  | { readonly ok: false; readonly problems: readonly EmployeeFieldProblem[] }

const text = (value: EmployeeInput[EmployeeField]): string | null => {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  const trimmed = String(value).trim()
  return trimmed === '' ? null : trimmed
}

const kindAliases: Record<string, EmployeeKind> = {
  pns: 'PNS',
  cpns: 'PNS',
  pppk: 'PPPK',
  p3k: 'PPPK',
  'pppk paruh waktu': 'PPPK',
  non_asn: 'NON_ASN',
  'non asn': 'NON_ASN',
  'non-asn': 'NON_ASN',
  honorer: 'NON_ASN',
  ppnpn: 'NON_ASN',
  kontrak: 'NON_ASN',
  thl: 'NON_ASN',
}

export function normaliseKind(raw: string): EmployeeKind | null {
  const key = raw.trim().toLowerCase()
  if ((employeeKinds as readonly string[]).includes(raw.trim().toUpperCase()))
    return raw.trim().toUpperCase() as EmployeeKind
  return kindAliases[key] ?? null
}

const genderAliases: Record<string, Gender> = {
  l: 'male',
  'laki-laki': 'male',
  'laki laki': 'male',
  pria: 'male',
  male: 'male',
  m: 'male',
  '1': 'male',
  p: 'female',
  perempuan: 'female',
  wanita: 'female',
  female: 'female',
  f: 'female',
  '2': 'female',
}

export const normaliseGender = (raw: string): Gender | null => genderAliases[raw.trim().toLowerCase()] ?? null

const statusAliases: Record<string, EmployeeStatus> = {
  aktif: 'active',
  active: 'active',
  pindah: 'moved',
  mutasi: 'moved',
  moved: 'moved',
  pensiun: 'retired',
  retired: 'retired',
  diberhentikan: 'dismissed',
  berhenti: 'dismissed',
  dismissed: 'dismissed',
}

export const normaliseStatus = (raw: string): EmployeeStatus | null =>
  statusAliases[raw.trim().toLowerCase()] ?? null

/**
 * Dates as spreadsheets hold them: ISO `1986-09-26`, Indonesian `26-09-1986` / `26/09/1986`, or a JS Date (exceljs).
 * Returns YYYY-MM-DD or null.
 */
export function normaliseDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw)
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw)
  if (dmy) return calendarDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
  return null
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Indonesian phone numbers written as 08…, +628…, 628…; stored as +62… (E.164). */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-().]/g, '')
  const match = /^(?:\+?62|0)(8\d{7,12})$/.exec(digits)
  return match?.[1] ? `+62${match[1]}` : null
}

export function validateEmployee(input: EmployeeInput, rules: NipRules): EmployeeValidation {
  const problems: EmployeeFieldProblem[] = []
  const invalid = (field: EmployeeField, reason?: string) =>
    problems.push(
      reason ? { field, code: 'employee.field_invalid', reason } : { field, code: 'employee.field_invalid' },
    )

  const kindText = text(input.kind)
  const kind = kindText ? normaliseKind(kindText) : 'PNS'
  if (!kind) invalid('kind')

  const name = text(input.name)
  if (!name) problems.push({ field: 'name', code: 'employee.field_required' })
  else if (name.length > 200) invalid('name', 'too_long')

  let nip: string | null = null
  let nipBirthDate: string | null = null
  let nipGender: Gender | null = null
  const nipText = text(input.nip)
  if (nipText) {
    const parsed = parseNip(nipText, kind === 'PPPK' ? 'PPPK' : 'PNS', rules)
    if (parsed.ok) {
      nip = parsed.value.nip
      nipBirthDate = parsed.value.birthDate
      nipGender = parsed.value.gender
    } else {
      problems.push({ field: 'nip', code: 'employee.nip_invalid', reason: parsed.problem })
    }
  } else if (kind === 'PNS' || kind === 'PPPK') {
    problems.push({ field: 'nip', code: 'employee.nip_invalid', reason: 'required' })
  }

  let nik: string | null = null
  const nikText = text(input.nik)
  if (nikText) {
    const parsed = parseNik(nikText)
    if (parsed.ok) nik = parsed.nik
    else problems.push({ field: 'nik', code: 'employee.nik_invalid', reason: parsed.problem })
  }

  let gender: Gender | null = nipGender
  const genderText = text(input.gender)
  if (genderText) {
    const parsed = normaliseGender(genderText)
    if (!parsed) invalid('gender')
    else if (nipGender && parsed !== nipGender)
      problems.push({ field: 'nip', code: 'employee.nip_mismatch', reason: 'gender' })
    else gender = parsed
  }

  let birthDate: string | null = nipBirthDate
  const birthText = input.birthDate instanceof Date ? text(input.birthDate) : text(input.birthDate)
  if (birthText) {
    const parsed = normaliseDate(birthText)
    if (!parsed || (rules.today && parsed > rules.today)) invalid('birthDate')
    else if (nipBirthDate && parsed !== nipBirthDate) {
      problems.push({ field: 'nip', code: 'employee.nip_mismatch', reason: 'birth_date' })
    } else birthDate = parsed
  }

  let grade: string | null = null
  const gradeText = text(input.grade)
  if (gradeText && kind) {
    grade = normaliseGrade(gradeText, kind)
    if (!grade) invalid('grade', kind === 'NON_ASN' ? 'not_for_non_asn' : 'unknown')
  }

  let positionType: PositionType | null = null
  const positionTypeText = text(input.positionType)
  if (positionTypeText) {
    positionType = normalisePositionType(positionTypeText)
    if (!positionType) invalid('positionType')
  }

  let status: EmployeeStatus = 'active'
  const statusText = text(input.status)
  if (statusText) {
    const parsed = normaliseStatus(statusText)
    if (!parsed) invalid('status')
    else status = parsed
  }

  const email = text(input.email)
  if (email && (email.length > 254 || !emailPattern.test(email))) invalid('email')

  let phone: string | null = null
  const phoneText = text(input.phone)
  if (phoneText) {
    phone = normalisePhone(phoneText)
    if (!phone) invalid('phone')
  }
  let whatsapp: string | null = null
  const whatsappText = text(input.whatsapp)
  if (whatsappText) {
    whatsapp = normalisePhone(whatsappText)
    if (!whatsapp) invalid('whatsapp')
  }

  const frontTitle = text(input.frontTitle)
  const backTitle = text(input.backTitle)
  const positionTitle = text(input.positionTitle)
  if (frontTitle && frontTitle.length > 100) invalid('frontTitle', 'too_long')
  if (backTitle && backTitle.length > 100) invalid('backTitle', 'too_long')
  if (positionTitle && positionTitle.length > 300) invalid('positionTitle', 'too_long')

  if (problems.length > 0 || !kind || !name) return { ok: false, problems }
  return {
    ok: true,
    record: {
      kind,
      nip,
      nik,
      name,
      frontTitle,
      backTitle,
      gender,
      birthDate,
      grade,
      positionType,
      positionTitle,
      status,
      email: email?.toLowerCase() ?? null,
      phone,
      whatsapp,
    },
  }
}

/** Lower-case, accent-free "front name back" for search (Kysely column `searchName`). */
export function searchNameOf(record: Pick<EmployeeRecord, 'name' | 'frontTitle' | 'backTitle'>): string {
  return [record.frontTitle, record.name, record.backTitle]
    .filter(Boolean)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export { employeeKinds, employeeStatuses, genders, positionTypes }
