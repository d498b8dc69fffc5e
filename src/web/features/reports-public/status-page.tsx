/**
 * /lapor/status — the reporter types the receipt (spaces and dashes allowed) and sees the status in plain words,
 * the thread with the staff, can answer and add evidence. The receipt lives in this component's state only:
 * never in the address, never in storage (the phone may be shared); "Tutup" forgets it.
 * A wrong receipt is answered 404 by the server after the same time as a hit; no automatic retry.
 */
import { useEffect, useRef, useState } from 'react'
import { isApiError, type ApiError } from '../../api/client'
import { maxMessageLength, maxFiles, normaliseReceipt, waitMessage, type Message } from './report-form-model'
import { browserTimeZone, formatInstant } from './receipt-screen'
import { useI18n, type Translate } from './public-i18n'
import { Alert, describedBy, FieldFrame, TextField } from './public-ui'
import { fieldId, FilePicker, messageText } from './report-steps'
import {
  getReportStatus,
  postReportMessage,
  uploadReportFiles,
  type ReportStatusView,
} from './reports-public.api'

/** The message for a failed status-page call. */
export function statusErrorMessage(error: ApiError): Message {
  switch (error.code) {
    case 'client.network':
      return { key: 'status.network' }
    case 'request.rate_limited':
      return { key: 'status.rate_limited' }
    case 'request.too_large':
      return { key: 'evidence.server_too_large' }
    case 'request.unsupported_media_type':
      return { key: 'evidence.server_type' }
    default:
      return error.status === 404
        ? { key: 'status.not_found' }
        : { key: 'status.failed', params: { code: error.code } }
  }
}

const errorText = (t: Translate, error: unknown): string => {
  if (!isApiError(error)) return t('status.failed', { code: 'client.unexpected_response' })
  const message = statusErrorMessage(error)
  const wait =
    error.code === 'request.rate_limited' ? messageText(t, waitMessage(error.retryAfterSeconds)) : undefined
  return t(message.key, { ...message.params, ...(wait ? { wait } : {}) })
}

export function StatusPage() {
  const { t } = useI18n()
  const [input, setInput] = useState('')
  const [inputError, setInputError] = useState<string | undefined>()
  const [receipt, setReceipt] = useState<string | null>(null)
  const [view, setView] = useState<ReportStatusView | null>(null)
  const [isLoading, setIsLoading] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  const lookUp = async () => {
    const normalised = normaliseReceipt(input)
    if (!normalised) {
      setInputError(t('status.receipt_format'))
      inputRef.current?.focus()
      return
    }
    setInputError(undefined)
    setIsLoading(true)
    try {
      const found = await getReportStatus(normalised)
      setReceipt(normalised)
      setView(found)
      setInput('')
    } catch (error) {
      setInputError(errorText(t, error))
      inputRef.current?.focus()
    } finally {
      setIsLoading(false)
    }
  }

  const close = () => {
    setReceipt(null)
    setView(null)
    setInput('')
  }

  if (receipt && view) return <ReportStatus receipt={receipt} view={view} onView={setView} onClose={close} />

  return (
    <form
      className="lp-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void lookUp()
      }}
    >
      <h2 className="lp-step-title">{t('status.title')}</h2>
      <p>{t('status.intro')}</p>
      <TextField
        ref={inputRef}
        id={fieldId('receipt')}
        label={t('status.receipt')}
        hint={t('status.receipt_hint')}
        error={inputError}
        value={input}
        onValue={setInput}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        required
      />
      <div className="lp-actions">
        <button type="submit" className="lp-button lp-button-primary" disabled={isLoading}>
          {isLoading ? t('status.looking_up') : t('status.look_up')}
        </button>
      </div>
    </form>
  )
}

function ReportStatus({
  receipt,
  view,
  onView,
  onClose,
}: {
  readonly receipt: string
  readonly view: ReportStatusView
  readonly onView: (view: ReportStatusView) => void
  readonly onClose: () => void
}) {
  const { t, language } = useI18n()
  const timeZone = browserTimeZone()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [reply, setReply] = useState('')
  const [replyError, setReplyError] = useState<string | undefined>()
  const [replyNotice, setReplyNotice] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const [files, setFiles] = useState<File[]>([])
  const [filesError, setFilesError] = useState<string | undefined>()
  const [filesNotice, setFilesNotice] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const sendReply = async () => {
    const body = reply.trim()
    if (body === '') {
      setReplyError(t('status.reply_required'))
      document.getElementById(fieldId('reply'))?.focus()
      return
    }
    if (body.length > maxMessageLength) {
      setReplyError(t('common.too_long', { count: maxMessageLength }))
      return
    }
    setReplyError(undefined)
    setIsSending(true)
    try {
      const { at } = await postReportMessage(receipt, body)
      onView({ ...view, messages: [...view.messages, { from: 'reporter', body, at }] })
      setReply('')
      setReplyNotice(t('status.reply_sent'))
    } catch (error) {
      setReplyError(errorText(t, error))
    } finally {
      setIsSending(false)
    }
  }

  const sendFiles = async () => {
    if (files.length === 0) {
      setFilesError(t('status.files_required'))
      return
    }
    setFilesError(undefined)
    setProgress(0)
    try {
      // The answer counts every file of the report; the notice is about the ones just sent.
      await uploadReportFiles(receipt, files, setProgress)
      setFilesNotice(t('status.files_sent', { count: files.length }))
      setFiles([])
    } catch (error) {
      setFilesError(errorText(t, error))
    } finally {
      setProgress(null)
    }
  }

  return (
    <div className="lp-form">
      <h2 className="lp-step-title" tabIndex={-1} ref={headingRef}>
        {t('status.report_title', { number: view.reportNumber })}
      </h2>
      <div className="lp-status-box">
        <p className="lp-label-small">{t('status.current')}</p>
        <p className="lp-status-label">{view.statusLabel}</p>
        <p className="lp-hint">
          {t('status.created', { at: formatInstant(view.createdAt, timeZone, language) })}
        </p>
      </div>

      <section aria-labelledby="lp-thread-title">
        <h3 id="lp-thread-title">{t('status.thread')}</h3>
        {view.messages.length === 0 ? (
          <p className="lp-hint">{t('status.thread_empty')}</p>
        ) : (
          <ol className="lp-thread">
            {view.messages.map((message, index) => (
              <li key={`${message.at}-${index}`} className={`lp-bubble lp-bubble-${message.from}`}>
                <p className="lp-bubble-meta">
                  <strong>{message.from === 'staff' ? t('status.from_staff') : t('status.from_you')}</strong>
                  {' · '}
                  <time dateTime={message.at}>{formatInstant(message.at, timeZone, language)}</time>
                </p>
                <p className="lp-bubble-body">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void sendReply()
        }}
      >
        <FieldFrame
          id={fieldId('reply')}
          label={t('status.reply')}
          hint={t('status.reply_hint')}
          error={replyError}
          required
        >
          <textarea
            id={fieldId('reply')}
            className="lp-input lp-textarea"
            rows={4}
            value={reply}
            maxLength={maxMessageLength + 100}
            onChange={(event) => {
              setReply(event.target.value)
              setReplyNotice(null)
            }}
            aria-required
            {...describedBy(fieldId('reply'), true, Boolean(replyError))}
          />
        </FieldFrame>
        <div className="lp-actions">
          <button type="submit" className="lp-button lp-button-primary" disabled={isSending}>
            {t('status.reply_send')}
          </button>
        </div>
        <p className="lp-hint" role="status">
          {replyNotice ?? ''}
        </p>
      </form>

      <section aria-labelledby="lp-add-evidence">
        <h3 id="lp-add-evidence">{t('status.add_evidence')}</h3>
        <FilePicker
          files={files}
          onFiles={(chosen) => {
            setFiles(chosen)
            setFilesNotice(null)
          }}
          error={filesError}
          limit={maxFiles}
        />
        {progress !== null ? (
          <div className="lp-field" role="status">
            <label className="lp-label-small" htmlFor="lp-files-progress">
              {t('submit.uploading', { percent: Math.round(progress * 100) })}
            </label>
            <progress
              id="lp-files-progress"
              className="lp-upload-bar"
              max={100}
              value={Math.round(progress * 100)}
            />
          </div>
        ) : null}
        <div className="lp-actions">
          <button
            type="button"
            className="lp-button lp-button-secondary"
            onClick={() => void sendFiles()}
            disabled={progress !== null}
          >
            {t('status.files_send')}
          </button>
        </div>
        {filesNotice ? <Alert tone="success">{filesNotice}</Alert> : null}
      </section>

      <div className="lp-actions">
        <button type="button" className="lp-button lp-button-quiet" onClick={onClose}>
          {t('status.close')}
        </button>
      </div>
      <p className="lp-hint">{t('status.close_hint')}</p>
    </div>
  )
}
