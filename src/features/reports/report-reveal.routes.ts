/** Reveal requests for a confidential reporter's identity (issue #5 point 3): ask, list, approve, reject. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { ReportRevealService } from './report-reveal.service.js'
import {
  ListRevealRequestsQuery,
  RevealDecisionBody,
  RevealRequestBody,
  RevealRequestList,
  RevealRequestParams,
  RevealRequestView,
} from './report-reveal.schema.js'
import { ReportParams } from './reports-staff.schema.js'

const tags = ['reports (staff)']

export const reportRevealRoutes: FastifyPluginAsyncZod<{ reveal: ReportRevealService }> = async (
  app,
  { reveal },
) => {
  app.post(
    '/reports/:id/reveal-requests',
    {
      config: { policy: 'reports.reveal' },
      schema: {
        tags,
        summary: "Ask to read a confidential reporter's identity (a second officer approves)",
        params: ReportParams,
        body: RevealRequestBody,
        response: { 201: RevealRequestView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reveal.request(actorOf(request), request.params.id, request.body)),
  )

  app.get(
    '/reports/:id/reveal-requests',
    {
      config: { policy: 'reports.reveal' },
      schema: {
        tags,
        summary: 'The reveal requests of a report',
        params: ReportParams,
        response: { 200: RevealRequestList },
      },
    },
    (request) => reveal.listForReport(actorOf(request), request.params.id),
  )

  app.get(
    '/reveal-requests',
    {
      config: { policy: 'reports.reveal_approve' },
      schema: {
        tags,
        summary: 'Reveal requests to decide (default: pending) in the agencies the reader approves for',
        querystring: ListRevealRequestsQuery,
        response: { 200: RevealRequestList },
      },
    },
    (request) => reveal.list(actorOf(request), request.query),
  )

  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/reveal-requests/:rid/${decision}`,
      {
        config: { policy: 'reports.reveal_approve' },
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve: the requester (only) reads the identity for 7 days'
              : 'Reject a reveal request',
          params: RevealRequestParams,
          body: RevealDecisionBody.optional(),
          response: { 200: RevealRequestView },
        },
      },
      (request) => reveal[decision](actorOf(request), request.params.rid, request.body ?? {}),
    )
}
