import { describe, expect, it } from 'vitest'
import {
  emptyFilters,
  employeeExportPath,
  employeeListPath,
  filtersFromParams,
  isFiltered,
  paramsOfFilters,
} from './employee-filters'

const unitId = '01a2057f-8079-70f8-957f-cf784f00c9da'

describe('filtersFromParams', () => {
  it('reads the Indonesian parameters of the address', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        `q=siti&unit=${unitId}&jenis=PPPK&gol=IX&status=active&jabatan=fungsional&urut=nip&halaman=3`,
      ),
    )
    expect(filters).toEqual({
      q: 'siti',
      unitId,
      kind: 'PPPK',
      grade: 'IX',
      status: 'active',
      positionType: 'fungsional',
      sort: 'nip',
      page: 3,
    })
  })

  it('drops values the server would refuse instead of failing the whole list', () => {
    expect(
      filtersFromParams(new URLSearchParams('unit=abc&jenis=honorer&status=x&urut=age&halaman=-2')),
    ).toEqual(emptyFilters)
  })
})

describe('paramsOfFilters', () => {
  it('leaves defaults out of the address and round-trips the rest', () => {
    expect(paramsOfFilters(emptyFilters)).toEqual({})
    const filters = { ...emptyFilters, q: ' 19880217 ', kind: 'PNS' as const, page: 2 }
    expect(paramsOfFilters(filters)).toEqual({ q: '19880217', jenis: 'PNS', halaman: '2' })
    expect(filtersFromParams(new URLSearchParams(paramsOfFilters(filters)))).toEqual({
      ...filters,
      q: '19880217',
    })
  })
})

describe('isFiltered', () => {
  it('ignores sorting and paging', () => {
    expect(isFiltered({ ...emptyFilters, sort: 'nip', page: 4 })).toBe(false)
    expect(isFiltered({ ...emptyFilters, grade: 'III/a' })).toBe(true)
  })
})

describe('list and export paths', () => {
  const filters = { ...emptyFilters, q: 'siti', unitId, status: 'active' as const, page: 2 }

  it('asks for one page of the filtered list', () => {
    expect(employeeListPath(filters, 25)).toBe(
      `/api/v1/employees?q=siti&unitId=${unitId}&status=active&sort=name&page=2&pageSize=25`,
    )
  })

  it('exports the same filters without paging', () => {
    expect(employeeExportPath(filters, 'xlsx')).toBe(
      `/api/v1/employees/export?q=siti&unitId=${unitId}&status=active&format=xlsx`,
    )
    expect(employeeExportPath(emptyFilters, 'csv', 'semicolon')).toBe(
      '/api/v1/employees/export?format=csv&delimiter=semicolon',
    )
  })
})
