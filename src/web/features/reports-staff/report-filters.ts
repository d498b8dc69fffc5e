/**
 * The inbox's filters live in the address (a filtered inbox can be bookmarked or shared) under Indonesian names;
 * the same filters make the list request. Values the server would refuse are dropped, not sent.
 */
import { reportSorts, type ReportSort } from '../../../features/reports/reports-staff.schema'
import {
  reportChannels,
  reportStatuses,
  type ReportChannel,
  type ReportStatus,
} from '../../../features/reports/reports.schema'
import { withQuery } from '../../api/client'
import { reportsPath } from './reports-staff.api'

export interface ReportFilters {
  readonly status: ReportStatus | ''
  readonly category: string
  readonly channel: ReportChannel | ''
  readonly unitId: string
  /** `YYYY-MM-DD`, filed on or after. */
  readonly from: string
  /** `YYYY-MM-DD`, filed on or before. */
  readonly to: string
  readonly q: string
  /** The order; `newest` (the default) stays out of the address. */
  readonly sort: ReportSort
  readonly page: number
}

export const emptyReportFilters: ReportFilters = {
  status: '',
  category: '',
  channel: '',
  unitId: '',
  from: '',
  to: '',
  q: '',
  sort: 'newest',
  page: 1,
}

/** Address parameter of each filter. */
const paramNames = {
  status: 'status',
  category: 'jenis',
  channel: 'kanal',
  unitId: 'unit',
  from: 'dari',
  to: 'sampai',
  q: 'q',
  sort: 'urut',
  page: 'halaman',
} as const satisfies Record<keyof ReportFilters, string>

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const categoryPattern = /^[A-Za-z0-9_.-]{1,20}$/

/** A real calendar date as `YYYY-MM-DD`, else ''. */
function isoDateOrEmpty(value: string | null): string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return ''
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : ''
}

/** Reads the filters from the address, dropping values the server would refuse. */
export function reportFiltersFromParams(params: URLSearchParams): ReportFilters {
  const page = Number.parseInt(params.get(paramNames.page) ?? '1', 10)
  const unitId = params.get(paramNames.unitId) ?? ''
  const category = (params.get(paramNames.category) ?? '').trim()
  return {
    status: oneOf(reportStatuses, params.get(paramNames.status)),
    category: categoryPattern.test(category) ? category : '',
    channel: oneOf(reportChannels, params.get(paramNames.channel)),
    unitId: uuidPattern.test(unitId) ? unitId : '',
    from: isoDateOrEmpty(params.get(paramNames.from)),
    to: isoDateOrEmpty(params.get(paramNames.to)),
    q: (params.get(paramNames.q) ?? '').slice(0, 100),
    sort: oneOf(reportSorts, params.get(paramNames.sort)) || 'newest',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  }
}

/** The address parameters of the filters (defaults left out). */
export function paramsOfReportFilters(filters: ReportFilters): Record<string, string> {
  const params: Record<string, string> = {}
  for (const key of ['status', 'category', 'channel', 'unitId', 'from', 'to'] as const)
    if (filters[key]) params[paramNames[key]] = filters[key]
  if (filters.q.trim()) params[paramNames.q] = filters.q.trim()
  if (filters.sort !== 'newest') params[paramNames.sort] = filters.sort
  if (filters.page > 1) params[paramNames.page] = String(filters.page)
  return params
}

/** True when anything narrows the list (search or a filter; the order narrows nothing). */
export const isReportListFiltered = (filters: ReportFilters): boolean =>
  Boolean(
    filters.status ||
    filters.category ||
    filters.channel ||
    filters.unitId ||
    filters.from ||
    filters.to ||
    filters.q.trim(),
  )

/** A range the wrong way round ("from" after "to") matches nothing: the page says so instead of asking. */
export const isDateRangeReversed = (filters: ReportFilters): boolean =>
  Boolean(filters.from && filters.to && filters.from > filters.to)

/** The API query of the filters and order (defaults left out), shared by the list and the export. */
const apiQueryOf = (filters: ReportFilters) => ({
  status: filters.status || undefined,
  category: filters.category || undefined,
  channel: filters.channel || undefined,
  unitId: filters.unitId || undefined,
  from: filters.from || undefined,
  to: filters.to || undefined,
  q: filters.q.trim() || undefined,
  sort: filters.sort === 'newest' ? undefined : filters.sort,
})

/** GET /reports for one page of the filtered inbox. */
export const reportListPath = (filters: ReportFilters, pageSize: number): string =>
  withQuery(reportsPath, { ...apiQueryOf(filters), page: filters.page, pageSize })

/** GET /reports/export.xlsx: the whole filtered inbox in the same order (no paging). */
export const reportExportPath = (filters: ReportFilters): string =>
  withQuery(`${reportsPath}/export.xlsx`, apiQueryOf(filters))
