/**
 * /hadir/:token — self check-in after scanning the event screen's QR code, on a phone first: the event, then NIP and
 * date of birth. A rotated code, an unknown code, an earlier check-in (with its time) and a NIP or birth date that
 * does not match each get their own message; a success ends in a clear state.
 */
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconQrcode } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { PublicFrame } from '../../shell/public-frame'
import { LoaderBlock } from '../../ui/full-page-loader'
import { usePageTitle } from '../../ui/page-header'
import { checkInProblemOf, cleanNip, earlierCheckInOf, isNip, type CheckInProblem } from './check-in-model'
import { formatEventSpan } from './event-labels'
import { checkInSelf, publicEventPath, type PublicCheckInResult, type PublicEventView } from './events.api'

interface Failure {
  readonly problem: CheckInProblem
  readonly message: string
  readonly earlierAt: string | null
}

export function CheckInPage() {
  const { token = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  usePageTitle(t('events.check_in.page_title'))
  const event = useApiQuery<PublicEventView>(publicEventPath(token))
  const [nip, setNip] = useState('')
  const [dateOfBirth, setDateOfBirth] = useState('')
  const [fieldErrors, setFieldErrors] = useState<{ nip?: string; dateOfBirth?: string }>({})
  const [isSending, setIsSending] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [result, setResult] = useState<PublicCheckInResult | null>(null)
  // The public view carries no zone: Indonesian agencies mostly keep WIB (see the report on this gap).
  const timeZone = defaultTimeZone

  const handleSubmit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const cleaned = cleanNip(nip)
    const errors: { nip?: string; dateOfBirth?: string } = {}
    if (!isNip(cleaned)) errors.nip = t('events.check_in.nip_invalid')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) errors.dateOfBirth = t('validation.issue.required')
    setFieldErrors(errors)
    if (errors.nip || errors.dateOfBirth) {
      document.getElementById(errors.nip ? 'hadir-nip' : 'hadir-lahir')?.focus()
      return
    }
    setFailure(null)
    setIsSending(true)
    try {
      setResult(await checkInSelf(token, cleaned, dateOfBirth))
    } catch (error) {
      if (isApiError(error)) {
        const problem = checkInProblemOf(error)
        setFailure({
          problem,
          message: problem === 'other' || problem === 'rate_limited' ? describeError(error) : '',
          earlierAt: earlierCheckInOf(error),
        })
      } else {
        setFailure({ problem: 'other', message: t('errors.unknown', { code: 'client' }), earlierAt: null })
      }
    } finally {
      setIsSending(false)
    }
  }

  const problemText = (value: Failure): string => {
    switch (value.problem) {
      case 'expired':
        return t('events.check_in.problem.expired')
      case 'invalid':
        return t('events.check_in.problem.invalid')
      case 'already_checked_in':
        return value.earlierAt
          ? t('events.check_in.problem.already_at', {
              time: formatDateTime(value.earlierAt, timeZone, language),
            })
          : t('events.check_in.problem.already')
      case 'identity_mismatch':
        return t('events.check_in.problem.identity_mismatch')
      case 'network':
        return t('events.check_in.problem.network')
      case 'rate_limited':
      case 'other':
        return value.message
    }
  }

  const tokenUnusable =
    event.error && (event.error.status === 404 || event.error.status === 410 || event.error.status === 400)

  return (
    <PublicFrame size="xs">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('events.check_in.title')}
        </Title>
        {!event.data && !event.error && <LoaderBlock />}
        {event.error && (
          <Alert
            color={tokenUnusable ? 'orange' : 'red'}
            icon={<IconQrcode size={20} aria-hidden />}
            title={t('events.check_in.unusable_title')}
            role="alert"
          >
            {event.error.code === 'event.check_in_token_expired'
              ? t('events.check_in.problem.expired')
              : tokenUnusable
                ? t('events.check_in.problem.invalid')
                : describeError(event.error)}
          </Alert>
        )}
        {event.data && (
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="hadir-kegiatan">
            <Text size="sm" c="dimmed">
              {t(`events.kind.${event.data.kind}`)}
            </Text>
            <Title order={2} size="h3" id="hadir-kegiatan">
              {event.data.title}
            </Title>
            <Text size="sm" mt={4}>
              {formatEventSpan(event.data.startsAt, event.data.endsAt, timeZone, language)}
            </Text>
            {event.data.venue && <Text size="sm">{event.data.venue}</Text>}
          </Paper>
        )}
        {result ? (
          <Alert
            color="green"
            icon={<IconCircleCheck size={24} aria-hidden />}
            title={t('events.check_in.success_title')}
            role="status"
          >
            <Stack gap={4}>
              <Text>
                {t('events.check_in.success', {
                  title: result.eventTitle,
                  time: formatDateTime(result.checkedInAt, timeZone, language),
                })}
              </Text>
              {!result.isTargeted && <Text size="sm">{t('events.check_in.untargeted')}</Text>}
            </Stack>
          </Alert>
        ) : (
          event.data && (
            <form onSubmit={(submitted) => void handleSubmit(submitted)} noValidate>
              <Stack gap="md">
                {failure && (
                  <Alert
                    color={failure.problem === 'already_checked_in' ? 'blue' : 'red'}
                    icon={<IconAlertTriangle size={20} aria-hidden />}
                    role="alert"
                  >
                    {problemText(failure)}
                  </Alert>
                )}
                <TextInput
                  id="hadir-nip"
                  label={t('events.check_in.nip')}
                  description={t('events.check_in.nip_help')}
                  inputMode="numeric"
                  autoComplete="off"
                  withAsterisk
                  size="md"
                  value={nip}
                  onChange={(change) => setNip(change.currentTarget.value)}
                  error={fieldErrors.nip}
                  maxLength={24}
                />
                <TextInput
                  id="hadir-lahir"
                  type="date"
                  label={t('events.check_in.date_of_birth')}
                  withAsterisk
                  size="md"
                  value={dateOfBirth}
                  onChange={(change) => setDateOfBirth(change.currentTarget.value)}
                  error={fieldErrors.dateOfBirth}
                />
                <Button type="submit" size="md" loading={isSending} fullWidth>
                  {t('events.check_in.submit')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('events.check_in.privacy')}
                </Text>
              </Stack>
            </form>
          )
        )}
      </Stack>
    </PublicFrame>
  )
}
