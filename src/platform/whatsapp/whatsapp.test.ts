/** The HTTP gateway sender against a real local HTTP server standing for the provider (the outside world). */
import { describe, expect, it } from 'vitest'
import { createWhatsAppSender, WhatsAppGatewayError, WhatsAppNotConfiguredError } from './whatsapp.js'
import { startWhatsAppGateway } from './whatsapp.testing.js'

describe('createWhatsAppSender', () => {
  it('posts { to, text } as JSON with the bearer token and returns the provider’s message id', async () => {
    const gateway = await startWhatsAppGateway()
    const sender = createWhatsAppSender({ gatewayUrl: gateway.url, token: 'rahasia-gateway' })
    expect(sender.isConfigured).toBe(true)
    const result = await sender.send('+6281234567890', 'Yth. Budi,\nTautan pribadi Anda: https://x/ikrar/abc')
    expect(result).toEqual({ providerMessageId: 'wamid.1' })
    expect(gateway.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/send',
        body: { to: '+6281234567890', text: 'Yth. Budi,\nTautan pribadi Anda: https://x/ikrar/abc' },
      }),
    ])
    expect(gateway.requests[0]?.headers.authorization).toBe('Bearer rahasia-gateway')
    expect(gateway.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it('rejects with WhatsAppGatewayError when the gateway answers 500', async () => {
    const gateway = await startWhatsAppGateway()
    gateway.answerWith(500)
    const sender = createWhatsAppSender({ gatewayUrl: gateway.url, token: 'rahasia-gateway' })
    const error = await sender.send('+6281234567890', 'Halo').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WhatsAppGatewayError)
    expect(error).toMatchObject({ status: 500, message: 'whatsapp gateway answered HTTP 500' })
  })

  it('is disabled without a gateway URL and sends nothing', async () => {
    const sender = createWhatsAppSender({ gatewayUrl: undefined, token: 'unused' })
    expect(sender.isConfigured).toBe(false)
    await expect(sender.send('+6281234567890', 'Halo')).rejects.toBeInstanceOf(WhatsAppNotConfiguredError)
  })
})
