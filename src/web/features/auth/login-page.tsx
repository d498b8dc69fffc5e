/**
 * /masuk — username and password, then (staff with an authenticator) a 6-digit code. The password stays in
 * this component's state between the two steps and nowhere else. After sign-in the route guards take the
 * user where they wanted to go, or to authenticator enrolment when the account has none yet.
 */
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle, IconLogin2 } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { isApiError, type ApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { returnPathOf, type ReturnState } from '../../session/return-path'
import { enrolmentPath, passwordChangePath } from '../../session/route-guards'
import { useSessionContext, type SignedOutReason } from '../../session/session-context'
import { PublicFrame } from '../../shell/public-frame'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { usePageTitle } from '../../ui/page-header'
import { signIn } from './auth.api'

type Step = 'password' | 'totp'

interface LoginValues {
  username: string
  password: string
  totp: string
}

const loginFields = ['username', 'password', 'totp'] as const

export function LoginPage() {
  const { t } = useTranslation()
  const { state, applySession } = useSessionContext()
  const location = useLocation()
  const [step, setStep] = useState<Step>('password')
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  usePageTitle(t('auth.login.title'))

  const form = useForm<LoginValues>({
    initialValues: { username: '', password: '', totp: '' },
    validate: {
      username: (value) => (value.trim() === '' ? t('auth.login.username_required') : null),
      password: (value) => (value === '' ? t('auth.login.password_required') : null),
      totp: (value) =>
        step === 'totp' && !/^\d{6}$/.test(value.trim()) ? t('auth.login.totp_format') : null,
    },
  })

  if (state.status === 'loading') return <LoaderBlock isFullPage />
  if (state.status === 'signed_in') {
    if (state.session.stage === 'second_factor_enrolment') {
      return <Navigate to={enrolmentPath} replace state={location.state as ReturnState | null} />
    }
    if (state.session.stage === 'password_change') {
      return <Navigate to={passwordChangePath} replace state={location.state as ReturnState | null} />
    }
    return <Navigate to={returnPathOf(location.state)} replace />
  }

  const showError = (failure: ApiError) => {
    if (failure.code === 'request.invalid') {
      const { byField } = fieldErrorsOf(issuesOf(failure), loginFields)
      form.setErrors(byField)
      focusFirstError(focusNode, byField, loginFields)
    }
    if (failure.code === 'auth.invalid_credentials' && step === 'totp') {
      const message = t('auth.login.totp_wrong')
      form.setFieldError('totp', message)
      form.getInputNode('totp')?.focus()
      setError(message)
      return
    }
    setError(describeError(failure))
  }

  const focusNode = (path: string) => form.getInputNode(path)

  const handleSubmit = async (values: LoginValues) => {
    setError(null)
    setIsPending(true)
    try {
      const result = await signIn({
        username: values.username.trim(),
        password: values.password,
        ...(step === 'totp' ? { totp: values.totp.trim() } : {}),
      })
      if ('totpRequired' in result) {
        setStep('totp')
        form.setFieldValue('totp', '')
        return
      }
      form.reset()
      // The guard above redirects once the session is in place.
      applySession('totpEnrolmentRequired' in result ? result.session : result)
    } catch (failure) {
      if (isApiError(failure)) showError(failure)
      else throw failure
    } finally {
      setIsPending(false)
    }
  }

  const handleBack = () => {
    setStep('password')
    setError(null)
    form.setFieldValue('totp', '')
    form.clearErrors()
  }

  const reason: SignedOutReason = state.status === 'signed_out' ? state.reason : 'none'

  return (
    <PublicFrame>
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('auth.login.title')}
            </Title>
            <Text c="dimmed">{step === 'password' ? t('auth.login.intro') : t('auth.login.totp_intro')}</Text>
          </Stack>

          {reason !== 'none' && !error && (
            <Alert color="netra" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {t(`auth.login.notice.${reason}`)}
            </Alert>
          )}
          {state.status === 'unavailable' && !error && <ErrorAlert message={describeError(state.error)} />}
          {error && <ErrorAlert message={error} title={t('auth.login.failed')} />}

          <form
            onSubmit={form.onSubmit(
              (values) => void handleSubmit(values),
              (errors) => focusFirstError(focusNode, errors, loginFields),
            )}
            noValidate
          >
            <Stack gap="md">
              {step === 'password' ? (
                <>
                  <TextInput
                    label={t('auth.login.username')}
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    required
                    data-autofocus
                    {...form.getInputProps('username')}
                  />
                  <PasswordInput
                    label={t('auth.login.password')}
                    autoComplete="current-password"
                    required
                    visibilityToggleButtonProps={{ 'aria-label': t('auth.login.toggle_password') }}
                    {...form.getInputProps('password')}
                  />
                </>
              ) : (
                <>
                  <Text size="sm">
                    {t('auth.login.signing_in_as', { username: form.values.username.trim() })}
                  </Text>
                  <TextInput
                    label={t('auth.login.totp')}
                    description={t('auth.login.totp_help')}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={6}
                    required
                    autoFocus
                    {...form.getInputProps('totp')}
                  />
                </>
              )}
              <Button
                type="submit"
                loading={isPending}
                leftSection={<IconLogin2 size={18} aria-hidden />}
                fullWidth
              >
                {t('auth.login.submit')}
              </Button>
              {step === 'totp' && (
                <Anchor component="button" type="button" onClick={handleBack} size="sm" ta="center">
                  {t('auth.login.back')}
                </Anchor>
              )}
            </Stack>
          </form>
          <Text size="sm" c="dimmed">
            {t('auth.login.help')}
          </Text>
        </Stack>
      </Paper>
      {/* public reporting pages (issue #5): a separate light page, so a full page load (no router link) */}
      <Paper withBorder p="md" radius="md" mt="md">
        <Anchor href="/lapor" fw={700} size="lg">
          {t('reportsPublic.entry_link')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('reportsPublic.entry_hint')}
        </Text>
      </Paper>
      {/* end public reporting pages */}
    </PublicFrame>
  )
}
