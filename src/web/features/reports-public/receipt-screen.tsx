/**
 * Shown once after a report is filed: the 16-digit receipt (grouped by four), a warning that it is the only
 * way back to the report and will not be shown again, copy and download (.txt) buttons, and the report number.
 */
import { useEffect, useRef, useState } from 'react'
import { formatDate, formatTime } from '../../format/date-time'
import { formatReceipt } from './report-form-model'
import { useI18n, type Language, type Translate } from './public-i18n'
import { Alert } from './public-ui'
import type { SubmitResult } from './reports-public.api'

export const statusPagePath = '/lapor/status'

/** The phone's time zone (receipts and messages are read where the reporter is). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta'
  } catch {
    return 'Asia/Jakarta'
  }
}

/** `12 Februari 2024 20.15 WIB` in the given zone. */
export function formatInstant(value: Date | string, timeZone: string, language: Language): string {
  return `${formatDate(value, timeZone, language)} ${formatTime(value, timeZone, language)}`
}

/** The lines of the downloadable receipt (.txt, CRLF so every phone's viewer shows the lines). */
export function receiptFileText(
  t: Translate,
  input: {
    readonly result: SubmitResult
    readonly at: Date
    readonly statusUrl: string
    readonly timeZone: string
    readonly language: Language
  },
): string {
  return [
    t('receipt.file_title'),
    '',
    `${t('receipt.code')}: ${formatReceipt(input.result.receipt)}`,
    `${t('receipt.report_number')}: ${input.result.reportNumber}`,
    `${t('receipt.date')}: ${formatInstant(input.at, input.timeZone, input.language)}`,
    `${t('receipt.status_page')}: ${input.statusUrl}`,
    '',
    t('receipt.warning'),
    '',
  ].join('\r\n')
}

/** A file name without anything of the receipt in it. */
export const receiptFileName = (reportNumber: string) =>
  `tanda-terima-laporan-${reportNumber.replace(/[^A-Za-z0-9-]+/g, '-')}.txt`

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function ReceiptScreen({
  result,
  onShowStatus,
}: {
  readonly result: SubmitResult
  readonly onShowStatus: () => void
}) {
  const { t, language } = useI18n()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [at] = useState(() => new Date())
  const [notice, setNotice] = useState<string | null>(null)
  const grouped = formatReceipt(result.receipt)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.receipt)
      setNotice(t('receipt.copied'))
    } catch {
      setNotice(t('receipt.copy_failed'))
    }
  }

  const save = () => {
    download(
      receiptFileText(t, {
        result,
        at,
        statusUrl: `${window.location.origin}${statusPagePath}`,
        timeZone: browserTimeZone(),
        language,
      }),
      receiptFileName(result.reportNumber),
    )
    setNotice(t('receipt.downloaded'))
  }

  return (
    <section className="lp-receipt" aria-labelledby="lp-receipt-title">
      <h2 id="lp-receipt-title" className="lp-step-title" tabIndex={-1} ref={headingRef}>
        {t('receipt.title')}
      </h2>
      <p>{t('receipt.intro')}</p>
      <Alert tone="warning" role="alert">
        <strong>{t('receipt.once')}</strong> {t('receipt.warning')}
      </Alert>
      <div className="lp-receipt-box">
        <p className="lp-label-small" id="lp-receipt-label">
          {t('receipt.code')}
        </p>
        <p className="lp-receipt-code" aria-labelledby="lp-receipt-label">
          {grouped}
        </p>
        <p className="lp-hint">
          {t('receipt.report_number')}: <strong>{result.reportNumber}</strong>
        </p>
        <p className="lp-hint">
          {t('receipt.date')}: {formatInstant(at, browserTimeZone(), language)}
        </p>
      </div>
      <div className="lp-actions">
        <button type="button" className="lp-button lp-button-primary" onClick={() => void copy()}>
          {t('receipt.copy')}
        </button>
        <button type="button" className="lp-button lp-button-secondary" onClick={save}>
          {t('receipt.download')}
        </button>
      </div>
      <p className="lp-hint" role="status">
        {notice ?? ''}
      </p>
      <p>
        {t('receipt.next')}{' '}
        <a
          href={statusPagePath}
          onClick={(event) => {
            event.preventDefault()
            onShowStatus()
          }}
        >
          {t('receipt.status_link')}
        </a>
      </p>
    </section>
  )
}
