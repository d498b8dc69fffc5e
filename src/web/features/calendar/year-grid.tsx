/**
 * The year at a glance: twelve small month tables, weeks from Monday. A day off is a filled circle, a national
 * day the agency works on a dashed ring, today a bold outline — shapes, not colour alone — and each marked day
 * carries its reasons as text for screen readers (and as a tooltip title for the mouse).
 */
import { Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalendarDay } from './calendar-days'
import { formatMonth, weekdayNames } from './calendar-date'

export interface YearGridProps {
  readonly year: number
  readonly days: readonly CalendarDay[]
  readonly today: string
}

const pad = (value: number) => String(value).padStart(2, '0')

/** Weeks of a month as rows of 7 cells (Monday first); null for the days of neighbouring months. */
function weeksOf(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const offset = (first.getUTCDay() + 6) % 7
  const cells: (number | null)[] = [
    ...Array.from({ length: offset }, () => null),
    ...Array.from({ length }, (_, index) => index + 1),
  ]
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (number | null)[][] = []
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7))
  return weeks
}

const markBase: CSSProperties = {
  display: 'inline-grid',
  placeItems: 'center',
  width: 24,
  height: 24,
  borderRadius: '50%',
  fontVariantNumeric: 'tabular-nums',
}

const holidayMark: CSSProperties = {
  ...markBase,
  background: 'var(--mantine-color-netra-8)',
  color: 'var(--mantine-color-white)',
  fontWeight: 700,
}

const cancelledMark: CSSProperties = {
  ...markBase,
  border: '2px dashed var(--mantine-color-netra-8)',
}

const todayMark: CSSProperties = { outline: '2px solid var(--mantine-color-dark-7)', outlineOffset: 1 }

export function YearGrid({ year, days, today }: YearGridProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const weekdays = weekdayNames(language)
  const byDate = new Map(days.map((day) => [day.fallsOn, day]))

  return (
    <Stack gap="md">
      <Group gap="lg" aria-hidden>
        <Group gap={6}>
          <span style={holidayMark}>1</span>
          <Text size="sm">{t('calendar.grid.legend_holiday')}</Text>
        </Group>
        <Group gap={6}>
          <span style={cancelledMark}>1</span>
          <Text size="sm">{t('calendar.grid.legend_cancelled')}</Text>
        </Group>
        <Group gap={6}>
          <span style={{ ...markBase, ...todayMark }}>1</span>
          <Text size="sm">{t('calendar.grid.legend_today')}</Text>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
          <Table
            key={month}
            withRowBorders={false}
            horizontalSpacing={2}
            verticalSpacing={2}
            style={{ tableLayout: 'fixed', textAlign: 'center' }}
          >
            <Table.Caption
              style={{ captionSide: 'top', textAlign: 'start', fontWeight: 700, marginBottom: 4 }}
            >
              {formatMonth(year, month, language)}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {weekdays.map((weekday, column) => (
                  <Table.Th
                    key={weekday.long}
                    scope="col"
                    ta="center"
                    fz="xs"
                    c={column >= 5 ? 'dimmed' : undefined}
                  >
                    <abbr title={weekday.long} style={{ textDecoration: 'none' }}>
                      {weekday.short}
                    </abbr>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeksOf(year, month).map((week) => (
                <Table.Tr key={week.find((day) => day !== null) ?? 0}>
                  {week.map((dayOfMonth, column) => {
                    if (dayOfMonth === null) return <Table.Td key={`kosong-${column}`} />
                    const date = `${year}-${pad(month)}-${pad(dayOfMonth)}`
                    const day = byDate.get(date)
                    const isOff = (day?.holidays.length ?? 0) > 0
                    const isCancelled = !isOff && (day?.cancelled.length ?? 0) > 0
                    const reasons = isOff
                      ? day?.holidays.map((holiday) => holiday.name).join('; ')
                      : isCancelled
                        ? t('calendar.grid.cancelled', {
                            names: day?.cancelled.map((holiday) => holiday.name).join('; '),
                          })
                        : null
                    const style: CSSProperties = {
                      ...(isOff ? holidayMark : isCancelled ? cancelledMark : markBase),
                      ...(date === today ? todayMark : {}),
                    }
                    return (
                      <Table.Td key={date} fz="xs" c={column >= 5 && !isOff ? 'dimmed' : undefined}>
                        <span style={style} title={reasons ?? undefined}>
                          {dayOfMonth}
                        </span>
                        {reasons && <VisuallyHidden>{`: ${reasons}`}</VisuallyHidden>}
                        {date === today && (
                          <VisuallyHidden>{` (${t('calendar.grid.today')})`}</VisuallyHidden>
                        )}
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
