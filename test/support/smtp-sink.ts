/**
 * A real SMTP server on 127.0.0.1 (random port, no auth, no STARTTLS) that keeps every message it accepts, so mail
 * tests go through nodemailer and the network exactly as production does. Messages are parsed just enough to assert
 * on: envelope, headers, decoded subject and the text/plain body (quoted-printable or base64, multipart or not).
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { onTestFinished } from 'vitest'

export interface SunkMessage {
  /** Envelope sender (MAIL FROM), or null for a null sender. */
  readonly envelopeFrom: string | null
  /** Envelope recipients (RCPT TO). */
  readonly envelopeTo: string[]
  /** Header names in lower case; repeated headers keep the last value. */
  readonly headers: Record<string, string>
  readonly subject: string
  /** The text/plain body, decoded, with CRLF turned into LF and the trailing newline removed. */
  readonly text: string
  readonly raw: string
}

export interface SmtpSink {
  readonly url: string
  readonly port: number
  readonly messages: SunkMessage[]
  /** Resolves with the messages once at least `count` arrived; rejects after `timeoutMs` (default 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMessage[]>
  close(): Promise<void>
}

interface Part {
  headers: Record<string, string>
  body: string
}

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, '\n')
  const end = normalised.indexOf('\n\n')
  const head = end === -1 ? normalised : normalised.slice(0, end)
  const body = end === -1 ? '' : normalised.slice(end + 2)
  const headers: Record<string, string> = {}
  // Folded header lines continue with leading whitespace (RFC 5322 §2.2.3).
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body }
}

function decodeQuotedPrintable(text: string): string {
  const withoutSoftBreaks = text.replace(/=\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < withoutSoftBreaks.length; i++) {
    const char = withoutSoftBreaks[i] ?? ''
    const hex = withoutSoftBreaks.slice(i + 1, i + 3)
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(char, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body)
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return part.body
}

/** RFC 2047 encoded words, e.g. =?UTF-8?Q?Pemberitahuan_kasus?= */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
}

function findTextPart(part: Part): Part | null {
  const contentType = part.headers['content-type'] ?? 'text/plain'
  if (contentType.toLowerCase().startsWith('text/plain')) return part
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!contentType.toLowerCase().startsWith('multipart/') || !boundary) return null
  for (const chunk of part.body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break
    const found = findTextPart(splitPart(chunk.replace(/^\n/, '')))
    if (found) return found
  }
  return null
}

export function parseMessage(raw: string, envelopeFrom: string | null, envelopeTo: string[]): SunkMessage {
  const message = splitPart(raw)
  const textPart = findTextPart(message)
  return {
    envelopeFrom,
    envelopeTo,
    headers: message.headers,
    subject: decodeHeader(message.headers.subject ?? ''),
    text: textPart ? decodeBody(textPart).replace(/\r\n/g, '\n').replace(/\n+$/, '') : '',
    raw,
  }
}

/** Starts the sink; it closes itself when the current test ends unless `autoCleanup: false`. */
export async function createSmtpSink(options: { autoCleanup?: boolean } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = []
  const waiters = new Set<() => void>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A pooled client may still hold a connection when the test closes the sink; do not wait 30 s for it.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope
        messages.push(
          parseMessage(
            Buffer.concat(chunks).toString('utf8'),
            mailFrom ? mailFrom.address : null,
            rcptTo.map((recipient) => recipient.address),
          ),
        )
        for (const wake of waiters) wake()
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.server.address() as AddressInfo
  let closed: Promise<void> | null = null
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return
          cleanup()
          resolve(messages)
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(
            new Error(
              `SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`,
            ),
          )
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
    close() {
      closed ??= new Promise<void>((resolve) => server.close(() => resolve()))
      return closed
    },
  }
  if (options.autoCleanup !== false) onTestFinished(() => sink.close())
  return sink
}
