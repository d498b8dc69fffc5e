import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client'
import {
  getReportStatus,
  getViolationCategories,
  postReportMessage,
  searchRegions,
  searchUnits,
  submitReport,
  uploadReportFiles,
  type ReportSubmission,
} from './reports-public.api'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

function mockFetch(response: Response | Error) {
  const fetchMock = vi.fn(async (_input: string, _init?: RequestInit) => {
    if (response instanceof Error) throw response
    return response
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('GET calls', () => {
  it('loads the categories without caching and returns the list', async () => {
    const categories = [
      {
        code: 'KE-02',
        name: 'Kampanye di media sosial',
        description: 'd',
        group: 'kode_etik',
        groupName: 'Kode etik',
        examples: [],
      },
    ]
    const fetchMock = mockFetch(json(200, categories))
    await expect(getViolationCategories()).resolves.toEqual(categories)
    const [path, init] = fetchMock.mock.calls[0] ?? []
    expect(path).toBe('/api/v1/public/violation-categories')
    expect(init?.cache).toBe('no-store')
  })

  it('puts the search text and the agency into the address, encoded', async () => {
    const fetchMock = mockFetch(json(200, { items: [] }))
    await searchUnits('kota contoh', 'Dinas & Badan')
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/v1/public/agencies/kota%20contoh/units?q=Dinas+%26+Badan&limit=20',
    )
    mockFetch(json(200, { items: [{ code: '32.73', name: 'Kota Bandung', level: 'regency' }] }))
    await expect(searchRegions('bandung')).resolves.toEqual({
      items: [{ code: '32.73', name: 'Kota Bandung', level: 'regency' }],
    })
  })

  it('turns a 404 for a receipt into an ApiError with the server code, and a lost connection into client.network', async () => {
    mockFetch(json(404, { error: { code: 'report.receipt_not_found', details: {} } }))
    const notFound = await getReportStatus('1234567890123456').catch((error: unknown) => error)
    expect(notFound).toBeInstanceOf(ApiError)
    expect((notFound as ApiError).status).toBe(404)
    expect((notFound as ApiError).code).toBe('report.receipt_not_found')

    mockFetch(new TypeError('Failed to fetch'))
    await expect(getReportStatus('1234567890123456')).rejects.toMatchObject({ code: 'client.network' })
  })

  it('reads the wait of a 429 from Retry-After', async () => {
    mockFetch(json(429, { error: { code: 'request.rate_limited', details: {} } }, { 'retry-after': '30' }))
    const error = (await getReportStatus('1234567890123456').catch((e: unknown) => e)) as ApiError
    expect(error.retryAfterSeconds).toBe(30)
  })

  it('posts a message as JSON to the thread of the receipt', async () => {
    const fetchMock = mockFetch(json(201, { at: '2026-11-23T10:00:00.000Z' }))
    await expect(postReportMessage('1234567890123456', 'Foto ada di tautan kedua.')).resolves.toEqual({
      at: '2026-11-23T10:00:00.000Z',
    })
    const [path, init] = fetchMock.mock.calls[0] ?? []
    expect(path).toBe('/api/v1/public/reports/1234567890123456/messages')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(init?.body as string)).toEqual({ body: 'Foto ada di tautan kedua.' })
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json')
  })
})

/** A stand-in for XMLHttpRequest: records what was sent and answers with a scripted response. */
class FakeRequest {
  static last: FakeRequest | null = null
  static answer: { status: number; body: string; headers?: Record<string, string> } | 'network' = {
    status: 201,
    body: '',
  }

  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent: unknown = null
  status = 0
  responseText = ''
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null
  } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }

  getResponseHeader(name: string): string | null {
    const answer = FakeRequest.answer
    return answer === 'network' ? null : (answer.headers?.[name] ?? null)
  }

  send(body: unknown) {
    this.sent = body
    FakeRequest.last = this
    queueMicrotask(() => {
      const answer = FakeRequest.answer
      if (answer === 'network') {
        this.onerror?.()
        return
      }
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
      this.status = answer.status
      this.responseText = answer.body
      this.onload?.()
    })
  }
}

const submission: ReportSubmission = {
  description: 'Kepala seksi membagikan poster calon di grup kantor.',
  identityLevel: 'anonymous',
}

describe('submitReport and uploadReportFiles', () => {
  it('sends JSON when there are no files and reports progress up to the end', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest)
    FakeRequest.answer = {
      status: 201,
      body: JSON.stringify({ receipt: '1234567890123456', reportNumber: 'LAP-1' }),
    }
    const progress: number[] = []
    await expect(submitReport(submission, [], (value) => progress.push(value))).resolves.toEqual({
      receipt: '1234567890123456',
      reportNumber: 'LAP-1',
    })
    const request = FakeRequest.last as FakeRequest
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/api/v1/public/reports')
    expect(request.headers['content-type']).toBe('application/json')
    expect(JSON.parse(String(request.sent))).toEqual(submission)
    expect(progress).toEqual([0.5, 1])
  })

  it('sends multipart with the report JSON first and one files part per file', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest)
    FakeRequest.answer = {
      status: 201,
      body: JSON.stringify({ receipt: '1234567890123456', reportNumber: 'LAP-2' }),
    }
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'foto.jpg', { type: 'image/jpeg' })
    const pdf = new File(['%PDF-1.7'], 'surat.pdf', { type: 'application/pdf' })
    await submitReport(submission, [photo, pdf])
    const request = FakeRequest.last as FakeRequest
    expect(request.headers['content-type']).toBeUndefined()
    const form = request.sent as FormData
    expect([...form.keys()]).toEqual(['report', 'files', 'files'])
    expect(JSON.parse(form.get('report') as string)).toEqual(submission)
    expect((form.getAll('files') as File[]).map((file) => file.name)).toEqual(['foto.jpg', 'surat.pdf'])
  })

  it('rejects with the server code of a refusal, and with client.network when the connection drops', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest)
    FakeRequest.answer = {
      status: 400,
      body: JSON.stringify({
        error: {
          code: 'request.invalid',
          details: { issues: [{ path: ['description'], code: 'too_small' }] },
        },
      }),
    }
    const invalid = (await submitReport(submission, []).catch((e: unknown) => e)) as ApiError
    expect(invalid).toBeInstanceOf(ApiError)
    expect(invalid.code).toBe('request.invalid')
    expect(invalid.details.issues).toEqual([{ path: ['description'], code: 'too_small' }])

    FakeRequest.answer = {
      status: 413,
      body: JSON.stringify({ error: { code: 'request.too_large', details: {} } }),
    }
    await expect(submitReport(submission, [])).rejects.toMatchObject({
      status: 413,
      code: 'request.too_large',
    })

    FakeRequest.answer = 'network'
    await expect(submitReport(submission, [])).rejects.toMatchObject({ status: 0, code: 'client.network' })
  })

  it('uploads more evidence to the receipt as files parts', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeRequest)
    FakeRequest.answer = { status: 201, body: JSON.stringify({ files: 2 }) }
    const video = new File(['....'], 'rekaman.mp4', { type: 'video/mp4' })
    await expect(uploadReportFiles('1234567890123456', [video])).resolves.toEqual({ files: 2 })
    const request = FakeRequest.last as FakeRequest
    expect(request.url).toBe('/api/v1/public/reports/1234567890123456/files')
    expect([...(request.sent as FormData).keys()]).toEqual(['files'])
  })
})
