/**
 * The employee form: values as people type them, what changed since the record was loaded, and the field
 * problems — checked in the browser with the same pure rule the server uses (`validateEmployee`), and read back
 * from the server's `details.problems` when it refuses a record — each turned into a message next to its field.
 */
import {
  validateEmployee,
  type EmployeeField,
  type EmployeeFieldProblem,
} from '../../../domain/employee-record'
import { defaultNipRules } from '../../../domain/nip'
import type { ApiError } from '../../api/client'
import type { EmployeeDetail } from './employees.api'
import { groupedNip } from './nip-format'

/** The fields of the form, in reading order (status has its own action). */
export const formFields = [
  'kind',
  'nip',
  'name',
  'frontTitle',
  'backTitle',
  'gender',
  'birthDate',
  'nik',
  'grade',
  'positionType',
  'positionTitle',
  'email',
  'phone',
  'whatsapp',
] as const satisfies readonly EmployeeField[]
export type FormField = (typeof formFields)[number]

export type EmployeeFormValues = Record<FormField, string>

export function formValuesOf(employee: EmployeeDetail | null): EmployeeFormValues {
  return {
    kind: employee?.kind ?? 'PNS',
    nip: employee?.nip ? groupedNip(employee.nip, employee.kind) : '',
    name: employee?.name ?? '',
    frontTitle: employee?.frontTitle ?? '',
    backTitle: employee?.backTitle ?? '',
    gender: employee?.gender ?? '',
    birthDate: employee?.birthDate ?? '',
    // A masked NIK cannot be sent back: the field stays empty and untouched unless someone types a new one.
    nik: employee && !employee.nikIsMasked ? (employee.nik ?? '') : '',
    grade: employee?.grade ?? '',
    positionType: employee?.positionType ?? '',
    positionTitle: employee?.positionTitle ?? '',
    email: employee?.email ?? '',
    phone: employee?.phone ?? '',
    whatsapp: employee?.whatsapp ?? '',
  }
}

const valueOf = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/**
 * The fields that changed, as the PATCH body wants them: trimmed text, null to clear. A masked NIK left empty is not
 * a change (the reader cannot see it, so cannot have cleared it).
 */
export function changedFields(
  initial: EmployeeFormValues,
  values: EmployeeFormValues,
  options: { readonly nikIsMasked?: boolean } = {},
): Partial<Record<FormField, string | null>> {
  const changes: Partial<Record<FormField, string | null>> = {}
  for (const field of formFields) {
    const before = valueOf(initial[field])
    const after = valueOf(values[field])
    if (field === 'nik' && options.nikIsMasked && after === null) continue
    if (before !== after) changes[field] = after
  }
  return changes
}

/** All fields with values (null for empty): the body of a new employee. */
export function recordOf(values: EmployeeFormValues): Record<FormField, string | null> {
  return Object.fromEntries(formFields.map((field) => [field, valueOf(values[field])])) as Record<
    FormField,
    string | null
  >
}

/** Problems of the record as typed, by the rule the server applies (NIP dates checked against `today`). */
export function checkRecord(
  values: EmployeeFormValues,
  today: string,
  options: { readonly nikIsMasked?: boolean } = {},
): EmployeeFieldProblem[] {
  const { nik, ...rest } = recordOf(values)
  // The server keeps the stored NIK when the reader only sees it masked; judge the rest.
  const input = options.nikIsMasked && nik === null ? rest : { ...rest, nik }
  const result = validateEmployee(input, { ...defaultNipRules, today })
  return result.ok ? [] : [...result.problems]
}

function isProblem(value: unknown): value is EmployeeFieldProblem {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.field === 'string' && typeof record.code === 'string'
}

/** The field problems a refused save carries (`details.problems`), or the single field it names. */
export function problemsOfError(error: ApiError): EmployeeFieldProblem[] {
  const listed = Array.isArray(error.details.problems) ? (error.details.problems as unknown[]) : []
  const problems = listed.filter(isProblem)
  if (problems.length > 0) return problems
  const field = error.details.field
  if (typeof field === 'string' && error.code.startsWith('employee.')) {
    const reason = typeof error.details.reason === 'string' ? error.details.reason : undefined
    return [{ field, code: error.code, ...(reason ? { reason } : {}) } as EmployeeFieldProblem]
  }
  if (error.code === 'employee.nip_taken')
    return [{ field: 'nip', code: 'employee.field_invalid', reason: 'taken' }]
  return []
}

/** Which form field shows a problem: a date or sex that contradicts the NIP is shown where it was typed. */
export function fieldOfProblem(problem: EmployeeFieldProblem): EmployeeField {
  if (problem.code === 'employee.nip_mismatch') return problem.reason === 'gender' ? 'gender' : 'birthDate'
  return problem.field
}

/** The translation key of a problem's message (the caller falls back to a generic one for unknown keys). */
export function problemMessageKey(problem: EmployeeFieldProblem): string {
  const reason = 'reason' in problem ? problem.reason : undefined
  switch (problem.code) {
    case 'employee.nip_invalid':
      return `employees.problem.nip_invalid.${reason ?? 'default'}`
    case 'employee.nip_mismatch':
      return `employees.problem.nip_mismatch.${reason ?? 'default'}`
    case 'employee.nik_invalid':
      return `employees.problem.nik_invalid.${reason ?? 'default'}`
    case 'employee.field_required':
      return `employees.problem.field_required.${problem.field}`
    case 'employee.field_invalid':
      if (reason === 'too_long' || reason === 'not_for_non_asn' || reason === 'taken')
        return `employees.problem.field_invalid.${reason}`
      return `employees.problem.field_invalid.${problem.field}`
  }
}

/** First problem per form field, as messages. */
export function messagesByField(
  problems: readonly EmployeeFieldProblem[],
  translate: (key: string) => string,
): Partial<Record<EmployeeField, string>> {
  const messages: Partial<Record<EmployeeField, string>> = {}
  for (const problem of problems) {
    const field = fieldOfProblem(problem)
    messages[field] ??= translate(problemMessageKey(problem))
  }
  return messages
}
