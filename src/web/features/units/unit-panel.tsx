/**
 * The chosen unit beside the tree: where it sits, its kind, codes, head and employee counts, and — for those who
 * manage it — add a sub-unit, change, move, deactivate or reactivate.
 */
import { Anchor, Button, CloseButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import {
  IconArrowsMove,
  IconCirclePlus,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconUsers,
} from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDate, formatNumber } from '../../format/date-time'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { regionOfUnit } from './region-label'
import { UnitInactiveBadge, UnitKindBadge } from './unit-labels'
import { unitPath, type UnitDetail } from './units.api'

export type UnitAction = 'create_child' | 'edit' | 'move' | 'deactivate' | 'reactivate'

export interface UnitPanelProps {
  readonly unitId: string
  /** Bumped after a change so the panel reloads. */
  readonly version: number
  readonly mayManage: boolean
  readonly onAction: (action: UnitAction, unit: UnitDetail) => void
  readonly onClose: () => void
}

export function UnitPanel({ unitId, version, mayManage, onAction, onClose }: UnitPanelProps) {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const language = i18n.resolvedLanguage ?? 'id'
  const query = useApiQuery<UnitDetail>(unitPath(unitId))
  const { reload } = query
  useEffect(() => {
    if (version > 0) reload()
  }, [version, reload])
  const unit = query.data ?? (query.latestData?.id === unitId ? query.latestData : undefined)

  if (query.error && !unit) {
    return (
      <Paper withBorder radius="md" p="md" className="netra-unit-panel">
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </Paper>
    )
  }
  if (!unit) {
    return (
      <Paper withBorder radius="md" p="md" className="netra-unit-panel">
        <LoaderBlock />
      </Paper>
    )
  }

  const headingId = `unit-panel-${unit.id}`
  const path = unit.breadcrumb.map((crumb) => crumb.name).join(' › ')

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={headingId}
      className="netra-unit-panel"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={4} miw={0}>
            <Text size="xs" c="dimmed">
              {path ? t('units.panel.under', { path }) : t('units.panel.top_level')}
            </Text>
            <Title order={2} size="h3" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {unit.name}
            </Title>
            <Group gap={6}>
              <UnitKindBadge kind={unit.kind} />
              {!unit.isActive && <UnitInactiveBadge />}
            </Group>
          </Stack>
          <CloseButton aria-label={t('units.panel.close')} onClick={onClose} />
        </Group>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
          <Fact label={t('units.panel.code')}>{unit.code ?? '—'}</Fact>
          <Fact label={t('units.panel.region')}>
            {unit.regionCode ? regionOfUnit(t, unit.regionCode, unit.regionName) : '—'}
          </Fact>
          <Fact label={t('units.panel.head')}>
            {unit.head ? (
              <Anchor component={Link} to={`/pegawai/${unit.head.id}`}>
                {unit.head.displayName}
              </Anchor>
            ) : (
              t('units.panel.no_head')
            )}
          </Fact>
          <Fact label={t('units.panel.children')}>{formatNumber(unit.childCount, language)}</Fact>
          <Fact label={t('units.panel.own_employees')}>{formatNumber(unit.employeeCount, language)}</Fact>
          <Fact label={t('units.panel.subtree_employees')}>
            {formatNumber(unit.subtreeEmployeeCount, language)}
          </Fact>
        </SimpleGrid>
        {!unit.isActive && unit.deactivatedAt && (
          <Text size="sm">
            {t('units.panel.deactivated_on', {
              date: formatDate(unit.deactivatedAt, session.agency?.timeZone, language),
            })}
          </Text>
        )}

        <Button
          component={Link}
          to={`/pegawai?unit=${unit.id}`}
          variant="light"
          leftSection={<IconUsers size={18} aria-hidden />}
        >
          {t('units.panel.show_employees', { count: unit.subtreeEmployeeCount })}
        </Button>

        {mayManage && (
          <Stack gap="xs" component="section" aria-label={t('units.panel.actions')}>
            <Group gap="xs">
              {unit.isActive && (
                <Button
                  variant="default"
                  leftSection={<IconCirclePlus size={18} aria-hidden />}
                  onClick={() => onAction('create_child', unit)}
                >
                  {t('units.panel.create_child')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => onAction('edit', unit)}
              >
                {t('units.panel.edit')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconArrowsMove size={18} aria-hidden />}
                onClick={() => onAction('move', unit)}
              >
                {t('units.panel.move')}
              </Button>
            </Group>
            <Group gap="xs">
              {unit.isActive ? (
                <Button
                  variant="outline"
                  color="red"
                  leftSection={<IconPlayerPause size={18} aria-hidden />}
                  onClick={() => onAction('deactivate', unit)}
                >
                  {t('units.panel.deactivate')}
                </Button>
              ) : (
                <Button
                  variant="outline"
                  leftSection={<IconPlayerPlay size={18} aria-hidden />}
                  onClick={() => onAction('reactivate', unit)}
                >
                  {t('units.panel.reactivate')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
