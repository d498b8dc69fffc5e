/**
 * The public pledge API (no session): the text behind a one-time code, signing, the verification view, the receipt
 * PDF (polled until the background job has produced it) and the check of an uploaded receipt file.
 */
import type {
  PublicPledgeView,
  SignPledgeBody,
  SignPledgeResult,
  VerifyView,
} from '../../../features/pledges/pledges.schema'
import { ApiError, apiGet, apiPost, isAbortError, toApiError } from '../../api/client'

export type { PublicPledgeView, SignPledgeBody, SignPledgeResult, VerifyView }

const publicPath = '/api/v1/public'
const segment = (value: string) => encodeURIComponent(value)

export const publicPledgePath = (code: string) => `${publicPath}/pledges/${segment(code)}`

export const verificationPath = (verifyCode: string) => `${publicPath}/verify/${segment(verifyCode)}`

export const receiptPath = (verifyCode: string) => `${publicPath}/receipts/${segment(verifyCode)}`

/** The public routes never look at a session: a 401 here must not send anyone to the sign-in page. */
const publicOptions = { announceAuthFailure: false } as const

export const signPledge = (code: string, body: SignPledgeBody) =>
  apiPost<SignPledgeResult>(`${publicPledgePath(code)}/sign`, body, publicOptions)

export const getVerification = (verifyCode: string, signal?: AbortSignal) =>
  apiGet<VerifyView>(verificationPath(verifyCode), { ...publicOptions, ...(signal ? { signal } : {}) })

async function readError(response: Response): Promise<ApiError> {
  let payload: unknown
  try {
    payload = JSON.parse(await response.text()) as unknown
  } catch {
    payload = undefined
  }
  return toApiError(response.status, payload, response.headers.get('retry-after'))
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError(0, 'client.network')
  }
}

/** One try at the receipt: the PDF, or `pending` while the job has not produced it (409 `pledge.receipt_pending`). */
export async function fetchReceipt(verifyCode: string, signal?: AbortSignal): Promise<Blob | 'pending'> {
  const response = await send(receiptPath(verifyCode), {
    headers: { accept: 'application/pdf' },
    ...(signal ? { signal } : {}),
  })
  if (response.ok) return response.blob()
  const error = await readError(response)
  if (error.code === 'pledge.receipt_pending') return 'pending'
  throw error
}

export type ReceiptVerdict = 'genuine' | 'altered'

/** Sends the bytes of a receipt file as they are; the server compares them with the receipt it issued. */
export async function checkReceiptFile(verifyCode: string, file: Blob): Promise<ReceiptVerdict> {
  const response = await send(`${verificationPath(verifyCode)}/receipt`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/pdf' },
    body: file,
  })
  if (!response.ok) throw await readError(response)
  const payload = (await response.json().catch(() => null)) as { verdict?: unknown } | null
  if (payload?.verdict === 'genuine' || payload?.verdict === 'altered') return payload.verdict
  throw new ApiError(response.status, 'client.unexpected_response')
}
