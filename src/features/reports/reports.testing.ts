/**
 * Test helpers of the reports feature: a multipart body for `app.inject`, and a report body that passes.
 */
import { randomBytes } from 'node:crypto'

export interface Part {
  readonly name: string
  readonly value?: string
  readonly contentType?: string
  readonly filename?: string
  readonly data?: Uint8Array
}

/** A multipart/form-data payload and its content-type header, built by hand (what a browser sends). */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----netra${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`))
    if (part.contentType) chunks.push(Buffer.from(`Content-Type: ${part.contentType}\r\n`))
    chunks.push(
      Buffer.from('\r\n'),
      Buffer.from(part.data ?? Buffer.from(part.value ?? '', 'utf8')),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

export const validReport = (overrides: Record<string, unknown> = {}) => ({
  categoryCode: 'DS-06',
  description: 'Seorang pegawai membagikan unggahan kampanye calon nomor 02 di grup WhatsApp kantor.',
  reportedPerson: { name: 'Budi Santoso', unitName: 'Dinas Pendidikan' },
  occurredAt: '2024-11-20T09:00:00+07:00',
  identityLevel: 'anonymous',
  ...overrides,
})
