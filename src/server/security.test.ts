import { describe, expect, it } from 'vitest'
import { createTestApp, logCapture } from '../../test/support/test-context.js'

describe('HTTP hardening', () => {
  it('sends a strict CSP without unsafe-inline or eval, nosniff, no framing and no referrer', async () => {
    const { app } = await createTestApp()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    const csp = String(response.headers['content-security-policy'])
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it('adds HSTS and upgrade-insecure-requests when served over https', async () => {
    const { app } = await createTestApp({ env: { PUBLIC_URL: 'https://netra.example.go.id' } })
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000')
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests')
  })

  it('returns a request id on every response and accepts one from a proxy', async () => {
    const { app } = await createTestApp()
    const generated = await app.inject({ method: 'GET', url: '/api/health' })
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const forwarded = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'lb-12345' },
    })
    expect(forwarded.headers['x-request-id']).toBe('lb-12345')
    const injected = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'x\n{"level":60}' },
    })
    expect(injected.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('rate-limits a client with 429 request.rate_limited and Retry-After', async () => {
    const { app } = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
    const statuses: number[] = []
    let last
    for (let i = 0; i < 4; i += 1) {
      last = await app.inject({ method: 'GET', url: '/api/v1/auth/session' })
      statuses.push(last.statusCode)
    }
    expect(statuses).toEqual([401, 401, 401, 429])
    expect(last?.json()).toMatchObject({ error: { code: 'request.rate_limited' } })
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('never rate-limits the health check that load balancers poll', async () => {
    const { app } = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } })
    for (let i = 0; i < 5; i += 1)
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
  })

  it('limits sign-in attempts per client more tightly than other routes', async () => {
    const { app } = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } })
    const statuses: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `x${i}`, password: 'y' },
      })
      statuses.push(response.statusCode)
    }
    expect(statuses).toEqual([401, 401, 429])
  })
})

describe('error responses', () => {
  it('answers unknown API routes with 404 route.not_found in the error shape', async () => {
    const { app } = await createTestApp()
    const response = await app.inject({ method: 'GET', url: '/api/v1/no-such-route' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'route.not_found', details: {} } })
  })

  it('answers an unexpected failure with 500 internal, leaks nothing and logs it with the request id', async () => {
    const logs = logCapture()
    const { app } = await createTestApp({
      logStream: logs.stream,
      extraApiRoutes: (api) => {
        api.get('/explode', { config: { policy: 'public' } }, () => {
          throw new Error('koneksi ke server-rahasia.internal gagal')
        })
      },
    })
    const response = await app.inject({ method: 'GET', url: '/api/explode' })
    expect(response.statusCode).toBe(500)
    expect(response.body).toBe('{"error":{"code":"internal","details":{}}}')
    const logged = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error')
    expect(logged.err.message).toContain('server-rahasia.internal')
    expect(logged.reqId).toBe(response.headers['x-request-id'])
  })
})

describe('GET /api/docs', () => {
  it('serves the OpenAPI document with the auth routes and the Swagger UI page', async () => {
    const { app } = await createTestApp()
    const json = await app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(json.statusCode).toBe(200)
    const document = json.json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/auth/login', '/api/v1/users']),
    )
    const ui = await app.inject({ method: 'GET', url: '/api/docs' })
    expect([200, 302]).toContain(ui.statusCode)
  })
})
