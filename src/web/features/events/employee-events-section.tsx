/**
 * On an employee's page: the events they attended ("Kegiatan yang diikuti"; an apel where the ikrar was read is
 * marked) and, for managers, the employee's "kode kehadiran" (typed after the NIP on a self check-in) and their QR
 * card to show or print (an operator scans it at the door; the code is printed on it too).
 */
import './events.css'
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { IconPrinter, IconQrcode } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery, type ApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { EventKindBadge } from './event-labels'
import {
  cardTokenPath,
  employeeAttendancesPath,
  type CardTokenView,
  type EmployeeAttendanceList,
} from './events.api'
import { QrImage } from './qr-image'

export interface EmployeeEventsSectionProps {
  readonly employeeId: string
  readonly employeeName: string
  readonly nip: string | null
}

export function EmployeeEventsSection({ employeeId, employeeName, nip }: EmployeeEventsSectionProps) {
  const session = useSession()
  if (!mayUse(session, 'events.read')) return null
  return <EmployeeEvents employeeId={employeeId} employeeName={employeeName} nip={nip} />
}

function EmployeeEvents({ employeeId, employeeName, nip }: EmployeeEventsSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const attendances = useApiQuery<EmployeeAttendanceList>(employeeAttendancesPath(employeeId))
  const [isCardOpen, setIsCardOpen] = useState(false)
  const mayShowCard = mayUse(session, 'events.manage')
  const card = useApiQuery<CardTokenView>(mayShowCard ? cardTokenPath(employeeId) : null)
  const items = attendances.data?.items ?? []

  return (
    <SectionCard
      title={t('events.employee.title')}
      id="pegawai-kegiatan"
      actions={
        mayShowCard ? (
          <Button
            variant="default"
            leftSection={<IconQrcode size={18} aria-hidden />}
            onClick={() => setIsCardOpen(true)}
          >
            {t('events.employee.card')}
          </Button>
        ) : null
      }
    >
      {card.data && (
        <Text size="sm" mb="sm">
          {t('events.employee.code')}:{' '}
          <Text span fw={700} ff="monospace" data-testid="attendance-code">
            {card.data.attendanceCode}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            {t('events.employee.code_help')}
          </Text>
        </Text>
      )}
      {attendances.error && (
        <ErrorAlert message={describeError(attendances.error)} onRetry={attendances.reload} />
      )}
      {!attendances.data && !attendances.error && <LoaderBlock />}
      {attendances.data && items.length === 0 && <Text size="sm">{t('events.employee.empty')}</Text>}
      {items.length > 0 && (
        <ScrollableTable label={t('events.employee.title')} minWidth={620}>
          <Table aria-labelledby="pegawai-kegiatan" striped verticalSpacing="xs" className="netra-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('events.list.column.title')}</Table.Th>
                <Table.Th scope="col">{t('events.list.column.kind')}</Table.Th>
                <Table.Th scope="col">{t('events.employee.checked_in_at')}</Table.Th>
                <Table.Th scope="col">{t('events.attendance.column.method')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.eventId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/kegiatan/${item.eventId}`} fw={600}>
                      {item.title}
                    </Anchor>
                    {item.ikrarRead && (
                      <Badge ml="xs" size="sm" variant="light" tt="none" c="dark.7">
                        {t('events.employee.ikrar_read')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EventKindBadge kind={item.kind} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.checkedInAt, timeZone, language)}</Table.Td>
                  <Table.Td>{t(`events.method.${item.method}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
      {isCardOpen && (
        <CardModal
          employeeId={employeeId}
          employeeName={employeeName}
          nip={nip}
          card={card}
          onClose={() => setIsCardOpen(false)}
        />
      )}
    </SectionCard>
  )
}

function CardModal({
  employeeName,
  nip,
  card,
  onClose,
}: EmployeeEventsSectionProps & { readonly card: ApiQuery<CardTokenView>; readonly onClose: () => void }) {
  const { t } = useTranslation()
  const handlePrint = () => {
    document.body.classList.add('netra-printing-card')
    window.print()
    document.body.classList.remove('netra-printing-card')
  }
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      opened
      onClose={onClose}
      title={t('events.employee.card_title')}
      size="auto"
    >
      <Stack gap="md">
        {card.error && <ErrorAlert message={describeError(card.error)} onRetry={card.reload} />}
        {!card.data && !card.error && <LoaderBlock />}
        {card.data && (
          <div className="netra-qr-card">
            <QrImage
              value={card.data.token}
              alt={t('events.employee.card_alt', { name: employeeName })}
              size="40mm"
            />
            <Stack gap={4}>
              <Text fw={700}>{employeeName}</Text>
              {nip && <Text size="sm">{nip}</Text>}
              <Text size="sm">
                {t('events.employee.code')}:{' '}
                <Text span fw={700} ff="monospace">
                  {card.data.attendanceCode}
                </Text>
              </Text>
              <Text size="xs">{t('events.employee.card_note')}</Text>
            </Stack>
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.actions.close')}
          </Button>
          <Button
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={handlePrint}
            disabled={!card.data}
          >
            {t('events.employee.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
