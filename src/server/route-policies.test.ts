import path from 'node:path'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { isPolicyName } from '../domain/access.js'
import { createTestApp } from '../../test/support/test-context.js'
import { registeredRoutes } from './plugins/authorize.js'

/** A minimal built SPA so the static-file routes are registered too. */
function fakeWebRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'netra-web-'))
  mkdirSync(path.join(root, 'assets'))
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html lang="id"><head><meta property="csp-nonce" nonce="__NETRA_CSP_NONCE__"></head><body><div id="root"></div></body></html>',
  )
  writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)')
  return root
}

describe('route policies', () => {
  it('gives every registered route an explicit, known policy (nothing ships unguarded)', async () => {
    const { app } = await createTestApp({ webRoot: fakeWebRoot() })
    const routes = registeredRoutes(app)
    expect(routes.length).toBeGreaterThan(15)
    const unguarded = routes
      .filter((route) => !isPolicyName(route.policy))
      .map((route) => `${route.method} ${route.url}`)
    expect(unguarded).toEqual([])
    const urls = routes.map((route) => route.url)
    expect(urls).toEqual(expect.arrayContaining(['/api/docs/json', '/*', '/']))
  })

  it('keeps the public surface to what is meant to be public', async () => {
    const { app } = await createTestApp({ webRoot: fakeWebRoot() })
    const publicApi = registeredRoutes(app)
      .filter(
        (route) =>
          route.policy === 'public' && route.url.startsWith('/api') && !route.url.startsWith('/api/docs'),
      )
      .map((route) => `${route.method} ${route.url}`)
      .sort()
    expect(publicApi).toEqual([
      'GET /api/health',
      'GET /api/v1/public/agencies/:slug/units',
      'GET /api/v1/public/events/check-in/:id',
      'GET /api/v1/public/pledges/:id',
      'GET /api/v1/public/receipts/:id',
      'GET /api/v1/public/regions',
      'GET /api/v1/public/report-form',
      'GET /api/v1/public/reports/:receipt',
      'GET /api/v1/public/verify/:id',
      'GET /api/v1/public/verify/:id/receipt',
      'GET /api/v1/public/violation-categories',
      'HEAD /api/health',
      'HEAD /api/v1/public/agencies/:slug/units',
      'HEAD /api/v1/public/events/check-in/:id',
      'HEAD /api/v1/public/pledges/:id',
      'HEAD /api/v1/public/receipts/:id',
      'HEAD /api/v1/public/regions',
      'HEAD /api/v1/public/report-form',
      'HEAD /api/v1/public/reports/:receipt',
      'HEAD /api/v1/public/verify/:id',
      'HEAD /api/v1/public/verify/:id/receipt',
      'HEAD /api/v1/public/violation-categories',
      'POST /api/v1/auth/login',
      'POST /api/v1/public/events/check-in',
      'POST /api/v1/public/events/quiz',
      'POST /api/v1/public/pledges/:id/sign',
      'POST /api/v1/public/reports',
      'POST /api/v1/public/reports/:receipt/files',
      'POST /api/v1/public/reports/:receipt/messages',
      'POST /api/v1/public/verify/:id/receipt',
    ])
  })

  it('guards the HEAD twin of a protected GET route too', async () => {
    const { app } = await createTestApp()
    const response = await app.inject({ method: 'HEAD', url: '/api/v1/users' })
    expect(response.statusCode).toBe(401)
  })

  it('denies at runtime a route registered without a policy (default deny), and the check above would name it', async () => {
    const { app } = await createTestApp({
      extraApiRoutes: (api) => {
        api.get('/unguarded-probe', () => ({ secret: 'should never be served' }))
      },
    })
    const response = await app.inject({ method: 'GET', url: '/api/unguarded-probe' })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual({
      error: { code: 'auth.forbidden', details: { reason: 'route_without_policy' } },
    })
    const named = registeredRoutes(app)
      .filter((route) => !isPolicyName(route.policy))
      .map((route) => route.url)
    expect(named).toEqual(['/api/unguarded-probe', '/api/unguarded-probe'])
  })
})
