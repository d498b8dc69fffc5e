import { Avatar, Menu, Text, UnstyledButton, Group } from '@mantine/core'
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../api/client'
import { describeError } from '../api/error-messages'
import { signInPath } from '../session/route-guards'
import { useSession, useSessionContext } from '../session/session-context'
import { notifyFailure } from '../ui/notify'

export const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('') || '?'

export function UserMenu() {
  const { t } = useTranslation()
  const session = useSession()
  const { signOut } = useSessionContext()
  const navigate = useNavigate()

  const handleSignOut = async () => {
    try {
      await signOut()
      void navigate(signInPath, { replace: true })
    } catch (error) {
      notifyFailure(
        t('app.user_menu.sign_out_failed'),
        isApiError(error) ? describeError(error) : t('errors.unknown', { code: 'client' }),
      )
    }
  }

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('app.user_menu.button', { name: session.user.displayName })}
          className="netra-user-button"
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="netra" radius="xl" size={32} aria-hidden>
              {initialsOf(session.user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate="end">
              {session.user.displayName}
            </Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.8">
            {session.user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {session.user.username}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/akun" leftSection={<IconUserCircle size={18} aria-hidden />}>
          {t('app.user_menu.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={() => void handleSignOut()}>
          {t('app.user_menu.sign_out')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
