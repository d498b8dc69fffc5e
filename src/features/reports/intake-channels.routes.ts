/**
 * The intake API for other channels (issue #5 point 5).
 *
 * - `/intake/channel-keys` (policy `intake.channels`): an agency's channel API keys — list, create (the token is in
 *   the answer once), revoke. Agency admins of that agency and super admins; another agency's keys are 404.
 * - `POST /intake/reports` (policy `intake.channel_key`): a channel hands a report over with
 *   `Authorization: Bearer <token>` (checked in plugins/authorize.ts; no session, no CSRF) and an `Idempotency-Key`.
 *   201 with the new report; a retry with the same key and body is 200 with the same report (header
 *   `idempotent-replayed: true`); the same key with another body is 409. JSON, or multipart/form-data with a `report`
 *   JSON field and up to 5 evidence `files` (report-uploads.ts, as the public form); the files count in the body's
 *   fingerprint, and the files of a retry or of a failed hand-over are removed again.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DomainError } from '../../domain/errors.js'
import { actorOf, channelKeyOf } from '../../server/plugins/authorize.js'
import type { EvidenceStore } from './evidence/evidence-files.js'
import {
  ChannelKeyList,
  ChannelKeyParams,
  ChannelKeysQuery,
  ChannelKeyView,
  ChannelReportBody,
  ChannelReportHeaders,
  ChannelReportResult,
  NewChannelKeyBody,
  NewChannelKeyResult,
} from './intake-channels.schema.js'
import type { ChannelUpload, IntakeChannelsService } from './intake-channels.service.js'
import { acceptReportUploads, readReportUpload, storageKeysOf } from './report-uploads.js'

export const intakeChannelsRoutes: FastifyPluginAsyncZod<{
  channels: IntakeChannelsService
  evidence: EvidenceStore
}> = async (app, { channels, evidence }) => {
  const staff = { policy: 'intake.channels' } as const
  const tags = ['intake (channels)']

  app.get(
    '/intake/channel-keys',
    {
      config: staff,
      schema: {
        tags,
        summary: "An agency's API keys for other channels (never the secret)",
        querystring: ChannelKeysQuery,
        response: { 200: ChannelKeyList },
      },
    },
    (request) => channels.list(actorOf(request), request.query.agencyId),
  )

  app.post(
    '/intake/channel-keys',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Create an API key for a channel; the secret token is answered this once',
        body: NewChannelKeyBody,
        response: { 201: NewChannelKeyResult },
      },
    },
    async (request, reply) => {
      const created = await channels.create(actorOf(request), request.body)
      void reply.header('cache-control', 'no-store')
      return reply.status(201).send(created)
    },
  )

  app.post(
    '/intake/channel-keys/:id/revoke',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Revoke a channel API key (it stops working at once)',
        params: ChannelKeyParams,
        response: { 200: ChannelKeyView },
      },
    },
    (request) => channels.revoke(actorOf(request), request.params.id),
  )

  // Only the hand-over takes multipart bodies (report-uploads.ts); the key routes stay JSON.
  const handOver: FastifyPluginAsyncZod = async (uploads) => {
    await acceptReportUploads(uploads)
    uploads.post(
      '/intake/reports',
      {
        config: { policy: 'intake.channel_key' },
        schema: {
          tags,
          summary:
            'A report handed over by another channel (SP4N-LAPOR!, SBT BKN, Bawaslu, internal finding): JSON, or multipart/form-data with a `report` JSON field and up to 5 evidence `files`',
          description:
            'Authorization: `Bearer ntk_…` (a channel API key of the agency; the key decides the agency and the channel). ' +
            '`Idempotency-Key` (1–200 characters) is required: 201 for a new report; a retry with the same key, the same ' +
            'body and the same files answers 200 with the same report and `idempotent-replayed: true`; the same key with ' +
            'another body or other files is 409 `intake.idempotency_conflict`. A missing, unknown or revoked key is 401 ' +
            '`intake.key_invalid`.\n\n' +
            'The body is the JSON below, or `multipart/form-data` with the same JSON in a `report` field and up to 5 ' +
            '`files` parts (jpg, png, webp, pdf or mp4, decided by the bytes; at most 20 MB each), as the public form ' +
            'sends them: a file over the limit is 413 `report.file_too_large`, another type 415 ' +
            '`report.file_type_unsupported`, a sixth file 422 `report.too_many_files`, a missing or invalid `report` ' +
            'field 400. Links to evidence elsewhere go in `links`.',
          security: [{ channelKey: [] }],
          headers: ChannelReportHeaders,
          body: ChannelReportBody.nullish(),
          response: { 200: ChannelReportResult, 201: ChannelReportResult },
        },
      },
      async (request, reply) => {
        const principal = channelKeyOf(request)
        const idempotencyKey = request.headers['idempotency-key']
        let body: ChannelReportBody
        let upload: ChannelUpload | undefined
        let stored: string[] = []
        if (request.isMultipart()) {
          const draft = channels.begin()
          const read = await readReportUpload(request, evidence, draft, ChannelReportBody)
          body = read.body
          upload = { draft, files: read.files }
          stored = storageKeysOf(read.files)
        } else {
          if (!request.body) throw new DomainError('request.invalid', { field: 'body' })
          body = request.body
        }
        const result = await channels.submit(principal, idempotencyKey, body, upload).catch(async (error) => {
          await evidence.remove(stored)
          throw error
        })
        // A retry is answered with the report of the first hand-over, which holds its files already.
        if (!result.created) await evidence.remove(stored)
        void reply.header('cache-control', 'no-store')
        if (!result.created) void reply.header('idempotent-replayed', 'true')
        return reply.status(result.created ? 201 : 200).send(result.report)
      },
    )
  }
  await app.register(handOver)
}
