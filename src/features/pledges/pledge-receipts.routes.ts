/**
 * Public receipt routes (no session; no client address or user agent logged; rate-limited like the signing page):
 * download the issued receipt PDF behind a verify code, and check an uploaded copy against it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { maxReceiptUploadBytes } from '../receipts/receipts.verify.js'
import type { PledgeReceiptsService } from './pledge-receipts.service.js'
import { CodeParams } from './pledges.schema.js'

export interface PledgeReceiptRoutesDeps {
  readonly receipts: PledgeReceiptsService
  readonly publicRateLimitPerMinute: number
}

const pdfContentTypes = ['application/pdf', 'application/octet-stream']

const ReceiptCheck = z.object({
  /** `genuine`: byte for byte the receipt Netra issued for this code; `altered`: any other PDF. */
  verdict: z.enum(['genuine', 'altered']),
})

const ReceiptState = z.object({
  /** `pending` while the background job has not made the receipt yet. */
  status: z.enum(['pending', 'ready']),
  /** Subject CN of the agency certificate whose PDF signature the receipt carries; null: hash and QR code only. */
  signedBy: z.string().nullable(),
})

export const pledgeReceiptRoutes: FastifyPluginAsyncZod<PledgeReceiptRoutesDeps> = async (
  app,
  { receipts, publicRateLimitPerMinute },
) => {
  const config = {
    policy: 'public',
    privacy: 'reporter',
    rateLimit: { max: publicRateLimitPerMinute, timeWindow: 60_000 },
  } as const
  const tags = ['pledges']

  app.addContentTypeParser(
    pdfContentTypes,
    { parseAs: 'buffer', bodyLimit: maxReceiptUploadBytes },
    (_request, body, done) => done(null, body),
  )

  app.get(
    '/public/receipts/:id',
    {
      config,
      schema: {
        tags,
        summary:
          'The receipt PDF of a signature, as issued (409 pledge.receipt_pending while it is being made)',
        params: CodeParams,
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await receipts.download(request.params.id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf)
    },
  )

  app.get(
    '/public/verify/:id/receipt',
    {
      config,
      schema: {
        tags,
        summary: 'Whether the receipt is made yet, and whether it carries an agency PDF signature (by whom)',
        params: CodeParams,
        response: { 200: ReceiptState },
      },
    },
    (request) => receipts.receiptState(request.params.id),
  )

  app.post(
    '/public/verify/:id/receipt',
    {
      config,
      schema: {
        tags,
        summary:
          'Is this PDF (the request body, application/pdf, ≤ 5 MB) exactly the receipt issued for the code?',
        params: CodeParams,
        response: { 200: ReceiptCheck },
      },
    },
    async (request) => {
      const body: unknown = request.body
      if (!Buffer.isBuffer(body)) throw new DomainError('request.unsupported_media_type')
      return receipts.check(request.params.id, body)
    },
  )
}
