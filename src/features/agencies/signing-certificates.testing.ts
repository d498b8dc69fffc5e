/** Test helpers: the multipart upload form of a receipt signing certificate, sent through the real route. */
import type { FastifyInstance } from 'fastify'
import type { SignedIn } from '../../../test/support/factories.js'

export interface FormField {
  readonly name: string
  readonly data: Buffer | string
  readonly fileName?: string
}

/** A `multipart/form-data` body as a browser sends it. */
export function multipartForm(fields: readonly FormField[]) {
  const boundary = `----NetraUji${Math.random().toString(36).slice(2)}`
  const chunks: Buffer[] = []
  for (const field of fields) {
    const fileName = field.fileName === undefined ? '' : `; filename="${field.fileName}"`
    const type = field.fileName === undefined ? '' : '\r\nContent-Type: application/x-pkcs12'
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field.name}"${fileName}${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(field.data) ? field.data : Buffer.from(field.data, 'utf8'),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** PUT /api/v1/agencies/:id/receipt-certificate with a file and a password (or the given form fields). */
export function putCertificate(
  app: FastifyInstance,
  session: SignedIn,
  agencyId: string,
  form: { p12: Buffer; password: string } | readonly FormField[],
) {
  const fields = Array.isArray(form)
    ? (form as readonly FormField[])
    : [
        { name: 'password', data: (form as { password: string }).password },
        { name: 'file', data: (form as { p12: Buffer }).p12, fileName: 'bkpsdm.p12' },
      ]
  const { payload, contentType } = multipartForm(fields)
  return app.inject({
    method: 'PUT',
    url: `/api/v1/agencies/${agencyId}/receipt-certificate`,
    headers: { ...session.headers, 'content-type': contentType },
    payload,
  })
}
