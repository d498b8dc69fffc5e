/**
 * The one way the browser talks to the API: same-origin JSON, the CSRF token on every mutation, and every
 * failure turned into an ApiError carrying the server's code (the server never sends sentences).
 * A 401/second-factor answer is also announced to the session layer, which sends the user to sign in.
 */

/** Codes for failures that never reached the server's error handler; translated like server codes. */
export const clientErrorCodes = ['client.network', 'client.unexpected_response'] as const

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code)
    this.name = 'ApiError'
  }

  /** Seconds to wait, from the error details or the Retry-After header. */
  get retryAfterSeconds(): number | null {
    const value = this.details.retryAfterSeconds
    return typeof value === 'number' && Number.isFinite(value) ? value : null
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  readonly body?: unknown
  readonly signal?: AbortSignal
  /** Set false where a 401 is an expected answer (sign-in, the initial session probe). */
  readonly announceAuthFailure?: boolean
}

let csrfToken: string | null = null

/** Called by the session layer whenever the session (and so its CSRF token) changes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

type AuthFailureListener = (error: ApiError) => void
const authFailureListeners = new Set<AuthFailureListener>()

export function subscribeToAuthFailures(listener: AuthFailureListener): () => void {
  authFailureListeners.add(listener)
  return () => {
    authFailureListeners.delete(listener)
  }
}

const authFailureCodes = new Set([
  'auth.unauthenticated',
  'auth.second_factor_required',
  'auth.password_change_required',
])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads `{ error: { code, details } }`; anything else becomes client.unexpected_response. */
export function toApiError(
  status: number,
  payload: unknown,
  retryAfterHeader: string | null = null,
): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null
  const code = error && typeof error.code === 'string' ? error.code : 'client.unexpected_response'
  const details: Record<string, unknown> = error && isRecord(error.details) ? { ...error.details } : {}
  if (details.retryAfterSeconds === undefined && retryAfterHeader !== null) {
    const seconds = Number.parseInt(retryAfterHeader, 10)
    if (Number.isFinite(seconds)) details.retryAfterSeconds = seconds
  }
  return new ApiError(status, code, details)
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  // No content-type without a body: the server refuses an empty JSON body.
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError(0, 'client.network')
  }

  const payload = await readJson(response)
  if (response.ok) {
    if (payload === undefined) throw new ApiError(response.status, 'client.unexpected_response')
    return payload as T
  }
  const error = toApiError(response.status, payload, response.headers.get('retry-after'))
  if (options.announceAuthFailure !== false && authFailureCodes.has(error.code)) {
    for (const listener of authFailureListeners) listener(error)
  }
  throw error
}

export const apiGet = <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
  apiRequest<T>('GET', path, options)

export const apiPost = <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
  apiRequest<T>('POST', path, { ...options, body })

/** Builds `path?key=value…`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
