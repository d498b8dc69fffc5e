/**
 * The staff app frame (Mantine AppShell): header with agency name, election selector, language and user menu;
 * left navigation with only the areas the session may use; a burger menu below the `sm` breakpoint (phones).
 * Below `md` the election selector moves from the header to the top of the menu, where it has room.
 */
import { AppShell, Box, Burger, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconEye } from '@tabler/icons-react'
import { Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { ElectionSelector, SelectedElectionProvider } from '../features/elections/selected-election'
import { mayUse, navigationOf } from '../session/actor'
import { useSession } from '../session/session-context'
import { LoaderBlock } from '../ui/full-page-loader'
import { PageErrorBoundary } from '../ui/page-error-boundary'
import { LanguageMenu } from '../ui/language-menu'
import { SkipLink } from '../ui/skip-link'
import { areaGroups, areaPlaces, policyPlaces, shownAreas } from './areas'
import { activeNavPath } from './nav-active'
import { UserMenu } from './user-menu'

export interface StaffLayoutProps {
  /** Content instead of the nested route (the 404 page inside the frame). */
  readonly children?: ReactNode
}

export function StaffLayout({ children }: StaffLayoutProps) {
  const { t } = useTranslation()
  const session = useSession()
  const { pathname } = useLocation()
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false)
  const areas = shownAreas(navigationOf(session))
  const shownPolicyPlaces = policyPlaces.filter((place) => mayUse(session, place.policy))
  // One entry lights up: the most specific one covering the page.
  const activePath = activeNavPath(
    [...areas.map((key) => areaPlaces[key].path), ...shownPolicyPlaces.map((place) => place.path)],
    pathname,
  )

  return (
    // Keyed by account and agency: another sign-in in the same tab starts from its own remembered election.
    <SelectedElectionProvider key={`${session.user.id}:${session.agency?.id ?? ''}`}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <SkipLink />
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={isNavOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={isNavOpen ? t('app.nav.close_menu') : t('app.nav.open_menu')}
                aria-expanded={isNavOpen}
                aria-controls="navigasi-utama"
              />
              <Link to="/" aria-label={t('app.header.home_link')} className="netra-brand">
                <ThemeIcon size="lg" radius="md" aria-hidden>
                  <IconEye size={22} />
                </ThemeIcon>
                <Text fw={700} fz="lg" visibleFrom="xs">
                  Netra
                </Text>
              </Link>
              <Text fw={500} lineClamp={2} miw={0} c="dark.7" fz={{ base: 'xs', sm: 'md' }} lh={1.25}>
                {session.agency?.name ?? t('app.header.platform')}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <ElectionSelector placement="header" />
              <LanguageMenu />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="navigasi-utama" aria-label={t('app.nav.label')}>
          <Stack gap="md">
            <ElectionSelector placement="menu" />
            {areaGroups.map((group) => {
              const keys = areas.filter((key) => areaPlaces[key].group === group)
              // pledges (issue #4): entries allowed by a policy rather than a navigation key
              const extras = shownPolicyPlaces.filter((place) => place.group === group)
              if (keys.length === 0 && extras.length === 0) return null
              return (
                <Box key={group}>
                  {group !== 'start' && (
                    <Text
                      size="xs"
                      fw={700}
                      tt="uppercase"
                      c="dimmed"
                      px="sm"
                      mb={4}
                      id={`nav-group-${group}`}
                    >
                      {t(`app.nav.group.${group}`)}
                    </Text>
                  )}
                  <Box
                    component="ul"
                    m={0}
                    p={0}
                    className="netra-nav-list"
                    aria-labelledby={group !== 'start' ? `nav-group-${group}` : undefined}
                  >
                    {keys.map((key) => {
                      const place = areaPlaces[key]
                      const active = place.path === activePath
                      return (
                        <li key={key}>
                          <NavLink
                            component={Link}
                            to={place.path}
                            label={t(`app.nav.area.${key}`)}
                            leftSection={<place.icon size={20} stroke={1.6} aria-hidden />}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                            onClick={closeNav}
                            variant="light"
                          />
                        </li>
                      )
                    })}
                    {extras.map((place) => {
                      const active = place.path === activePath
                      return (
                        <li key={place.key}>
                          <NavLink
                            component={Link}
                            to={place.path}
                            label={t(place.labelKey)}
                            leftSection={<place.icon size={20} stroke={1.6} aria-hidden />}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                            onClick={closeNav}
                            variant="light"
                          />
                        </li>
                      )
                    })}
                  </Box>
                </Box>
              )
            })}
          </Stack>
        </AppShell.Navbar>

        <AppShell.Main id="konten" tabIndex={-1}>
          <Box maw={1200} mx="auto">
            <PageErrorBoundary>
              <Suspense fallback={<LoaderBlock />}>{children ?? <Outlet />}</Suspense>
            </PageErrorBoundary>
          </Box>
        </AppShell.Main>
      </AppShell>
    </SelectedElectionProvider>
  )
}
