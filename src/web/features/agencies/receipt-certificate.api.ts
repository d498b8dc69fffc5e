import type {
  ReceiptCertificateState,
  SigningCertificateView,
} from '../../../features/agencies/signing-certificates.schema'
import { ApiError, apiRequest, toApiError } from '../../api/client'

export type { ReceiptCertificateState, SigningCertificateView }

export const receiptCertificatePath = (agencyId: string) =>
  `/api/v1/agencies/${encodeURIComponent(agencyId)}/receipt-certificate`

/** Sends the P12 and its password as multipart/form-data (the browser writes the boundary). */
export async function uploadReceiptCertificate(
  agencyId: string,
  form: { file: File; password: string },
  csrfToken: string,
): Promise<SigningCertificateView> {
  const body = new FormData()
  body.append('password', form.password)
  body.append('file', form.file, form.file.name)
  let response: Response
  try {
    response = await fetch(receiptCertificatePath(agencyId), {
      method: 'PUT',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body,
    })
  } catch {
    throw new ApiError(0, 'client.network')
  }
  const text = await response.text()
  let payload: unknown
  try {
    payload = text === '' ? null : (JSON.parse(text) as unknown)
  } catch {
    payload = undefined
  }
  if (response.ok && payload) return payload as SigningCertificateView
  throw toApiError(response.status, payload, response.headers.get('retry-after'))
}

export const removeReceiptCertificate = (agencyId: string) =>
  apiRequest<null>('DELETE', receiptCertificatePath(agencyId))
