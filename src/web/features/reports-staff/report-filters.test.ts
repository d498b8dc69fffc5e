import { describe, expect, it } from 'vitest'
import {
  emptyReportFilters,
  isDateRangeReversed,
  isReportListFiltered,
  paramsOfReportFilters,
  reportExportPath,
  reportFiltersFromParams,
  reportListPath,
} from './report-filters'

const unitId = '01a2057f-8079-70f8-957f-cf784f00c9da'

describe('reportFiltersFromParams', () => {
  it('reads the Indonesian parameters of the address', () => {
    const filters = reportFiltersFromParams(
      new URLSearchParams(
        `status=needs_info&jenis=DS-06&kanal=lapor&unit=${unitId}&dari=2026-01-01&sampai=2026-01-31&q=budi&urut=oldest&halaman=2`,
      ),
    )
    expect(filters).toEqual({
      status: 'needs_info',
      category: 'DS-06',
      channel: 'lapor',
      unitId,
      from: '2026-01-01',
      to: '2026-01-31',
      q: 'budi',
      sort: 'oldest',
      page: 2,
    })
  })

  it('reads each order and falls back to newest first for an unknown one', () => {
    expect(reportFiltersFromParams(new URLSearchParams('urut=last_reporter_message')).sort).toBe(
      'last_reporter_message',
    )
    expect(reportFiltersFromParams(new URLSearchParams('urut=acak')).sort).toBe('newest')
    expect(reportFiltersFromParams(new URLSearchParams('')).sort).toBe('newest')
  })

  it('drops values the server would refuse instead of failing the whole list', () => {
    expect(
      reportFiltersFromParams(
        new URLSearchParams(
          'status=open&jenis=<b>&kanal=email&unit=abc&dari=2026-02-30&sampai=31-01-2026&urut=terbaru&halaman=0',
        ),
      ),
    ).toEqual(emptyReportFilters)
  })

  it('keeps the search within the length the server accepts', () => {
    expect(reportFiltersFromParams(new URLSearchParams(`q=${'a'.repeat(150)}`)).q).toHaveLength(100)
  })
})

describe('paramsOfReportFilters', () => {
  it('leaves defaults out of the address and round-trips the rest', () => {
    expect(paramsOfReportFilters(emptyReportFilters)).toEqual({})
    const filters = {
      ...emptyReportFilters,
      status: 'received' as const,
      channel: 'public_form' as const,
      from: '2026-03-01',
      q: ' 2026/0007 ',
      sort: 'last_reporter_message' as const,
      page: 3,
    }
    expect(paramsOfReportFilters(filters)).toEqual({
      status: 'received',
      kanal: 'public_form',
      dari: '2026-03-01',
      q: '2026/0007',
      urut: 'last_reporter_message',
      halaman: '3',
    })
    expect(reportFiltersFromParams(new URLSearchParams(paramsOfReportFilters(filters)))).toEqual({
      ...filters,
      q: '2026/0007',
    })
  })
})

describe('isReportListFiltered and isDateRangeReversed', () => {
  it('ignores paging and a blank search', () => {
    expect(isReportListFiltered({ ...emptyReportFilters, page: 4, q: '  ' })).toBe(false)
    expect(isReportListFiltered({ ...emptyReportFilters, to: '2026-01-01' })).toBe(true)
    expect(isReportListFiltered({ ...emptyReportFilters, sort: 'oldest' })).toBe(false)
  })

  it('finds a range the wrong way round only when both ends are set', () => {
    expect(isDateRangeReversed({ ...emptyReportFilters, from: '2026-02-01', to: '2026-01-31' })).toBe(true)
    expect(isDateRangeReversed({ ...emptyReportFilters, from: '2026-01-31', to: '2026-01-31' })).toBe(false)
    expect(isDateRangeReversed({ ...emptyReportFilters, from: '2026-02-01' })).toBe(false)
  })
})

describe('reportListPath', () => {
  it('asks for one page of the filtered inbox with the API names', () => {
    const filters = {
      ...emptyReportFilters,
      category: 'DS-06',
      unitId,
      from: '2026-01-01',
      q: 'budi',
      page: 2,
    }
    expect(reportListPath(filters, 25)).toBe(
      `/api/v1/reports?category=DS-06&unitId=${unitId}&from=2026-01-01&q=budi&page=2&pageSize=25`,
    )
    expect(reportListPath(emptyReportFilters, 25)).toBe('/api/v1/reports?page=1&pageSize=25')
  })

  it('sends the order unless it is the default', () => {
    expect(reportListPath({ ...emptyReportFilters, sort: 'oldest' }, 25)).toBe(
      '/api/v1/reports?sort=oldest&page=1&pageSize=25',
    )
  })
})

describe('reportExportPath', () => {
  it('asks for the whole filtered inbox in the same order, without paging', () => {
    expect(
      reportExportPath({
        ...emptyReportFilters,
        status: 'needs_info',
        q: ' LAPOR-2026-0001234 ',
        sort: 'last_reporter_message',
        page: 4,
      }),
    ).toBe('/api/v1/reports/export.xlsx?status=needs_info&q=LAPOR-2026-0001234&sort=last_reporter_message')
    expect(reportExportPath(emptyReportFilters)).toBe('/api/v1/reports/export.xlsx')
  })
})
