import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  apiGet,
  apiPost,
  ApiError,
  setCsrfToken,
  subscribeToAuthFailures,
  toApiError,
  withQuery,
} from './client'

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

function stubFetch(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const headersOf = (fetchMock: ReturnType<typeof stubFetch>) =>
  (fetchMock.mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('toApiError', () => {
  it('reads the code and details of the server error shape', () => {
    const error = toApiError(409, { error: { code: 'user.username_taken', details: { username: 'budi' } } })
    expect(error).toMatchObject({ status: 409, code: 'user.username_taken', details: { username: 'budi' } })
  })

  it('takes the wait from Retry-After when the details do not carry it', () => {
    expect(
      toApiError(429, { error: { code: 'request.rate_limited', details: {} } }, '42').retryAfterSeconds,
    ).toBe(42)
  })

  it('names an answer of another shape client.unexpected_response', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').code).toBe('client.unexpected_response')
  })
})

describe('apiRequest', () => {
  it('sends the CSRF token on a mutation, without a content type when there is no body', async () => {
    const fetchMock = stubFetch(answer(200, { ok: true }))
    setCsrfToken('token-1')
    await apiPost('/api/v1/users/1/disable')
    expect(headersOf(fetchMock)).toEqual({ accept: 'application/json', 'x-csrf-token': 'token-1' })
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', credentials: 'same-origin' })
  })

  it('sends JSON with its content type when there is a body', async () => {
    const fetchMock = stubFetch(answer(201, { id: '1' }))
    setCsrfToken('token-1')
    await apiPost('/api/v1/agencies', { name: 'Kota' })
    expect(headersOf(fetchMock)['content-type']).toBe('application/json')
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"name":"Kota"}')
  })

  it('leaves the CSRF token off reads', async () => {
    const fetchMock = stubFetch(answer(200, { items: [] }))
    setCsrfToken('token-1')
    await apiGet('/api/v1/agencies')
    expect(headersOf(fetchMock)['x-csrf-token']).toBeUndefined()
  })

  it('accepts 204 No Content', async () => {
    stubFetch(answer(204, null))
    await expect(apiPost('/api/v1/auth/logout')).resolves.toBeNull()
  })

  it('announces an ended session to the session layer and still rejects', async () => {
    stubFetch(
      answer(401, { error: { code: 'auth.unauthenticated', details: { reason: 'session_expired' } } }),
    )
    const listener = vi.fn()
    const unsubscribe = subscribeToAuthFailures(listener)
    await expect(apiGet('/api/v1/users')).rejects.toBeInstanceOf(ApiError)
    unsubscribe()
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ code: 'auth.unauthenticated' }))
  })

  it('keeps quiet about a 401 where the caller expects one', async () => {
    stubFetch(answer(401, { error: { code: 'auth.unauthenticated', details: {} } }))
    const listener = vi.fn()
    const unsubscribe = subscribeToAuthFailures(listener)
    await expect(apiGet('/api/v1/auth/session', { announceAuthFailure: false })).rejects.toMatchObject({
      status: 401,
    })
    unsubscribe()
    expect(listener).not.toHaveBeenCalled()
  })

  it('turns a failed connection into client.network', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(apiGet('/api/health')).rejects.toMatchObject({ status: 0, code: 'client.network' })
  })
})

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/v1/users', { q: '', page: 2, pageSize: 25, agencyId: undefined })).toBe(
      '/api/v1/users?page=2&pageSize=25',
    )
  })
})
