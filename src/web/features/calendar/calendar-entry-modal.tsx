/**
 * Adds an agency entry: an extra day off ("Hari Jadi Kota Contoh"), or a national day the agency works on (with
 * the reason). The server refuses a day that already has an entry, a holiday on a day already off, and a working
 * day on a day that is not a weekday holiday; each answer is explained next to the date.
 */
import { Alert, Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isIsoDate } from '../../../domain/working-days'
import type { CalendarEntryKind } from '../../../features/calendar/calendar.schema'
import { isApiError } from '../../api/client'
import { describeError, issueMessage, issuesOf } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { notifySuccess } from '../../ui/notify'
import { addCalendarEntry } from './calendar.api'
import { formatDayWithWeekday } from './calendar-date'

interface EntryValues {
  kind: CalendarEntryKind
  fallsOn: string
  name: string
}

const fields = ['kind', 'fallsOn', 'name'] as const

export interface CalendarEntryModalProps {
  /** Pre-filled values: a day picked from the list ("Jadikan hari kerja"). */
  readonly initial: { kind: CalendarEntryKind; fallsOn: string; holidayNames?: readonly string[] }
  /** Sent for platform administrators working on another agency's calendar. */
  readonly agencyId: string | null
  readonly onClose: () => void
  readonly onSaved: (fallsOn: string) => void
}

export function CalendarEntryModal({ initial, agencyId, onClose, onSaved }: CalendarEntryModalProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const isFromList = initial.holidayNames !== undefined
  const form = useForm<EntryValues>({
    initialValues: { kind: initial.kind, fallsOn: initial.fallsOn, name: '' },
  })
  const { kind } = form.values

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fields)
  }

  /** The words for a refused date, or null when the answer is about something else. */
  const dateProblemOf = (code: string, details: Readonly<Record<string, unknown>>, date: string) => {
    switch (code) {
      case 'calendar.entry_exists':
        return t('calendar.entry.exists', { date })
      case 'calendar.already_holiday':
        return t('calendar.entry.already_holiday', {
          date,
          name: typeof details.name === 'string' ? details.name : '',
        })
      case 'calendar.not_a_holiday':
        return details.problem === 'weekend'
          ? t('calendar.entry.weekend', { date })
          : t('calendar.entry.no_holiday', { date })
      case 'calendar.date_invalid':
        return t('calendar.entry.date_invalid')
      default:
        return null
    }
  }

  const handleSubmit = async (values: EntryValues) => {
    setError(null)
    const errors: Record<string, string> = {}
    const name = values.name.trim()
    if (!values.fallsOn) errors.fallsOn = t('validation.issue.required')
    else if (!isIsoDate(values.fallsOn)) errors.fallsOn = t('calendar.entry.date_invalid')
    if (name.length < 2)
      errors.name = name ? t('validation.issue.too_short', { count: 2 }) : t('validation.issue.required')
    if (Object.keys(errors).length > 0) return showFieldErrors(errors)
    setIsPending(true)
    try {
      await addCalendarEntry({
        fallsOn: values.fallsOn,
        kind: values.kind,
        name,
        ...(agencyId ? { agencyId } : {}),
      })
      notifySuccess(
        t('calendar.entry.saved_title'),
        t(values.kind === 'holiday' ? 'calendar.entry.holiday_added' : 'calendar.entry.working_day_added', {
          date: formatDayWithWeekday(values.fallsOn, language),
        }),
      )
      onSaved(values.fallsOn)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      const date = formatDayWithWeekday(values.fallsOn, language)
      const dateMessage = dateProblemOf(failure.code, failure.details, date)
      if (failure.code === 'request.invalid') {
        const byField: Record<string, string> = {}
        for (const issue of issuesOf(failure)) {
          const field = String(issue.path[0] ?? '')
          if ((fields as readonly string[]).includes(field)) byField[field] ??= issueMessage(issue)
        }
        showFieldErrors(byField)
      }
      // A day picked from the list has no date field to mark: the message goes into the alert instead.
      if (dateMessage && !isFromList) showFieldErrors({ fallsOn: dateMessage })
      setError(isFromList && dateMessage ? dateMessage : describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const title = isFromList
    ? t('calendar.entry.working_day_title')
    : kind === 'holiday'
      ? t('calendar.entry.holiday_title')
      : t('calendar.entry.working_day_title')

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md">
          {error && <ErrorAlert message={error} />}
          {isFromList ? (
            <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
              {t('calendar.entry.working_day_explain', {
                date: formatDayWithWeekday(initial.fallsOn, language),
                names: (initial.holidayNames ?? []).join('; '),
              })}
            </Alert>
          ) : (
            <Radio.Group label={t('calendar.entry.kind')} required {...form.getInputProps('kind')}>
              <Stack gap="xs" mt={6}>
                <Radio
                  value="holiday"
                  label={t('calendar.entry.kind_holiday')}
                  description={t('calendar.entry.kind_holiday_help')}
                />
                <Radio
                  value="working_day"
                  label={t('calendar.entry.kind_working_day')}
                  description={t('calendar.entry.kind_working_day_help')}
                />
              </Stack>
            </Radio.Group>
          )}
          {!isFromList && (
            <TextInput
              type="date"
              label={t('calendar.entry.date')}
              required
              w={{ base: '100%', xs: 240 }}
              {...form.getInputProps('fallsOn')}
            />
          )}
          <TextInput
            label={
              kind === 'holiday' ? t('calendar.entry.holiday_name') : t('calendar.entry.working_day_reason')
            }
            description={
              kind === 'holiday'
                ? t('calendar.entry.holiday_name_help')
                : t('calendar.entry.working_day_reason_help')
            }
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {kind === 'holiday' ? t('calendar.entry.add_holiday') : t('calendar.entry.add_working_day')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
