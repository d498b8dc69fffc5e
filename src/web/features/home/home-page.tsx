/**
 * / — Beranda: who you are signed in as, for which agency and roles, the size of the roster you look after (roster
 * readers: units and active employees of their scope, a unit head sees their own subtree) and the areas you may open.
 */
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, Anchor } from '@mantine/core'
import { IconArrowRight, IconShieldLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { mayUse, navigationOf } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { areaPlaces, shownAreas } from '../../shell/areas'
import { PageHeader } from '../../ui/page-header'
import { RosterScopeCard } from '../units/roster-scope-card'
import { uniqueRoles } from '../users/role-labels'

export function HomePage() {
  const { t } = useTranslation()
  const session = useSession()
  const areas = shownAreas(navigationOf(session)).filter((key) => key !== 'home')
  const roles = uniqueRoles(session.roles)

  return (
    <>
      <PageHeader
        title={t('home.dashboard.title', { name: session.user.displayName })}
        description={session.agency?.name ?? t('app.header.platform')}
      />
      <Stack gap="xl">
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.dashboard.roles_title')}
            </Title>
            {roles.length > 0 ? (
              <Group gap="xs">
                {roles.map((role) => (
                  <Badge key={role} variant="light" radius="sm" tt="none" size="lg">
                    {t(`roles.label.${role}`)}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text>{t('home.dashboard.no_roles')}</Text>
            )}
            {!session.user.totpEnabled && (
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconShieldLock size={18} aria-hidden color="var(--mantine-color-netra-8)" />
                <Text size="sm">
                  {t('home.dashboard.no_totp')}{' '}
                  <Anchor component={Link} to="/daftar-autentikator" size="sm" underline="always">
                    {t('home.dashboard.no_totp_action')}
                  </Anchor>
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>

        {mayUse(session, 'roster.read') && <RosterScopeCard />}

        <Stack gap="sm" component="section" aria-labelledby="beranda-area">
          <Title order={2} size="h4" id="beranda-area">
            {t('home.dashboard.areas_title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {areas.map((key) => {
              const place = areaPlaces[key]
              return (
                <Card key={key} withBorder radius="md" padding="lg" component="article">
                  <Stack gap="sm" h="100%">
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
                        <place.icon size={24} stroke={1.6} />
                      </ThemeIcon>
                      <Title order={3} size="h5">
                        {t(`app.nav.area.${key}`)}
                      </Title>
                    </Group>
                    <Text size="sm" style={{ flexGrow: 1 }}>
                      {t(`home.dashboard.area_description.${key}`)}
                    </Text>
                    <Anchor component={Link} to={place.path} fw={600} size="sm">
                      <Group gap={4} component="span" wrap="nowrap">
                        {t(`home.dashboard.area_open.${key}`)}
                        <IconArrowRight size={16} aria-hidden />
                      </Group>
                    </Anchor>
                  </Stack>
                </Card>
              )
            })}
          </SimpleGrid>
        </Stack>
      </Stack>
    </>
  )
}
