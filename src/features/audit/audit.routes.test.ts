import { describe, expect, it } from 'vitest'
import { insertAccount, insertAgency, insertAgencyAdmin, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

describe('GET /api/v1/audit-events', () => {
  it('shows an agency admin the events of their agency only, newest first', async () => {
    const { app, context } = await createTestApp()
    const own = await insertAgency(context)
    const other = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, own.id)
    await insertAgencyAdmin(context, other.id)
    const session = await signIn(app, context, admin)

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events',
      headers: session.headers,
    })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items.every((e: { agencyId: string }) => e.agencyId === own.id)).toBe(true)
    expect(body.items[0].action).toBe('auth.signed_in')
    const filtered = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?action=user.created',
      headers: session.headers,
    })
    expect(filtered.json().items.map((e: { entityId: string }) => e.entityId)).toEqual([admin.user.id])
  })

  it('lets only a super admin run the chain verification', async () => {
    const { app, context } = await createTestApp()
    const agency = await insertAgency(context)
    const admin = await insertAgencyAdmin(context, agency.id)
    const root = await insertAccount(context, {
      agencyId: null,
      assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
      totp: true,
    })
    const adminSession = await signIn(app, context, admin)
    const rootSession = await signIn(app, context, root)

    const denied = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/verification',
      headers: adminSession.headers,
    })
    expect(denied.statusCode).toBe(403)
    const verified = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/verification',
      headers: rootSession.headers,
    })
    expect(verified.statusCode).toBe(200)
    expect(verified.json()).toMatchObject({ ok: true })
    expect(verified.json().checked).toBeGreaterThan(3)
  })
})
