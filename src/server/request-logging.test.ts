import { describe, expect, it } from 'vitest'
import { insertAgency, insertAgencyAdmin, signIn } from '../../test/support/factories.js'
import { createTestApp, logCapture } from '../../test/support/test-context.js'

const probeUserAgent = 'ProbeBrowser/9.9 (penanda-ua-unik)'
const probeAddress = '203.0.113.77'

async function appWithProbes() {
  const logs = logCapture()
  const { app, context } = await createTestApp({
    logStream: logs.stream,
    env: { TRUST_PROXY: 'true', LOG_LEVEL: 'info' },
    extraApiRoutes: (api) => {
      api.get('/probe/open/:receipt', { config: { policy: 'public' } }, () => ({ ok: true }))
      api.get('/probe/private/:receipt', { config: { policy: 'public', privacy: 'reporter' } }, () => ({
        ok: true,
      }))
      api.post('/probe/private-fails', { config: { policy: 'public', privacy: 'reporter' } }, () => {
        throw new Error('kegagalan internal')
      })
    },
  })
  return { app, context, logs }
}

const clientHeaders = { 'user-agent': probeUserAgent, 'x-forwarded-for': probeAddress }

describe('request logging', () => {
  it('logs method, URL, status, client address and user agent for ordinary routes', async () => {
    const { app, logs } = await appWithProbes()
    await app.inject({ method: 'GET', url: '/api/probe/open/1234567890123456', headers: clientHeaders })
    const line = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request completed')
    expect(line).toMatchObject({
      request: {
        method: 'GET',
        url: '/api/probe/open/1234567890123456',
        ip: probeAddress,
        userAgent: probeUserAgent,
      },
      statusCode: 200,
    })
    expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('omits client address, user agent and the concrete URL on routes switched to reporter privacy', async () => {
    const { app, logs } = await appWithProbes()
    await app.inject({ method: 'GET', url: '/api/probe/private/6543210987654321', headers: clientHeaders })
    await app.inject({ method: 'POST', url: '/api/probe/private-fails', headers: clientHeaders, payload: {} })
    const text = logs.text()
    expect(text).toContain('"route":"/api/probe/private/:receipt"')
    expect(text).toContain('unhandled error')
    expect(text).not.toContain(probeUserAgent)
    expect(text).not.toContain(probeAddress)
    expect(text).not.toContain('6543210987654321')
  })

  it('never writes passwords, TOTP codes, cookies or CSRF tokens', async () => {
    const { app, context, logs } = await appWithProbes()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)
    await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers })
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: admin.username, password: 'sandi-rahasia-xyz-123' },
    })
    const text = logs.text()
    expect(logs.lines.length).toBeGreaterThan(2)
    for (const secret of [
      admin.password,
      'sandi-rahasia-xyz-123',
      session.csrfToken,
      session.cookie.split('=')[1] ?? 'missing',
    ]) {
      expect(text).not.toContain(secret)
    }
  })
})
