/**
 * /sertifikat-tanda-terima — the agency's receipt signing certificate (decision 0010): what is in use (owner,
 * issuer, validity, fingerprint; never the key), a warning before it ends, upload or replace (P12 file + password),
 * and removal after a confirmation. Agency admins see their own agency; a platform admin picks one.
 */
import { Alert, Button, FileInput, PasswordInput, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import {
  IconAlertTriangle,
  IconCertificate,
  IconInfoCircle,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { canAdministerAgency } from '../../../domain/access'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDate, formatDateTime } from '../../format/date-time'
import { actorOf } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { agenciesPath, type AgencyListView } from './agencies.api'
import {
  receiptCertificatePath,
  removeReceiptCertificate,
  uploadReceiptCertificate,
  type ReceiptCertificateState,
  type SigningCertificateView,
} from './receipt-certificate.api'
import { certificateAccept, certificateExpiry, formatFingerprint } from './receipt-certificate-model'

const messageOf = (error: unknown, fallback: string) => (isApiError(error) ? describeError(error) : fallback)

function CertificateFacts({
  certificate,
  timeZone,
}: {
  readonly certificate: SigningCertificateView
  readonly timeZone: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const expiry = certificateExpiry(certificate.validUntil, new Date())
  return (
    <Stack gap="md">
      {expiry.kind === 'expiring' && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('agencies.receipt_certificate.expiring_title')}
        >
          {t('agencies.receipt_certificate.expiring', { count: expiry.daysLeft })}
        </Alert>
      )}
      {expiry.kind === 'expired' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('agencies.receipt_certificate.expired_title')}
        >
          {t('agencies.receipt_certificate.expired')}
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
        <Fact label={t('agencies.receipt_certificate.subject')}>{certificate.subjectName || '—'}</Fact>
        <Fact label={t('agencies.receipt_certificate.issuer')}>{certificate.issuerName || '—'}</Fact>
        <Fact label={t('agencies.receipt_certificate.valid_from')}>
          {formatDate(certificate.validFrom, timeZone, language)}
        </Fact>
        <Fact label={t('agencies.receipt_certificate.valid_until')}>
          {formatDate(certificate.validUntil, timeZone, language)}
        </Fact>
        <Fact label={t('agencies.receipt_certificate.serial')}>
          <Text component="span" ff="monospace" fw={600}>
            {certificate.serialNumber}
          </Text>
        </Fact>
        <Fact label={t('agencies.receipt_certificate.key')}>
          {t('agencies.receipt_certificate.key_value', {
            algorithm: certificate.keyAlgorithm,
            bits: certificate.keyBits,
          })}
        </Fact>
        <Fact label={t('agencies.receipt_certificate.fingerprint')}>
          <Text component="span" ff="monospace" fw={600} size="sm">
            {formatFingerprint(certificate.fingerprintSha256)}
          </Text>
        </Fact>
        <Fact label={t('agencies.receipt_certificate.uploaded')}>
          {certificate.uploadedBy
            ? t('agencies.receipt_certificate.uploaded_by', {
                date: formatDateTime(certificate.uploadedAt, timeZone, language),
                name: certificate.uploadedBy,
              })
            : formatDateTime(certificate.uploadedAt, timeZone, language)}
        </Fact>
      </SimpleGrid>
    </Stack>
  )
}

function UploadForm({
  agencyId,
  isReplacing,
  onUploaded,
}: {
  readonly agencyId: string
  readonly isReplacing: boolean
  readonly onUploaded: (certificate: SigningCertificateView) => void
}) {
  const { t } = useTranslation()
  const session = useSession()
  const [file, setFile] = useState<File | null>(null)
  const [password, setPassword] = useState('')
  const [fileError, setFileError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!file) {
      setFileError(t('agencies.receipt_certificate.file_required'))
      return
    }
    setFileError(null)
    setError(null)
    setIsPending(true)
    try {
      const certificate = await uploadReceiptCertificate(agencyId, { file, password }, session.csrfToken)
      setFile(null)
      setPassword('')
      onUploaded(certificate)
    } catch (failure) {
      setError(messageOf(failure, t('errors.unknown', { code: 'client' })))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md" maw={560}>
        {isReplacing && <Text size="sm">{t('agencies.receipt_certificate.replace_help')}</Text>}
        <FileInput
          label={t('agencies.receipt_certificate.file')}
          description={t('agencies.receipt_certificate.file_help')}
          placeholder={t('agencies.receipt_certificate.file_placeholder')}
          accept={certificateAccept}
          leftSection={<IconCertificate size={18} aria-hidden />}
          value={file}
          onChange={(chosen) => {
            setFile(chosen)
            setFileError(null)
          }}
          error={fileError}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('agencies.receipt_certificate.file_clear') }}
        />
        <PasswordInput
          label={t('agencies.receipt_certificate.password')}
          description={t('agencies.receipt_certificate.password_help')}
          autoComplete="off"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': t('agencies.receipt_certificate.password_toggle') }}
        />
        {error && <ErrorAlert message={error} />}
        <div>
          <Button type="submit" loading={isPending} leftSection={<IconUpload size={18} aria-hidden />}>
            {isReplacing
              ? t('agencies.receipt_certificate.submit_replace')
              : t('agencies.receipt_certificate.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  )
}

function AgencyCertificate({ agencyId, timeZone }: { readonly agencyId: string; readonly timeZone: string }) {
  const { t } = useTranslation()
  const query = useApiQuery<ReceiptCertificateState>(receiptCertificatePath(agencyId))
  const [isRemoveOpen, setIsRemoveOpen] = useState(false)
  const [isRemoving, setIsRemoving] = useState(false)
  const [removeError, setRemoveError] = useState<string | null>(null)

  if (query.error) return <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
  if (!query.data) return <LoaderBlock />
  const { certificate } = query.data

  const handleRemove = async () => {
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await removeReceiptCertificate(agencyId)
      setIsRemoveOpen(false)
      notifySuccess(
        t('agencies.receipt_certificate.removed_done_title'),
        t('agencies.receipt_certificate.removed_done'),
      )
      query.reload()
    } catch (failure) {
      setRemoveError(messageOf(failure, t('errors.unknown', { code: 'client' })))
    } finally {
      setIsRemoving(false)
    }
  }

  const handleUploaded = (uploaded: SigningCertificateView) => {
    notifySuccess(
      t('agencies.receipt_certificate.uploaded_done_title'),
      t('agencies.receipt_certificate.uploaded_done', { name: uploaded.subjectName }),
    )
    query.reload()
  }

  return (
    <Stack gap="lg">
      <SectionCard
        title={
          certificate
            ? t('agencies.receipt_certificate.current_title')
            : t('agencies.receipt_certificate.none_title')
        }
        id="sertifikat-dipakai"
        actions={
          certificate ? (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={() => {
                setRemoveError(null)
                setIsRemoveOpen(true)
              }}
            >
              {t('agencies.receipt_certificate.remove')}
            </Button>
          ) : undefined
        }
      >
        {certificate ? (
          <CertificateFacts certificate={certificate} timeZone={timeZone} />
        ) : (
          <Text size="sm">{t('agencies.receipt_certificate.none')}</Text>
        )}
      </SectionCard>
      <SectionCard
        title={
          certificate
            ? t('agencies.receipt_certificate.replace_title')
            : t('agencies.receipt_certificate.upload_title')
        }
        id="sertifikat-unggah"
      >
        <UploadForm agencyId={agencyId} isReplacing={certificate !== null} onUploaded={handleUploaded} />
      </SectionCard>
      <ConfirmModal
        opened={isRemoveOpen}
        title={t('agencies.receipt_certificate.remove_title')}
        confirmLabel={t('agencies.receipt_certificate.remove_confirm')}
        isDestructive
        isPending={isRemoving}
        error={removeError}
        onConfirm={() => void handleRemove()}
        onClose={() => setIsRemoveOpen(false)}
      >
        {t('agencies.receipt_certificate.remove_body')}
      </ConfirmModal>
    </Stack>
  )
}

export function ReceiptCertificatePage() {
  const { t } = useTranslation()
  const session = useSession()
  const ownAgency =
    session.agency && canAdministerAgency(actorOf(session), session.agency.id) ? session.agency : null
  // A platform administrator without an agency of their own picks the agency.
  const agencies = useApiQuery<AgencyListView>(ownAgency ? null : agenciesPath)
  const [pickedAgencyId, setPickedAgencyId] = useState<string | null>(null)
  const agencyId = ownAgency?.id ?? pickedAgencyId
  const timeZone =
    ownAgency?.timeZone ??
    agencies.data?.items.find((agency) => agency.id === pickedAgencyId)?.timeZone ??
    defaultTimeZone

  return (
    <>
      <PageHeader
        title={t('agencies.receipt_certificate.title')}
        description={t('agencies.receipt_certificate.description')}
      />
      <Stack gap="lg">
        {!ownAgency && (
          <Select
            label={t('agencies.receipt_certificate.agency')}
            placeholder={t('agencies.receipt_certificate.agency_placeholder')}
            data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
            value={pickedAgencyId}
            onChange={setPickedAgencyId}
            searchable
            w={{ base: '100%', sm: 380 }}
            {...nothingFoundOption(t('common.list.no_match'))}
          />
        )}
        {agencyId && <AgencyCertificate key={agencyId} agencyId={agencyId} timeZone={timeZone} />}
        <Alert
          variant="light"
          color="netra"
          icon={<IconInfoCircle aria-hidden />}
          title={t('agencies.receipt_certificate.about_title')}
        >
          <Text size="sm">{t('agencies.receipt_certificate.about')}</Text>
        </Alert>
      </Stack>
    </>
  )
}
