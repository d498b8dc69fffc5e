/**
 * Beranda for people who read the roster (journey 4, "Unit head's morning"): how many units and active employees
 * their part of the roster holds — a unit head sees their own subtree — with the way to the tree and the list.
 * Facts only; pledge coverage joins when the prevention module arrives.
 */
import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { buildUnitForest, scopeSize } from './unit-forest'
import { unitTreePath, type UnitTree } from './units.api'

export function RosterScopeCard() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const tree = useApiQuery<UnitTree>(unitTreePath())
  const items = tree.data?.items
  const size = items ? scopeSize(items) : null
  const forest = items ? buildUnitForest(items) : null
  // A unit head's scope is one subtree: name it.
  const onlyRoot =
    forest && forest.roots.length === 1 && forest.roots[0] ? forest.byId.get(forest.roots[0]) : undefined

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="beranda-pegawai">
      <Stack gap="sm">
        <Title order={2} size="h4" id="beranda-pegawai">
          {onlyRoot ? t('home.roster.title_unit', { unit: onlyRoot.name }) : t('home.roster.title')}
        </Title>
        {tree.error && <ErrorAlert message={describeError(tree.error)} onRetry={tree.reload} />}
        {!size && !tree.error && <Skeleton height={56} aria-hidden />}
        {size && size.units === 0 && <Text>{t('home.roster.empty')}</Text>}
        {size && size.units > 0 && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" component="dl" m={0}>
              <Stack gap={0}>
                <Text component="dt" size="sm" c="dimmed">
                  {t('home.roster.employees')}
                </Text>
                <Text component="dd" m={0} fz={28} fw={700} lh={1.2}>
                  {formatNumber(size.employees, language)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text component="dt" size="sm" c="dimmed">
                  {t('home.roster.units')}
                </Text>
                <Text component="dd" m={0} fz={28} fw={700} lh={1.2}>
                  {formatNumber(size.activeUnits, language)}
                </Text>
              </Stack>
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('home.roster.explanation')}
            </Text>
            <Group gap="lg">
              <Anchor component={Link} to="/unit-kerja" fw={600} size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  {t('home.roster.open_tree')}
                  <IconArrowRight size={16} aria-hidden />
                </Group>
              </Anchor>
              <Anchor component={Link} to="/pegawai" fw={600} size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  {t('home.roster.open_list')}
                  <IconArrowRight size={16} aria-hidden />
                </Group>
              </Anchor>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  )
}
