/**
 * Outgoing e-mail over SMTP (nodemailer, pooled connections). Without SMTP_URL the mailer exists but is not
 * configured: `send` rejects with MailNotConfiguredError and the notifications outbox keeps mail pending.
 * Only the outbox should call `send`; features queue mail with `queueEmail` inside their transaction.
 */
import nodemailer from 'nodemailer'

export interface MailMessage {
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html?: string | undefined
}

export interface Mailer {
  readonly isConfigured: boolean
  /** Hands one message to the SMTP server; resolves once the server accepted it. */
  send(message: MailMessage): Promise<{ messageId: string }>
  /** Closes pooled SMTP connections. */
  close(): void
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; absent = mail not configured. */
  readonly smtpUrl?: string | undefined
  /** From header, e.g. `Netra <no-reply@example.go.id>`. */
  readonly from: string
  /** Connect, greeting and DNS timeouts (default 10 s); a socket idle twice as long is dropped. */
  readonly timeoutMs?: number
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('mail is not configured: set SMTP_URL to send e-mail')
    this.name = 'MailNotConfiguredError'
  }
}

export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from } = options
  if (!smtpUrl) {
    return {
      isConfigured: false,
      send: () => Promise.reject(new MailNotConfiguredError()),
      close: () => undefined,
    }
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  const transport = nodemailer.createTransport({
    pool: true,
    url: smtpUrl,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
  })
  return {
    isConfigured: true,
    async send(message) {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
        headers: { 'Auto-Submitted': 'auto-generated' },
      })
      return { messageId: info.messageId }
    },
    close: () => transport.close(),
  }
}
