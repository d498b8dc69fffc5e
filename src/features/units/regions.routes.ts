import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import { ListRegionsQuery, RegionList } from './regions.schema.js'
import type { RegionsService } from './regions.service.js'

/** Region search for the unit form (matches inside the reader's agency region first). */
export const regionsRoutes: FastifyPluginAsyncZod<{ regions: RegionsService }> = async (app, { regions }) => {
  app.get(
    '/regions',
    {
      config: { policy: 'roster.read' },
      schema: {
        tags: ['units'],
        summary:
          'Kemendagri regions (kode wilayah) by code prefix or name words, or the children of `parent`; matches in the agency region first',
        querystring: ListRegionsQuery,
        response: { 200: RegionList },
      },
    },
    (request) => regions.listRegions(actorOf(request), request.query),
  )
}
