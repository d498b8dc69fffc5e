import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { AuditService } from './audit.service.js'
import { AuditEventList, AuditVerificationView, ListAuditEventsQuery } from './audit.schema.js'

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit-events',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first',
        querystring: ListAuditEventsQuery,
        response: { 200: AuditEventList },
      },
    },
    (request) => audit.listEvents(actorOf(request), request.query),
  )

  app.get(
    '/audit-events/verification',
    {
      config: { policy: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Recompute every hash chain and report the first broken link per chain',
        response: { 200: AuditVerificationView },
      },
    },
    () => audit.verify(),
  )
}
