/**
 * Reports with evidence files over HTTP (issue #5), shared by the public form (reports-public.routes.ts) and the
 * intake API for other channels (intake-channels.routes.ts): a multipart/form-data body with a `report` field holding
 * the JSON and up to five `files` parts. Each file is checked by its bytes and stored encrypted with the report
 * draft's data key as it arrives (evidence library); whatever goes wrong, the files stored so far are removed before
 * the error goes on, so a refused upload leaves no orphan file.
 */
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import {
  EvidenceRejected,
  evidenceLimits,
  type EvidenceStore,
  type StoredEvidence,
} from './evidence/evidence-files.js'

/** The largest `report` JSON field of a multipart report (the description is at most 10,000 characters). */
const reportFieldBytes = 100_000

/**
 * Lets the routes of `scope` take multipart bodies. A file over the limit is cut one byte past it, so the evidence
 * library sees it is too large and answers 413 without reading further.
 */
export async function acceptReportUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
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
}

/** Every blob of the stored files (originals and view copies), for `EvidenceStore.remove`. */
export const storageKeysOf = (files: readonly StoredEvidence[]): string[] =>
  files.flatMap((f) => [f.original.storageKey, ...(f.viewCopy ? [f.viewCopy.storageKey] : [])])

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
 * Reads a multipart body: the `report` JSON field (unless `acceptReport` is false) and the `files` parts, stored
 * encrypted with the draft's data key as they arrive. On any failure the files stored so far are removed before the error goes on.
 */
export async function readMultipartReport(
  request: FastifyRequest,
  evidence: EvidenceStore,
  draft: { readonly dataKey: Uint8Array },
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
    await evidence.remove(storageKeysOf(files))
    throw error
  }
}

/**
 * A multipart report read and its `report` field checked against `schema` (a missing field is 400 like any other
 * invalid body); the files are stored, and removed again if the report does not pass.
 */
export async function readReportUpload<Schema extends z.ZodType>(
  request: FastifyRequest,
  evidence: EvidenceStore,
  draft: { readonly dataKey: Uint8Array },
  schema: Schema,
): Promise<{ body: z.output<Schema>; files: StoredEvidence[] }> {
  const read = await readMultipartReport(request, evidence, draft, evidenceLimits.maxFiles)
  const parsed = schema.safeParse(read.json)
  if (!parsed.success) {
    await evidence.remove(storageKeysOf(read.files))
    throw parsed.error
  }
  return { body: parsed.data, files: read.files }
}
