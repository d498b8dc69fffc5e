/**
 * Employee import over HTTP: upload the file (raw bytes, streamed to disk), start a dry run or the commit (runs in
 * the background), poll the import for progress and, once done, its report — the same report the CLI prints.
 */
import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { spreadsheetUploadContentTypes, xlsxContentType } from '../../domain/spreadsheet.js'
import { actorOf } from '../../server/plugins/authorize.js'
import {
  EmployeeImportView,
  ImportParams,
  RunImportBody,
  UploadImportQuery,
  type ImportMode,
} from './import.schema.js'
import type { EmployeeImportService } from './import.service.js'

export const uploadContentTypes = spreadsheetUploadContentTypes

// --- example file (added for the import page's download link) ---
/** examples/pegawai-contoh.xlsx, made by scripts/make-example-xlsx.ts. */
const exampleFile = fileURLToPath(new URL('../../../examples/pegawai-contoh.xlsx', import.meta.url))
// --- end of example file ---

export const employeeImportRoutes: FastifyPluginAsyncZod<{ imports: EmployeeImportService }> = async (
  app,
  { imports },
) => {
  const config = { policy: 'roster.import' } as const
  const tags = ['employees']

  // The body is left unread here: the service streams it to disk with its own size limit (60 MB, not the
  // global 1 MiB), and decides the kind of file from its first bytes.
  app.addContentTypeParser(uploadContentTypes, (_request, _payload, done) => done(null))

  app.post(
    '/employee-imports',
    {
      config,
      schema: {
        tags,
        summary:
          'Upload a spreadsheet of employees (XLSX or CSV, raw body, at most 60 MB); nothing is imported yet',
        consumes: uploadContentTypes,
        querystring: UploadImportQuery,
        response: { 201: EmployeeImportView },
      },
    },
    async (request, reply) => {
      // Any other content type (JSON, forms) was already read by its own parser: the stream below would never end.
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      if (!uploadContentTypes.includes(mediaType))
        throw new DomainError('request.unsupported_media_type', { accepted: uploadContentTypes })
      const declared = Number(request.headers['content-length'])
      const view = await imports.uploadFile(
        actorOf(request),
        request.query,
        request.raw,
        Number.isFinite(declared) ? declared : undefined,
      )
      return reply.status(201).send(view)
    },
  )

  const runRoute = (mode: ImportMode, path: string, summary: string) =>
    app.post(
      path,
      {
        config,
        schema: {
          tags,
          summary,
          params: ImportParams,
          body: RunImportBody,
          response: { 202: EmployeeImportView },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await imports.startRun(actorOf(request), request.params.importId, mode, request.body)),
    )
  runRoute(
    'dry_run',
    '/employee-imports/:importId/dry-run',
    'Check every row without writing (background run)',
  )
  runRoute(
    'commit',
    '/employee-imports/:importId/commit',
    'Import the file: all rows or none (background run)',
  )

  // --- example file (added for the import page's download link) ---
  app.get(
    '/employee-imports/example',
    {
      config,
      schema: {
        tags,
        summary: 'Download the example import file (SIASN columns, with three deliberate mistakes)',
        produces: [xlsxContentType],
        response: { 200: z.any().describe('the file (binary)') },
      },
    },
    (_request, reply) =>
      reply
        .header('content-type', xlsxContentType)
        .header('content-disposition', 'attachment; filename="pegawai-contoh.xlsx"')
        .send(createReadStream(exampleFile)),
  )
  // --- end of example file ---

  app.get(
    '/employee-imports/:importId',
    {
      config,
      schema: {
        tags,
        summary: 'An import: progress of its run, then its report',
        params: ImportParams,
        response: { 200: EmployeeImportView },
      },
    },
    (request) => imports.getImport(actorOf(request), request.params.importId),
  )
}
