/**
 * Pledge links and reminders by WhatsApp, end to end through the outbox. The gateway is a real HTTP server on
 * 127.0.0.1 (node:http): it stands for the outside world, the WhatsApp provider. No SMTP server is configured here,
 * so only WhatsApp messages are dispatched.
 */
import { describe, expect, it } from 'vitest'
import { startWhatsAppGateway } from '../../platform/whatsapp/whatsapp.testing.js'
import { signingWhatsAppText, whatsAppRecipientOf } from './pledge-whatsapp.js'
import type { IssuedCode, ReminderResult } from './pledges.schema.js'
import { arrangePledges, type PledgeFixture } from './pledges.testing.js'

/** Kadis has a WhatsApp number, the teacher only a phone written 0812…, the honorer a number that is not one. */
async function givePhones(f: PledgeFixture) {
  const set = (id: string, values: { phone?: string; whatsapp?: string }) =>
    f.db.updateTable('employees').set(values).where('id', '=', id).execute()
  await set(f.people.kadis.id, { whatsapp: '+6281111111111' })
  await set(f.people.guru.id, { phone: '0812-2222-3333' })
  await set(f.people.honorer.id, { phone: '021 555 1234' })
}

const whatsAppRows = (f: PledgeFixture) =>
  f.db
    .selectFrom('notificationOutbox')
    .selectAll()
    .where('channel', '=', 'whatsapp')
    .orderBy('recipient')
    .execute()

describe('pledge links by WhatsApp', () => {
  it('queues the personal link for valid numbers, counts the invalid one, and the gateway receives them', async () => {
    const gateway = await startWhatsAppGateway()
    const f = await arrangePledges({
      env: { WHATSAPP_GATEWAY_URL: gateway.url, WHATSAPP_GATEWAY_TOKEN: 'token-gateway-uji' },
    })
    await givePhones(f)
    const { opened, codeOf } = await f.openCampaign({ scope: 'agency' })
    expect(opened).toMatchObject({ targetCount: 5, emailQueued: 3, whatsAppQueued: 2, phoneInvalid: 1 })
    expect(codeOf(f.people.kadis.id)).toMatchObject({ emailQueued: true, whatsAppQueued: true })
    expect(codeOf(f.people.guru.id)).toMatchObject({ emailQueued: false, whatsAppQueued: true })
    expect(codeOf(f.people.honorer.id)).toMatchObject({ emailQueued: false, whatsAppQueued: false })
    const rows = await whatsAppRows(f)
    expect(rows.map((row) => [row.recipient, row.status])).toEqual([
      ['+6281111111111', 'pending'],
      ['+6281222223333', 'pending'],
    ])

    const result = await f.context.services.notifications.dispatchDue()
    expect(result).toEqual({ sent: 2, failed: 0, retried: 0 })
    expect(gateway.requests).toHaveLength(2)
    for (const request of gateway.requests) {
      expect(request.method).toBe('POST')
      expect(request.headers.authorization).toBe('Bearer token-gateway-uji')
    }
    const guruMessage = gateway.requests.find(
      (request) => (request.body as { to: string }).to === '+6281222223333',
    )
    expect((guruMessage?.body as { text: string }).text).toContain(codeOf(f.people.guru.id).link)
    expect((await whatsAppRows(f)).map((row) => row.status)).toEqual(['sent', 'sent'])
    // E-mail stays pending: no SMTP server is configured in this test.
    const emails = await f.db
      .selectFrom('notificationOutbox')
      .select('status')
      .where('channel', '=', 'email')
      .execute()
    expect(emails.map((row) => row.status)).toEqual(['pending', 'pending', 'pending'])
  })

  it('retries after the gateway answers 500 and delivers once it recovers', async () => {
    const gateway = await startWhatsAppGateway()
    gateway.answerWith(500)
    const f = await arrangePledges({ env: { WHATSAPP_GATEWAY_URL: gateway.url } })
    await givePhones(f)
    await f.openCampaign({ scope: 'units', unitIds: [f.units.dinkes.id] })
    const [row] = await whatsAppRows(f)
    expect(row?.recipient).toBe('+6281111111111')

    expect(await f.context.services.notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 1 })
    const retried = await whatsAppRows(f)
    expect(retried[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(retried[0]?.lastError).toContain('HTTP 500')
    expect(gateway.requests).toHaveLength(1)

    gateway.answerWith(200)
    expect(await f.context.services.notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    f.clock.advance(60_000)
    expect(await f.context.services.notifications.dispatchDue()).toEqual({ sent: 1, failed: 0, retried: 0 })
    expect(gateway.requests).toHaveLength(2)
    expect((await whatsAppRows(f))[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null })
  })

  it('reminds non-signers by WhatsApp too, including those without an e-mail address', async () => {
    const gateway = await startWhatsAppGateway()
    const f = await arrangePledges({ env: { WHATSAPP_GATEWAY_URL: gateway.url } })
    await givePhones(f)
    const { campaign } = await f.openCampaign({ scope: 'agency' })
    await f.db.deleteFrom('notificationOutbox').execute()
    const reminded = await f.api.ok<ReminderResult>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/reminders`,
      {},
    )
    // E-mail: kadis, kapus, perawat. WhatsApp: kadis and the teacher (no e-mail); the honorer has neither.
    expect(reminded).toEqual({
      queued: 3,
      skippedRecent: 0,
      withoutEmail: 2,
      whatsAppQueued: 2,
      phoneInvalid: 1,
    })
    const rows = await whatsAppRows(f)
    expect(rows.map((row) => row.recipient)).toEqual(['+6281111111111', '+6281222223333'])
    expect(rows[0]?.bodyText).toContain('Anda belum menandatangani')
    expect(rows[0]?.subject).toMatch(/^Pengingat: /)

    const code = await f.api.ok<IssuedCode>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.guru.id}/code`,
    )
    expect(code).toMatchObject({ emailQueued: false, whatsAppQueued: true })
  })

  it('queues no WhatsApp message at all when no gateway is configured', async () => {
    const f = await arrangePledges()
    await givePhones(f)
    const { opened, campaign } = await f.openCampaign({ scope: 'agency' })
    expect(opened).toMatchObject({ emailQueued: 3, whatsAppQueued: 0, phoneInvalid: 0 })
    expect(opened.codes.every((c) => !c.whatsAppQueued)).toBe(true)
    const reminded = await f.api.ok<ReminderResult>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/reminders`,
      {},
    )
    expect(reminded).toMatchObject({ whatsAppQueued: 0, phoneInvalid: 0, withoutEmail: 2 })
    expect(await whatsAppRows(f)).toEqual([])
    expect(await f.context.services.notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
  })
})

describe('whatsAppRecipientOf', () => {
  it.each([
    [
      { whatsapp: '+6281234567890', phone: '0811111111' },
      { kind: 'ok', to: '+6281234567890' },
    ],
    [
      { whatsapp: null, phone: '0812 3456 7890' },
      { kind: 'ok', to: '+6281234567890' },
    ],
    [
      { whatsapp: '6281234567890', phone: null },
      { kind: 'ok', to: '+6281234567890' },
    ],
    [{ whatsapp: '', phone: '(021) 555-1234' }, { kind: 'invalid' }],
    [{ whatsapp: null, phone: null }, { kind: 'none' }],
  ])('reads %j as %j', (contact, expected) => {
    expect(whatsAppRecipientOf(contact)).toEqual(expected)
  })

  it('writes a short message with the link and the deadline', () => {
    const text = signingWhatsAppText({
      agencyId: 'a',
      agencyName: 'Pemerintah Kota Contoh',
      campaignName: 'Pilkada 2026',
      templateTitle: 'Ikrar Netralitas ASN',
      untilText: '1 Desember 2026 pukul 08.00',
      name: 'Budi Santoso',
      code: 'abc',
      isReminder: false,
      whatsapp: null,
      phone: null,
      link: 'https://netra.contoh.go.id/ikrar/abc',
    })
    expect(text).toContain('Yth. Budi Santoso,')
    expect(text).toContain('https://netra.contoh.go.id/ikrar/abc')
    expect(text).toContain('sampai 1 Desember 2026 pukul 08.00')
  })
})
