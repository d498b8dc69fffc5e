/**
 * /verify/:verifyCode — where the QR code of a receipt leads: whether the signature is valid (or revoked), whose
 * it is, for which campaign and when; and a check of a receipt file: the very bytes Netra issued, or not.
 */
import { Alert, FileInput, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../format/date-time'
import { PublicFrame } from '../../shell/public-frame'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { usePageTitle } from '../../ui/page-header'
import { StatusBadge } from '../../ui/status-badge'
import { fileCheckMessageKey, timeZoneOfOffset } from './pledge-public-model'
import { ReceiptSignatureNote } from './receipt-signature-note'
import {
  checkReceiptFile,
  verificationPath,
  type ReceiptVerdict,
  type VerifyView,
} from './pledges-public.api'

type CheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly verdict: ReceiptVerdict }
  | { readonly status: 'failed'; readonly message: string }

function FocusedTitle({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1}>
      {children}
    </Title>
  )
}

function ReceiptFileCheck({ verifyCode }: { readonly verifyCode: string }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [state, setState] = useState<CheckState>({ status: 'idle' })
  const latest = useRef(0)

  const handleChange = async (chosen: File | null) => {
    setFile(chosen)
    const run = ++latest.current
    if (!chosen) {
      setState({ status: 'idle' })
      return
    }
    setState({ status: 'checking' })
    try {
      const verdict = await checkReceiptFile(verifyCode, chosen)
      if (run === latest.current) setState({ status: 'done', verdict })
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (run !== latest.current) return
      const key = fileCheckMessageKey(failure.code)
      setState({
        status: 'failed',
        message: key ? t(`pledges.public.verify.file_${key}`) : describeError(failure),
      })
    }
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="periksa-berkas">
      <Title order={2} size="h4" id="periksa-berkas">
        {t('pledges.public.verify.file_title')}
      </Title>
      <FileInput
        label={t('pledges.public.verify.file_label')}
        description={t('pledges.public.verify.file_help')}
        placeholder={t('pledges.public.verify.file_placeholder')}
        accept="application/pdf,.pdf"
        leftSection={<IconFileTypePdf size={18} aria-hidden />}
        value={file}
        onChange={(chosen) => void handleChange(chosen)}
        clearable
        clearButtonProps={{ 'aria-label': t('pledges.public.verify.file_clear') }}
      />
      <div aria-live="polite">
        {state.status === 'checking' && (
          <Stack gap={4} align="flex-start">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('pledges.public.verify.file_checking')}</Text>
          </Stack>
        )}
        {state.status === 'done' &&
          (state.verdict === 'genuine' ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              <Text fw={700}>{t('pledges.public.verify.file_genuine')}</Text>
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              <Stack gap={4}>
                <Text fw={700}>{t('pledges.public.verify.file_altered')}</Text>
                <Text size="sm">{t('pledges.public.verify.file_altered_help')}</Text>
              </Stack>
            </Alert>
          ))}
        {state.status === 'failed' && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {state.message}
          </Alert>
        )}
      </div>
    </Stack>
  )
}

function VerificationView({ verifyCode, view }: { readonly verifyCode: string; readonly view: VerifyView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <FocusedTitle>{t('pledges.public.verify.title')}</FocusedTitle>
        <div>
          <StatusBadge
            tone={view.valid ? 'done' : 'overdue'}
            label={view.valid ? t('pledges.public.verify.valid') : t('pledges.public.verify.revoked')}
          />
        </div>
        <Text size="sm">
          {view.valid ? t('pledges.public.verify.valid_help') : t('pledges.public.verify.revoked_help')}
        </Text>
      </Stack>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" m={0}>
        <Fact label={t('pledges.public.verify.name')}>{view.name}</Fact>
        <Fact label={t('pledges.public.verify.unit')}>{view.unit}</Fact>
        <Fact label={t('pledges.public.verify.campaign')}>{view.campaign}</Fact>
        <Fact label={t('pledges.public.verify.signed_at')}>
          {formatDateTime(view.signedAt, timeZoneOfOffset(view.signedAt), language)}
        </Fact>
      </SimpleGrid>
      <ReceiptSignatureNote verifyCode={verifyCode} />
      <ReceiptFileCheck verifyCode={verifyCode} />
    </Stack>
  )
}

export function PledgeVerifyPage() {
  const { t } = useTranslation()
  const { verifyCode = '' } = useParams()
  const query = useApiQuery<VerifyView>(verifyCode ? verificationPath(verifyCode) : null)
  usePageTitle(t('pledges.public.verify.title'))

  let content: ReactNode
  if (query.isLoading) {
    content = <LoaderBlock />
  } else if (query.data) {
    content = <VerificationView verifyCode={verifyCode} view={query.data} />
  } else if (
    !verifyCode ||
    query.error?.code === 'pledge.verification_not_found' ||
    query.error?.code === 'request.invalid'
  ) {
    content = (
      <Stack gap="md">
        <FocusedTitle>{t('pledges.public.verify.not_found_title')}</FocusedTitle>
        <Text>{t('errors.pledge.verification_not_found')}</Text>
        <Text size="sm" c="dimmed">
          {t('pledges.public.verify.not_found_help')}
        </Text>
      </Stack>
    )
  } else {
    content = (
      <ErrorAlert
        message={query.error ? describeError(query.error) : t('errors.client.unexpected_response')}
        onRetry={query.reload}
      />
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
