/**
 * /pengaduan — the agency's report inbox: newest first (or oldest first, or by the latest reporter message), filters
 * (status, category, channel, unit with its sub-units, date range, search by number, name, NIP or the channel's
 * reference) kept in the address, row count, pagination, "Unduh Excel" of the filtered list, and an empty state that
 * says where reports come from. Each row opens the report.
 */
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import {
  IconFileSpreadsheet,
  IconInbox,
  IconLockOpen,
  IconMessage,
  IconPaperclip,
  IconSearch,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { violationCatalogue } from '../../../domain/violations'
import { reportExportMaxRows, reportSorts } from '../../../features/reports/reports-staff.schema'
import { reportChannels, reportStatuses } from '../../../features/reports/reports.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
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
import { ReportStatusBadge } from './report-badges'
import {
  emptyReportFilters,
  isDateRangeReversed,
  isReportListFiltered,
  paramsOfReportFilters,
  reportExportPath,
  reportFiltersFromParams,
  reportListPath,
  type ReportFilters,
} from './report-filters'
import type { ReportList } from './reports-staff.api'

const pageSize = 25

export function ReportInboxPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = reportFiltersFromParams(searchParams)
  const [search, setSearch] = useState(filters.q)
  const reversed = isDateRangeReversed(filters)
  const reports = useApiQuery<ReportList>(reversed ? null : reportListPath(filters, pageSize))
  const list = reports.latestData
  const filtered = isReportListFiltered(filters)
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayApproveReveals = mayUse(session, 'reports.reveal_approve')
  const isExportable = Boolean(list && list.total > 0 && !reversed)

  const setFilters = (next: Partial<ReportFilters>) => {
    // Any change of what is listed starts again at page 1.
    const merged = { ...filters, page: 1, ...next }
    setSearchParams(paramsOfReportFilters(merged), { replace: !('page' in next) })
  }
  const applySearch = useDebouncedCallback((value: string) => setFilters({ q: value }), 350)
  const handleSearchChange = (value: string) => {
    setSearch(value)
    applySearch(value)
  }
  const handleClearFilters = () => {
    setSearch('')
    // The order is not a filter: it stays.
    setSearchParams(paramsOfReportFilters({ ...emptyReportFilters, sort: filters.sort }), { replace: true })
  }

  const nameKey = language === 'en' ? 'name_en' : 'name_id'
  const categoryOptions = violationCatalogue().map((v) => ({
    value: v.code,
    label: `${v.code} · ${v[nameKey]}`,
  }))

  return (
    <>
      <PageHeader
        title={t('reportsStaff.list.title')}
        description={t('reportsStaff.list.description')}
        actions={
          <Group gap="sm">
            <Button
              component="a"
              href={isExportable ? reportExportPath(filters) : undefined}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              disabled={!isExportable}
            >
              {t('reportsStaff.list.export')}
            </Button>
            {mayApproveReveals && (
              <Button
                component={Link}
                to="/pengaduan/permintaan-identitas"
                variant="default"
                leftSection={<IconLockOpen size={18} aria-hidden />}
              >
                {t('reportsStaff.reveal_requests.nav')}
              </Button>
            )}
          </Group>
        }
      />

      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('reportsStaff.list.search')}
            description={t('reportsStaff.list.search_help')}
            type="search"
            value={search}
            onChange={(event) => handleSearchChange(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              search ? (
                <CloseButton
                  aria-label={t('reportsStaff.list.clear_search')}
                  onClick={() => {
                    setSearch('')
                    setFilters({ q: '' })
                  }}
                  size="sm"
                />
              ) : null
            }
            w={{ base: '100%', sm: 320 }}
          />
          <Select
            label={t('reportsStaff.list.status_filter')}
            placeholder={t('reportsStaff.list.all')}
            data={reportStatuses.map((status) => ({
              value: status,
              label: t(`reportsStaff.status.${status}`),
            }))}
            value={filters.status || null}
            onChange={(status) => setFilters({ status: status ?? '' })}
            clearable
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('reportsStaff.list.channel_filter')}
            placeholder={t('reportsStaff.list.all')}
            data={reportChannels.map((channel) => ({
              value: channel,
              label: t(`reportsStaff.channel.${channel}`),
            }))}
            value={filters.channel || null}
            onChange={(channel) => setFilters({ channel: channel ?? '' })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            label={t('reportsStaff.list.sort')}
            data={reportSorts.map((sort) => ({
              value: sort,
              label: t(`reportsStaff.list.sort_option.${sort}`),
            }))}
            value={filters.sort}
            onChange={(sort) => {
              const chosen = reportSorts.find((value) => value === sort)
              if (chosen) setFilters({ sort: chosen })
            }}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('reportsStaff.list.category_filter')}
            placeholder={t('reportsStaff.list.all')}
            data={categoryOptions}
            value={filters.category || null}
            onChange={(category) => setFilters({ category: category ?? '' })}
            clearable
            searchable
            {...nothingFoundOption(t('common.list.no_match'))}
            w={{ base: '100%', sm: 340 }}
          />
          <UnitPicker
            label={t('reportsStaff.list.unit_filter')}
            description={t('reportsStaff.list.unit_filter_help')}
            placeholder={t('reportsStaff.list.all_units')}
            value={filters.unitId || null}
            onChange={(unitId) => setFilters({ unitId: unitId ?? '' })}
            w={{ base: '100%', sm: 300 }}
          />
          <TextInput
            type="date"
            label={t('reportsStaff.list.from')}
            value={filters.from}
            onChange={(event) => setFilters({ from: event.currentTarget.value })}
            w={{ base: '100%', xs: 170 }}
          />
          <TextInput
            type="date"
            label={t('reportsStaff.list.to')}
            value={filters.to}
            onChange={(event) => setFilters({ to: event.currentTarget.value })}
            error={reversed ? t('reportsStaff.list.range_reversed') : undefined}
            w={{ base: '100%', xs: 170 }}
          />
          {filtered && (
            <Button variant="subtle" onClick={handleClearFilters}>
              {t('reportsStaff.list.clear_filters')}
            </Button>
          )}
        </Group>

        {list && list.total > 0 && !reversed && (
          <ListSummary
            total={list.total}
            page={list.page}
            pageSize={list.pageSize}
            noun={t('reportsStaff.list.noun')}
          />
        )}
        {list && list.total > reportExportMaxRows && !reversed && (
          <Text size="sm" c="dimmed">
            {t('reportsStaff.list.export_capped', { max: reportExportMaxRows, total: list.total })}
          </Text>
        )}

        {reports.error && <ErrorAlert message={describeError(reports.error)} onRetry={reports.reload} />}
        {!list && !reports.error && !reversed && <LoaderBlock />}

        {list && list.total === 0 && !reversed && (
          <EmptyState
            icon={<IconInbox size={40} aria-hidden />}
            withIndicatorBackground
            title={filtered ? t('reportsStaff.list.no_match_title') : t('reportsStaff.list.empty_title')}
            description={filtered ? t('reportsStaff.list.no_match') : t('reportsStaff.list.empty')}
          >
            {filtered && (
              <EmptyState.Actions>
                <Button variant="default" onClick={handleClearFilters}>
                  {t('reportsStaff.list.clear_filters')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}

        {list && list.total > 0 && !reversed && (
          <>
            <ScrollableTable
              label={t('reportsStaff.list.caption')}
              minWidth={1100}
              isBusy={reports.isLoading}
            >
              <Table
                stickyHeader
                aria-label={t('reportsStaff.list.caption')}
                striped
                highlightOnHover
                verticalSpacing="sm"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reportsStaff.list.column.number')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.received')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.status')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.category')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.reported')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.channel')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.files')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.unread')}</Table.Th>
                    <Table.Th scope="col">{t('reportsStaff.list.column.related')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((report) => (
                    <Table.Tr key={report.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/pengaduan/${report.id}`}
                          fw={600}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {report.reportNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(report.createdAt, timeZone, language)}</Text>
                        {report.lastReporterMessageAt && (
                          <Text size="xs" c="dimmed">
                            {t('reportsStaff.list.last_reporter_message', {
                              at: formatDateTime(report.lastReporterMessageAt, timeZone, language),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ReportStatusBadge status={report.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {report.categoryName ?? t('reportsStaff.list.category_none')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {report.reportedPerson.name ?? '—'}
                        </Text>
                        {report.reportedPerson.unitName && (
                          <Text size="sm" c="dimmed">
                            {report.reportedPerson.unitName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`reportsStaff.channel.${report.channel}`)}</Text>
                        {report.externalRef && (
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {t('reportsStaff.list.external_ref', { ref: report.externalRef })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {report.files > 0 ? (
                          <Group gap={4} wrap="nowrap">
                            <IconPaperclip size={16} aria-hidden />
                            <Text size="sm">{t('reportsStaff.list.files', { count: report.files })}</Text>
                          </Group>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('reportsStaff.list.no_files')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {report.unreadMessages > 0 ? (
                          <Badge
                            color="orange"
                            variant="light"
                            tt="none"
                            c="dark.7"
                            leftSection={<IconMessage size={14} aria-hidden />}
                          >
                            {t('reportsStaff.list.unread', { count: report.unreadMessages })}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —<VisuallyHidden>{t('reportsStaff.list.no_unread')}</VisuallyHidden>
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={report.related > 0 ? undefined : 'dimmed'}>
                          {report.related > 0
                            ? t('reportsStaff.list.related', { count: report.related })
                            : '—'}
                        </Text>
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
