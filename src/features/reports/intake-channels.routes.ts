/**
 * The intake API for other channels (issue #5 point 5).
 *
 * - `/intake/channel-keys` (policy `intake.channels`): an agency's channel API keys — list, create (the token is in
 *   the answer once), revoke. Agency admins of that agency and super admins; another agency's keys are 404.
 * - `POST /intake/reports` (policy `intake.channel_key`): a channel hands a report over with
 *   `Authorization: Bearer <token>` (checked in plugins/authorize.ts; no session, no CSRF) and an `Idempotency-Key`.
 *   201 with the new report; a retry with the same key and body is 200 with the same report (header
 *   `idempotent-replayed: true`); the same key with another body is 409. JSON only: evidence goes by URL in `links`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf, channelKeyOf } from '../../server/plugins/authorize.js'
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
import type { IntakeChannelsService } from './intake-channels.service.js'

export const intakeChannelsRoutes: FastifyPluginAsyncZod<{ channels: IntakeChannelsService }> = async (
  app,
  { channels },
) => {
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

  app.post(
    '/intake/reports',
    {
      config: { policy: 'intake.channel_key' },
      schema: {
        tags,
        summary:
          'A report handed over by another channel (SP4N-LAPOR!, SBT BKN, Bawaslu, internal finding); JSON only, evidence by URL in `links`',
        description:
          'Authorization: `Bearer ntk_…` (a channel API key of the agency; the key decides the agency and the channel). ' +
          '`Idempotency-Key` (1–200 characters) is required: 201 for a new report; a retry with the same key and the same ' +
          'body answers 200 with the same report and `idempotent-replayed: true`; the same key with another body is 409 ' +
          '`intake.idempotency_conflict`. A missing, unknown or revoked key is 401 `intake.key_invalid`.',
        security: [{ channelKey: [] }],
        headers: ChannelReportHeaders,
        body: ChannelReportBody,
        response: { 200: ChannelReportResult, 201: ChannelReportResult },
      },
    },
    async (request, reply) => {
      const result = await channels.submit(
        channelKeyOf(request),
        request.headers['idempotency-key'],
        request.body,
      )
      void reply.header('cache-control', 'no-store')
      if (!result.created) void reply.header('idempotent-replayed', 'true')
      return reply.status(result.created ? 201 : 200).send(result.report)
    },
  )
}
