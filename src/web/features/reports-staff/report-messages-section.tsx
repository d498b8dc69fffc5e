/**
 * The thread with the reporter: every message as text (never HTML), who wrote it and when; staff write a plain
 * message or "Minta informasi tambahan" (the report then waits for the reporter's answer).
 */
import { Alert, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { IconInfoCircle, IconQuestionMark, IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { notifySuccess } from '../../ui/notify'
import { SectionCard } from '../../ui/section-card'
import { failureMessage, sendStaffMessage, type ReportDetail } from './reports-staff.api'

export interface ReportMessagesSectionProps {
  readonly report: ReportDetail
  readonly mayManage: boolean
  readonly timeZone: string
  readonly onChanged: () => void
}

export function ReportMessagesSection({
  report,
  mayManage,
  timeZone,
  onChanged,
}: ReportMessagesSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [body, setBody] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState<'ask' | 'plain' | null>(null)

  const send = async (askForInfo: boolean) => {
    if (!body.trim()) {
      setFieldError(t('reportsStaff.messages.required'))
      return
    }
    setFieldError(null)
    setError(null)
    setPending(askForInfo ? 'ask' : 'plain')
    try {
      await sendStaffMessage(report.id, body.trim(), askForInfo)
      setBody('')
      notifySuccess(
        t('reportsStaff.messages.sent_title'),
        askForInfo ? t('reportsStaff.messages.asked') : t('reportsStaff.messages.sent'),
      )
      onChanged()
    } catch (caught) {
      setError(failureMessage(caught))
    } finally {
      setPending(null)
    }
  }

  return (
    <SectionCard title={t('reportsStaff.messages.title')} id="laporan-pesan">
      <Stack gap="md">
        {report.messages.length === 0 ? (
          <Text c="dimmed">{t('reportsStaff.messages.empty')}</Text>
        ) : (
          <Stack
            component="ol"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('reportsStaff.messages.title')}
          >
            {report.messages.map((message) => (
              <Box component="li" key={message.id}>
                <Paper
                  withBorder
                  p="sm"
                  radius="md"
                  bg={message.from === 'staff' ? 'gray.0' : undefined}
                  ml={message.from === 'staff' ? { base: 0, sm: 'xl' } : 0}
                  mr={message.from === 'reporter' ? { base: 0, sm: 'xl' } : 0}
                  data-from={message.from}
                  className="netra-report-message"
                >
                  <Group justify="space-between" gap="xs" mb={4}>
                    <Text size="sm" fw={700}>
                      {message.from === 'reporter'
                        ? t('reportsStaff.messages.from_reporter')
                        : t('reportsStaff.messages.from_staff', {
                            name: message.staffUser?.displayName || t('reportsStaff.messages.staff'),
                          })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(message.at, timeZone, language)}
                    </Text>
                  </Group>
                  <Text
                    className="netra-report-message-body"
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  >
                    {message.body}
                  </Text>
                </Paper>
              </Box>
            ))}
          </Stack>
        )}

        {mayManage && (
          <Stack gap="sm">
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} c="dark.7">
              {t('reportsStaff.messages.visible_to_reporter')}
            </Alert>
            <Textarea
              label={t('reportsStaff.messages.field')}
              description={t('reportsStaff.messages.field_help')}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={fieldError}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={5000}
            />
            {error && <ErrorAlert message={error} />}
            <Group gap="sm">
              {report.canAskForInfo && (
                <Button
                  onClick={() => void send(true)}
                  loading={pending === 'ask'}
                  disabled={pending !== null}
                  leftSection={<IconQuestionMark size={18} aria-hidden />}
                >
                  {t('reportsStaff.messages.ask')}
                </Button>
              )}
              <Button
                variant={report.canAskForInfo ? 'default' : 'filled'}
                onClick={() => void send(false)}
                loading={pending === 'plain'}
                disabled={pending !== null}
                leftSection={<IconSend size={18} aria-hidden />}
              >
                {t('reportsStaff.messages.send')}
              </Button>
            </Group>
            {report.canAskForInfo && (
              <Text size="sm" c="dimmed">
                {t('reportsStaff.messages.ask_help')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </SectionCard>
  )
}
