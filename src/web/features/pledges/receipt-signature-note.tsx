/**
 * On the verify page: when the issued receipt carries the agency's PDF signature, says so and by whom (the
 * certificate's common name). Shows nothing for receipts with hash and QR code only, or still being made.
 */
import { Alert } from '@mantine/core'
import { IconCertificate } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/use-api-query'
import { verificationPath } from './pledges-public.api'

interface ReceiptState {
  readonly status: 'pending' | 'ready'
  readonly signedBy: string | null
}

export function ReceiptSignatureNote({ verifyCode }: { readonly verifyCode: string }) {
  const { t } = useTranslation()
  const query = useApiQuery<ReceiptState>(`${verificationPath(verifyCode)}/receipt`)
  const signedBy = query.data?.signedBy
  if (!signedBy) return null
  return (
    <Alert variant="light" color="netra" icon={<IconCertificate aria-hidden />}>
      {t('agencies.receipt_certificate.verify_signed', { name: signedBy })}
    </Alert>
  )
}
