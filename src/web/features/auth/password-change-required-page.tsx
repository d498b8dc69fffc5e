/**
 * /ganti-kata-sandi — an account holding a temporary password (created or reset by an administrator) replaces
 * it before anything else; the server limits such a session to this step. Afterwards the route guard
 * continues to where the user wanted to go.
 */
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle, IconLogout } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { signInPath } from '../../session/route-guards'
import { useSession, useSessionContext } from '../../session/session-context'
import { PublicFrame } from '../../shell/public-frame'
import { usePageTitle } from '../../ui/page-header'
import { PasswordChangeForm } from '../account/password-change-form'

export function PasswordChangeRequiredPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { signOut } = useSessionContext()
  const navigate = useNavigate()
  usePageTitle(t('auth.password_change.title'))

  const handleSignOut = async () => {
    await signOut()
    void navigate(signInPath, { replace: true })
  }

  return (
    <PublicFrame size="sm">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} size="h2">
              {t('auth.password_change.title')}
            </Title>
            <Text>{t('auth.password_change.intro', { name: session.user.displayName })}</Text>
          </Stack>
          <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
            {t('auth.password_change.current_hint')}
          </Alert>
          {/* The route guard moves on once the session is a full one. */}
          <PasswordChangeForm />
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="dark"
              size="sm"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void handleSignOut()}
            >
              {t('auth.password_change.sign_out')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </PublicFrame>
  )
}
