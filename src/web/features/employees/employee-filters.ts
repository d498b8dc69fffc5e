/**
 * The employee list's filters live in the address (so a filtered list can be bookmarked or shared) under
 * Indonesian names; the same filters drive the list request and the export download.
 */
import {
  employeeKinds,
  employeeStatuses,
  positionTypes,
  type EmployeeKind,
  type EmployeeStatus,
  type PositionType,
} from '../../../domain/employee-fields'
import { employeeSorts } from '../../../features/employees/employees.schema'
import type { ExportFormat } from '../../../features/employees/export.schema'
import { withQuery } from '../../api/client'
import { employeesPath } from './employees.api'

export type EmployeeSort = (typeof employeeSorts)[number]

export interface EmployeeFilters {
  readonly q: string
  readonly unitId: string
  readonly kind: EmployeeKind | ''
  readonly grade: string
  readonly status: EmployeeStatus | ''
  readonly positionType: PositionType | ''
  readonly sort: EmployeeSort
  readonly page: number
}

export const emptyFilters: EmployeeFilters = {
  q: '',
  unitId: '',
  kind: '',
  grade: '',
  status: '',
  positionType: '',
  sort: 'name',
  page: 1,
}

/** Address parameter of each filter. */
const paramNames = {
  q: 'q',
  unitId: 'unit',
  kind: 'jenis',
  grade: 'gol',
  status: 'status',
  positionType: 'jabatan',
  sort: 'urut',
  page: 'halaman',
} as const satisfies Record<keyof EmployeeFilters, string>

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Reads the filters from the address, dropping values the server would refuse. */
export function filtersFromParams(params: URLSearchParams): EmployeeFilters {
  const page = Number.parseInt(params.get(paramNames.page) ?? '1', 10)
  const unitId = params.get(paramNames.unitId) ?? ''
  return {
    q: (params.get(paramNames.q) ?? '').slice(0, 100),
    unitId: uuidPattern.test(unitId) ? unitId : '',
    kind: oneOf(employeeKinds, params.get(paramNames.kind)),
    grade: (params.get(paramNames.grade) ?? '').slice(0, 20),
    status: oneOf(employeeStatuses, params.get(paramNames.status)),
    positionType: oneOf(positionTypes, params.get(paramNames.positionType)),
    sort: oneOf(employeeSorts, params.get(paramNames.sort)) || 'name',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  }
}

/** The address parameters of the filters (defaults left out). */
export function paramsOfFilters(filters: EmployeeFilters): Record<string, string> {
  const params: Record<string, string> = {}
  if (filters.q.trim()) params[paramNames.q] = filters.q.trim()
  if (filters.unitId) params[paramNames.unitId] = filters.unitId
  if (filters.kind) params[paramNames.kind] = filters.kind
  if (filters.grade) params[paramNames.grade] = filters.grade
  if (filters.status) params[paramNames.status] = filters.status
  if (filters.positionType) params[paramNames.positionType] = filters.positionType
  if (filters.sort !== 'name') params[paramNames.sort] = filters.sort
  if (filters.page > 1) params[paramNames.page] = String(filters.page)
  return params
}

/** True when anything narrows the list (search or a filter). */
export const isFiltered = (filters: EmployeeFilters): boolean =>
  Boolean(
    filters.q.trim() ||
    filters.unitId ||
    filters.kind ||
    filters.grade ||
    filters.status ||
    filters.positionType,
  )

const queryOf = (filters: EmployeeFilters) => ({
  q: filters.q.trim() || undefined,
  unitId: filters.unitId || undefined,
  kind: filters.kind || undefined,
  grade: filters.grade || undefined,
  status: filters.status || undefined,
  positionType: filters.positionType || undefined,
})

/** GET /employees for one page of the filtered list. */
export const employeeListPath = (filters: EmployeeFilters, pageSize: number): string =>
  withQuery(employeesPath, { ...queryOf(filters), sort: filters.sort, page: filters.page, pageSize })

/** The download of the whole filtered list (every page) as XLSX or CSV. */
export const employeeExportPath = (
  filters: EmployeeFilters,
  format: ExportFormat,
  delimiter: 'comma' | 'semicolon' = 'comma',
): string =>
  withQuery(`${employeesPath}/export`, {
    ...queryOf(filters),
    format,
    delimiter: format === 'csv' && delimiter === 'semicolon' ? 'semicolon' : undefined,
  })
