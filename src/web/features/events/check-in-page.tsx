/**
 * /hadir/:token — self check-in after scanning the event screen's QR code, on a phone first: the event (times in
 * the agency's zone: WIB, WITA or WIT), then NIP and the personal "kode kehadiran" printed on the employee's card.
 * A rotated code, an unknown code, an earlier check-in (with its time) and a NIP or attendance code that does not
 * match each get their own message; a success ends in a clear state, followed by the event's short quiz when it
 * has one (answered once; the score is shown).
 */
import { Alert, Button, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconQrcode } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { PublicFrame } from '../../shell/public-frame'
import { LoaderBlock } from '../../ui/full-page-loader'
import { usePageTitle } from '../../ui/page-header'
import {
  checkInProblemOf,
  cleanAttendanceCode,
  cleanNip,
  earlierCheckInOf,
  isAttendanceCode,
  isNip,
  type CheckInProblem,
} from './check-in-model'
import { formatEventSpan } from './event-labels'
import {
  answerQuiz,
  checkInSelf,
  publicEventPath,
  type PublicCheckInResult,
  type PublicEventView,
  type PublicQuizQuestion,
  type QuizAnswerResult,
} from './events.api'

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
  const [code, setCode] = useState('')
  const [fieldErrors, setFieldErrors] = useState<{ nip?: string; code?: string }>({})
  const [isSending, setIsSending] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [result, setResult] = useState<PublicCheckInResult | null>(null)
  const timeZone = event.data?.timeZone ?? defaultTimeZone

  const handleSubmit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const cleanedNip = cleanNip(nip)
    const cleanedCode = cleanAttendanceCode(code)
    const errors: { nip?: string; code?: string } = {}
    if (!isNip(cleanedNip)) errors.nip = t('events.check_in.nip_invalid')
    if (!isAttendanceCode(cleanedCode)) errors.code = t('events.check_in.code_invalid')
    setFieldErrors(errors)
    if (errors.nip || errors.code) {
      document.getElementById(errors.nip ? 'hadir-nip' : 'hadir-kode')?.focus()
      return
    }
    setFailure(null)
    setIsSending(true)
    try {
      setResult(await checkInSelf(token, cleanedNip, cleanedCode))
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
          <>
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
            {result.quiz && result.quizTicket && (
              <QuizForm questions={result.quiz.questions} ticket={result.quizTicket} />
            )}
          </>
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
                  id="hadir-kode"
                  label={t('events.check_in.code')}
                  description={t('events.check_in.code_help')}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  withAsterisk
                  size="md"
                  value={code}
                  onChange={(change) => setCode(change.currentTarget.value)}
                  error={fieldErrors.code}
                  maxLength={20}
                  styles={{ input: { textTransform: 'uppercase', letterSpacing: '0.1em' } }}
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

/** The event's quiz on the phone: one choice per question, sent once; the score replaces the form. */
function QuizForm({
  questions,
  ticket,
}: {
  readonly questions: readonly PublicQuizQuestion[]
  readonly ticket: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const [missing, setMissing] = useState<readonly string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const [score, setScore] = useState<QuizAnswerResult | null>(null)

  const handleSubmit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const unanswered = questions.filter((question) => chosen[question.id] === undefined)
    setMissing(unanswered.map((question) => question.id))
    if (unanswered[0]) {
      document.getElementById(`kuis-${unanswered[0].id}-0`)?.focus()
      return
    }
    setError(null)
    setIsSending(true)
    try {
      setScore(
        await answerQuiz(
          ticket,
          questions.map((question) => ({ questionId: question.id, option: Number(chosen[question.id]) })),
        ),
      )
    } catch (failure) {
      setError(isApiError(failure) ? describeError(failure) : t('errors.unknown', { code: 'client' }))
    } finally {
      setIsSending(false)
    }
  }

  if (score)
    return (
      <Alert color="green" title={t('events.quiz.done_title')} role="status">
        {t('events.quiz.done', {
          correct: score.correctCount,
          total: score.questionCount,
          score: formatNumber(score.score, language),
        })}
      </Alert>
    )

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="hadir-kuis">
      <form onSubmit={(submitted) => void handleSubmit(submitted)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="hadir-kuis">
            {t('events.quiz.public_title')}
          </Title>
          <Text size="sm">{t('events.quiz.public_help')}</Text>
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          {questions.map((question, index) => (
            <Radio.Group
              key={question.id}
              label={t('events.quiz.question_label', { number: index + 1, text: question.text })}
              withAsterisk
              value={chosen[question.id] ?? null}
              onChange={(value) => setChosen({ ...chosen, [question.id]: value })}
              error={missing.includes(question.id) ? t('events.quiz.pick_answer') : undefined}
            >
              <Stack gap="xs" mt="xs">
                {question.options.map((option, optionIndex) => (
                  <Radio
                    key={optionIndex}
                    id={`kuis-${question.id}-${optionIndex}`}
                    value={String(optionIndex)}
                    label={option}
                    size="md"
                  />
                ))}
              </Stack>
            </Radio.Group>
          ))}
          <Button type="submit" size="md" loading={isSending} fullWidth>
            {t('events.quiz.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
