/**
 * /kegiatan/:eventId/layar — the check-in screen shown on a projector: the event's title, a large QR code of the
 * check-in URL (asked anew just before it rotates, with a countdown) and the live number of attendees (polled).
 * White on black, big type: readable from the back of a hall. "Layar penuh" asks the browser for full screen.
 */
import './events.css'
import { Button, Group, Text } from '@mantine/core'
import { IconArrowLeft, IconMaximize } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { apiGet, isAbortError, isApiError, type ApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { formatNumber } from '../../format/date-time'
import { usePageTitle } from '../../ui/page-header'
import { refreshDelayMs } from './check-in-model'
import { checkInTokenPath, eventPath, type CheckInTokenView, type EventView } from './events.api'
import { QrImage } from './qr-image'

/** How often the attendance count is refreshed. */
const countPollMs = 5000

export function EventScreenPage() {
  const { eventId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [event, setEvent] = useState<EventView | null>(null)
  const [token, setToken] = useState<CheckInTokenView | null>(null)
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  usePageTitle(event ? t('events.screen.page_title', { title: event.title }) : t('events.screen.loading'))

  // The event and its attendance count, every few seconds.
  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      apiGet<EventView>(eventPath(eventId), { signal: controller.signal }).then(
        (view) => {
          setEvent(view)
          timer = setTimeout(load, countPollMs)
        },
        (failure: unknown) => {
          if (isAbortError(failure)) return
          if (isApiError(failure)) setError(failure)
          timer = setTimeout(load, countPollMs)
        },
      )
    }
    load()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [eventId])

  // The rotating code: asked again a second before it rotates (the previous one stays valid a period longer).
  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      apiGet<CheckInTokenView>(checkInTokenPath(eventId), { signal: controller.signal }).then(
        (view) => {
          setToken(view)
          setError(null)
          setSecondsLeft(view.rotatesInSeconds)
          timer = setTimeout(load, refreshDelayMs(view.rotatesInSeconds))
        },
        (failure: unknown) => {
          if (isAbortError(failure)) return
          if (isApiError(failure)) setError(failure)
          timer = setTimeout(load, 5000)
        },
      )
    }
    load()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [eventId])

  // The countdown under the code.
  useEffect(() => {
    const interval = setInterval(() => {
      setSecondsLeft((current) => (current === null ? null : Math.max(0, current - 1)))
    }, 1000)
    return () => clearInterval(interval)
  }, [])

  const handleFullScreen = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined)
  }

  return (
    <main className="netra-event-screen" id="konten">
      <Group justify="space-between" w="100%">
        <Button
          component={Link}
          to={`/kegiatan/${eventId}`}
          variant="subtle"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
        >
          {t('events.screen.back')}
        </Button>
        <Button
          variant="subtle"
          onClick={handleFullScreen}
          leftSection={<IconMaximize size={18} aria-hidden />}
        >
          {t('events.screen.full_screen')}
        </Button>
      </Group>
      <h1 className="netra-event-screen__title">{event?.title ?? t('events.screen.loading')}</h1>
      {error && (
        <Text role="alert" className="netra-event-screen__hint" fw={700}>
          {describeError(error)}
        </Text>
      )}
      <div className="netra-event-screen__body">
        <div className="netra-event-screen__qr">
          {token ? (
            <QrImage
              value={token.url}
              alt={t('events.screen.qr_alt')}
              size="min(62vh, 80vw)"
              resolution={900}
            />
          ) : (
            <div style={{ width: 'min(62vh, 80vw)', height: 'min(62vh, 80vw)' }} />
          )}
        </div>
        <div>
          <div className="netra-event-screen__count" aria-live="polite" data-testid="attendance-count">
            {event ? formatNumber(event.attendanceCount, language) : '–'}
          </div>
          <div className="netra-event-screen__label">{t('events.screen.attended')}</div>
        </div>
      </div>
      <p className="netra-event-screen__hint">
        {t('events.screen.instructions')}
        {secondsLeft !== null && (
          <>
            {' · '}
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('events.screen.rotates_in', { count: secondsLeft })}
            </span>
          </>
        )}
      </p>
    </main>
  )
}
