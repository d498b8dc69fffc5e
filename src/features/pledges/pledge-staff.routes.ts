/** Staff routes beside the campaign pages: the non-signers XLSX and an employee's pledges and pacts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { xlsxContentType } from '../../domain/spreadsheet.js'
import { actorOf } from '../../server/plugins/authorize.js'
import { EmployeePledgeList, EmployeePledgesParams, NonSignersQuery } from './pledge-staff.schema.js'
import type { PledgeStaffService } from './pledge-staff.service.js'
import { IdParams } from './pledges.schema.js'

export const pledgeStaffRoutes: FastifyPluginAsyncZod<{ pledgeStaff: PledgeStaffService }> = async (
  app,
  { pledgeStaff },
) => {
  app.get(
    '/pledge-campaigns/:id/non-signers.xlsx',
    {
      config: { policy: 'pledges.read' },
      schema: {
        tags: ['pledges'],
        summary:
          'Download the non-signers of a campaign (a unit subtree, or the reader’s whole scope) as XLSX',
        params: IdParams,
        querystring: NonSignersQuery,
        produces: [xlsxContentType],
        response: { 200: z.any().describe('the XLSX file (binary)') },
      },
    },
    async (request, reply) => {
      const file = await pledgeStaff.nonSignersXlsx(actorOf(request), request.params.id, request.query)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body)
    },
  )

  app.get(
    '/employees/:employeeId/pledges',
    {
      config: { policy: 'roster.read' },
      schema: {
        tags: ['pledges'],
        summary: 'Campaigns that targeted an employee: pledge or pact, version and whether they signed',
        params: EmployeePledgesParams,
        response: { 200: EmployeePledgeList },
      },
    },
    (request) => pledgeStaff.employeePledges(actorOf(request), request.params.employeeId),
  )
}
