/**
 * The public reporting API (issue #5 "Stable public API"). Every route runs with reporter privacy (no client
 * address, user agent or concrete URL in any log line: src/server/plugins/request-logging.ts) and a per-client
 * rate limit kept in memory only. A report with files comes as multipart/form-data: a `report` field with the JSON
 * and up to five `files` parts, each checked by its bytes (evidence library) and stored encrypted as it arrives.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { evidenceLimits, type EvidenceStore, type StoredEvidence } from './evidence/evidence-files.js'
import type { PublicReportsService } from './reports-public.service.js'
import {
  AgencySlugParams,
  NewMessageResult,
  NewReportBody,
  NewReportResult,
  NewReporterMessageBody,
  PublicReportView,
  PublicUnitList,
  PublicUnitsQuery,
  ReceiptParams,
  ReportFormView,
  ViolationCategoryView,
} from './reports.schema.js'
import { ListRegionsQuery, RegionList } from '../units/regions.schema.js'
import {
  acceptReportUploads,
  readMultipartReport,
  readReportUpload,
  storageKeysOf,
} from './report-uploads.js'

const tags = ['reports (public)']

export const publicReportsRoutes: FastifyPluginAsyncZod<{
  reports: PublicReportsService
  evidence: EvidenceStore
  publicRateLimitPerMinute: number
}> = async (app, { reports, evidence, publicRateLimitPerMinute }) => {
  // Only these routes take multipart bodies (report-uploads.ts).
  await acceptReportUploads(app)

  const publicConfig = {
    policy: 'public',
    privacy: 'reporter',
    rateLimit: { max: publicRateLimitPerMinute, timeWindow: 60_000 },
  } as const

  app.get(
    '/public/violation-categories',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'The violation catalogue in plain Indonesian, for the report form',
        response: { 200: z.array(ViolationCategoryView) },
      },
    },
    () => reports.categories(),
  )

  app.get(
    '/public/report-form',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'What the report form offers: the agencies that take reports (the first is the default)',
        response: { 200: ReportFormView },
      },
    },
    () => reports.reportForm(),
  )

  app.get(
    '/public/agencies/:slug/units',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: "An agency's active units by name, for the report form's unit picker",
        params: AgencySlugParams,
        querystring: PublicUnitsQuery,
        response: { 200: PublicUnitList },
      },
    },
    (request) => reports.units(request.params.slug, request.query.q, request.query.limit),
  )

  app.get(
    '/public/regions',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Kemendagri regions (kode wilayah) by code or name, for the report form',
        querystring: ListRegionsQuery,
        response: { 200: RegionList },
      },
    },
    (request) => reports.regions(request.query.q, request.query.parent, request.query.limit),
  )

  app.post(
    '/public/reports',
    {
      config: publicConfig,
      schema: {
        tags,
        summary:
          'File a report (JSON, or multipart/form-data with a `report` JSON field and up to 5 `files`); answers the receipt once',
        body: NewReportBody.nullish(),
        response: { 201: NewReportResult },
      },
    },
    async (request, reply) => {
      const draft = reports.begin()
      let body: NewReportBody
      let files: StoredEvidence[] = []
      if (request.isMultipart()) {
        const upload = await readReportUpload(request, evidence, draft, NewReportBody)
        body = upload.body
        files = upload.files
      } else {
        if (!request.body) throw new DomainError('request.invalid', { field: 'body' })
        body = request.body
      }
      try {
        const result = await reports.submit(draft, body, files)
        void reply.header('cache-control', 'no-store')
        return await reply.status(201).send(result)
      } catch (error) {
        await evidence.remove(storageKeysOf(files))
        throw error
      }
    },
  )

  app.get(
    '/public/reports/:receipt',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: "The reporter's view of a report by its receipt: status and messages",
        params: ReceiptParams,
        response: { 200: PublicReportView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return reports.status(request.params.receipt)
    },
  )

  app.post(
    '/public/reports/:receipt/files',
    {
      config: publicConfig,
      schema: {
        tags,
        summary:
          'More evidence from the reporter (multipart/form-data, `files` parts; at most 5 files per report)',
        params: ReceiptParams,
        response: { 201: z.object({ files: z.number().int() }) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type')
      const target = await reports.evidenceTarget(request.params.receipt, evidenceLimits.maxFiles)
      const read = await readMultipartReport(request, evidence, target, target.room, false)
      if (read.files.length === 0) throw new DomainError('request.invalid', { field: 'files' })
      try {
        const files = await reports.attachFiles(target.reportId, read.files, evidenceLimits.maxFiles)
        return await reply.status(201).send({ files })
      } catch (error) {
        await evidence.remove(storageKeysOf(read.files))
        throw error
      }
    },
  )

  app.post(
    '/public/reports/:receipt/messages',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A message from the reporter (e.g. the answer to a question from staff)',
        params: ReceiptParams,
        body: NewReporterMessageBody,
        response: { 201: NewMessageResult },
      },
    },
    async (request, reply) => {
      const result = await reports.addMessage(request.params.receipt, request.body.body)
      return reply.status(201).send(result)
    },
  )
}
