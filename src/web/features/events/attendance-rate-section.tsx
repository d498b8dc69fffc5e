/**
 * The attendance rate of an event per unit subtree: targeted employees, those who attended (by their unit at
 * check-in), the percentage and attendees from outside the targets. A unit's row opens its children (drill-down);
 * a breadcrumb of the opened units leads back up.
 */
import { Anchor, Breadcrumbs, Button, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { attendanceRatePath, type AttendanceRateView, type EventView } from './events.api'

interface Crumb {
  readonly unitId: string
  readonly name: string
}

export function AttendanceRateSection({
  event,
  version,
}: {
  readonly event: EventView
  readonly version: number
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [trail, setTrail] = useState<Crumb[]>([])
  const unitId = trail.at(-1)?.unitId ?? null
  const rate = useApiQuery<AttendanceRateView>(attendanceRatePath(event.id, unitId))
  const { reload } = rate
  useEffect(() => {
    if (version > 0) reload()
  }, [version, reload])
  const view = rate.latestData
  const percent = (value: number) => `${formatNumber(value, language)}%`

  return (
    <SectionCard title={t('events.rate.title')} id="kegiatan-tingkat-kehadiran">
      <Stack gap="sm">
        <Breadcrumbs aria-label={t('events.rate.trail')}>
          {[{ unitId: '', name: t('events.rate.top') }, ...trail].map((crumb, index, all) =>
            index === all.length - 1 ? (
              <Text key={crumb.unitId} size="sm" fw={600} aria-current="location">
                {crumb.name}
              </Text>
            ) : (
              <Anchor
                key={crumb.unitId}
                component="button"
                type="button"
                size="sm"
                onClick={() => setTrail(trail.slice(0, index))}
              >
                {crumb.name}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
        {rate.error && <ErrorAlert message={describeError(rate.error)} onRetry={rate.reload} />}
        {!view && !rate.error && <LoaderBlock />}
        {view && (
          <ScrollableTable label={t('events.rate.caption')} minWidth={640} isBusy={rate.isLoading}>
            <Table aria-label={t('events.rate.caption')} striped verticalSpacing="xs" className="netra-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('events.rate.column.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('events.rate.column.targeted')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('events.rate.column.attended')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('events.rate.column.percent')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('events.rate.column.untargeted')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.children.map((row) => (
                  <Table.Tr key={row.unitId} data-unit={row.unitName}>
                    <Table.Th scope="row" fw={400}>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setTrail([...trail, { unitId: row.unitId, name: row.unitName }])}
                        aria-label={t('events.rate.open', { name: row.unitName })}
                      >
                        {row.unitName}
                      </Button>
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(row.targeted, language)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.attended, language)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {percent(row.percent)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(row.untargeted, language)}</Table.Td>
                  </Table.Tr>
                ))}
                {unitId !== null &&
                  view.direct.targeted + view.direct.attended + view.direct.untargeted > 0 && (
                    <Table.Tr>
                      <Table.Th scope="row" fw={400}>
                        {t('events.rate.direct')}
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(view.direct.targeted, language)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(view.direct.attended, language)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {percent(view.direct.percent)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(view.direct.untargeted, language)}</Table.Td>
                    </Table.Tr>
                  )}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('events.rate.total')}</Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(view.total.targeted, language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(view.total.attended, language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="rate-total-percent">
                    {percent(view.total.percent)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(view.total.untargeted, language)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollableTable>
        )}
      </Stack>
    </SectionCard>
  )
}
