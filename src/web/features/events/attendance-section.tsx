/**
 * Check-in by the operator (ticking employees from the roster, uploading an attendance sheet, scanning an
 * employee's QR card into a text field — a USB or phone scanner types the token) and the attendance list.
 * Every bulk answer is reported row-wise: recorded, outside the targets, already present, unknown, invalid.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconQrcode, IconTrash, IconUpload, IconUserPlus, IconX } from '@tabler/icons-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isAbortError, isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { ListPagination } from '../../ui/list-pagination'
import { ProgressBlock } from '../../ui/progress-block'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { EmployeePicker, type PickedEmployee } from '../employees/employee-picker'
import {
  attendancePagePath,
  recordAttendance,
  recordCard,
  removeAttendance,
  uploadAttendanceSheet,
  type AttendanceList,
  type AttendanceReport,
  type AttendanceView,
  type EventView,
} from './events.api'

const pageSize = 25

interface SectionProps {
  readonly event: EventView
  readonly onChanged: () => void
}

export function AttendanceCheckInSection({ event, onChanged }: SectionProps) {
  const { t } = useTranslation()
  const session = useSession()
  const [picked, setPicked] = useState<PickedEmployee[]>([])
  const [report, setReport] = useState<AttendanceReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const [share, setShare] = useState<number | null>(null)
  const [cardToken, setCardToken] = useState('')
  const [cardMessage, setCardMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const cardInput = useRef<HTMLInputElement>(null)

  const failureText = (failure: unknown) =>
    isApiError(failure) ? describeError(failure) : t('errors.unknown', { code: 'client' })

  const handleTick = async () => {
    if (picked.length === 0) return
    setIsSending(true)
    setError(null)
    try {
      setReport(
        await recordAttendance(
          event.id,
          picked.map((person) => person.id),
        ),
      )
      setPicked([])
      onChanged()
    } catch (failure) {
      setError(failureText(failure))
    } finally {
      setIsSending(false)
    }
  }

  const handleSheet = async (file: File | null) => {
    if (!file) return
    setError(null)
    setShare(0)
    try {
      setReport(
        await uploadAttendanceSheet(event.id, file, { csrfToken: session.csrfToken, onProgress: setShare }),
      )
      onChanged()
    } catch (failure) {
      if (!isAbortError(failure)) {
        setError(
          isApiError(failure) && failure.code === 'request.unsupported_media_type'
            ? t('events.attendance.sheet_wrong_type')
            : failureText(failure),
        )
      }
    } finally {
      setShare(null)
    }
  }

  const handleCard = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const token = cardToken.trim()
    if (token === '') return
    try {
      const recorded = await recordCard(event.id, token)
      setCardMessage({
        ok: true,
        text: t('events.attendance.card_recorded', { name: recorded.employeeName }),
      })
      onChanged()
    } catch (failure) {
      setCardMessage({
        ok: false,
        text:
          isApiError(failure) && failure.code === 'request.invalid'
            ? t('errors.event.card_token_invalid')
            : failureText(failure),
      })
    } finally {
      setCardToken('')
      cardInput.current?.focus()
    }
  }

  return (
    <SectionCard title={t('events.attendance.check_in_title')} id="kegiatan-presensi">
      <Stack gap="lg">
        {error && <ErrorAlert message={error} />}
        {report && <ReportView report={report} onClose={() => setReport(null)} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('events.attendance.tick_title')}
            </Title>
            <EmployeePicker
              label={t('events.attendance.tick_pick')}
              value={null}
              onChange={(person) => {
                if (person && !picked.some((other) => other.id === person.id)) setPicked([...picked, person])
              }}
            />
            {picked.length > 0 && (
              <List spacing={4} size="sm" listStyleType="none" p={0}>
                {picked.map((person) => (
                  <List.Item key={person.id}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{person.displayName}</Text>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('events.attendance.tick_remove', { name: person.displayName })}
                        onClick={() => setPicked(picked.filter((other) => other.id !== person.id))}
                      >
                        <IconX size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <Group>
              <Button
                leftSection={<IconUserPlus size={18} aria-hidden />}
                onClick={() => void handleTick()}
                loading={isSending}
                disabled={picked.length === 0}
              >
                {t('events.attendance.tick_submit', { count: picked.length })}
              </Button>
            </Group>
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('events.attendance.sheet_title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('events.attendance.sheet_help')}
            </Text>
            {share !== null ? (
              <ProgressBlock label={t('events.files.uploading')} percent={share * 100} />
            ) : (
              <FileButton onChange={(file) => void handleSheet(file)} accept=".xlsx,.csv">
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconUpload size={18} aria-hidden />}>
                    {t('events.attendance.sheet_upload')}
                  </Button>
                )}
              </FileButton>
            )}
          </Stack>
          <Stack gap="xs" component="form" onSubmit={(submitted) => void handleCard(submitted)}>
            <Title order={3} size="h5">
              {t('events.attendance.card_title')}
            </Title>
            <TextInput
              ref={cardInput}
              label={t('events.attendance.card_token')}
              description={t('events.attendance.card_help')}
              autoComplete="off"
              leftSection={<IconQrcode size={16} aria-hidden />}
              value={cardToken}
              onChange={(change) => setCardToken(change.currentTarget.value)}
            />
            {cardMessage && (
              <Text size="sm" c={cardMessage.ok ? 'green.9' : 'red.9'} role="status" fw={600}>
                {cardMessage.text}
              </Text>
            )}
            <Group>
              <Button type="submit" variant="default">
                {t('events.attendance.card_submit')}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </Stack>
    </SectionCard>
  )
}

function ReportView({
  report,
  onClose,
}: {
  readonly report: AttendanceReport
  readonly onClose: () => void
}) {
  const { t } = useTranslation()
  const rows = (items: readonly { row: number | null; ref: string }[]) =>
    items
      .slice(0, 50)
      .map((item) =>
        item.row === null ? item.ref : t('events.attendance.report_row', { row: item.row, ref: item.ref }),
      )
      .join(', ')
  return (
    <Alert
      color={report.unknown.length + report.invalid.length > 0 ? 'orange' : 'green'}
      title={t('events.attendance.report_title')}
      withCloseButton
      closeButtonLabel={t('common.actions.close')}
      onClose={onClose}
      role="status"
    >
      <List size="sm" spacing={2}>
        <List.Item>{t('events.attendance.report_recorded', { count: report.recorded })}</List.Item>
        {report.recordedUntargeted > 0 && (
          <List.Item>
            {t('events.attendance.report_untargeted', { count: report.recordedUntargeted })}
          </List.Item>
        )}
        {report.alreadyPresent.length > 0 && (
          <List.Item>
            {t('events.attendance.report_already', { count: report.alreadyPresent.length })}:{' '}
            {rows(report.alreadyPresent)}
          </List.Item>
        )}
        {report.unknown.length > 0 && (
          <List.Item>
            {t('events.attendance.report_unknown', { count: report.unknown.length })}: {rows(report.unknown)}
          </List.Item>
        )}
        {report.invalid.length > 0 && (
          <List.Item>
            {t('events.attendance.report_invalid', { count: report.invalid.length })}: {rows(report.invalid)}
          </List.Item>
        )}
      </List>
    </Alert>
  )
}

export function AttendanceListSection({
  event,
  version,
  onChanged,
}: SectionProps & { readonly version: number }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const [page, setPage] = useState(1)
  // One page from the server, in check-in order.
  const list = useApiQuery<AttendanceList>(attendancePagePath(event.id, page, pageSize))
  const { reload } = list
  // Asked again after a check-in recorded on this page.
  useEffect(() => {
    if (version > 0) reload()
  }, [version, reload])
  const [removing, setRemoving] = useState<AttendanceView | null>(null)
  const [isRemoving, setIsRemoving] = useState(false)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const shown = list.latestData?.items ?? []
  const total = list.latestData?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const currentPage = Math.min(page, pageCount)
  const mayRemove = event.canManage && event.status !== 'cancelled'

  const handleRemove = async () => {
    if (!removing) return
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await removeAttendance(event.id, removing.employeeId)
      // The last row of the last page: show the page before.
      if (shown.length === 1 && currentPage > 1) setPage(currentPage - 1)
      setRemoving(null)
      onChanged()
    } catch (failure) {
      setRemoveError(isApiError(failure) ? describeError(failure) : t('errors.unknown', { code: 'client' }))
    } finally {
      setIsRemoving(false)
    }
  }

  return (
    <SectionCard title={t('events.attendance.list_title', { count: total })} id="kegiatan-daftar-hadir">
      <Stack gap="sm">
        {list.error && <ErrorAlert message={describeError(list.error)} onRetry={list.reload} />}
        {total === 0 ? (
          <Text size="sm">{t('events.attendance.empty')}</Text>
        ) : (
          <>
            <ScrollableTable label={t('events.attendance.caption')} minWidth={760} isBusy={list.isLoading}>
              <Table
                aria-label={t('events.attendance.caption')}
                striped
                verticalSpacing="xs"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('events.attendance.column.name')}</Table.Th>
                    <Table.Th scope="col">{t('events.attendance.column.unit')}</Table.Th>
                    <Table.Th scope="col">{t('events.attendance.column.method')}</Table.Th>
                    <Table.Th scope="col">{t('events.attendance.column.time')}</Table.Th>
                    {mayRemove && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('events.files.actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((row) => (
                    <Table.Tr key={row.employeeId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {row.employeeName}
                        </Text>
                        {row.nip && (
                          <Text size="xs" c="dimmed">
                            {row.nip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.unitName}</Text>
                        {!row.isTargeted && (
                          <Badge size="sm" variant="light" color="orange" tt="none" c="dark.7">
                            {t('events.attendance.untargeted')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`events.method.${row.method}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(row.checkedInAt, timeZone, language)}</Text>
                      </Table.Td>
                      {mayRemove && (
                        <Table.Td ta="right">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('events.attendance.remove', { name: row.employeeName })}
                            onClick={() => {
                              setRemoveError(null)
                              setRemoving(row)
                            }}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('events.attendance.summary', {
                  count: total,
                  total: formatNumber(total, language),
                })}
              </Text>
              <ListPagination
                pageCount={pageCount}
                page={currentPage}
                onChange={setPage}
                isCentered={false}
              />
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('events.attendance.remove_title')}
        confirmLabel={t('events.attendance.remove_confirm')}
        isDestructive
        isPending={isRemoving}
        error={removeError}
        onConfirm={() => void handleRemove()}
        onClose={() => setRemoving(null)}
      >
        <Text>{t('events.attendance.remove_body', { name: removing?.employeeName ?? '' })}</Text>
      </ConfirmModal>
    </SectionCard>
  )
}
