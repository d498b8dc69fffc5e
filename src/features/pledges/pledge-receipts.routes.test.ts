import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SignPledgeResult } from './pledges.schema.js'
import { arrangePledges, sign } from './pledges.testing.js'

async function signedReceipt() {
  const f = await arrangePledges()
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
