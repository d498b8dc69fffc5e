import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../../test/support/test-context.js'
import { testDialect } from '../../../test/support/test-db.js'
import { appVersion } from '../../config.js'

describe('GET /api/health', () => {
  it('answers ok with the database dialect and version when the database answers', async () => {
    const { app } = await createTestApp()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', db: testDialect, version: appVersion })
  })

  it('answers 503 unavailable with the same shape when the database cannot be reached', async () => {
    const { app, context } = await createTestApp()
    await context.testDb.close()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ status: 'unavailable', db: testDialect, version: appVersion })
  })
})
