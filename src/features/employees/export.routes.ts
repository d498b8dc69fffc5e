/** Export of the employee list (XLSX or CSV), streamed; the list's filters and scope. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { xlsxContentType } from '../../domain/spreadsheet.js'
import { actorOf } from '../../server/plugins/authorize.js'
import { ExportEmployeesQuery } from './export.schema.js'
import type { EmployeeExportService } from './export.service.js'

export const employeeExportRoutes: FastifyPluginAsyncZod<{ exports: EmployeeExportService }> = async (
  app,
  { exports },
) => {
  app.get(
    '/employees/export',
    {
      config: { policy: 'roster.read' },
      schema: {
        tags: ['employees'],
        summary: 'Download the filtered employee list as XLSX or CSV (the import reads it back unchanged)',
        querystring: ExportEmployeesQuery,
        produces: [xlsxContentType, 'text/csv; charset=utf-8'],
        response: { 200: z.any().describe('the file (binary)') },
      },
    },
    async (request, reply) => {
      const file = await exports.exportEmployees(actorOf(request), request.query)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream)
    },
  )
}
