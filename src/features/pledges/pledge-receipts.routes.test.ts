import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { logCapture } from '../../../test/support/test-context.js'
import { putCertificate } from '../agencies/signing-certificates.testing.js'
import { makeTestP12, testP12Passphrase } from '../receipts/receipts.testing.js'
import type { SignPledgeResult } from './pledges.schema.js'
import { arrangePledges, sign, type PledgeFixture } from './pledges.testing.js'

async function signedReceipt(options: Parameters<typeof arrangePledges>[0] = {}) {
  const f = await arrangePledges(options)
  const { codeOf } = await f.openCampaign()
  const signed = await sign(f.app, codeOf(f.people.perawat.id).code, {
    dateOfBirth: '1990-05-17',
    typedName: 'Budi Santoso',
  })
  expect(signed.statusCode).toBe(200)
  const { verifyCode } = signed.json<SignPledgeResult>()
  const download = () => f.app.inject({ method: 'GET', url: `/api/v1/public/receipts/${verifyCode}` })
  const check = (payload: Buffer | string, contentType = 'application/pdf') =>
    f.app.inject({
      method: 'POST',
      url: `/api/v1/public/verify/${verifyCode}/receipt`,
      headers: { 'content-type': contentType },
      payload,
    })
  return { f, verifyCode, download, check }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('pledge receipts', () => {
  it('is made by the background job after signing, stored once, and downloaded as issued', async () => {
    const { f, verifyCode, download } = await signedReceipt()
    const pending = await download()
    expect(pending.statusCode).toBe(409)
    expect(pending.json()).toMatchObject({ error: { code: 'pledge.receipt_pending' } })

    await f.context.jobs.start()
    await expect.poll(async () => (await download()).statusCode, { timeout: 20_000, interval: 200 }).toBe(200)
    const first = await download()
    expect(first.headers['content-type']).toBe('application/pdf')
    expect(first.headers['content-disposition']).toMatch(
      /^attachment; filename="tanda-terima-ikrar-.+\.pdf"$/,
    )
    expect(first.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const signature = await f.db
      .selectFrom('pledgeSignatures')
      .select(['id', 'receiptStatus', 'receiptSha256'])
      .where('verifyCode', '=', verifyCode)
      .executeTakeFirstOrThrow()
    expect(signature).toMatchObject({ receiptStatus: 'ready', receiptSha256: sha256(first.rawPayload) })

    // A second run of the job (at-least-once delivery) changes nothing.
    await f.context.services.pledgeReceipts.produce(signature.id)
    const receipts = await f.db.selectFrom('pledgeReceipts').select(['sha256']).execute()
    expect(receipts).toEqual([{ sha256: sha256(first.rawPayload) }])
    expect((await download()).rawPayload.equals(first.rawPayload)).toBe(true)
  })

  it('tells the issued receipt from an altered copy, and refuses what is not a PDF', async () => {
    const { f, verifyCode, download, check } = await signedReceipt()
    const signature = await f.db
      .selectFrom('pledgeSignatures')
      .select('id')
      .where('verifyCode', '=', verifyCode)
      .executeTakeFirstOrThrow()
    // Before the receipt exists there is nothing to compare with.
    expect((await check(Buffer.from('%PDF-1.7\n'))).json()).toMatchObject({
      error: { code: 'pledge.receipt_pending' },
    })
    await f.context.services.pledgeReceipts.produce(signature.id)
    const issued = (await download()).rawPayload

    const genuine = await check(issued)
    expect(genuine.statusCode).toBe(200)
    expect(genuine.json()).toEqual({ verdict: 'genuine' })

    const altered = Buffer.from(issued)
    const middle = Math.floor(altered.length / 2)
    altered[middle] = (altered[middle] ?? 0) ^ 0x01
    expect((await check(altered)).json()).toEqual({ verdict: 'altered' })
    expect((await check(Buffer.concat([issued, Buffer.from('\n')]))).json()).toEqual({ verdict: 'altered' })
    // Sent as a generic download type, the same file is still recognised.
    expect((await check(issued, 'application/octet-stream')).json()).toEqual({ verdict: 'genuine' })

    const image = await check(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(image.statusCode).toBe(415)
    expect(image.json()).toMatchObject({ error: { code: 'receipt.not_a_pdf' } })
    const json = await check(JSON.stringify({ verdict: 'genuine' }), 'application/json')
    expect(json.statusCode).toBe(415)
    const huge = await check(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]))
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ error: { code: 'request.too_large' } })
  })

  it('answers 404 for an unknown verify code on both routes', async () => {
    const { f } = await signedReceipt()
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA'
    const download = await f.app.inject({ method: 'GET', url: `/api/v1/public/receipts/${unknown}` })
    expect(download.statusCode).toBe(404)
    expect(download.json()).toMatchObject({ error: { code: 'pledge.verification_not_found' } })
    const check = await f.app.inject({
      method: 'POST',
      url: `/api/v1/public/verify/${unknown}/receipt`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.7\n'),
    })
    expect(check.statusCode).toBe(404)
  })
})

describe('pledge receipts signed with the agency certificate', () => {
  const agencyCertificate = (validUntil = new Date('2028-01-01T00:00:00Z')) =>
    makeTestP12({ commonName: 'BKPSDM Kota Contoh', validUntil })

  const signatureIdOf = async (f: PledgeFixture, verifyCode: string) =>
    (
      await f.db
        .selectFrom('pledgeSignatures')
        .select('id')
        .where('verifyCode', '=', verifyCode)
        .executeTakeFirstOrThrow()
    ).id

  const stateOf = (f: PledgeFixture, verifyCode: string) =>
    f.app.inject({ method: 'GET', url: `/api/v1/public/verify/${verifyCode}/receipt` })

  it('stores the signed PDF as issued; a downloaded copy is genuine, one flipped byte makes it altered', async () => {
    const { f, verifyCode, download, check } = await signedReceipt()
    const uploaded = await putCertificate(f.app, f.session, f.agency.id, {
      p12: agencyCertificate().p12,
      password: testP12Passphrase,
    })
    expect(uploaded.statusCode).toBe(200)
    expect((await stateOf(f, verifyCode)).json()).toEqual({ status: 'pending', signedBy: null })

    await f.context.services.pledgeReceipts.produce(await signatureIdOf(f, verifyCode))
    const issued = (await download()).rawPayload
    const text = issued.toString('latin1')
    expect(text).toContain('/SubFilter /adbe.pkcs7.detached')
    expect(text).toContain('/Name (BKPSDM Kota Contoh)')
    const stored = await f.db
      .selectFrom('pledgeReceipts')
      .select(['sha256', 'signerCertificateId', 'signerName'])
      .execute()
    expect(stored).toEqual([
      {
        sha256: sha256(issued),
        signerCertificateId: uploaded.json<{ id: string }>().id,
        signerName: 'BKPSDM Kota Contoh',
      },
    ])
    expect((await stateOf(f, verifyCode)).json()).toEqual({ status: 'ready', signedBy: 'BKPSDM Kota Contoh' })

    expect((await check(issued)).json()).toEqual({ verdict: 'genuine' })
    const altered = Buffer.from(issued)
    const at = issued.indexOf('/Contents <') + 20
    altered[at] = (altered[at] ?? 0) ^ 0x01
    expect((await check(altered)).json()).toEqual({ verdict: 'altered' })
  })

  it('issues the receipt unsigned, with a warning naming only the agency, when the certificate expired since upload', async () => {
    const log = logCapture()
    const { f, verifyCode, download, check } = await signedReceipt({ logStream: log.stream })
    const uploaded = await putCertificate(f.app, f.session, f.agency.id, {
      p12: agencyCertificate(new Date('2026-11-30T00:00:00Z')).p12,
      password: testP12Passphrase,
    })
    expect(uploaded.statusCode).toBe(200)
    f.clock.set(Date.parse('2026-12-02T00:00:00Z'))

    await f.context.services.pledgeReceipts.produce(await signatureIdOf(f, verifyCode))
    const issued = await download()
    expect(issued.statusCode).toBe(200)
    expect(issued.rawPayload.toString('latin1')).not.toContain('/ByteRange')
    expect((await check(issued.rawPayload)).json()).toEqual({ verdict: 'genuine' })
    expect((await stateOf(f, verifyCode)).json()).toEqual({ status: 'ready', signedBy: null })

    const warning = log.lines.find((line) => line.includes('receipt signing failed'))
    expect(warning).toBeDefined()
    expect(JSON.parse(warning ?? '{}')).toMatchObject({
      level: 40,
      agencyId: f.agency.id,
      certificateId: uploaded.json<{ id: string }>().id,
      problem: 'certificate_not_valid_now',
    })
    expect(warning).not.toContain('Budi')
    expect(warning).not.toContain(verifyCode)
  })

  it('signs with the certificate active when the receipt is made: a replacement takes over, a removal stops it', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const signers = [
      [f.people.perawat.id, '1990-05-17', 'Budi Santoso'],
      [f.people.guru.id, '1980-08-17', 'Agus Salim'],
      [f.people.kadis.id, '1970-01-01', 'Wahyu Hidayat'],
    ] as const
    const produceFor = async (index: number) => {
      const [employeeId, dateOfBirth, typedName] = signers[index] ?? signers[0]
      const signed = await sign(f.app, codeOf(employeeId).code, { dateOfBirth, typedName })
      expect(signed.statusCode).toBe(200)
      const { verifyCode } = signed.json<SignPledgeResult>()
      await f.context.services.pledgeReceipts.produce(await signatureIdOf(f, verifyCode))
      return (await stateOf(f, verifyCode)).json<{ signedBy: string | null }>().signedBy
    }
    const upload = (commonName: string) =>
      putCertificate(f.app, f.session, f.agency.id, {
        p12: makeTestP12({ commonName }).p12,
        password: testP12Passphrase,
      })

    expect((await upload('BKPSDM Lama')).statusCode).toBe(200)
    expect(await produceFor(0)).toBe('BKPSDM Lama')
    expect((await upload('BKPSDM Baru')).statusCode).toBe(200)
    expect(await produceFor(1)).toBe('BKPSDM Baru')
    const removed = await f.app.inject({
      method: 'DELETE',
      url: `/api/v1/agencies/${f.agency.id}/receipt-certificate`,
      headers: f.session.headers,
    })
    expect(removed.statusCode).toBe(204)
    expect(await produceFor(2)).toBeNull()
  })

  it('issues receipts with hash and QR only while the agency has no certificate', async () => {
    const { f, verifyCode, download } = await signedReceipt()
    await f.context.services.pledgeReceipts.produce(await signatureIdOf(f, verifyCode))
    expect((await download()).rawPayload.toString('latin1')).not.toContain('/ByteRange')
    expect((await stateOf(f, verifyCode)).json()).toEqual({ status: 'ready', signedBy: null })
    const unknown = await f.app.inject({
      method: 'GET',
      url: '/api/v1/public/verify/AAAAAAAAAAAAAAAAAAAAAAAA/receipt',
    })
    expect(unknown.statusCode).toBe(404)
  })
})
