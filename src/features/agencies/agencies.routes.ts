import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { AgenciesService } from './agencies.service.js'
import { AgencyList, AgencyView, CreateAgencyBody } from './agencies.schema.js'

export const agenciesRoutes: FastifyPluginAsyncZod<{ agencies: AgenciesService }> = async (
  app,
  { agencies },
) => {
  app.get(
    '/agencies',
    {
      config: { policy: 'agencies.read' },
      schema: { tags: ['agencies'], summary: 'Agencies I work in', response: { 200: AgencyList } },
    },
    async (request) => ({ items: await agencies.listAgencies(actorOf(request)) }),
  )

  app.post(
    '/agencies',
    {
      config: { policy: 'agencies.manage' },
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency',
        body: CreateAgencyBody,
        response: { 201: AgencyView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agencies.createAgency(actorOf(request), request.body)),
  )
}
