/** /akun — my profile, password, authenticator status, language, session length and the Netra version. */
import { Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { HealthView } from '../../../features/health/health.schema'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../format/date-time'
import { changeLanguage, languages, type Language } from '../../i18n/i18n'
import { useSession } from '../../session/session-context'
import { PageHeader } from '../../ui/page-header'
import { StatusBadge } from '../../ui/status-badge'
import { uniqueRoles } from '../users/role-labels'
import { PasswordChangeForm } from './password-change-form'

const languageNames: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' }

interface SectionProps {
  readonly title: string
  readonly id: string
  readonly children: ReactNode
}

function Section({ title, id, children }: SectionProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

interface FactProps {
  readonly label: string
  readonly children: ReactNode
}

function Fact({ label, children }: FactProps) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  )
}

export function AccountPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const health = useApiQuery<HealthView>('/api/health')
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'id'
  const timeZone = session.agency?.timeZone

  return (
    <>
      <PageHeader
        title={t('account.page.title')}
        breadcrumbs={[{ label: t('app.nav.area.home'), to: '/' }, { label: t('account.page.title') }]}
      />
      <Stack gap="lg">
        <Section title={t('account.profile.title')} id="akun-profil">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Fact label={t('account.profile.name')}>{session.user.displayName}</Fact>
            <Fact label={t('account.profile.username')}>{session.user.username}</Fact>
            <Fact label={t('account.profile.email')}>
              {session.user.email ?? t('account.profile.no_email')}
            </Fact>
            <Fact label={t('account.profile.agency')}>
              {session.agency?.name ?? t('app.header.platform')}
            </Fact>
            <Fact label={t('account.profile.roles')}>
              <Group gap={4} component="span">
                {uniqueRoles(session.roles).map((role) => (
                  <Badge key={role} variant="light" radius="sm" tt="none">
                    {t(`roles.label.${role}`)}
                  </Badge>
                ))}
              </Group>
            </Fact>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="md">
            {t('account.profile.change_hint')}
          </Text>
        </Section>

        <Section title={t('account.password.title')} id="akun-kata-sandi">
          <PasswordChangeForm />
        </Section>

        <Section title={t('account.totp.title')} id="akun-autentikator">
          <Stack gap="sm" align="flex-start">
            {session.user.totpEnabled ? (
              <>
                <StatusBadge tone="done" label={t('users.totp.enabled')} />
                <Text>{t('account.totp.enabled')}</Text>
              </>
            ) : (
              <>
                <StatusBadge tone="neutral" label={t('users.totp.not_enabled')} />
                <Text>{t('account.totp.not_enabled')}</Text>
                <Anchor component={Link} to="/daftar-autentikator" fw={600}>
                  {t('account.totp.enrol')}
                </Anchor>
              </>
            )}
          </Stack>
        </Section>

        <Section title={t('account.language.title')} id="akun-bahasa">
          <Stack gap="xs" align="flex-start">
            <Text size="sm" id="akun-bahasa-label">
              {t('account.language.help')}
            </Text>
            <SegmentedControl
              aria-labelledby="akun-bahasa-label"
              value={language}
              onChange={(value) => void changeLanguage(value === 'en' ? 'en' : 'id')}
              data={languages.map((value) => ({ value, label: languageNames[value] }))}
            />
          </Stack>
        </Section>

        <Section title={t('account.session.title')} id="akun-sesi">
          <Stack gap="xs">
            <Text>{t('account.session.idle', { minutes: session.idleMinutes })}</Text>
            <Text>
              {t('account.session.expires', { at: formatDateTime(session.expiresAt, timeZone, language) })}
            </Text>
          </Stack>
        </Section>

        {health.data && (
          <Text size="sm" c="dimmed" ta="center">
            {t('account.about.version', { version: health.data.version })}
          </Text>
        )}
      </Stack>
    </>
  )
}
