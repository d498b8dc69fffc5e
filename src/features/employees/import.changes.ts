/**
 * What an import row changes: the columns of a new employee, or the columns of an existing one that differ.
 * Only the columns present in the file are written on update; an empty cell in a present column clears the field.
 * Gender and birth date also follow the NIP (they are part of it), whether or not the file has their columns.
 */
import { searchNameOf, type EmployeeField, type EmployeeRecord } from '../../domain/employee-record.js'
import type { EmployeeRow } from '../../db/tables.js'
import type { EmployeePatch } from './employees.repository.js'

/** Fields written on update when their column is in the file. */
export const recordFieldsOf: readonly EmployeeField[] = [
  'kind',
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
]

type RecordColumns = Omit<
  EmployeeRow,
  'id' | 'agencyId' | 'unitId' | 'superiorId' | 'createdAt' | 'updatedAt'
>

export const employeeColumns = (record: EmployeeRecord): RecordColumns => ({
  kind: record.kind,
  nip: record.nip,
  nik: record.nik,
  name: record.name,
  frontTitle: record.frontTitle,
  backTitle: record.backTitle,
  gender: record.gender,
  birthDate: record.birthDate,
  grade: record.grade,
  positionType: record.positionType,
  positionTitle: record.positionTitle,
  status: record.status,
  email: record.email,
  phone: record.phone,
  whatsapp: record.whatsapp,
  searchName: searchNameOf(record),
})

/** The row of a new employee, built in one object literal (one shape for every row: fast to turn into columns). */
export const newEmployeeRow = (
  record: EmployeeRecord,
  placed: { id: string; agencyId: string; unitId: string; superiorId: string | null; now: string },
): EmployeeRow => ({
  id: placed.id,
  agencyId: placed.agencyId,
  unitId: placed.unitId,
  kind: record.kind,
  nip: record.nip,
  nik: record.nik,
  name: record.name,
  frontTitle: record.frontTitle,
  backTitle: record.backTitle,
  gender: record.gender,
  birthDate: record.birthDate,
  grade: record.grade,
  positionType: record.positionType,
  positionTitle: record.positionTitle,
  superiorId: placed.superiorId,
  status: record.status,
  email: record.email,
  phone: record.phone,
  whatsapp: record.whatsapp,
  searchName: searchNameOf(record),
  createdAt: placed.now,
  updatedAt: placed.now,
})

/**
 * What an update changes (only fields whose column is in the file, `written`), or null when nothing does.
 * `superiorId` undefined leaves the superior alone (the file has no superior column).
 */
export function changedColumns(
  existing: EmployeeRow,
  record: EmployeeRecord,
  written: ReadonlySet<EmployeeField>,
  unitId: string,
  superiorId: string | null | undefined,
): EmployeePatch | null {
  const patch: Record<string, unknown> = {}
  const next = employeeColumns(record)
  for (const field of recordFieldsOf) {
    const derived =
      (field === 'gender' || field === 'birthDate') && record.nip !== null && next[field] !== null
    if (!written.has(field) && !derived) continue
    if (existing[field] !== next[field]) patch[field] = next[field]
  }
  if (existing.unitId !== unitId) patch.unitId = unitId
  if (superiorId !== undefined && existing.superiorId !== superiorId) patch.superiorId = superiorId
  if ('name' in patch || 'frontTitle' in patch || 'backTitle' in patch) {
    const searchName = searchNameOf({
      name: (patch.name as string | undefined) ?? existing.name,
      frontTitle: 'frontTitle' in patch ? (patch.frontTitle as string | null) : existing.frontTitle,
      backTitle: 'backTitle' in patch ? (patch.backTitle as string | null) : existing.backTitle,
    })
    if (searchName !== existing.searchName) patch.searchName = searchName
  }
  return Object.keys(patch).length > 0 ? patch : null
}
