import { describe, expect, it } from 'vitest'
import {
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  insertEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'
import { ecTestP12, makeTestP12, testP12Passphrase } from '../receipts/receipts.testing.js'
import type { ReceiptCertificateState, SigningCertificateView } from './signing-certificates.schema.js'
import { putCertificate } from './signing-certificates.testing.js'

async function arrange() {
  // Inside the test certificates' validity (2026-01-01 … 2028-01-01) whatever the day the tests run.
  const clock = fixedClock('2026-06-01T02:00:00.000Z')
  const { app, context } = await createTestApp({ clock })
  const db = context.database.db
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const url = `/api/v1/agencies/${agency.id}/receipt-certificate`
  const get = async (as = session) => app.inject({ method: 'GET', url, headers: as.headers })
  const rows = () =>
    db
      .selectFrom('agencySigningCertificates')
      .selectAll()
      .where('agencyId', '=', agency.id)
      .orderBy('uploadedAt')
      .orderBy('id')
      .execute()
  const audit = (action: string) =>
    db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', action)
      .where('agencyId', '=', agency.id)
      .execute()
  return { app, context, clock, db, agency, admin, session, url, get, rows, audit }
}

const valid = makeTestP12({ serialNumber: '0b7e', commonName: 'BKPSDM Kota Uji' })

describe('PUT /api/v1/agencies/:id/receipt-certificate', () => {
  it('stores a valid P12 sealed, answers its metadata only, and audits the upload', async () => {
    const f = await arrange()
    const response = await putCertificate(f.app, f.session, f.agency.id, {
      p12: valid.p12,
      password: testP12Passphrase,
    })

    expect(response.statusCode).toBe(200)
    const view = response.json<SigningCertificateView>()
    expect(view).toMatchObject({
      agencyId: f.agency.id,
      subjectName: 'BKPSDM Kota Uji',
      issuerName: 'BKPSDM Kota Uji',
      serialNumber: '0b7e',
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2028-01-01T00:00:00.000Z',
      keyAlgorithm: 'RSA',
      keyBits: 2048,
      uploadedBy: `Pengguna ${f.admin.username}`,
    })
    expect(view.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(response.body).not.toContain(testP12Passphrase)
    expect((await f.get()).json<ReceiptCertificateState>()).toEqual({ certificate: view })

    const [row] = await f.rows()
    expect(row).toMatchObject({ status: 'active', uploadedBy: f.admin.user.id })
    // Sealed: neither the passphrase nor the P12 bytes are readable in the column.
    expect(row?.sealedKeyMaterial).toMatch(/^v1\./)
    expect(row?.sealedKeyMaterial).not.toContain(testP12Passphrase)
    expect(row?.sealedKeyMaterial).not.toContain(valid.p12.toString('base64').slice(0, 40))
    const [event] = await f.audit('agency.receipt_certificate_uploaded')
    expect(event).toMatchObject({ entityId: view.id, actorId: f.admin.user.id })
    expect(JSON.parse(event?.summary ?? '{}')).toMatchObject({
      after: { subjectName: 'BKPSDM Kota Uji', fingerprintSha256: view.fingerprintSha256 },
    })
    expect(event?.summary).not.toContain(testP12Passphrase)
  })

  it('replaces the active certificate: the old row is kept as replaced, its key wiped, both audited', async () => {
    const f = await arrange()
    const first = (
      await putCertificate(f.app, f.session, f.agency.id, { p12: valid.p12, password: testP12Passphrase })
    ).json<SigningCertificateView>()
    const renewed = makeTestP12({ serialNumber: '0b7f', commonName: 'BKPSDM Kota Uji 2027' })
    f.clock.advance(60_000)
    const second = await putCertificate(f.app, f.session, f.agency.id, {
      p12: renewed.p12,
      password: testP12Passphrase,
    })

    expect(second.statusCode).toBe(200)
    expect(second.json()).toMatchObject({ serialNumber: '0b7f', subjectName: 'BKPSDM Kota Uji 2027' })
    expect((await f.get()).json()).toMatchObject({ certificate: { serialNumber: '0b7f' } })
    const rows = await f.rows()
    expect(rows.map((row) => [row.id === first.id, row.status, row.sealedKeyMaterial === null])).toEqual([
      [true, 'replaced', true],
      [false, 'active', false],
    ])
    expect(rows[0]?.endedBy).toBe(f.admin.user.id)
    expect(await f.audit('agency.receipt_certificate_replaced')).toEqual([
      expect.objectContaining({ entityId: first.id }),
    ])
  })

  it.each([
    ['a wrong password', () => ({ p12: valid.p12, password: 'salah' }), 422, 'certificate.password_wrong'],
    [
      'an expired certificate',
      () => ({
        p12: makeTestP12({
          validFrom: new Date('2020-01-01T00:00:00Z'),
          validUntil: new Date('2021-01-01T00:00:00Z'),
        }).p12,
        password: testP12Passphrase,
      }),
      422,
      'certificate.expired',
    ],
    [
      'a certificate not valid yet',
      () => ({
        p12: makeTestP12({
          validFrom: new Date('2099-01-01T00:00:00Z'),
          validUntil: new Date('2100-01-01T00:00:00Z'),
        }).p12,
        password: testP12Passphrase,
      }),
      422,
      'certificate.not_yet_valid',
    ],
    [
      'a P12 without a key',
      () => ({ p12: makeTestP12({ withKey: false }).p12, password: testP12Passphrase }),
      422,
      'certificate.contents_invalid',
    ],
    [
      'a P12 with two keys',
      () => ({ p12: makeTestP12({ extraKey: true }).p12, password: testP12Passphrase }),
      422,
      'certificate.contents_invalid',
    ],
    [
      'an EC key',
      () => ({ p12: ecTestP12, password: testP12Passphrase }),
      422,
      'certificate.key_unsupported',
    ],
    [
      'a PEM file',
      () => ({
        p12: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'),
        password: 'x',
      }),
      415,
      'certificate.not_pkcs12',
    ],
    [
      'a PDF named .p12',
      () => ({ p12: Buffer.from('%PDF-1.7\n%%EOF\n'), password: 'x' }),
      415,
      'certificate.not_pkcs12',
    ],
    [
      'a file over 1 MB',
      () => ({ p12: Buffer.alloc(1_048_577, 0x30), password: 'x' }),
      413,
      'request.too_large',
    ],
  ])('refuses %s and stores nothing', async (_label, form, status, code) => {
    const f = await arrange()
    const response = await putCertificate(f.app, f.session, f.agency.id, form())
    expect(response.statusCode).toBe(status)
    expect(response.json()).toMatchObject({ error: { code } })
    expect(await f.rows()).toEqual([])
    expect(await f.audit('agency.receipt_certificate_uploaded')).toEqual([])
  })

  it('answers 413 to a body far over the limit without reading it all', async () => {
    const f = await arrange()
    const response = await putCertificate(f.app, f.session, f.agency.id, {
      p12: Buffer.alloc(3 * 1_048_576),
      password: 'x',
    })
    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({ error: { code: 'request.too_large' } })
  })

  it('answers 400 for a form without the file, with an unknown field, or with the password twice', async () => {
    const f = await arrange()
    const file = { name: 'file', data: valid.p12, fileName: 'a.p12' }
    const cases = [
      [{ name: 'password', data: testP12Passphrase }],
      [{ name: 'password', data: testP12Passphrase }, file, { name: 'note', data: 'x' }],
      [{ name: 'password', data: 'a' }, { name: 'password', data: 'b' }, file],
      [file],
    ]
    for (const fields of cases) {
      const response = await putCertificate(f.app, f.session, f.agency.id, fields)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: { code: 'request.invalid' } })
    }
    expect(await f.rows()).toEqual([])
  })

  it('answers 415 for a JSON body and 400 for a broken multipart body', async () => {
    const f = await arrange()
    const json = await f.app.inject({
      method: 'PUT',
      url: f.url,
      headers: f.session.headers,
      payload: { password: 'x' },
    })
    expect(json.statusCode).toBe(415)
    const broken = await f.app.inject({
      method: 'PUT',
      url: f.url,
      headers: { ...f.session.headers, 'content-type': 'multipart/form-data; boundary=abc' },
      payload: Buffer.from('--abc\r\nno headers end'),
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ error: { code: 'request.malformed' } })
  })
})

describe('who may manage the receipt certificate', () => {
  it('lets a super admin manage any agency', async () => {
    const f = await arrange()
    const root = await insertAccount(f.context, {
      agencyId: null,
      assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
      totp: true,
    })
    const session = await signIn(f.app, f.context, root)
    const response = await putCertificate(f.app, session, f.agency.id, {
      p12: valid.p12,
      password: testP12Passphrase,
    })
    expect(response.statusCode).toBe(200)
    expect((await f.get(session)).json()).toMatchObject({ certificate: { serialNumber: '0b7e' } })
  })

  it('answers 404 to the admin of another agency and for an unknown agency, 403 to unit admins and employees', async () => {
    const f = await arrange()
    await putCertificate(f.app, f.session, f.agency.id, { p12: valid.p12, password: testP12Passphrase })
    const other = await insertAgency(f.context)
    const otherAdmin = await signIn(f.app, f.context, await insertAgencyAdmin(f.context, other.id))
    const unit = await insertUnit(f.context, f.agency.id, { name: 'Dinas Kesehatan' })
    const unitAdmin = await signIn(
      f.app,
      f.context,
      await insertUnitScopedAccount(f.context, f.agency.id, unit.id),
    )
    const employee = await signIn(f.app, f.context, await insertEmployee(f.context, f.agency.id))

    for (const [session, status] of [
      [otherAdmin, 404],
      [unitAdmin, 403],
      [employee, 403],
    ] as const) {
      const read = await f.get(session)
      expect(read.statusCode).toBe(status)
      const upload = await putCertificate(f.app, session, f.agency.id, {
        p12: valid.p12,
        password: testP12Passphrase,
      })
      expect(upload.statusCode).toBe(status)
      const remove = await f.app.inject({ method: 'DELETE', url: f.url, headers: session.headers })
      expect(remove.statusCode).toBe(status)
      if (status === 404) expect(read.json()).toMatchObject({ error: { code: 'agency.not_found' } })
    }
    const unknown = await f.app.inject({
      method: 'GET',
      url: '/api/v1/agencies/01930000-0000-7000-8000-000000000000/receipt-certificate',
      headers: f.session.headers,
    })
    expect(unknown.statusCode).toBe(404)
    expect((await f.rows()).map((row) => row.status)).toEqual(['active'])
  })
})

describe('GET and DELETE /api/v1/agencies/:id/receipt-certificate', () => {
  it('answers null without a certificate', async () => {
    const f = await arrange()
    const response = await f.get()
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ certificate: null })
  })

  it('removes the certificate (key wiped, audited), then answers 404 certificate.not_found', async () => {
    const f = await arrange()
    const uploaded = (
      await putCertificate(f.app, f.session, f.agency.id, { p12: valid.p12, password: testP12Passphrase })
    ).json<SigningCertificateView>()
    const removed = await f.app.inject({ method: 'DELETE', url: f.url, headers: f.session.headers })

    expect(removed.statusCode).toBe(204)
    expect((await f.get()).json()).toEqual({ certificate: null })
    expect(await f.rows()).toEqual([
      expect.objectContaining({
        id: uploaded.id,
        status: 'removed',
        sealedKeyMaterial: null,
        endedBy: f.admin.user.id,
      }),
    ])
    const [event] = await f.audit('agency.receipt_certificate_removed')
    expect(event).toMatchObject({ entityId: uploaded.id, actorId: f.admin.user.id })
    expect(JSON.parse(event?.summary ?? '{}')).toMatchObject({ before: { serialNumber: '0b7e' } })

    const again = await f.app.inject({ method: 'DELETE', url: f.url, headers: f.session.headers })
    expect(again.statusCode).toBe(404)
    expect(again.json()).toMatchObject({ error: { code: 'certificate.not_found' } })
  })

  it('refuses a removal without the CSRF token', async () => {
    const f = await arrange()
    await putCertificate(f.app, f.session, f.agency.id, { p12: valid.p12, password: testP12Passphrase })
    const response = await f.app.inject({
      method: 'DELETE',
      url: f.url,
      headers: { cookie: f.session.cookie },
    })
    expect(response.statusCode).toBe(403)
    expect((await f.rows()).map((row) => row.status)).toEqual(['active'])
  })
})
