/**
 * A WhatsApp gateway for tests: a real HTTP server on 127.0.0.1 (node:http, random port). It stands for the outside
 * world — the provider Netra posts messages to — and records every request; `answerWith` sets the status it answers.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

export interface GatewayRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: unknown
}

export async function startWhatsAppGateway() {
  const requests: GatewayRequest[] = []
  let status = 200
  let sequence = 0
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        // keep the raw text: the test will see it was not JSON
      }
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body })
      sequence += 1
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(status < 300 ? JSON.stringify({ id: `wamid.${sequence}` }) : '{"error":"unavailable"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  onTestFinished(close)
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    answerWith(next: number) {
      status = next
    },
    close,
  }
}
