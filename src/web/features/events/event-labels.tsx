/** Kind and status of an event, and a time span in the agency's zone: words with colour, never colour alone. */
import { Badge } from '@mantine/core'
import { IconCircleCheck, IconCalendarTime, IconCircleX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatTime } from '../../format/date-time'
import { StatusBadge } from '../../ui/status-badge'
import type { EventKind, EventStatus } from './events.api'

export function EventStatusBadge({ status }: { readonly status: EventStatus }) {
  const { t } = useTranslation()
  const tone = status === 'held' ? 'done' : status === 'cancelled' ? 'overdue' : 'neutral'
  return <StatusBadge tone={tone} label={t(`events.status.${status}`)} />
}

export const statusIcon = { scheduled: IconCalendarTime, held: IconCircleCheck, cancelled: IconCircleX }

export function EventKindBadge({ kind }: { readonly kind: EventKind }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color="netra" radius="sm" tt="none" c="netra.9">
      {t(`events.kind.${kind}`)}
    </Badge>
  )
}

/** `24 November 2026, 08.00–10.00 WIB` (the end's date too when it ends on another day). */
export function formatEventSpan(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  language: string,
): string {
  const startDay = formatDate(startsAt, timeZone, language)
  const endDay = formatDate(endsAt, timeZone, language)
  const startTime = formatTime(startsAt, timeZone, language).replace(/ \S+$/, '')
  const endTime = formatTime(endsAt, timeZone, language)
  return startDay === endDay
    ? `${startDay}, ${startTime}–${endTime}`
    : `${startDay}, ${startTime} – ${endDay}, ${endTime}`
}
