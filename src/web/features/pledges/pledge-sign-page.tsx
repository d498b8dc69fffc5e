/**
 * /ikrar/:code — where a civil servant signs the pledge behind their one-time code, on a phone first: the text,
 * who witnesses it, then date of birth, typed name, an optional drawn signature and a confirmation. Refusals appear
 * next to the field they concern; a used code, a closed window or a second signature end in a clear state. After
 * signing: the time in the agency's zone, the receipt PDF and the link to its verification page.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Divider,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCircleCheck, IconInfoCircle, IconSignature } from '@tabler/icons-react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError, type ApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../format/date-time'
import { PublicFrame } from '../../shell/public-frame'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { usePageTitle } from '../../ui/page-header'
import { fieldOfSignError, isFinalSignError, paragraphsOf, signFields } from './pledge-public-model'
import {
  publicPledgePath,
  signPledge,
  type PublicPledgeView,
  type SignPledgeResult,
} from './pledges-public.api'
import { ReceiptDownload } from './receipt-download'
import { SignaturePad } from './signature-pad'
import './pledges-public.css'

interface SignValues {
  dateOfBirth: string
  typedName: string
  confirmed: boolean
}

const formFields = ['dateOfBirth', 'typedName', 'confirmed'] as const

/** Today in the browser, `YYYY-MM-DD`: no one signs with a birth date in the future. */
function today(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A heading that takes focus when it appears, so a changed page state is announced and read from the top. */
function FocusedTitle({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1}>
      {children}
    </Title>
  )
}

function PledgeHeading({ pledge }: { readonly pledge: PublicPledgeView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" fw={600}>
        {pledge.agencyName}
      </Text>
      <div>
        <Badge variant="light" radius="sm" tt="none" c="netra.9">
          {t(`pledges.public.kind.${pledge.kind}`)}
        </Badge>
      </div>
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {pledge.title}
      </Title>
      <Text>{pledge.campaignName}</Text>
      <Text size="sm" c="dimmed">
        {t('pledges.public.sign.window', {
          opensAt: formatDateTime(pledge.opensAt, pledge.timeZone, language),
          closesAt: formatDateTime(pledge.closesAt, pledge.timeZone, language),
        })}
      </Text>
    </Stack>
  )
}

function PledgeText({ pledge }: { readonly pledge: PublicPledgeView }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Box
        component="section"
        aria-label={t('pledges.public.sign.text_label')}
        className="netra-pledge-text"
        p={{ base: 'sm', sm: 'md' }}
        bg="gray.0"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      >
        {paragraphsOf(pledge.body).map((paragraph, index) => (
          <Text key={index} component="p" mt={index === 0 ? 0 : 'sm'} mb={0}>
            {paragraph}
          </Text>
        ))}
      </Box>
      {pledge.witnesses.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('pledges.public.sign.witnesses')}
          </Title>
          <List size="sm" spacing={2}>
            {pledge.witnesses.map((witness) => (
              <List.Item key={`${witness.name}|${witness.institution}`}>
                {witness.role
                  ? t('pledges.public.sign.witness_with_role', {
                      name: witness.name,
                      role: witness.role,
                      institution: witness.institution,
                    })
                  : t('pledges.public.sign.witness', {
                      name: witness.name,
                      institution: witness.institution,
                    })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  )
}

/** Not open, used, or refused for good: what happened and what to do, without the form. */
function ClosedNotice({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
      <Stack gap={4}>
        <Text fw={700}>{title}</Text>
        <Text size="sm">{message}</Text>
      </Stack>
    </Alert>
  )
}

function SignedView({
  pledge,
  result,
}: {
  readonly pledge: PublicPledgeView
  readonly result: SignPledgeResult
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const verifyPath = `/verify/${encodeURIComponent(result.verifyCode)}`
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Text c="green.8" aria-hidden>
          <IconCircleCheck size={40} />
        </Text>
        <FocusedTitle>{t('pledges.public.done.title')}</FocusedTitle>
        <Text>{t('pledges.public.done.intro', { title: pledge.title })}</Text>
        <Text fw={600}>
          {t('pledges.public.done.signed_at', {
            time: formatDateTime(result.signedAt, pledge.timeZone, language),
          })}
        </Text>
      </Stack>
      <ReceiptDownload verifyCode={result.verifyCode} />
      <Text size="sm">
        {t('pledges.public.done.verify_intro')}{' '}
        <Anchor component={Link} to={verifyPath} underline="always">
          {t('pledges.public.done.verify_link')}
        </Anchor>
      </Text>
    </Stack>
  )
}

interface SignFormProps {
  readonly code: string
  readonly pledge: PublicPledgeView
  readonly onSigned: (result: SignPledgeResult) => void
  readonly onFinalRefusal: (error: ApiError) => void
}

function SignForm({ code, pledge, onSigned, onFinalRefusal }: SignFormProps) {
  const { t } = useTranslation()
  const [drawnSignature, setDrawnSignature] = useState<string | null>(null)
  const [signatureError, setSignatureError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Set within the submit event, so the button is disabled before a second tap can reach it.
  const [isSending, setIsSending] = useState(false)

  const form = useForm<SignValues>({
    initialValues: { dateOfBirth: '', typedName: '', confirmed: false },
    validate: {
      dateOfBirth: (value) => (value === '' ? t('pledges.public.sign.date_of_birth_required') : null),
      typedName: (value) => (value.trim() === '' ? t('pledges.public.sign.typed_name_required') : null),
      confirmed: (value) => (value ? null : t('pledges.public.sign.confirm_required')),
    },
  })
  const focusNode = (path: string) => form.getInputNode(path)

  const showError = (failure: ApiError) => {
    if (isFinalSignError(failure.code)) {
      onFinalRefusal(failure)
      return
    }
    if (failure.code === 'request.invalid') {
      const { byField, unmatched } = fieldErrorsOf(issuesOf(failure), signFields)
      const { drawnSignature: drawnError, ...fieldErrors } = byField
      form.setErrors(fieldErrors)
      if (drawnError) setSignatureError(t('errors.pledge.signature_image_invalid'))
      focusFirstError(focusNode, fieldErrors, formFields)
      setError(unmatched > 0 || Object.keys(byField).length === 0 ? describeError(failure) : null)
      return
    }
    const attemptsLeft = failure.details.attemptsLeft
    const message =
      failure.code === 'pledge.identity_mismatch' && typeof attemptsLeft === 'number'
        ? `${describeError(failure)} ${t('pledges.public.sign.attempts_left', { count: attemptsLeft })}`
        : describeError(failure)
    const field = fieldOfSignError(failure.code)
    if (field === 'drawnSignature') {
      setSignatureError(message)
    } else if (field) {
      form.setFieldError(field, message)
      focusNode(field)?.focus()
    } else {
      setError(message)
    }
  }

  const handleSubmit = async (values: SignValues) => {
    if (isSending) return
    setIsSending(true)
    setError(null)
    setSignatureError(null)
    try {
      const result = await signPledge(code, {
        dateOfBirth: values.dateOfBirth,
        typedName: values.typedName.trim(),
        ...(drawnSignature ? { drawnSignature } : {}),
      })
      onSigned(result)
    } catch (failure) {
      if (isApiError(failure)) showError(failure)
      else throw failure
    } finally {
      setIsSending(false)
    }
  }

  return (
    <form
      noValidate
      aria-labelledby="ikrar-form-title"
      onSubmit={form.onSubmit(
        (values) => void handleSubmit(values),
        (errors) => focusFirstError(focusNode, errors, formFields),
      )}
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="ikrar-form-title">
            {t('pledges.public.sign.form_title')}
          </Title>
          <Text size="sm">
            {t('pledges.public.sign.signing_as')}{' '}
            <Text component="span" fw={700} ff="monospace">
              {pledge.signerNameMasked}
            </Text>
          </Text>
        </Stack>
        <TextInput
          type="date"
          label={t('pledges.public.sign.date_of_birth')}
          description={t('pledges.public.sign.date_of_birth_help')}
          max={today()}
          min="1900-01-01"
          required
          disabled={isSending}
          {...form.getInputProps('dateOfBirth')}
        />
        <TextInput
          label={t('pledges.public.sign.typed_name')}
          description={t('pledges.public.sign.typed_name_help')}
          autoComplete="name"
          autoCapitalize="words"
          maxLength={300}
          required
          disabled={isSending}
          {...form.getInputProps('typedName')}
        />
        <SignaturePad onChange={setDrawnSignature} error={signatureError} disabled={isSending} />
        <Checkbox
          label={t('pledges.public.sign.confirm', { title: pledge.title })}
          disabled={isSending}
          {...form.getInputProps('confirmed', { type: 'checkbox' })}
        />
        {error && <ErrorAlert message={error} />}
        <Button
          type="submit"
          size="md"
          loading={isSending}
          disabled={isSending}
          leftSection={<IconSignature size={20} aria-hidden />}
          fullWidth
        >
          {t('pledges.public.sign.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('pledges.public.sign.privacy')}
        </Text>
      </Stack>
    </form>
  )
}

const finalNoticeKeys = {
  'pledge.already_signed': 'already_signed',
  'pledge.code_used': 'used',
  'pledge.code_locked': 'locked',
  'pledge.code_invalid': 'invalid',
  'pledge.window_closed': 'window_closed',
} as const

export function PledgeSignPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const query = useApiQuery<PublicPledgeView>(code ? publicPledgePath(code) : null)
  const [result, setResult] = useState<SignPledgeResult | null>(null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  usePageTitle(
    result ? t('pledges.public.done.title') : (query.data?.title ?? t('pledges.public.sign.page_title')),
  )

  const pledge = query.data
  let content: ReactNode
  if (query.isLoading) {
    content = <LoaderBlock />
  } else if (query.error || !pledge) {
    const isUnknown =
      query.error?.code === 'pledge.code_invalid' || query.error?.code === 'request.invalid' || !code
    content = isUnknown ? (
      <Stack gap="md">
        <FocusedTitle>{t('pledges.public.state.invalid.title')}</FocusedTitle>
        <Text>{t('errors.pledge.code_invalid')}</Text>
      </Stack>
    ) : (
      <ErrorAlert
        message={query.error ? describeError(query.error) : t('errors.client.unexpected_response')}
        onRetry={query.reload}
      />
    )
  } else if (result) {
    content = <SignedView pledge={pledge} result={result} />
  } else {
    const refusalKey = refusal
      ? finalNoticeKeys[refusal.code as keyof typeof finalNoticeKeys]
      : pledge.state === 'open'
        ? null
        : pledge.state
    content = (
      <Stack gap="lg">
        <PledgeHeading pledge={pledge} />
        {refusalKey && (
          <ClosedNotice
            title={t(`pledges.public.state.${refusalKey}.title`)}
            message={t(`pledges.public.state.${refusalKey}.message`)}
          />
        )}
        {(refusalKey === null || refusalKey === 'not_yet_open') && <PledgeText pledge={pledge} />}
        {refusalKey === null && (
          <>
            <Divider />
            <SignForm code={code} pledge={pledge} onSigned={setResult} onFinalRefusal={setRefusal} />
          </>
        )}
      </Stack>
    )
  }

  return (
    <PublicFrame size="sm">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
        {content}
      </Paper>
    </PublicFrame>
  )
}
