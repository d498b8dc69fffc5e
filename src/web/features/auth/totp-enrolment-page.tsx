/**
 * /daftar-autentikator — staff accounts add an authenticator app (TOTP) before anything else: install an
 * app, scan the QR code (or type the key), confirm with the first 6-digit code. The session becomes a full
 * one and the route guard continues to where the user wanted to go.
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  CopyButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCheck, IconCopy, IconInfoCircle, IconLogout } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError, type ApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { signInPath } from '../../session/route-guards'
import { useSession, useSessionContext } from '../../session/session-context'
import { PublicFrame } from '../../shell/public-frame'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { usePageTitle } from '../../ui/page-header'
import { confirmTotp, startTotpSetup, type TotpSetup } from './auth.api'
import { groupsOfFour } from './totp-secret'

interface SetupState {
  readonly setup?: TotpSetup
  readonly error?: ApiError
}

export function TotpEnrolmentPage() {
  const { t } = useTranslation()
  const session = useSession()
  const { applySession, signOut, refresh } = useSessionContext()
  const navigate = useNavigate()
  const [setupState, setSetupState] = useState<SetupState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const hasStarted = useRef(false)
  usePageTitle(t('auth.totp_enrolment.title'))

  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('auth.totp_enrolment.code_format')),
    },
  })

  const start = useCallback(() => {
    startTotpSetup().then(
      (setup) => setSetupState({ setup }),
      (failure: unknown) => {
        if (isApiError(failure)) setSetupState({ error: failure })
      },
    )
  }, [])

  // Starting issues a new secret: once per visit (StrictMode runs effects twice in development).
  useEffect(() => {
    if (hasStarted.current) return
    hasStarted.current = true
    start()
  }, [start])

  const handleRestart = () => {
    setSetupState(null)
    setError(null)
    form.reset()
    start()
  }

  const handleConfirm = async ({ code }: { code: string }) => {
    setError(null)
    setIsPending(true)
    try {
      const next = await confirmTotp(code.trim())
      notifySuccess(t('auth.totp_enrolment.done_title'), t('auth.totp_enrolment.done'))
      // RequireEnrolment then continues to the page the user asked for.
      applySession(next)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'auth.totp_already_enabled') {
        await refresh()
        return
      }
      if (failure.code === 'request.invalid')
        form.setErrors(fieldErrorsOf(issuesOf(failure), ['code']).byField)
      if (failure.code === 'auth.totp_invalid')
        form.setFieldError('code', t('auth.totp_enrolment.code_wrong'))
      form.getInputNode('code')?.focus()
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const handleSignOut = async () => {
    await signOut()
    void navigate(signInPath, { replace: true })
  }

  const setup = setupState?.setup
  return (
    <PublicFrame size="md">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} size="h2">
              {t('auth.totp_enrolment.title')}
            </Title>
            <Text>{t('auth.totp_enrolment.intro', { name: session.user.displayName })}</Text>
          </Stack>

          <Stack gap="xs" component="section" aria-labelledby="langkah-1">
            <Title order={2} size="h4" id="langkah-1">
              {t('auth.totp_enrolment.step_install')}
            </Title>
            <Text>{t('auth.totp_enrolment.install')}</Text>
          </Stack>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <Stack gap="xs" component="section" aria-labelledby="langkah-2">
              <Title order={2} size="h4" id="langkah-2">
                {t('auth.totp_enrolment.step_scan')}
              </Title>
              <Text>{t('auth.totp_enrolment.scan')}</Text>
              {setupState === null && <LoaderBlock />}
              {setupState?.error && (
                <ErrorAlert message={describeError(setupState.error)} onRetry={handleRestart} />
              )}
              {setup && (
                <Stack gap="sm">
                  <Center>
                    <Image
                      src={setup.qrDataUrl}
                      alt={t('auth.totp_enrolment.qr_alt')}
                      w={200}
                      h={200}
                      fit="contain"
                      radius="sm"
                      bd="1px solid var(--mantine-color-gray-3)"
                    />
                  </Center>
                  <Text size="sm">{t('auth.totp_enrolment.manual')}</Text>
                  <Group gap="sm" wrap="wrap" align="center">
                    <Text component="code" className="netra-secret" data-testid="totp-secret">
                      {groupsOfFour(setup.secret).map((group, index) => (
                        <span key={index} className="netra-secret-group">
                          {group}
                        </span>
                      ))}
                    </Text>
                    <CopyButton value={setup.secret}>
                      {({ copied, copy }) => (
                        <Button
                          variant="light"
                          size="xs"
                          onClick={copy}
                          leftSection={
                            copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                          }
                        >
                          {copied ? t('common.actions.copied') : t('auth.totp_enrolment.copy_secret')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              )}
            </Stack>

            <Stack gap="xs" component="section" aria-labelledby="langkah-3">
              <Title order={2} size="h4" id="langkah-3">
                {t('auth.totp_enrolment.step_confirm')}
              </Title>
              <Text>{t('auth.totp_enrolment.confirm_help')}</Text>
              {error && <ErrorAlert message={error} />}
              <form
                onSubmit={form.onSubmit(
                  (values) => void handleConfirm(values),
                  () => form.getInputNode('code')?.focus(),
                )}
                noValidate
              >
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <TextInput
                    label={t('auth.totp_enrolment.code')}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={6}
                    required
                    w={200}
                    disabled={!setup}
                    {...form.getInputProps('code')}
                  />
                  <Button type="submit" loading={isPending} disabled={!setup}>
                    {t('auth.totp_enrolment.submit')}
                  </Button>
                </Group>
              </form>
              <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
                {t('auth.totp_enrolment.clock_hint')}
              </Alert>
            </Stack>
          </SimpleGrid>

          <Group justify="space-between" gap="sm">
            <Anchor component="button" type="button" size="sm" onClick={handleRestart}>
              {t('auth.totp_enrolment.new_code')}
            </Anchor>
            {session.stage === 'full' ? (
              // Optional enrolment (an employee account): nothing forces the user to finish now.
              <Button variant="subtle" color="dark" size="sm" component={Link} to="/">
                {t('auth.totp_enrolment.later')}
              </Button>
            ) : (
              <Button
                variant="subtle"
                color="dark"
                size="sm"
                leftSection={<IconLogout size={16} aria-hidden />}
                onClick={() => void handleSignOut()}
              >
                {t('auth.totp_enrolment.sign_out')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </PublicFrame>
  )
}
