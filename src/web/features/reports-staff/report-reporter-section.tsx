/**
 * Who reported: nothing for an anonymous report; for a confidential one "Identitas dirahasiakan", the reveal
 * requests and the way to ask (a reason, decided by a second officer), then the identity while the approval lasts;
 * a named reporter as given.
 */
import { Alert, Badge, Box, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { IconEyeOff, IconLock, IconLockOpen, IconUserCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { revealValidityDays, type RevealRequestStatus } from '../../../features/reports/report-reveal.schema'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { SectionCard } from '../../ui/section-card'
import { StatusBadge, type StatusTone } from '../../ui/status-badge'
import {
  failureMessage,
  reportRevealRequestsPath,
  requestReveal,
  type ReportDetail,
  type RevealRequestList,
} from './reports-staff.api'

/** The shortest reason the server accepts (report-reveal.schema.ts). */
export const minimumRevealReason = 20

const revealTone: Record<RevealRequestStatus, StatusTone> = {
  pending: 'due',
  approved: 'done',
  rejected: 'neutral',
  expired: 'neutral',
}

export function RevealStatusBadge({ status }: { readonly status: RevealRequestStatus }) {
  const { t } = useTranslation()
  return <StatusBadge tone={revealTone[status]} label={t(`reportsStaff.reveal.status.${status}`)} />
}

export interface ReportReporterSectionProps {
  readonly report: ReportDetail
  readonly mayRequestReveal: boolean
  readonly currentUserId: string
  readonly timeZone: string
}

function Identity({ reporter }: { readonly reporter: NonNullable<ReportDetail['reporter']> }) {
  const { t } = useTranslation()
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gap: 'var(--mantine-spacing-sm)' }}>
      <Fact label={t('reportsStaff.reporter.name')}>{reporter.name}</Fact>
      <Fact label={t('reportsStaff.reporter.phone')}>{reporter.phone ?? '—'}</Fact>
      <Fact label={t('reportsStaff.reporter.email')}>{reporter.email ?? '—'}</Fact>
    </Box>
  )
}

export function ReportReporterSection({
  report,
  mayRequestReveal,
  currentUserId,
  timeZone,
}: ReportReporterSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const confidential = report.identityLevel === 'confidential'
  const requests = useApiQuery<RevealRequestList>(
    confidential && mayRequestReveal ? reportRevealRequestsPath(report.id) : null,
  )
  const [isAsking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setPending] = useState(false)
  const myPending = requests.data?.items.some(
    (request) => request.status === 'pending' && request.requestedBy.id === currentUserId,
  )

  const submit = async () => {
    if (reason.trim().length < minimumRevealReason) {
      setReasonError(t('reportsStaff.reveal.reason_short', { count: minimumRevealReason }))
      return
    }
    setReasonError(null)
    setError(null)
    setPending(true)
    try {
      await requestReveal(report.id, reason.trim())
      notifySuccess(t('reportsStaff.reveal.requested_title'), t('reportsStaff.reveal.requested'))
      setAsking(false)
      setReason('')
      requests.reload()
    } catch (caught) {
      setError(failureMessage(caught))
    } finally {
      setPending(false)
    }
  }

  let body
  if (report.identityLevel === 'anonymous') {
    body = (
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconEyeOff size={22} aria-hidden />
        <Stack gap={2}>
          <Text fw={700}>{t('reportsStaff.reporter.anonymous')}</Text>
          <Text size="sm" c="dimmed">
            {t('reportsStaff.reporter.anonymous_help')}
          </Text>
        </Stack>
      </Group>
    )
  } else if (report.identityLevel === 'named') {
    body = (
      <Stack gap="sm">
        <Group gap="xs">
          <IconUserCircle size={20} aria-hidden />
          <Text fw={700}>{t('reportsStaff.reporter.named')}</Text>
        </Group>
        {report.reporter ? <Identity reporter={report.reporter} /> : <Text c="dimmed">—</Text>}
      </Stack>
    )
  } else {
    body = (
      <Stack gap="md">
        {report.reporter ? (
          <>
            <Alert color="orange" variant="light" icon={<IconLockOpen aria-hidden />} c="dark.7">
              {report.reporterRevealedUntil
                ? t('reportsStaff.reveal.visible_until', {
                    until: formatDateTime(report.reporterRevealedUntil, timeZone, language),
                  })
                : t('reportsStaff.reveal.visible')}
            </Alert>
            <Identity reporter={report.reporter} />
          </>
        ) : (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconLock size={22} aria-hidden />
            <Stack gap={2}>
              <Text fw={700}>{t('reportsStaff.reporter.confidential')}</Text>
              <Text size="sm" c="dimmed">
                {t('reportsStaff.reporter.confidential_help')}
              </Text>
            </Stack>
          </Group>
        )}
        {requests.isLoading && <LoaderBlock isInline />}
        {mayRequestReveal && requests.error && (
          <ErrorAlert message={failureMessage(requests.error)} onRetry={requests.reload} />
        )}
        {requests.data && requests.data.items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('reportsStaff.reveal.list')}
          >
            {requests.data.items.map((request) => (
              <Box component="li" key={request.id}>
                <Group gap="xs" wrap="wrap">
                  <RevealStatusBadge status={request.status} />
                  <Text size="sm">
                    {t('reportsStaff.reveal.requested_by', {
                      name: request.requestedBy.displayName,
                      at: formatDateTime(request.createdAt, timeZone, language),
                    })}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {request.reason}
                </Text>
                {request.decidedBy && (
                  <Text size="sm" c="dimmed">
                    {t('reportsStaff.reveal.decided_by', {
                      name: request.decidedBy.displayName,
                      at: request.decidedAt ? formatDateTime(request.decidedAt, timeZone, language) : '—',
                    })}
                    {request.decisionNote ? ` — ${request.decisionNote}` : ''}
                  </Text>
                )}
              </Box>
            ))}
          </Stack>
        )}
        {mayRequestReveal && !report.reporter && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconLockOpen size={18} aria-hidden />}
              onClick={() => setAsking(true)}
              disabled={requests.isLoading || myPending === true}
            >
              {t('reportsStaff.reveal.ask')}
            </Button>
            {myPending && (
              <Badge variant="light" color="gray" c="dark.7" tt="none">
                {t('reportsStaff.reveal.waiting')}
              </Badge>
            )}
          </Group>
        )}
      </Stack>
    )
  }

  return (
    <SectionCard title={t('reportsStaff.reporter.title')} id="laporan-pelapor">
      {body}
      <Modal
        opened={isAsking}
        onClose={isPending ? () => undefined : () => setAsking(false)}
        title={t('reportsStaff.reveal.ask')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('reportsStaff.reveal.ask_help', { days: revealValidityDays })}</Text>
          <Textarea
            label={t('reportsStaff.reveal.reason')}
            description={t('reportsStaff.reveal.reason_help', { count: minimumRevealReason })}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
          {error && <ErrorAlert message={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(false)} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={isPending}>
              {t('reportsStaff.reveal.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  )
}
