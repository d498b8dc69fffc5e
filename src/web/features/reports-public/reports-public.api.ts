/**
 * The public reporting API (no session, no cookie needed): violation categories, the form's agencies, unit and
 * region search, filing a report (with upload progress), and the status page calls keyed by the receipt.
 *
 * Part of the light public bundle (src/web/public): plain fetch and XMLHttpRequest only, no shared staff code
 * apart from the error type of ../../api/client.
 */
import { ApiError, isAbortError, toApiError } from '../../api/client'

export interface ViolationCategory {
  readonly code: string
  readonly name: string
  readonly description: string
  readonly group: string
  readonly groupName: string
  readonly examples: readonly string[]
}

export interface ReportFormInfo {
  readonly agencies: readonly { readonly slug: string; readonly name: string }[]
}

export interface UnitOption {
  readonly id: string
  readonly name: string
  readonly parentName?: string
}

export interface RegionOption {
  readonly code: string
  readonly name: string
  readonly level: string
  readonly parentName?: string
}

export type IdentityLevel = 'anonymous' | 'confidential' | 'named'

export interface ReportSubmission {
  readonly agencySlug?: string
  readonly categoryCode?: string
  readonly description: string
  readonly reportedPerson?: {
    readonly name: string
    readonly nip?: string
    readonly agencyName?: string
    readonly unitName?: string
    readonly unitId?: string
  }
  readonly occurredAt?: string
  readonly location?: { readonly regionCode?: string; readonly place?: string }
  readonly links?: readonly string[]
  readonly identityLevel: IdentityLevel
  readonly reporter?: { readonly name: string; readonly phone?: string; readonly email?: string }
}

export interface SubmitResult {
  readonly receipt: string
  readonly reportNumber: string
}

export interface ReportMessage {
  readonly from: 'reporter' | 'staff'
  readonly body: string
  readonly at: string
}

export interface ReportStatusView {
  readonly reportNumber: string
  readonly status: string
  readonly statusLabel: string
  readonly createdAt: string
  readonly messages: readonly ReportMessage[]
}

export const publicApiPath = '/api/v1/public'
const segment = (value: string) => encodeURIComponent(value)

export const reportStatusPath = (receipt: string) => `${publicApiPath}/reports/${segment(receipt)}`

async function readPayload(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      // Receipts and statuses must not end up in the browser's HTTP cache on a shared phone.
      cache: 'no-store',
      ...init,
      headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
    })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError(0, 'client.network')
  }
  const payload = await readPayload(response)
  if (!response.ok) throw toApiError(response.status, payload, response.headers.get('retry-after'))
  if (payload === undefined || payload === null)
    throw new ApiError(response.status, 'client.unexpected_response')
  return payload as T
}

const withSignal = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {})

export const getViolationCategories = (signal?: AbortSignal) =>
  requestJson<ViolationCategory[]>(`${publicApiPath}/violation-categories`, withSignal(signal))

export const getReportForm = (signal?: AbortSignal) =>
  requestJson<ReportFormInfo>(`${publicApiPath}/report-form`, withSignal(signal))

export function searchUnits(agencySlug: string, query: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q: query, limit: '20' })
  return requestJson<{ items: UnitOption[] }>(
    `${publicApiPath}/agencies/${segment(agencySlug)}/units?${params.toString()}`,
    withSignal(signal),
  )
}

export function searchRegions(query: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q: query })
  return requestJson<{ items: RegionOption[] }>(
    `${publicApiPath}/regions?${params.toString()}`,
    withSignal(signal),
  )
}

export const getReportStatus = (receipt: string, signal?: AbortSignal) =>
  requestJson<ReportStatusView>(reportStatusPath(receipt), withSignal(signal))

export const postReportMessage = (receipt: string, body: string) =>
  requestJson<{ at: string }>(`${reportStatusPath(receipt)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  })

/** Fraction of the request body sent so far (0–1); called by XMLHttpRequest's upload progress events. */
export type ProgressListener = (fraction: number) => void

/**
 * One request through XMLHttpRequest, which (unlike fetch) reports upload progress. Resolves with the JSON
 * answer of a 2xx; rejects with an ApiError carrying the server's code otherwise.
 */
export function sendWithProgress<T>(
  path: string,
  body: FormData | string,
  onProgress?: ProgressListener,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', path)
    request.setRequestHeader('accept', 'application/json')
    if (typeof body === 'string') request.setRequestHeader('content-type', 'application/json')
    if (onProgress) {
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total))
      }
    }
    request.onerror = () => reject(new ApiError(0, 'client.network'))
    request.ontimeout = () => reject(new ApiError(0, 'client.network'))
    request.onabort = () => reject(new ApiError(0, 'client.network'))
    request.onload = () => {
      let payload: unknown
      try {
        payload = request.responseText === '' ? null : (JSON.parse(request.responseText) as unknown)
      } catch {
        payload = undefined
      }
      if (request.status >= 200 && request.status < 300) {
        if (payload === undefined || payload === null) {
          reject(new ApiError(request.status, 'client.unexpected_response'))
        } else {
          onProgress?.(1)
          resolve(payload as T)
        }
        return
      }
      reject(toApiError(request.status, payload, request.getResponseHeader('retry-after')))
    }
    request.send(body)
  })
}

/** JSON without files; multipart with a `report` field (the JSON) followed by one `files` part per file. */
export function submitReport(
  submission: ReportSubmission,
  files: readonly File[],
  onProgress?: ProgressListener,
): Promise<SubmitResult> {
  const path = `${publicApiPath}/reports`
  if (files.length === 0) return sendWithProgress<SubmitResult>(path, JSON.stringify(submission), onProgress)
  const form = new FormData()
  form.append('report', JSON.stringify(submission))
  for (const file of files) form.append('files', file, file.name)
  return sendWithProgress<SubmitResult>(path, form, onProgress)
}

export function uploadReportFiles(
  receipt: string,
  files: readonly File[],
  onProgress?: ProgressListener,
): Promise<{ files: number }> {
  const form = new FormData()
  for (const file of files) form.append('files', file, file.name)
  return sendWithProgress<{ files: number }>(`${reportStatusPath(receipt)}/files`, form, onProgress)
}
