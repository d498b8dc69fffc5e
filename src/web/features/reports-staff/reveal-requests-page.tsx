/**
 * /pengaduan/permintaan-identitas — pending requests to read a confidential reporter's identity, for the officers
 * who decide them (custodians: agency admins, PPK/PyBM): report number, requester, reason; approve or reject with
 * a note. An officer's own request shows its buttons disabled with the reason beside them (the server refuses it too).
 */
import { Anchor, Button, EmptyState, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { IconCheck, IconLockOpen, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { revealValidityDays } from '../../../features/reports/report-reveal.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { RevealStatusBadge } from './report-reporter-section'
import {
  decideReveal,
  failureMessage,
  pendingRevealRequestsPath,
  type RevealRequestList,
  type RevealRequestView,
} from './reports-staff.api'

type Decision = 'approve' | 'reject'

export function RevealRequestsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const requests = useApiQuery<RevealRequestList>(pendingRevealRequestsPath)
  const mayOpenReports = mayUse(session, 'reports.read')
  const [deciding, setDeciding] = useState<{ request: RevealRequestView; decision: Decision } | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isPending, setPending] = useState(false)

  const close = () => {
    if (isPending) return
    setDeciding(null)
    setNote('')
    setError(null)
  }

  const submit = async () => {
    if (!deciding) return
    setError(null)
    setPending(true)
    try {
      await decideReveal(deciding.request.id, deciding.decision, note)
      notifySuccess(
        t('reportsStaff.reveal_requests.done_title'),
        t(`reportsStaff.reveal_requests.done.${deciding.decision}`, {
          number: deciding.request.reportNumber,
        }),
      )
      setPending(false)
      setDeciding(null)
      setNote('')
      requests.reload()
    } catch (caught) {
      setError(failureMessage(caught))
      setPending(false)
    }
  }

  const items = requests.latestData?.items

  return (
    <>
      <PageHeader
        title={t('reportsStaff.reveal_requests.title')}
        description={t('reportsStaff.reveal_requests.description', { days: revealValidityDays })}
        breadcrumbs={[
          ...(mayOpenReports ? [{ label: t('reportsStaff.list.title'), to: '/pengaduan' }] : []),
          { label: t('reportsStaff.reveal_requests.title') },
        ]}
      />
      {requests.error && <ErrorAlert message={describeError(requests.error)} onRetry={requests.reload} />}
      {!items && !requests.error && <LoaderBlock />}
      {items && items.length === 0 && (
        <EmptyState
          icon={<IconLockOpen size={40} aria-hidden />}
          withIndicatorBackground
          title={t('reportsStaff.reveal_requests.empty_title')}
          description={t('reportsStaff.reveal_requests.empty')}
        />
      )}
      {items && items.length > 0 && (
        <Stack
          component="ul"
          gap="md"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('reportsStaff.reveal_requests.title')}
        >
          {items.map((request) => (
            <Paper component="li" withBorder p="md" radius="md" key={request.id}>
              <Stack gap="xs">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Group gap="sm">
                    {mayOpenReports ? (
                      <Anchor component={Link} to={`/pengaduan/${request.reportId}`} fw={700}>
                        {t('reportsStaff.detail.title', { number: request.reportNumber })}
                      </Anchor>
                    ) : (
                      <Text fw={700}>{t('reportsStaff.detail.title', { number: request.reportNumber })}</Text>
                    )}
                    <RevealStatusBadge status={request.status} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('reportsStaff.reveal.requested_by', {
                      name: request.requestedBy.displayName,
                      at: formatDateTime(request.createdAt, timeZone, language),
                    })}
                  </Text>
                </Group>
                <Text size="sm" fw={600}>
                  {t('reportsStaff.reveal.reason')}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.reason}</Text>
                <Group gap="sm">
                  <Button
                    leftSection={<IconCheck size={18} aria-hidden />}
                    onClick={() => setDeciding({ request, decision: 'approve' })}
                    disabled={!request.canDecide}
                    aria-describedby={request.canDecide ? undefined : `cannot-decide-${request.id}`}
                    aria-label={t('reportsStaff.reveal_requests.approve_named', {
                      number: request.reportNumber,
                    })}
                  >
                    {t('reportsStaff.reveal_requests.approve')}
                  </Button>
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconX size={18} aria-hidden />}
                    onClick={() => setDeciding({ request, decision: 'reject' })}
                    disabled={!request.canDecide}
                    aria-describedby={request.canDecide ? undefined : `cannot-decide-${request.id}`}
                    aria-label={t('reportsStaff.reveal_requests.reject_named', {
                      number: request.reportNumber,
                    })}
                  >
                    {t('reportsStaff.reveal_requests.reject')}
                  </Button>
                  {!request.canDecide && (
                    <Text size="sm" c="dimmed" id={`cannot-decide-${request.id}`}>
                      {t('reportsStaff.reveal_requests.cannot_decide')}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={deciding !== null}
        onClose={close}
        title={
          deciding
            ? t(`reportsStaff.reveal_requests.confirm_title.${deciding.decision}`, {
                number: deciding.request.reportNumber,
              })
            : ''
        }
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        {deciding && (
          <Stack gap="md">
            <Text>
              {t(`reportsStaff.reveal_requests.confirm.${deciding.decision}`, {
                name: deciding.request.requestedBy.displayName,
                days: revealValidityDays,
              })}
            </Text>
            <Textarea
              label={t('reportsStaff.reveal_requests.note')}
              description={t('reportsStaff.reveal_requests.note_help')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            {error && <ErrorAlert message={error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={isPending} data-autofocus>
                {t('common.actions.cancel')}
              </Button>
              <Button
                color={deciding.decision === 'reject' ? 'red' : undefined}
                onClick={() => void submit()}
                loading={isPending}
              >
                {t(`reportsStaff.reveal_requests.${deciding.decision}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}
