/**
 * "Bad input gets a clear error": every API route, called by an agency admin with malformed path parameters, bodies
 * of the wrong shape and junk query strings, answers a 4xx with `{ error: { code, details } }` — never a 500 and
 * never a hang (a JSON body sent to the raw upload route used to hang forever). Lists without a query schema may
 * ignore unknown query parameters.
 * Routes added later are swept automatically.
 */
import { describe, expect, it } from 'vitest'
import { insertAgency, insertAgencyAdmin, signIn } from '../../test/support/factories.js'
import { createTestApp } from '../../test/support/test-context.js'
import { registeredRoutes } from './plugins/authorize.js'

const badParams = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "x'%20or%201=1--"]
const badBodies: unknown[] = [
  [],
  'teks',
  { name: 12, unitId: 'x', parentId: 5, status: 'hilang', nip: { a: 1 }, year: 'kapan', stages: 'x' },
  { unknownField: true },
]
const badQueries = [
  '?page=-1&pageSize=abc',
  '?year=tahun&add=-5&format=pdf',
  '?q=' + 'x'.repeat(500),
  '?unitId=bukan',
]

describe('bad input on every API route', () => {
  it('answers 4xx with an error code, never 500', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const session = await signIn(app, context, admin)
    const routes = registeredRoutes(app).filter(
      (route) =>
        route.url.startsWith('/api/v1/') &&
        route.method !== 'HEAD' &&
        route.method !== 'OPTIONS' &&
        !route.url.startsWith('/api/v1/auth/'),
    )
    expect(routes.length).toBeGreaterThan(30)
    const failures: string[] = []
    for (const route of routes) {
      for (const param of route.url.includes(':') ? badParams : ['']) {
        const path = route.url.replace(/:(\w+)/g, param)
        const attempts =
          route.method === 'GET' || route.method === 'DELETE'
            ? badQueries.map((query) => ({ url: path + query, payload: undefined }))
            : badBodies.map((payload) => ({ url: path, payload }))
        for (const attempt of attempts) {
          const response = await app.inject({
            method: route.method as 'GET',
            url: attempt.url,
            headers: { ...session.headers, 'content-type': 'application/json' },
            ...(attempt.payload === undefined ? {} : { payload: JSON.stringify(attempt.payload) }),
          })
          const body = String(response.headers['content-type'] ?? '').includes('json')
            ? response.json()
            : null
          // Routes without a query schema ignore unknown query parameters (2xx); everything else must be a clear 4xx.
          const clear =
            response.statusCode < 400
              ? route.method === 'GET' && !route.url.includes(':')
              : response.statusCode < 500 && typeof body?.error?.code === 'string'
          if (!clear) failures.push(`${route.method} ${attempt.url.slice(0, 80)} → ${response.statusCode}`)
        }
      }
    }
    expect(failures).toEqual([])
  }, 60_000)
})
