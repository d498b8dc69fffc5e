/**
 * /kegiatan — the agency's events (sosialisasi, apel, bimtek), newest first: kind, title, time, status, targeted
 * units and how many attended. Filters by kind and status and a search by title; managers schedule events here.
 */
import {
  Anchor,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconSearch, IconSpeakerphone } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatNumber } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListSummary } from '../../ui/list-summary'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { EventKindBadge, EventStatusBadge, formatEventSpan } from './event-labels'
import {
  eventKindList,
  eventListPath,
  eventStatusList,
  type EventKind,
  type EventList,
  type EventStatus,
} from './events.api'

export function EventListPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const [kind, setKind] = useState<EventKind | null>(null)
  const [status, setStatus] = useState<EventStatus | null>(null)
  const [search, setSearch] = useState('')
  const events = useApiQuery<EventList>(
    eventListPath({ agencyId: session.agency?.id, kind: kind ?? undefined, status: status ?? undefined }),
  )
  const mayManage = mayUse(session, 'events.manage')
  const all = events.latestData?.items ?? []
  const needle = search.trim().toLowerCase()
  const rows = all.filter((event) => needle === '' || event.title.toLowerCase().includes(needle))
  const hasFilter = kind !== null || status !== null || needle !== ''

  const createButton = mayManage ? (
    <Button component={Link} to="/kegiatan/baru" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('events.list.create')}
    </Button>
  ) : null

  const handleClearFilters = () => {
    setKind(null)
    setStatus(null)
    setSearch('')
  }

  return (
    <>
      <PageHeader
        title={t('events.list.title')}
        description={t('events.list.description')}
        actions={createButton}
      />
      <Stack gap="lg">
        {events.error && <ErrorAlert message={describeError(events.error)} onRetry={events.reload} />}
        {!events.latestData && !events.error && <LoaderBlock />}
        {events.latestData && (
          <>
            <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('events.list.search')}
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  rightSection={
                    search ? (
                      <CloseButton
                        aria-label={t('events.list.clear_search')}
                        onClick={() => setSearch('')}
                        size="sm"
                      />
                    ) : null
                  }
                  w={{ base: '100%', sm: 280 }}
                />
                <Select
                  label={t('events.list.kind_filter')}
                  placeholder={t('events.list.all')}
                  clearable
                  value={kind}
                  onChange={(value) => setKind(value)}
                  data={eventKindList.map((value) => ({ value, label: t(`events.kind.${value}`) }))}
                  w={{ base: '100%', sm: 180 }}
                />
                <Select
                  label={t('events.list.status_filter')}
                  placeholder={t('events.list.all')}
                  clearable
                  value={status}
                  onChange={(value) => setStatus(value)}
                  data={eventStatusList.map((value) => ({ value, label: t(`events.status.${value}`) }))}
                  w={{ base: '100%', sm: 180 }}
                />
              </Group>
              <ListSummary
                total={rows.length}
                page={1}
                pageSize={Math.max(rows.length, 1)}
                noun={t('events.list.noun')}
              />
            </Group>

            {rows.length === 0 ? (
              <EmptyState
                icon={
                  hasFilter ? (
                    <IconSearch size={36} aria-hidden />
                  ) : (
                    <IconSpeakerphone size={40} aria-hidden />
                  )
                }
                withIndicatorBackground
                title={hasFilter ? t('events.list.no_match_title') : t('events.list.empty_title')}
                description={
                  hasFilter
                    ? t('events.list.no_match')
                    : mayManage
                      ? t('events.list.empty')
                      : t('events.list.empty_reader')
                }
              >
                <EmptyState.Actions>
                  {hasFilter ? (
                    <Button variant="default" onClick={handleClearFilters}>
                      {t('events.list.clear_filters')}
                    </Button>
                  ) : (
                    createButton
                  )}
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <ScrollableTable label={t('events.list.caption')} minWidth={860} isBusy={events.isLoading}>
                <Table
                  stickyHeader
                  aria-label={t('events.list.caption')}
                  striped
                  highlightOnHover
                  verticalSpacing="sm"
                  className="netra-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('events.list.column.title')}</Table.Th>
                      <Table.Th scope="col">{t('events.list.column.kind')}</Table.Th>
                      <Table.Th scope="col">{t('events.list.column.time')}</Table.Th>
                      <Table.Th scope="col">{t('events.list.column.status')}</Table.Th>
                      <Table.Th scope="col">{t('events.list.column.targets')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('events.list.column.attendance')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((event) => (
                      <Table.Tr key={event.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/kegiatan/${event.id}`} fw={600}>
                            {event.title}
                          </Anchor>
                          {event.venue && (
                            <Text size="sm" c="dimmed">
                              {event.venue}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <EventKindBadge kind={event.kind} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {formatEventSpan(event.startsAt, event.endsAt, timeZone, language)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <EventStatusBadge status={event.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {event.targetUnits.length === 0
                              ? t('events.whole_agency')
                              : event.targetUnits.map((unit) => unit.name).join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatNumber(event.attendanceCount, language)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollableTable>
            )}
          </>
        )}
      </Stack>
    </>
  )
}
