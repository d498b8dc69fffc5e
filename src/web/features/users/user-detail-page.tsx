/**
 * /pengguna/:userId — one account: profile, roles (each unit-level role optionally limited to a unit subtree, as in
 * the create modal), status and security resets. Every step that takes something away (roles, disabling, resets)
 * asks first and says what will happen.
 */
import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  IconInfoCircle,
  IconKey,
  IconLock,
  IconLockOpen,
  IconShieldOff,
  IconUserQuestion,
} from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { grantableRoles } from '../../../domain/access'
import { UpdateUserBody, type UserView } from '../../../features/auth/users.schema'
import { isApiError, type ApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { useApiQuery, type ApiQuery } from '../../api/use-api-query'
import { formatDate } from '../../format/date-time'
import { actorOf } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SecretRevealModal } from '../../ui/secret-reveal-modal'
import { StatusBadge } from '../../ui/status-badge'
import type { UnitTree } from '../units/units.api'
import { choiceOfAssignments, isSameGrants, roleGrants, type RoleChoice } from './role-grants'
import {
  GrantList,
  needsUnits,
  RoleGrantsField,
  useAgencyUnits,
  useGrantSentence,
  useRefusedUnitLimitMessage,
} from './role-grants-field'
import {
  disableUser,
  enableUser,
  resetUserPassword,
  resetUserTotp,
  setUserRoles,
  updateUser,
  userPath,
} from './users.api'

export function UserDetailPage() {
  const { userId = '' } = useParams()
  // A fresh component per account, so no state leaks from one account to the next.
  return <UserDetail key={userId} userId={userId} />
}

type Action = 'roles' | 'disable' | 'enable' | 'reset_password' | 'reset_totp'

interface UserDetailProps {
  readonly userId: string
}

function UserDetail({ userId }: UserDetailProps) {
  const { t } = useTranslation()
  const query = useApiQuery<UserView>(userPath(userId))
  const [updated, setUpdated] = useState<UserView | null>(null)
  const user = updated ?? query.data

  const breadcrumbs = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('app.nav.area.users'), to: '/pengguna' },
    { label: user?.displayName ?? t('users.detail.loading_title') },
  ]

  if (query.error && !user) {
    const isMissing = query.error.code === 'user.not_found' || query.error.code === 'request.invalid'
    return (
      <>
        <PageHeader
          title={t('users.detail.not_found_title')}
          breadcrumbs={breadcrumbs.slice(0, 2).concat({ label: t('users.detail.not_found_title') })}
        />
        {isMissing ? (
          <EmptyState
            icon={<IconUserQuestion size={40} aria-hidden />}
            withIndicatorBackground
            description={t('users.detail.not_found')}
          >
            <EmptyState.Actions>
              <Button component={Link} to="/pengguna">
                {t('users.detail.back_to_list')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
        )}
      </>
    )
  }
  if (!user) {
    return (
      <>
        <PageHeader title={t('users.detail.loading_title')} breadcrumbs={breadcrumbs} />
        <LoaderBlock />
      </>
    )
  }
  return <UserDetailContent user={user} breadcrumbs={breadcrumbs} onUpdated={setUpdated} />
}

interface UserDetailContentProps {
  readonly user: UserView
  readonly breadcrumbs: { label: string; to?: string }[]
  readonly onUpdated: (user: UserView) => void
}

function UserDetailContent({ user, breadcrumbs, onUpdated }: UserDetailContentProps) {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const actor = actorOf(session)
  const isSelf = user.id === session.user.id
  const isPlatformAccount =
    user.agencyId === null || user.roles.some((assignment) => assignment.role === 'super_admin')
  const grantable = user.agencyId ? grantableRoles(actor, user.agencyId) : []
  const [choice, setChoice] = useState<RoleChoice>(() => choiceOfAssignments(user.roles))
  const held = choiceOfAssignments(user.roles)
  const units = useAgencyUnits(user.agencyId, !isPlatformAccount && (needsUnits(choice) || needsUnits(held)))
  const [openAction, setOpenAction] = useState<Action | null>(null)
  const [isRunning, setIsRunning] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null)
  const name = user.displayName
  const rolesChanged = !isSameGrants(choice, user.roles)
  const refusedUnitLimitMessage = useRefusedUnitLimitMessage()

  const handleOpen = (action: Action) => {
    setActionError(null)
    setOpenAction(action)
  }

  const handleCloseAction = () => {
    if (!isRunning) setOpenAction(null)
  }

  const run = async (action: Action) => {
    setIsRunning(true)
    setActionError(null)
    try {
      switch (action) {
        case 'roles':
          onUpdated(await setUserRoles(user.id, { roles: roleGrants(choice) }))
          break
        case 'disable':
          onUpdated(await disableUser(user.id))
          break
        case 'enable':
          onUpdated(await enableUser(user.id))
          break
        case 'reset_password':
          setTemporaryPassword((await resetUserPassword(user.id)).temporaryPassword)
          break
        case 'reset_totp':
          onUpdated(await resetUserTotp(user.id))
          break
      }
      setOpenAction(null)
      notifySuccess(t('users.detail.action_done_title'), t(`users.detail.action_done.${action}`, { name }))
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setActionError(refusedUnitLimitMessage(failure)?.message ?? describeError(failure))
    } finally {
      setIsRunning(false)
    }
  }

  const confirmCopy: Record<
    Action,
    { title: string; body: ReactNode; label: string; isDestructive: boolean }
  > = {
    roles: {
      title: t('users.detail.confirm.roles_title'),
      body: (
        <Stack gap="xs">
          <Text>{t('users.detail.confirm.roles_intro', { name })}</Text>
          <GrantList grants={roleGrants(choice)} units={units} />
          <Text>{t('users.detail.confirm.roles_sessions', { name })}</Text>
        </Stack>
      ),
      label: t('users.detail.confirm.roles_confirm'),
      isDestructive: false,
    },
    disable: {
      title: t('users.detail.confirm.disable_title'),
      body: t('users.detail.confirm.disable', { name }),
      label: t('users.detail.confirm.disable_confirm'),
      isDestructive: true,
    },
    enable: {
      title: t('users.detail.confirm.enable_title'),
      body: t('users.detail.confirm.enable', { name }),
      label: t('users.detail.confirm.enable_confirm'),
      isDestructive: false,
    },
    reset_password: {
      title: t('users.detail.confirm.reset_password_title'),
      body: t('users.detail.confirm.reset_password', { name }),
      label: t('users.detail.confirm.reset_password_confirm'),
      isDestructive: true,
    },
    reset_totp: {
      title: t('users.detail.confirm.reset_totp_title'),
      body: t('users.detail.confirm.reset_totp', { name }),
      label: t('users.detail.confirm.reset_totp_confirm'),
      isDestructive: true,
    },
  }
  const confirm = openAction ? confirmCopy[openAction] : null

  return (
    <>
      <PageHeader
        title={name}
        breadcrumbs={breadcrumbs}
        description={
          <Group gap="xs">
            <Text c="dimmed">
              {t('users.detail.subtitle', {
                username: user.username,
                date: formatDate(user.createdAt, session.agency?.timeZone, i18n.resolvedLanguage),
              })}
            </Text>
            {user.disabled ? (
              <StatusBadge tone="overdue" label={t('users.status.disabled')} />
            ) : (
              <StatusBadge tone="done" label={t('users.status.active')} />
            )}
          </Group>
        }
      />

      <Stack gap="lg">
        {isSelf && (
          <Alert
            variant="light"
            color="netra"
            icon={<IconInfoCircle aria-hidden />}
            title={t('users.detail.self_title')}
          >
            {t('users.detail.self')}{' '}
            <Anchor component={Link} to="/akun" size="sm" underline="always">
              {t('users.detail.self_link')}
            </Anchor>
            .
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap="lg">
            <ProfileSection user={user} onUpdated={onUpdated} />

            <Section title={t('users.detail.roles_title')} id="bagian-peran">
              {isPlatformAccount ? (
                <Text>{t('users.detail.platform_account')}</Text>
              ) : (
                <Stack gap="md">
                  <RoleGrantsField
                    grantable={grantable}
                    value={choice}
                    onChange={setChoice}
                    units={units}
                    isDisabled={isSelf}
                    label={t('users.detail.roles_label', { name })}
                    error={choice.roles.length === 0 ? t('users.create.roles_required') : null}
                  />
                  <RoleScopes user={user} units={units} />
                  <Group>
                    <Button
                      onClick={() => handleOpen('roles')}
                      disabled={isSelf || !rolesChanged || choice.roles.length === 0}
                    >
                      {t('users.detail.save_roles')}
                    </Button>
                    {rolesChanged && (
                      <Button variant="default" onClick={() => setChoice(held)}>
                        {t('users.detail.undo_roles')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              )}
            </Section>
          </Stack>
          <Stack gap="lg">
            <Section title={t('users.detail.status_title')} id="bagian-status">
              <Stack gap="sm" align="flex-start">
                <Text>
                  {user.disabled ? t('users.detail.status_disabled') : t('users.detail.status_active')}
                </Text>
                {user.disabled ? (
                  <Button
                    leftSection={<IconLockOpen size={18} aria-hidden />}
                    onClick={() => handleOpen('enable')}
                    disabled={isSelf}
                  >
                    {t('users.detail.enable')}
                  </Button>
                ) : (
                  <Button
                    color="red"
                    variant="outline"
                    leftSection={<IconLock size={18} aria-hidden />}
                    onClick={() => handleOpen('disable')}
                    disabled={isSelf}
                  >
                    {t('users.detail.disable')}
                  </Button>
                )}
              </Stack>
            </Section>

            <Section title={t('users.detail.security_title')} id="bagian-keamanan">
              <Stack gap="md">
                <Stack gap={6} align="flex-start">
                  <Text>{t('users.detail.reset_password_help')}</Text>
                  <Button
                    variant="outline"
                    color="red"
                    leftSection={<IconKey size={18} aria-hidden />}
                    onClick={() => handleOpen('reset_password')}
                    disabled={isSelf}
                  >
                    {t('users.detail.reset_password')}
                  </Button>
                </Stack>
                <Stack gap={6} align="flex-start">
                  <Group gap="xs">
                    <Text>{t('users.detail.totp_label')}</Text>
                    {user.totpEnabled ? (
                      <StatusBadge tone="done" label={t('users.totp.enabled')} />
                    ) : (
                      <StatusBadge tone="neutral" label={t('users.totp.not_enabled')} />
                    )}
                  </Group>
                  {user.totpEnabled ? (
                    <>
                      <Text size="sm" c="dimmed">
                        {t('users.detail.reset_totp_help')}
                      </Text>
                      <Button
                        variant="outline"
                        color="red"
                        leftSection={<IconShieldOff size={18} aria-hidden />}
                        onClick={() => handleOpen('reset_totp')}
                        disabled={isSelf}
                      >
                        {t('users.detail.reset_totp')}
                      </Button>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('users.detail.totp_not_enabled_help')}
                    </Text>
                  )}
                </Stack>
              </Stack>
            </Section>
          </Stack>
        </SimpleGrid>
      </Stack>

      {confirm && openAction && (
        <ConfirmModal
          opened
          title={confirm.title}
          confirmLabel={confirm.label}
          isDestructive={confirm.isDestructive}
          isPending={isRunning}
          error={actionError}
          onConfirm={() => void run(openAction)}
          onClose={handleCloseAction}
        >
          {confirm.body}
        </ConfirmModal>
      )}
      {temporaryPassword && (
        <SecretRevealModal
          opened
          title={t('users.temporary_password.title')}
          description={t('users.temporary_password.reset', { name, username: user.username })}
          secretLabel={t('users.temporary_password.label')}
          secret={temporaryPassword}
          onClose={() => setTemporaryPassword(null)}
        />
      )}
    </>
  )
}

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

interface ProfileValues {
  displayName: string
  email: string
}

interface ProfileSectionProps {
  readonly user: UserView
  readonly onUpdated: (user: UserView) => void
}

function ProfileSection({ user, onUpdated }: ProfileSectionProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<ApiError | null>(null)
  const [isPending, setIsPending] = useState(false)
  const form = useForm<ProfileValues>({
    initialValues: { displayName: user.displayName, email: user.email ?? '' },
  })
  const fields = ['displayName', 'email'] as const

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fields)
  }

  const handleSubmit = async (values: ProfileValues) => {
    setError(null)
    const body = {
      displayName: values.displayName,
      email: values.email.trim() === '' ? null : values.email.trim(),
    }
    const checked = UpdateUserBody.safeParse(body)
    if (!checked.success) {
      showFieldErrors(fieldErrorsOf(issuesOf(checked.error), fields).byField)
      return
    }
    setIsPending(true)
    try {
      const next = await updateUser(user.id, checked.data)
      onUpdated(next)
      form.resetDirty({ displayName: next.displayName, email: next.email ?? '' })
      notifySuccess(t('users.detail.action_done_title'), t('users.detail.profile_saved'))
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'request.invalid')
        showFieldErrors(fieldErrorsOf(issuesOf(failure), fields).byField)
      setError(failure)
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Section title={t('users.detail.profile_title')} id="bagian-profil">
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md" maw={520}>
          {error && <ErrorAlert message={describeError(error)} />}
          <TextInput label={t('users.create.display_name')} required {...form.getInputProps('displayName')} />
          <TextInput
            label={t('users.create.email')}
            description={t('users.create.email_help')}
            type="email"
            {...form.getInputProps('email')}
          />
          <Group>
            <Button type="submit" loading={isPending} disabled={!form.isDirty()}>
              {t('users.detail.save_profile')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  )
}

interface RoleScopesProps {
  readonly user: UserView
  readonly units: ApiQuery<UnitTree>
}

/** The saved roles held over one unit and its sub-units, named (roles without a unit cover the whole agency). */
function RoleScopes({ user, units }: RoleScopesProps) {
  const sentence = useGrantSentence(units)
  const scoped = user.roles.filter((assignment) => assignment.unitId !== null)
  // Named once the units are there (not "a unit you cannot see" while they load).
  if (scoped.length === 0 || (!units.data && !units.error)) return null
  return (
    <Stack gap={4} data-testid="role-scopes">
      {scoped.map((assignment) => (
        <Text key={`${assignment.role}-${assignment.unitId}`} size="sm">
          {sentence(assignment)}
        </Text>
      ))}
    </Stack>
  )
}
