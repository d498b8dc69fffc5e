/**
 * /kalender-kerja — the agency's working-day calendar for a year: every day off besides weekends with its source
 * (libur nasional, cuti bersama, hari pemungutan suara, ditetapkan instansi), as a list by month or as month grids;
 * agency admins add their own holidays, mark a national day as a working day and remove their entries. A small
 * tool turns "N hari kerja setelah <tanggal>" into a date. The national list follows the SKB 3 Menteri and the
 * page asks people to check it.
 */
import './calendar.css'
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  EmptyState,
  Grid,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconBriefcase,
  IconCalendarOff,
  IconCalendarPlus,
  IconChevronLeft,
  IconChevronRight,
  IconInfoCircle,
  IconTrash,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { canAdministerAgency } from '../../../domain/access'
import type { CalendarEntryKind } from '../../../features/calendar/calendar.schema'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { actorOf, mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { agenciesPath, type AgencyListView } from '../agencies/agencies.api'
import {
  calendarYearPath,
  removeCalendarEntry,
  type CalendarEntryView,
  type CalendarView,
} from './calendar.api'
import { formatDayWithWeekday, formatMonth } from './calendar-date'
import {
  calendarDays,
  calendarMonths,
  canBecomeWorkingDay,
  holidayCounts,
  type CalendarDay,
} from './calendar-days'
import { CalendarEntryModal } from './calendar-entry-modal'
import { DueDateTool } from './due-date-tool'
import { HolidaySourceBadge, WorkingDayBadge } from './holiday-source'
import { YearGrid } from './year-grid'

/** Years offered in the switcher: around this year, and always the years the national list covers. */
function yearChoices(thisYear: number): number[] {
  const first = Math.min(2023, thisYear - 3)
  const last = Math.max(2026, thisYear + 3)
  return Array.from({ length: last - first + 1 }, (_, index) => first + index)
}

const yearOf = (value: string | null, fallback: number): number => {
  const year = Number.parseInt(value ?? '', 10)
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback
}

type View = 'list' | 'grid'

interface EntryDraft {
  readonly kind: CalendarEntryKind
  readonly fallsOn: string
  readonly holidayNames?: readonly string[]
}

export function WorkingCalendarPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const thisYear = new Date().getFullYear()
  const [searchParams, setSearchParams] = useSearchParams()
  const year = yearOf(searchParams.get('tahun'), thisYear)
  const [view, setView] = useState<View>('list')
  // A platform administrator without an agency of their own picks the agency whose calendar to open.
  const needsAgency = session.agency === null
  const agencies = useApiQuery<AgencyListView>(
    needsAgency && mayUse(session, 'agencies.manage') ? agenciesPath : null,
  )
  const [pickedAgencyId, setPickedAgencyId] = useState<string | null>(null)
  const agencyId = session.agency?.id ?? pickedAgencyId
  const query = useApiQuery<CalendarView>(
    agencyId ? calendarYearPath(year, needsAgency ? agencyId : null) : null,
  )
  const calendar = query.latestData?.year === year ? query.latestData : query.data
  const [draft, setDraft] = useState<EntryDraft | null>(null)
  const [removing, setRemoving] = useState<CalendarEntryView | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const [isRemoving, setIsRemoving] = useState(false)

  const mayManage =
    calendar !== undefined &&
    mayUse(session, 'calendar.manage') &&
    canAdministerAgency(actorOf(session), calendar.agencyId)
  const years = yearChoices(thisYear)
  const setYear = (next: number) => setSearchParams(next === thisYear ? {} : { tahun: String(next) })

  const handleRemove = async () => {
    if (!removing) return
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await removeCalendarEntry(removing.id)
      notifySuccess(
        t('calendar.remove.done_title'),
        t('calendar.remove.done', { date: formatDayWithWeekday(removing.fallsOn, language) }),
      )
      setRemoving(null)
      query.reload()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setRemoveError(describeError(failure))
    } finally {
      setIsRemoving(false)
    }
  }

  const days = calendar ? calendarDays(calendar) : []
  const counts = calendar ? holidayCounts(calendar.holidays) : null

  return (
    <>
      <PageHeader
        title={t('calendar.page.title')}
        description={t('calendar.page.description')}
        actions={
          mayManage ? (
            <Button
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              onClick={() => setDraft({ kind: 'holiday', fallsOn: '' })}
            >
              {t('calendar.page.add')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {needsAgency && (
          <Select
            label={t('calendar.page.agency')}
            data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
            value={pickedAgencyId}
            onChange={setPickedAgencyId}
            searchable
            w={{ base: '100%', sm: 380 }}
            {...nothingFoundOption(t('common.list.no_match'))}
          />
        )}

        <Alert
          variant="light"
          color="netra"
          icon={<IconInfoCircle aria-hidden />}
          title={t('calendar.page.skb_title')}
        >
          <Stack gap={6}>
            <Text size="sm">{t('calendar.page.skb')}</Text>
            {calendar?.nationalSource && (
              <Text size="xs" c="dimmed">
                {t('calendar.page.skb_source', { year, source: calendar.nationalSource })}
              </Text>
            )}
          </Stack>
        </Alert>

        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('calendar.page.previous_year', { year: year - 1 })}
              onClick={() => setYear(year - 1)}
              disabled={year <= 2000}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Select
              label={t('calendar.page.year')}
              data={(years.includes(year) ? years : [...years, year].sort()).map(String)}
              value={String(year)}
              onChange={(value) => value && setYear(Number(value))}
              allowDeselect={false}
              w={120}
            />
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('calendar.page.next_year', { year: year + 1 })}
              onClick={() => setYear(year + 1)}
              disabled={year >= 2100}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <Stack gap={4}>
            <Input.Label id="tampilan-kalender">{t('calendar.page.view')}</Input.Label>
            <SegmentedControl
              aria-labelledby="tampilan-kalender"
              value={view}
              onChange={(value) => setView(value === 'grid' ? 'grid' : 'list')}
              data={[
                { value: 'list', label: t('calendar.page.view_list') },
                { value: 'grid', label: t('calendar.page.view_grid') },
              ]}
            />
          </Stack>
        </Group>

        {query.error && <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />}
        {agencyId && !calendar && !query.error && <LoaderBlock />}

        {calendar && counts && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                {!calendar.nationalDataAvailable && (
                  <Alert
                    variant="light"
                    color="orange"
                    icon={<IconAlertTriangle aria-hidden />}
                    title={t('calendar.page.no_national_title', { year })}
                  >
                    {t('calendar.page.no_national', { year })}
                  </Alert>
                )}
                <Anchor href="#hitung-tenggat" size="sm" underline="always" hiddenFrom="lg">
                  {t('calendar.page.jump_to_due')}
                </Anchor>
                <Text size="sm" aria-live="polite">
                  {t('calendar.page.summary', {
                    year,
                    count: counts.weekdays,
                    national: counts.bySource.national,
                    cuti: counts.bySource.cuti_bersama,
                    election: counts.bySource.election,
                    agency: counts.bySource.agency,
                  })}
                </Text>
                {days.length === 0 ? (
                  <EmptyState
                    icon={<IconCalendarOff size={40} aria-hidden />}
                    withIndicatorBackground
                    title={t('calendar.page.empty_title', { year })}
                    description={mayManage ? t('calendar.page.empty') : t('calendar.page.empty_reader')}
                  >
                    {mayManage && (
                      <EmptyState.Actions>
                        <Button onClick={() => setDraft({ kind: 'holiday', fallsOn: `${year}-01-01` })}>
                          {t('calendar.page.add')}
                        </Button>
                      </EmptyState.Actions>
                    )}
                  </EmptyState>
                ) : view === 'grid' ? (
                  <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
                    <YearGrid year={year} days={days} today={calendar.today} />
                  </Paper>
                ) : (
                  <HolidayList
                    year={year}
                    days={days}
                    mayManage={mayManage}
                    onMakeWorkingDay={(day) =>
                      setDraft({
                        kind: 'working_day',
                        fallsOn: day.fallsOn,
                        holidayNames: day.holidays.map((holiday) => holiday.name),
                      })
                    }
                    onRemoveEntry={(entry) => {
                      setRemoveError(null)
                      setRemoving(entry)
                    }}
                  />
                )}
              </Stack>
            </Grid.Col>
            {/* Beside the long list from lg, staying in view; below it on smaller screens (a link above jumps here). */}
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Box pos={{ lg: 'sticky' }} top={76}>
                <DueDateTool today={calendar.today} agencyId={calendar.agencyId} />
              </Box>
            </Grid.Col>
          </Grid>
        )}
      </Stack>

      {draft && (
        <CalendarEntryModal
          initial={draft}
          agencyId={needsAgency ? agencyId : null}
          onClose={() => setDraft(null)}
          onSaved={(fallsOn) => {
            setDraft(null)
            const savedYear = Number(fallsOn.slice(0, 4))
            if (savedYear !== year) setYear(savedYear)
            else query.reload()
          }}
        />
      )}
      {removing && (
        <ConfirmModal
          opened
          title={
            removing.kind === 'holiday'
              ? t('calendar.remove.holiday_title')
              : t('calendar.remove.working_day_title')
          }
          confirmLabel={t('calendar.remove.confirm')}
          isDestructive
          isPending={isRemoving}
          error={removeError}
          onConfirm={() => void handleRemove()}
          onClose={() => !isRemoving && setRemoving(null)}
        >
          {t(
            removing.kind === 'holiday' ? 'calendar.remove.holiday_body' : 'calendar.remove.working_day_body',
            {
              date: formatDayWithWeekday(removing.fallsOn, language),
              name: removing.name,
            },
          )}
        </ConfirmModal>
      )}
    </>
  )
}

interface HolidayListProps {
  readonly year: number
  readonly days: readonly CalendarDay[]
  readonly mayManage: boolean
  readonly onMakeWorkingDay: (day: CalendarDay) => void
  readonly onRemoveEntry: (entry: CalendarEntryView) => void
}

function HolidayList({ year, days, mayManage, onMakeWorkingDay, onRemoveEntry }: HolidayListProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <Stack gap="lg">
      {calendarMonths(days).map(({ month, days: monthDays }) => {
        const headingId = `bulan-${year}-${month}`
        return (
          <Paper
            key={month}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-labelledby={headingId}
          >
            <Title order={2} size="h5" id={headingId} mb="sm">
              {formatMonth(year, month, language)}
            </Title>
            <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
              {monthDays.map((day, index) => (
                <Stack
                  key={day.fallsOn}
                  component="li"
                  gap={6}
                  py="sm"
                  style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                  data-testid={`hari-${day.fallsOn}`}
                >
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={0}>
                      <Text fw={700} size="sm">
                        {formatDayWithWeekday(day.fallsOn, language)}
                      </Text>
                      {day.isWeekend && (
                        <Text size="xs" c="dimmed">
                          {t('calendar.list.weekend')}
                        </Text>
                      )}
                    </Stack>
                    {mayManage && canBecomeWorkingDay(day) && (
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconBriefcase size={16} aria-hidden />}
                        onClick={() => onMakeWorkingDay(day)}
                        aria-label={t('calendar.list.make_working_day_named', {
                          date: formatDayWithWeekday(day.fallsOn, language),
                        })}
                      >
                        {t('calendar.list.make_working_day')}
                      </Button>
                    )}
                  </Group>
                  {day.holidays.map((holiday) => (
                    <Group
                      key={`${holiday.source}:${holiday.name}`}
                      gap="xs"
                      justify="space-between"
                      wrap="nowrap"
                      align="flex-start"
                    >
                      <Group gap="xs" miw={0}>
                        <HolidaySourceBadge source={holiday.source} />
                        <Text size="sm">{holiday.name}</Text>
                      </Group>
                      {mayManage && holiday.source === 'agency' && day.entry && (
                        <RemoveButton entry={day.entry} onRemove={onRemoveEntry} />
                      )}
                    </Group>
                  ))}
                  {day.cancelled.length > 0 && (
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={4} miw={0}>
                        <Group gap="xs">
                          <WorkingDayBadge />
                          <Text size="sm">{day.entry?.name}</Text>
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t('calendar.list.cancels', {
                            names: day.cancelled.map((holiday) => holiday.name).join('; '),
                          })}
                        </Text>
                      </Stack>
                      {mayManage && day.entry && <RemoveButton entry={day.entry} onRemove={onRemoveEntry} />}
                    </Group>
                  )}
                </Stack>
              ))}
            </Stack>
          </Paper>
        )
      })}
      <Text size="xs" c="dimmed">
        {t('calendar.list.footnote')}{' '}
        <Anchor href="#hitung-tenggat" size="xs" underline="always">
          {t('calendar.list.footnote_link')}
        </Anchor>
      </Text>
    </Stack>
  )
}

function RemoveButton({
  entry,
  onRemove,
}: {
  readonly entry: CalendarEntryView
  readonly onRemove: (entry: CalendarEntryView) => void
}) {
  const { t, i18n } = useTranslation()
  const date = formatDayWithWeekday(entry.fallsOn, i18n.resolvedLanguage ?? 'id')
  return (
    <Button
      variant="subtle"
      color="red"
      size="xs"
      leftSection={<IconTrash size={16} aria-hidden />}
      onClick={() => onRemove(entry)}
      aria-label={
        entry.kind === 'holiday'
          ? t('calendar.list.remove_holiday_named', { date })
          : t('calendar.list.remove_working_day_named', { date })
      }
    >
      {entry.kind === 'holiday' ? t('calendar.list.remove_holiday') : t('calendar.list.remove_working_day')}
    </Button>
  )
}
