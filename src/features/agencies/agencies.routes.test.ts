import { describe, expect, it } from 'vitest'
import { insertAccount, insertAgency, insertAgencyAdmin, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'

async function superAdmin() {
  const { app, context } = await createTestApp()
  const account = await insertAccount(context, {
    agencyId: null,
    assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
    totp: true,
  })
  return { app, context, session: await signIn(app, context, account) }
}

describe('POST /api/v1/agencies', () => {
  it('lets a super admin create an agency', async () => {
    const { app, session } = await superAdmin()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: session.headers,
      payload: {
        slug: 'kab-maju',
        name: 'Pemerintah Kabupaten Maju',
        kind: 'pemkab',
        timeZone: 'Asia/Makassar',
        regionCode: '73.01',
      },
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      slug: 'kab-maju',
      timeZone: 'Asia/Makassar',
      regionCode: '73.01',
    })
    const list = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: session.headers })
    expect(list.json().items.map((a: { slug: string }) => a.slug)).toEqual(['kab-maju'])
  })

  it('refuses a duplicate slug (409) and a bad time zone (400)', async () => {
    const { app, context, session } = await superAdmin()
    await insertAgency(context, { slug: 'kota-ada' })
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: session.headers,
      payload: { slug: 'kota-ada', name: 'Pemerintah Kota Ada', kind: 'pemkot' },
    })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().error.code).toBe('agency.slug_taken')
    const badZone = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: session.headers,
      payload: { slug: 'kota-baru', name: 'Pemerintah Kota Baru', kind: 'pemkot', timeZone: 'Europe/Paris' },
    })
    expect(badZone.statusCode).toBe(400)
  })

  it('is forbidden to an agency admin, who only sees their own agency', async () => {
    const { app, context } = await createTestApp()
    const own = await insertAgency(context)
    await insertAgency(context)
    const admin = await insertAgencyAdmin(context, own.id)
    const session = await signIn(app, context, admin)
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: session.headers,
      payload: { slug: 'kota-lain', name: 'Pemerintah Kota Lain', kind: 'pemkot' },
    })
    expect(create.statusCode).toBe(403)
    const list = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: session.headers })
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([own.id])
  })
})
