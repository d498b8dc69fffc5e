/**
 * Signatures written in batches (pledge-signature-writer.ts), through the public HTTP route: many employees signing
 * at once, some submitting twice, get exactly one signature each, a receipt job each and an intact audit chain.
 */
import { describe, expect, it } from 'vitest'
import { verifyAuditChains } from '../audit/audit.service.js'
import { maskName } from './pledge-rules.js'
import { arrangePledges, countRows, sign } from './pledges.testing.js'

describe('signatures written together', () => {
  it('gives every employee of a crowd exactly one signature, one receipt and one audit event', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const signers = [
      [f.people.kadis, '1970-01-01'],
      [f.people.kapus, '1986-09-26'],
      [f.people.perawat, '1990-05-17'],
      [f.people.honorer, '1995-02-03'],
      [f.people.guru, '1980-08-17'],
    ] as const
    // Everyone submits twice at the same moment (double tap): two requests per code in flight together.
    const submits = signers.flatMap(([person, dateOfBirth]) => {
      const body = { dateOfBirth, typedName: person.name }
      const { code } = codeOf(person.id)
      return [sign(f.app, code, body), sign(f.app, code, body)]
    })
    const responses = await Promise.all(submits)
    const byPerson = signers.map((_, i) =>
      [responses[2 * i], responses[2 * i + 1]].map((r) => r?.statusCode).sort(),
    )
    expect(byPerson).toEqual(signers.map(() => [200, 409]))
    expect(responses.filter((r) => r.statusCode === 409).map((r) => r.json().error.code as string)).toEqual(
      signers.map(() => 'pledge.already_signed'),
    )

    const rows = await f.db.selectFrom('pledgeSignatures').select(['employeeId']).execute()
    expect(rows.map((r) => r.employeeId).sort()).toEqual(signers.map(([person]) => person.id).sort())
    const audit = await f.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('action', '=', 'pledge_signature.signed')
      .execute()
    expect(audit).toHaveLength(signers.length)
    expect((await verifyAuditChains(f.db)).ok).toBe(true)

    // Each signature's receipt job was queued with it: starting the queue makes all receipts.
    await f.context.jobs.start()
    await expect
      .poll(() => countRows(f.context, 'pledgeReceipts'), { timeout: 30_000, interval: 200 })
      .toBe(signers.length)
  })

  it('answers page loads that arrive together each with its own code holder (lookups batched on PostgreSQL)', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const people = [f.people.kadis, f.people.kapus, f.people.perawat, f.people.honorer, f.people.guru]
    const codes = [...people.map((person) => codeOf(person.id).code), 'kode-yang-tidak-ada-sama-sekali']
    // Every page twice, all in flight at once, plus an unknown code.
    const responses = await Promise.all(
      [...codes, ...codes].map((code) =>
        f.app.inject({ method: 'GET', url: `/api/v1/public/pledges/${encodeURIComponent(code)}` }),
      ),
    )
    const answers = responses.map((r) =>
      r.statusCode === 200 ? (r.json().signerNameMasked as string) : `${r.statusCode} ${r.json().error.code}`,
    )
    const expected = [...people.map((person) => maskName(person.name)), '404 pledge.code_invalid']
    expect(answers).toEqual([...expected, ...expected])
  })
})
