/**
 * "Unduh tanda terima (PDF)": the receipt is rendered by a background job shortly after signing, so the button
 * asks for it about once a second (with progress shown) until it is ready, then saves it.
 */
import { Alert, Button, Stack } from '@mantine/core'
import { IconCircleCheck, IconDownload } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAbortError, isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { ProgressBlock } from '../../ui/progress-block'
import { receiptFileName, waitForReceipt } from './pledge-public-model'
import { fetchReceipt } from './pledges-public.api'

type DownloadState =
  | { readonly status: 'idle' }
  | { readonly status: 'waiting'; readonly attempt: number }
  | { readonly status: 'done' }
  | { readonly status: 'failed'; readonly message: string }

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export interface ReceiptDownloadProps {
  readonly verifyCode: string
}

export function ReceiptDownload({ verifyCode }: ReceiptDownloadProps) {
  const { t } = useTranslation()
  const [state, setState] = useState<DownloadState>({ status: 'idle' })
  const controller = useRef<AbortController | null>(null)

  useEffect(() => () => controller.current?.abort(), [])

  const handleDownload = async () => {
    controller.current?.abort()
    const current = new AbortController()
    controller.current = current
    setState({ status: 'waiting', attempt: 1 })
    try {
      const blob = await waitForReceipt({
        fetchOnce: () => fetchReceipt(verifyCode, current.signal),
        onAttempt: (attempt) => setState({ status: 'waiting', attempt }),
        signal: current.signal,
      })
      saveBlob(blob, receiptFileName(verifyCode))
      setState({ status: 'done' })
    } catch (failure) {
      if (isAbortError(failure)) return
      if (isApiError(failure)) {
        setState({
          status: 'failed',
          message:
            failure.code === 'pledge.receipt_pending'
              ? t('pledges.public.receipt.still_pending')
              : describeError(failure),
        })
        return
      }
      throw failure
    }
  }

  const isWaiting = state.status === 'waiting'
  return (
    <Stack gap="sm">
      <Button
        leftSection={<IconDownload size={18} aria-hidden />}
        onClick={() => void handleDownload()}
        loading={isWaiting}
        fullWidth
      >
        {t('pledges.public.receipt.download')}
      </Button>
      {isWaiting && (
        <ProgressBlock
          label={t('pledges.public.receipt.preparing')}
          percent={null}
          detail={t('pledges.public.receipt.attempt', { count: state.attempt })}
        />
      )}
      {state.status === 'done' && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('pledges.public.receipt.downloaded', { fileName: receiptFileName(verifyCode) })}
        </Alert>
      )}
      {state.status === 'failed' && (
        <ErrorAlert message={state.message} onRetry={() => void handleDownload()} />
      )}
    </Stack>
  )
}
