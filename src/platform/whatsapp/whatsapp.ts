/**
 * Outgoing WhatsApp messages through an HTTP gateway (any provider that takes `POST { to, text }` with a bearer
 * token and answers 2xx). Without WHATSAPP_GATEWAY_URL the sender exists but is disabled: features queue no
 * WhatsApp messages then, and `send` rejects with WhatsAppNotConfiguredError.
 * Only the notifications outbox should call `send`; features queue messages with `queueWhatsApp` in their transaction.
 */

export interface WhatsAppSender {
  readonly isConfigured: boolean
  /** Hands one message to the gateway; resolves once the gateway accepted it (2xx). */
  send(toPhoneE164: string, text: string): Promise<{ providerMessageId: string | null }>
}

export interface WhatsAppGatewayOptions {
  /** `https://gateway.example/api/send`; absent = WhatsApp disabled. */
  readonly gatewayUrl?: string | undefined
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string | undefined
  /** Whole-request timeout (default 10 s). */
  readonly timeoutMs?: number
}

export class WhatsAppNotConfiguredError extends Error {
  constructor() {
    super('whatsapp is not configured: set WHATSAPP_GATEWAY_URL to send WhatsApp messages')
    this.name = 'WhatsAppNotConfiguredError'
  }
}

/** The gateway answered, but not with 2xx (the outbox retries with backoff, as for e-mail). */
export class WhatsAppGatewayError extends Error {
  readonly code = 'WHATSAPP_GATEWAY_STATUS'
  constructor(readonly status: number) {
    super(`whatsapp gateway answered HTTP ${status}`)
    this.name = 'WhatsAppGatewayError'
  }
}

/** The provider's message id, when its answer is JSON with `id`, `messageId` or `message_id`. */
function providerIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null
    const id = parsed?.id ?? parsed?.messageId ?? parsed?.message_id
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null
  } catch {
    return null
  }
}

export function createWhatsAppSender(options: WhatsAppGatewayOptions): WhatsAppSender {
  const { gatewayUrl, token } = options
  if (!gatewayUrl) {
    return { isConfigured: false, send: () => Promise.reject(new WhatsAppNotConfiguredError()) }
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  return {
    isConfigured: true,
    async send(toPhoneE164, text) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: toPhoneE164, text }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      })
      const body = await response.text()
      if (!response.ok) throw new WhatsAppGatewayError(response.status)
      return { providerMessageId: providerIdOf(body) }
    },
  }
}
