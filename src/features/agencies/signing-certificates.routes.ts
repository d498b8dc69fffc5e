/**
 * /agencies/:id/receipt-certificate — the agency's receipt signing certificate (decision 0010): PUT uploads a P12 as
 * `multipart/form-data` (part `file` ≤ 1 MB, field `password`), GET shows its metadata (never the key), DELETE
 * removes it. Agency admins of that agency and super admins; any other agency is 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { actorOf } from '../../server/plugins/authorize.js'
import { boundaryOf, parseMultipartForm } from './signing-certificates.multipart.js'
import {
  AgencyIdParams,
  maxCertificateBytes,
  ReceiptCertificateState,
  SigningCertificateView,
  UploadCertificateFields,
} from './signing-certificates.schema.js'
import type { SigningCertificatesService } from './signing-certificates.service.js'

/** Room for the multipart framing and the password around the file itself. */
const formOverheadBytes = 16 * 1024

/** Reads the upload form: exactly one `file` part and one `password` field, nothing else. */
function readUploadForm(body: unknown, contentType: string | undefined): { p12: Buffer; passphrase: string } {
  const boundary = boundaryOf(contentType)
  if (!Buffer.isBuffer(body) || !boundary) throw new DomainError('request.unsupported_media_type')
  const parts = parseMultipartForm(body, boundary)
  if (!parts) throw new DomainError('request.malformed')
  const files = parts.filter((part) => part.name === 'file')
  const fields = parts.filter((part) => part.name !== 'file')
  const issues: { location: string; path: string[]; code: string }[] = []
  if (files.length !== 1)
    issues.push({ location: 'body', path: ['file'], code: files.length ? 'duplicate' : 'required' })
  const names = fields.map((part) => part.name)
  if (new Set(names).size !== names.length) issues.push({ location: 'body', path: names, code: 'duplicate' })
  const parsed = UploadCertificateFields.safeParse(
    Object.fromEntries(fields.map((part) => [part.name, part.data.toString('utf8')])),
  )
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const paths =
        issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [key]) : [issue.path.map(String)]
      for (const path of paths) issues.push({ location: 'body', path, code: issue.code })
    }
  }
  const file = files[0]
  if (issues.length > 0 || !file || !parsed.success) throw new DomainError('request.invalid', { issues })
  if (file.data.length > maxCertificateBytes) {
    throw new DomainError('request.too_large', { maxBytes: maxCertificateBytes })
  }
  return { p12: file.data, passphrase: parsed.data.password }
}

export const signingCertificatesRoutes: FastifyPluginAsyncZod<{
  certificates: SigningCertificatesService
}> = async (app, { certificates }) => {
  const config = { policy: 'agencies.signing' } as const
  const tags = ['agencies']

  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: maxCertificateBytes + formOverheadBytes },
    (_request, body, done) => done(null, body),
  )

  app.get(
    '/agencies/:id/receipt-certificate',
    {
      config,
      schema: {
        tags,
        summary: "The agency's receipt signing certificate (metadata only), or null",
        params: AgencyIdParams,
        response: { 200: ReceiptCertificateState },
      },
    },
    (request) => certificates.getCertificate(actorOf(request), request.params.id),
  )

  app.put(
    '/agencies/:id/receipt-certificate',
    {
      config,
      schema: {
        tags,
        summary:
          'Upload (or replace) the receipt signing certificate: multipart/form-data with `file` (PKCS#12, ≤ 1 MB) and `password`',
        params: AgencyIdParams,
        response: { 200: SigningCertificateView },
      },
    },
    (request) => {
      const form = readUploadForm(request.body, request.headers['content-type'])
      return certificates.uploadCertificate(actorOf(request), request.params.id, form)
    },
  )

  app.delete(
    '/agencies/:id/receipt-certificate',
    {
      config,
      schema: {
        tags,
        summary: 'Remove the receipt signing certificate (later receipts carry the hash and QR code only)',
        params: AgencyIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await certificates.removeCertificate(actorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
}
