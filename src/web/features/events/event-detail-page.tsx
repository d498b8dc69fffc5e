/**
 * /kegiatan/:eventId — one event: its facts, status actions (held, cancel with a reason), the apel leader's
 * confirmation, materials and photos, check-in by the operator (ticks, a sheet, a scanned QR card), the attendance
 * list, the attendance rate per unit with drill-down, and the optional quiz with its scores. The check-in screen
 * opens from here.
 */
import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconCircleCheck, IconDeviceTv, IconPencil, IconSignature, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { AttendanceCheckInSection, AttendanceListSection } from './attendance-section'
import { AttendanceRateSection } from './attendance-rate-section'
import { EventFilesSection } from './event-files-section'
import { EventQuizSection } from './event-quiz-section'
import { EventKindBadge, EventStatusBadge, formatEventSpan } from './event-labels'
import { cancelEvent, eventPath, markEventHeld, signAsLeader, type EventView } from './events.api'

export function EventDetailPage() {
  const { eventId = '' } = useParams()
  const { t } = useTranslation()
  const query = useApiQuery<EventView>(eventPath(eventId))
  const [changed, setChanged] = useState<EventView | null>(null)
  const event = changed && changed.id === eventId ? changed : query.data
  if (query.error) {
    return (
      <>
        <PageHeader
          title={t('events.detail.not_found_title')}
          breadcrumbs={[{ label: t('events.list.title'), to: '/kegiatan' }]}
        />
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </>
    )
  }
  if (!event) return <LoaderBlock />
  return (
    <EventDetail
      event={event}
      onChanged={setChanged}
      onAttendanceChanged={() => {
        setChanged(null)
        query.reload()
      }}
    />
  )
}

interface EventDetailProps {
  readonly event: EventView
  readonly onChanged: (event: EventView) => void
  readonly onAttendanceChanged: () => void
}

function EventDetail({ event, onChanged, onAttendanceChanged }: EventDetailProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const [action, setAction] = useState<'held' | 'cancel' | 'sign' | null>(null)
  const [reason, setReason] = useState('')
  const [typedName, setTypedName] = useState('')
  const [isPending, setIsPending] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [attendanceVersion, setAttendanceVersion] = useState(0)
  const isScheduled = event.status === 'scheduled'
  const isSigned = event.leaderSignature !== null
  const mayEdit = event.canManage && event.status !== 'cancelled' && !(event.kind === 'apel' && isSigned)
  const mayCheckIn = event.canManage && event.status !== 'cancelled'

  const closeAction = () => {
    setAction(null)
    setActionError(null)
  }

  const run = async (
    work: () => Promise<EventView>,
    successKey: 'events.detail.held_done' | 'events.detail.cancel_done' | 'events.detail.sign_done',
  ) => {
    setIsPending(true)
    setActionError(null)
    try {
      const updated = await work()
      onChanged(updated)
      notifySuccess(t('events.detail.saved_title'), t(successKey))
      setAction(null)
    } catch (error) {
      setActionError(isApiError(error) ? describeError(error) : t('errors.unknown', { code: 'client' }))
    } finally {
      setIsPending(false)
    }
  }

  const handleAttendanceChanged = () => {
    setAttendanceVersion((current) => current + 1)
    onAttendanceChanged()
  }

  const actions = (
    <Group gap="xs">
      {mayCheckIn && (
        <Button
          component={Link}
          to={`/kegiatan/${event.id}/layar`}
          leftSection={<IconDeviceTv size={18} aria-hidden />}
        >
          {t('events.detail.open_screen')}
        </Button>
      )}
      {mayEdit && (
        <Button
          variant="default"
          component={Link}
          to={`/kegiatan/${event.id}/ubah`}
          leftSection={<IconPencil size={18} aria-hidden />}
        >
          {t('events.detail.edit')}
        </Button>
      )}
      {event.canManage && isScheduled && (
        <>
          <Button
            variant="default"
            leftSection={<IconCircleCheck size={18} aria-hidden />}
            onClick={() => setAction('held')}
          >
            {t('events.detail.mark_held')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconX size={18} aria-hidden />}
            onClick={() => {
              setReason('')
              setAction('cancel')
            }}
          >
            {t('events.detail.cancel')}
          </Button>
        </>
      )}
    </Group>
  )

  return (
    <>
      <PageHeader
        title={event.title}
        breadcrumbs={[{ label: t('events.list.title'), to: '/kegiatan' }, { label: event.title }]}
        actions={actions}
      />
      <Stack gap="lg">
        <SectionCard title={t('events.detail.facts')} id="kegiatan-ringkasan">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0} spacing="md">
            <Fact label={t('events.detail.kind')}>
              <EventKindBadge kind={event.kind} />
            </Fact>
            <Fact label={t('events.detail.status')}>
              <EventStatusBadge status={event.status} />
            </Fact>
            <Fact label={t('events.detail.time')}>
              {formatEventSpan(event.startsAt, event.endsAt, timeZone, language)}
            </Fact>
            <Fact label={t('events.detail.venue')}>{event.venue ?? '—'}</Fact>
            <Fact label={t('events.detail.targets')}>
              {event.targetUnits.length === 0
                ? t('events.whole_agency')
                : event.targetUnits.map((unit) => unit.name).join(', ')}
            </Fact>
            <Fact label={t('events.detail.attendance_count')}>
              {formatNumber(event.attendanceCount, language)}
            </Fact>
            {event.speakers.length > 0 && (
              <Fact label={t('events.detail.speakers')}>
                {event.speakers
                  .map((speaker) =>
                    [speaker.name, speaker.role, speaker.institution].filter(Boolean).join(', '),
                  )
                  .join('; ')}
              </Fact>
            )}
            {event.kind === 'apel' && (
              <>
                <Fact label={t('events.detail.leader')}>
                  {event.leader ? [event.leader.name, event.leader.position].filter(Boolean).join(', ') : '—'}
                </Fact>
                <Fact label={t('events.detail.ikrar_read')}>
                  {event.ikrarRead ? t('events.detail.yes') : t('events.detail.no')}
                </Fact>
              </>
            )}
            {event.status === 'cancelled' && event.cancelReason && (
              <Fact label={t('events.detail.cancel_reason')}>{event.cancelReason}</Fact>
            )}
          </SimpleGrid>
          {event.description && (
            <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {event.description}
            </Text>
          )}
        </SectionCard>

        {event.kind === 'apel' && (
          <SectionCard
            title={t('events.detail.signature_title')}
            id="kegiatan-tanda-tangan"
            actions={
              event.canManage && !isSigned && event.status !== 'cancelled' ? (
                <Button
                  leftSection={<IconSignature size={18} aria-hidden />}
                  onClick={() => {
                    setTypedName(event.leader?.name ?? '')
                    setAction('sign')
                  }}
                >
                  {t('events.detail.sign')}
                </Button>
              ) : null
            }
          >
            <Text>
              {event.leaderSignature
                ? t('events.detail.signed', {
                    name: event.leaderSignature.typedName,
                    time: formatDateTime(event.leaderSignature.signedAt, timeZone, language),
                  })
                : t('events.detail.not_signed')}
            </Text>
          </SectionCard>
        )}

        <EventFilesSection event={event} />
        {mayCheckIn && <AttendanceCheckInSection event={event} onChanged={handleAttendanceChanged} />}
        <AttendanceListSection
          event={event}
          version={attendanceVersion}
          onChanged={handleAttendanceChanged}
        />
        <AttendanceRateSection event={event} version={attendanceVersion} />
        <EventQuizSection event={event} version={attendanceVersion} />
      </Stack>

      <ConfirmModal
        opened={action === 'held'}
        title={t('events.detail.mark_held_title')}
        confirmLabel={t('events.detail.mark_held')}
        isPending={isPending}
        error={actionError}
        onConfirm={() => void run(() => markEventHeld(event.id), 'events.detail.held_done')}
        onClose={closeAction}
      >
        <Text>{t('events.detail.mark_held_body', { title: event.title })}</Text>
      </ConfirmModal>

      <Modal
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
        opened={action === 'cancel'}
        onClose={closeAction}
        title={t('events.detail.cancel_title')}
      >
        <form
          onSubmit={(submitted) => {
            submitted.preventDefault()
            if (reason.trim().length < 3) {
              setActionError(t('validation.issue.too_short', { count: 3 }))
              return
            }
            void run(() => cancelEvent(event.id, reason.trim()), 'events.detail.cancel_done')
          }}
          noValidate
        >
          <Stack gap="md">
            {actionError && <ErrorAlert message={actionError} />}
            <Textarea
              label={t('events.detail.cancel_reason')}
              withAsterisk
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(change) => setReason(change.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeAction}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" color="red" loading={isPending}>
                {t('events.detail.cancel_confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
        opened={action === 'sign'}
        onClose={closeAction}
        title={t('events.detail.sign_title')}
      >
        <form
          onSubmit={(submitted) => {
            submitted.preventDefault()
            if (typedName.trim() === '') {
              setActionError(t('validation.issue.required'))
              return
            }
            void run(() => signAsLeader(event.id, typedName.trim()), 'events.detail.sign_done')
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm">{t('events.detail.sign_body')}</Text>
            {actionError && <ErrorAlert message={actionError} />}
            <TextInput
              label={t('events.detail.typed_name')}
              withAsterisk
              maxLength={200}
              value={typedName}
              onChange={(change) => setTypedName(change.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeAction}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" loading={isPending}>
                {t('events.detail.sign_confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
