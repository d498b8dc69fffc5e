/**
 * The staff inbox API (issue #5 point 4): list, detail, evidence viewer and the actions on a report. Routes only
 * check the policy; the service decides which agency's reports the actor works (404 for any other).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { xlsxContentType } from '../../domain/spreadsheet.js'
import { actorOf } from '../../server/plugins/authorize.js'
import type { StaffReportsService } from './reports-staff.service.js'
import {
  DuplicateBody,
  EmployeeSuggestionList,
  ExportReportsQuery,
  ListReportsQuery,
  ReportDetail,
  ReportedEmployeeBody,
  ReportFileParams,
  ReportList,
  ReportParams,
  StaffMessageBody,
  reportExportMaxRows,
  StatusChangeBody,
  staffStatusTargets,
} from './reports-staff.schema.js'
import { reportStatuses } from './reports.schema.js'

const tags = ['reports (staff)']
const read = { policy: 'reports.read' } as const
const manage = { policy: 'reports.manage' } as const

const StatusResult = z.object({ status: z.enum(reportStatuses), statusLabel: z.string() })

export const staffReportsRoutes: FastifyPluginAsyncZod<{ reports: StaffReportsService }> = async (
  app,
  { reports },
) => {
  app.get(
    '/reports',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The inbox: reports of the agencies the reader works, with filters and sort (newest first by default)',
        querystring: ListReportsQuery,
        response: { 200: ReportList },
      },
    },
    (request) => reports.list(actorOf(request), request.query),
  )

  app.get(
    '/reports/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: `The filtered inbox (same filters and sort) as an Excel file of at most ${reportExportMaxRows} rows (audited as report.list_exported)`,
        description:
          'A longer list is cut to the first rows in the chosen order; the "Keterangan" sheet and the ' +
          '`x-netra-export-truncated: true` header say so.',
        querystring: ExportReportsQuery,
        produces: [xlsxContentType],
        response: { 200: z.any().describe('the XLSX file (binary)') },
      },
    },
    async (request, reply) => {
      const file = await reports.exportXlsx(actorOf(request), request.query)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-netra-export-truncated', String(file.truncated))
        .send(file.body)
    },
  )

  app.get(
    '/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One report, decrypted (audited as report.viewed); the reporter only when allowed',
        params: ReportParams,
        response: { 200: ReportDetail },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return reports.detail(actorOf(request), request.params.id)
    },
  )

  for (const variant of ['view', 'original'] as const)
    app.get(
      `/reports/:id/files/:fileId/${variant}`,
      {
        config: read,
        schema: {
          tags,
          summary:
            variant === 'view'
              ? 'An evidence file to look at: images without EXIF/GPS (inline), other files as an attachment'
              : 'The evidence file as received (attachment; audited as report.evidence_downloaded)',
          params: ReportFileParams,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'],
          response: { 200: z.any().describe('the file (binary)') },
        },
      },
      async (request, reply) => {
        const file = await reports.evidenceFile(
          actorOf(request),
          request.params.id,
          request.params.fileId,
          variant,
        )
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', file.disposition)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
          .send(file.bytes)
      },
    )

  app.post(
    '/reports/:id/messages',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A message to the reporter; askForInfo ("minta informasi tambahan") sets status needs_info',
        params: ReportParams,
        body: StaffMessageBody,
        response: { 201: StatusResult.extend({ id: z.string(), at: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.addMessage(actorOf(request), request.params.id, request.body)),
  )

  app.post(
    '/reports/:id/status',
    {
      config: manage,
      schema: {
        tags,
        summary: `Move the report to ${staffStatusTargets.join(' / ')} (forwarded = "diteruskan ke penanganan")`,
        params: ReportParams,
        body: StatusChangeBody,
        response: { 200: StatusResult },
      },
    },
    (request) => reports.changeStatus(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/reports/:id/duplicate',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mark as a duplicate of (merge into) another report of the same agency',
        params: ReportParams,
        body: DuplicateBody,
        response: {
          200: StatusResult.extend({ duplicateOf: z.object({ id: z.string(), reportNumber: z.string() }) }),
        },
      },
    },
    (request) => reports.markDuplicate(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/reports/:id/reported-employee',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Link the reported person to an employee of the agency (null clears the link)',
        params: ReportParams,
        body: ReportedEmployeeBody,
        response: { 200: z.object({ reportedEmployee: ReportDetail.shape.reportedEmployee }) },
      },
    },
    (request) => reports.setReportedEmployee(actorOf(request), request.params.id, request.body),
  )

  app.get(
    '/reports/:id/employee-suggestions',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Employees the reported person may be: by NIP, then by name and unit (best 5, with the reason)',
        params: ReportParams,
        response: { 200: EmployeeSuggestionList },
      },
    },
    (request) => reports.employeeSuggestions(actorOf(request), request.params.id),
  )
}
