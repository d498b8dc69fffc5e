/**
 * The public reporting API (issue #5 "Stable public API"). Every route runs with reporter privacy (no client
 * address, user agent or concrete URL in any log line: src/server/plugins/request-logging.ts) and a per-client
 * rate limit kept in memory only. A report with files comes as multipart/form-data: a `report` field with the JSON
 * and up to five `files` parts, each checked by its bytes (evidence library) and stored encrypted as it arrives.
 */
import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import {
  EvidenceRejected,
  evidenceLimits,
  type EvidenceStore,
  type StoredEvidence,
} from './evidence/evidence-files.js'
import type { PublicReportsService, ReportDraft } from './reports-public.service.js'
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

const tags = ['reports (public)']

/** The largest `report` JSON field of a multipart report (the description is at most 10,000 characters). */
const reportFieldBytes = 100_000

const rejectionError = (error: EvidenceRejected): DomainError => {
  switch (error.reason) {
    case 'too_large':
      return new DomainError('report.file_too_large', { maxBytes: evidenceLimits.maxBytes })
    case 'unsupported_type':
      return new DomainError('report.file_type_unsupported')
    case 'empty':
      return new DomainError('report.file_empty')
    case 'unreadable_image':
      return new DomainError('report.image_unreadable')
  }
}

/**
 * Reads a multipart report: the `report` JSON field and the `files` parts (stored encrypted with the draft's key as
 * they arrive). On any failure the files stored so far are removed before the error goes on.
 */
async function readMultipartReport(
  request: FastifyRequest,
  evidence: EvidenceStore,
  draft: Pick<ReportDraft, 'dataKey'>,
  maxFiles: number,
  acceptReport = true,
): Promise<{ json: unknown; files: StoredEvidence[] }> {
  const files: StoredEvidence[] = []
  let json: unknown
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files') throw new DomainError('request.invalid', { field: part.fieldname })
        if (files.length >= maxFiles) throw new DomainError('report.too_many_files', { max: maxFiles })
        try {
          files.push(await evidence.store(part.file, draft.dataKey))
        } catch (error) {
          if (error instanceof EvidenceRejected) throw rejectionError(error)
          throw error
        }
      } else if (acceptReport && part.fieldname === 'report') {
        // A field sent as application/json arrives parsed (@fastify/multipart); a plain field as text.
        if (typeof part.value === 'string') {
          try {
            json = JSON.parse(part.value)
          } catch {
            throw new DomainError('request.malformed', { field: 'report' })
          }
        } else json = part.value
      } else {
        throw new DomainError('request.invalid', { field: part.fieldname })
      }
    }
    return { json, files }
  } catch (error) {
    await evidence.remove(
      files.flatMap((f) => [f.original.storageKey, ...(f.viewCopy ? [f.viewCopy.storageKey] : [])]),
    )
    throw error
  }
}

const storageKeysOf = (files: readonly StoredEvidence[]) =>
  files.flatMap((f) => [f.original.storageKey, ...(f.viewCopy ? [f.viewCopy.storageKey] : [])])

export const publicReportsRoutes: FastifyPluginAsyncZod<{
  reports: PublicReportsService
  evidence: EvidenceStore
  publicRateLimitPerMinute: number
}> = async (app, { reports, evidence, publicRateLimitPerMinute }) => {
  // Only these routes take multipart bodies. A file over the limit is cut one byte past it, so the evidence
  // library sees it is too large and answers 413 without reading further.
  await app.register(multipart, {
    limits: {
      fileSize: evidenceLimits.maxBytes + 1,
      files: evidenceLimits.maxFiles + 1,
      fields: 2,
      fieldSize: reportFieldBytes,
      parts: evidenceLimits.maxFiles + 3,
      headerPairs: 20,
    },
    throwFileSizeLimit: false,
  })

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
        const read = await readMultipartReport(request, evidence, draft, evidenceLimits.maxFiles)
        files = read.files
        const parsed = NewReportBody.safeParse(read.json)
        if (!parsed.success) {
          await evidence.remove(storageKeysOf(files))
          throw parsed.error
        }
        body = parsed.data
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
