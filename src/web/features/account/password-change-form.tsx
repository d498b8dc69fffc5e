/**
 * Change my password. The rules are shown before submitting and checked live with the domain's own
 * checkPassword(); the server checks again and answers `auth.password_weak` with the refused rules.
 */
import { Button, Group, List, PasswordInput, Stack, Text, ThemeIcon } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCheck, IconCircleDashed } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkPassword, passwordMinLength, type PasswordProblem } from '../../../domain/password-policy'
import { isApiError, type ApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf, passwordProblemMessages } from '../../api/error-messages'
import { useSession, useSessionContext } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { notifySuccess } from '../../ui/notify'
import { changePassword } from '../auth/auth.api'

const passwordFields = ['currentPassword', 'newPassword', 'confirmPassword'] as const

interface PasswordValues {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** The rules shown up front, each tied to the problem code that refuses it. */
const rules: readonly {
  problem: PasswordProblem
  key: 'min_length' | 'no_username' | 'not_common' | 'not_repetitive'
}[] = [
  { problem: 'too_short', key: 'min_length' },
  { problem: 'contains_username', key: 'no_username' },
  { problem: 'too_common', key: 'not_common' },
  { problem: 'repetitive', key: 'not_repetitive' },
]

export interface PasswordChangeFormProps {
  /** Called after the server accepted the new password (the session has been updated already). */
  readonly onChanged?: () => void
}

export function PasswordChangeForm({ onChanged }: PasswordChangeFormProps) {
  const { t } = useTranslation()
  const session = useSession()
  const { applySession } = useSessionContext()
  const [error, setError] = useState<ApiError | null>(null)
  const [isPending, setIsPending] = useState(false)

  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value === '' ? t('validation.issue.required') : null),
      newPassword: (value) => {
        const problems = checkPassword(value, { username: session.user.username })
        const first = problems[0]
        return first ? t(`validation.password.${first}`) : null
      },
      confirmPassword: (value, values) =>
        value !== values.newPassword ? t('account.password.mismatch') : null,
    },
  })

  const problems = new Set(checkPassword(form.values.newPassword, { username: session.user.username }))
  const hasInput = form.values.newPassword !== ''

  const handleSubmit = async (values: PasswordValues) => {
    setError(null)
    setIsPending(true)
    try {
      const updated = await changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      })
      form.reset()
      applySession(updated)
      notifySuccess(t('account.password.done_title'), t('account.password.done'))
      onChanged?.()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'auth.current_password_incorrect') {
        form.setFieldError('currentPassword', t('errors.auth.current_password_incorrect'))
        form.getInputNode('currentPassword')?.focus()
      }
      if (failure.code === 'auth.password_weak') {
        form.setFieldError('newPassword', passwordProblemMessages(failure)[0] ?? describeError(failure))
        form.getInputNode('newPassword')?.focus()
      }
      if (failure.code === 'request.invalid') {
        form.setErrors(fieldErrorsOf(issuesOf(failure), ['currentPassword', 'newPassword']).byField)
      }
      setError(failure)
    } finally {
      setIsPending(false)
    }
  }

  return (
    <form
      onSubmit={form.onSubmit(
        (values) => void handleSubmit(values),
        (errors) => focusFirstError((path) => form.getInputNode(path), errors, passwordFields),
      )}
      noValidate
    >
      <Stack gap="md" maw={520}>
        {error && (
          <ErrorAlert
            message={describeError(error)}
            items={error.code === 'auth.password_weak' ? passwordProblemMessages(error) : undefined}
          />
        )}
        <PasswordInput
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth.login.toggle_password') }}
          {...form.getInputProps('currentPassword')}
        />
        <Stack gap={6}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('account.password.rules_title')}
            </Text>
            <List size="sm" spacing={4} center>
              {rules.map(({ problem, key }) => {
                const isMet = hasInput && !problems.has(problem)
                return (
                  <List.Item
                    key={key}
                    icon={
                      <ThemeIcon
                        size={20}
                        radius="xl"
                        variant={isMet ? 'filled' : 'light'}
                        color={isMet ? 'green' : 'gray'}
                        aria-hidden
                      >
                        {isMet ? <IconCheck size={13} /> : <IconCircleDashed size={13} />}
                      </ThemeIcon>
                    }
                  >
                    {t(`account.password.rule.${key}`, { count: passwordMinLength })}{' '}
                    <Text span size="xs" c="dimmed">
                      ({isMet ? t('account.password.rule_met') : t('account.password.rule_pending')})
                    </Text>
                  </List.Item>
                )
              })}
            </List>
          </Stack>
          <PasswordInput
            label={t('account.password.new')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth.login.toggle_password') }}
            {...form.getInputProps('newPassword')}
          />
        </Stack>
        <PasswordInput
          label={t('account.password.confirm')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth.login.toggle_password') }}
          {...form.getInputProps('confirmPassword')}
        />
        <Text size="sm" c="dimmed">
          {t('account.password.other_sessions')}
        </Text>
        <Group>
          <Button type="submit" loading={isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
