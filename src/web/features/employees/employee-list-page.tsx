/**
 * /pegawai — the roster the reader may see: search by name or NIP, filters (unit with its sub-units, kind, golongan,
 * status, position type) kept in the address, sortable name and NIP columns, row count, pagination, and the
 * download of the whole filtered list as Excel or CSV. Import and new employees start here.
 */
import {
  Anchor,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import {
  IconArrowsSort,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFileUpload,
  IconSearch,
  IconSortAscending,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import {
  employeeKinds,
  employeeStatuses,
  pnsGrades,
  positionTypes,
  pppkGrades,
} from '../../../domain/employee-fields'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination, pageCountOf } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { UnitPicker } from '../units/unit-picker'
import {
  employeeExportPath,
  employeeListPath,
  emptyFilters,
  filtersFromParams,
  isFiltered,
  paramsOfFilters,
  type EmployeeFilters,
  type EmployeeSort,
} from './employee-filters'
import { EmployeeStatusBadge, gradeText, NipText } from './employee-labels'
import type { EmployeeList } from './employees.api'

const pageSize = 25

export function EmployeeListPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = filtersFromParams(searchParams)
  const [search, setSearch] = useState(filters.q)
  const employees = useApiQuery<EmployeeList>(employeeListPath(filters, pageSize))
  const list = employees.latestData
  const mayManage = mayUse(session, 'roster.manage')
  const mayImport = mayUse(session, 'roster.import')
  const filtered = isFiltered(filters)

  const setFilters = (next: Partial<EmployeeFilters>) => {
    // Any change of what is listed starts again at page 1.
    const merged = { ...filters, page: 1, ...next }
    setSearchParams(paramsOfFilters(merged), { replace: !('page' in next) })
  }

  const applySearch = useDebouncedCallback((value: string) => setFilters({ q: value }), 350)

  const handleSearchChange = (value: string) => {
    setSearch(value)
    applySearch(value)
  }

  const handleClearFilters = () => {
    setSearch('')
    setSearchParams(paramsOfFilters({ ...emptyFilters, sort: filters.sort }), { replace: true })
  }

  const handleSort = (sort: EmployeeSort) => setFilters({ sort })

  const gradeOptions = [
    {
      group: 'PNS',
      items: pnsGrades.map(({ grade, rank }) => ({ value: grade, label: `${grade} · ${rank}` })),
    },
    { group: 'PPPK', items: pppkGrades.map((grade) => ({ value: grade, label: grade })) },
  ]

  const exportItems = [
    { format: 'xlsx', delimiter: 'comma', label: t('employees.export.xlsx'), icon: IconFileSpreadsheet },
    { format: 'csv', delimiter: 'comma', label: t('employees.export.csv'), icon: IconFileTypeCsv },
    {
      format: 'csv',
      delimiter: 'semicolon',
      label: t('employees.export.csv_semicolon'),
      icon: IconFileTypeCsv,
    },
  ] as const

  const exportMenu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          disabled={!list || list.total === 0}
        >
          {t('employees.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{filtered ? t('employees.export.filtered') : t('employees.export.all')}</Menu.Label>
        {exportItems.map((item) => (
          <Menu.Item
            key={`${item.format}-${item.delimiter}`}
            component="a"
            href={employeeExportPath(filters, item.format, item.delimiter)}
            download
            leftSection={<item.icon size={18} aria-hidden />}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )

  const sortHeader = (sort: EmployeeSort, label: string) => {
    const active = filters.sort === sort
    return (
      <Table.Th scope="col" aria-sort={active ? 'ascending' : undefined}>
        <UnstyledButton onClick={() => handleSort(sort)} fz="sm" fw={700}>
          <Group gap={4} wrap="nowrap" component="span">
            {label}
            {active ? (
              <IconSortAscending size={16} aria-hidden />
            ) : (
              <IconArrowsSort size={16} aria-hidden color="var(--mantine-color-dimmed)" />
            )}
          </Group>
          <VisuallyHidden>
            {active ? t('employees.list.sorted_by') : t('employees.list.sort_by')}
          </VisuallyHidden>
        </UnstyledButton>
      </Table.Th>
    )
  }

  return (
    <>
      <PageHeader
        title={t('employees.list.title')}
        description={t('employees.list.description')}
        actions={
          <>
            {mayImport && (
              <Button
                component={Link}
                to="/pegawai/impor"
                variant="default"
                leftSection={<IconFileUpload size={18} aria-hidden />}
              >
                {t('employees.list.import')}
              </Button>
            )}
            {exportMenu}
            {mayManage && (
              <Button
                component={Link}
                to="/pegawai/baru"
                leftSection={<IconUserPlus size={18} aria-hidden />}
              >
                {t('employees.list.create')}
              </Button>
            )}
          </>
        }
      />

      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('employees.list.search')}
            description={t('employees.list.search_help')}
            type="search"
            value={search}
            onChange={(event) => handleSearchChange(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              search ? (
                <CloseButton
                  aria-label={t('employees.list.clear_search')}
                  onClick={() => {
                    setSearch('')
                    setFilters({ q: '' })
                  }}
                  size="sm"
                />
              ) : null
            }
            w={{ base: '100%', sm: 340 }}
          />
          <UnitPicker
            label={t('employees.list.unit_filter')}
            description={t('employees.list.unit_filter_help')}
            placeholder={t('employees.list.all_units')}
            value={filters.unitId || null}
            onChange={(unitId) => setFilters({ unitId: unitId ?? '' })}
            w={{ base: '100%', sm: 340 }}
          />
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('employees.list.kind_filter')}
            placeholder={t('employees.list.all')}
            data={employeeKinds.map((kind) => ({ value: kind, label: t(`employees.kind.${kind}`) }))}
            value={filters.kind || null}
            onChange={(kind) => setFilters({ kind: kind ?? '' })}
            clearable
            w={{ base: '100%', xs: 160 }}
          />
          <Select
            label={t('employees.list.grade_filter')}
            placeholder={t('employees.list.all')}
            data={gradeOptions}
            value={filters.grade || null}
            onChange={(grade) => setFilters({ grade: grade ?? '' })}
            clearable
            searchable
            {...nothingFoundOption(t('common.list.no_match'))}
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label={t('employees.list.status_filter')}
            placeholder={t('employees.list.all')}
            data={employeeStatuses.map((status) => ({
              value: status,
              label: t(`employees.status.${status}`),
            }))}
            value={filters.status || null}
            onChange={(status) => setFilters({ status: status ?? '' })}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('employees.list.position_type_filter')}
            placeholder={t('employees.list.all')}
            data={positionTypes.map((type) => ({ value: type, label: t(`employees.position_type.${type}`) }))}
            value={filters.positionType || null}
            onChange={(type) => setFilters({ positionType: type ?? '' })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          {filtered && (
            <Button variant="subtle" onClick={handleClearFilters}>
              {t('employees.list.clear_filters')}
            </Button>
          )}
        </Group>

        {list && list.total > 0 && (
          <Group justify="space-between" gap="sm">
            {list.totalIsExact ? (
              <ListSummary
                total={list.total}
                page={list.page}
                pageSize={list.pageSize}
                noun={t('employees.list.noun')}
              />
            ) : (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('employees.list.summary_over', {
                  first: formatNumber((list.page - 1) * list.pageSize + 1, language),
                  last: formatNumber((list.page - 1) * list.pageSize + list.items.length, language),
                  total: formatNumber(list.total, language),
                })}
              </Text>
            )}
          </Group>
        )}

        {employees.error && (
          <ErrorAlert message={describeError(employees.error)} onRetry={employees.reload} />
        )}
        {!list && !employees.error && <LoaderBlock />}

        {list && list.total === 0 && (
          <EmptyState
            icon={<IconUsers size={40} aria-hidden />}
            withIndicatorBackground
            title={filtered ? t('employees.list.no_match_title') : t('employees.list.empty_title')}
            description={
              filtered
                ? t('employees.list.no_match')
                : mayImport
                  ? t('employees.list.empty')
                  : t('employees.list.empty_reader')
            }
          >
            <EmptyState.Actions>
              {filtered ? (
                <Button variant="default" onClick={handleClearFilters}>
                  {t('employees.list.clear_filters')}
                </Button>
              ) : (
                mayImport && (
                  <Button
                    component={Link}
                    to="/pegawai/impor"
                    leftSection={<IconFileUpload size={18} aria-hidden />}
                  >
                    {t('employees.list.import_first')}
                  </Button>
                )
              )}
            </EmptyState.Actions>
          </EmptyState>
        )}

        {list && list.total > 0 && (
          <>
            <ScrollableTable label={t('employees.list.caption')} minWidth={980} isBusy={employees.isLoading}>
              <Table
                stickyHeader
                aria-label={t('employees.list.caption')}
                striped
                highlightOnHover
                verticalSpacing="sm"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    {sortHeader('name', t('employees.list.column.name'))}
                    {sortHeader('nip', t('employees.list.column.nip'))}
                    <Table.Th scope="col">{t('employees.list.column.kind')}</Table.Th>
                    <Table.Th scope="col">{t('employees.list.column.grade')}</Table.Th>
                    <Table.Th scope="col">{t('employees.list.column.unit')}</Table.Th>
                    <Table.Th scope="col">{t('employees.list.column.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((employee) => (
                    <Table.Tr key={employee.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/pegawai/${employee.id}`} fw={600}>
                          {employee.displayName}
                        </Anchor>
                        {employee.positionTitle && (
                          <Text size="sm" c="dimmed">
                            {employee.positionTitle}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <NipText nip={employee.nip} kind={employee.kind} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {t(`employees.kind.${employee.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{gradeText(employee.grade) ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{employee.unitName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <EmployeeStatusBadge status={employee.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <ListPagination
              pageCount={pageCountOf(list.total, list.pageSize)}
              page={filters.page}
              onChange={(page) => setFilters({ page })}
            />
          </>
        )}
      </Stack>
    </>
  )
}
