/**
 * Employee imports through the API (issue #3): the upload is stored, dry runs and the commit run in the background
 * with live progress, and the report stays with the import record. The import itself — reading, checking and
 * writing a file — is import.pipeline.ts, shared with the CLI.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type pg from 'pg'
import { administeredAgencyIds, canAdministerAgency, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { receiveFile } from '../../platform/uploads.js'
import { auditActorOf, type AuditActor } from '../audit/audit.service.js'
import { demoAgency } from '../demo/demo.service.js'
import { suggestMapping } from './import.mapping.js'
import { findHeader, runEmployeeImport } from './import.pipeline.js'
import { detectSpreadsheetType, readSheetRows, type SpreadsheetType } from './import.reader.js'
import * as importRepository from './import.repository.js'
import type {
  EmployeeImportView,
  ImportMode,
  ImportPhase,
  ImportProgress,
  ImportReport,
  RunImportBody,
  UploadImportQuery,
} from './import.schema.js'
import { maxUploadBytes } from './import.upload.js'

export { fileChecksum, runEmployeeImport, writeBatch, type RunImportOptions } from './import.pipeline.js'
export { maxUploadBytes } from './import.upload.js'

/**
 * The agency a CLI import goes to: the one named by slug; without a slug the only agency, or the demo agency
 * (`kota-contoh`) when there are several (the case of a demo installation). Null when that does not decide it.
 */
export async function findImportAgency(
  db: Kysely<Database>,
  slug: string | undefined,
): Promise<{ id: string; slug: string; name: string } | null> {
  const agencies = await importRepository.listAgencies(db)
  if (slug) return agencies.find((agency) => agency.slug === slug) ?? null
  if (agencies.length === 1) return agencies[0] ?? null
  return agencies.find((agency) => agency.slug === demoAgency.slug) ?? null
}

/** Uploaded files are kept this long for dry runs and the commit, then removed. */
export const uploadLifetimeMs = 24 * 60 * 60 * 1000
/** A run not live in this process and silent this long was interrupted (restart): it is reported as failed. */
export const interruptedAfterMs = 10 * 60 * 1000

const runningPhases: readonly ImportPhase[] = ['reading', 'validating', 'writing']

const emptyProgress = (phase: ImportPhase, bytesTotal: number, rows: number | null): ImportProgress => ({
  phase,
  bytesRead: phase === 'uploaded' ? 0 : bytesTotal,
  bytesTotal,
  rowsRead: rows ?? 0,
  rowsDone: phase === 'done' ? (rows ?? 0) : 0,
  rowsTotal: rows,
})

/** The report as the API and the CLI show it (the checksum is in the import record). */
const publicReport = ({
  checksum: _checksum,
  ...report
}: ImportReport & { checksum: string }): ImportReport => report

export interface ImportServiceDeps {
  readonly db: Kysely<Database>
  /** The pg pool behind `db` on PostgreSQL (commits load rows with COPY on a connection of their own). */
  readonly pool?: pg.Pool | undefined
  readonly clock: Clock
  /** Where uploads wait for their runs (DATA_DIR/imports). */
  readonly uploadDir: string
  readonly logger?: { error(object: object, message: string): void }
}

export function createEmployeeImportService({ db, pool, clock, uploadDir, logger }: ImportServiceDeps) {
  /** Progress of runs executing in this process. */
  const live = new Map<string, ImportProgress>()
  /** One run at a time per agency (two commits would race on the same rows). */
  const busyAgencies = new Set<string>()
  const runs = new Set<Promise<void>>()

  const fileOf = (id: string) => path.join(uploadDir, `${id}.upload`)

  function agencyOf(actor: Actor, requested: string | undefined): string {
    if (requested) {
      if (!canAdministerAgency(actor, requested)) throw new DomainError('auth.forbidden')
      return requested
    }
    const own = administeredAgencyIds(actor)
    if (own.length === 1 && own[0]) return own[0]
    if (actor.agencyId && canAdministerAgency(actor, actor.agencyId)) return actor.agencyId
    throw new DomainError('request.invalid', {
      issues: [{ location: 'querystring', path: ['agencyId'], code: 'required' }],
    })
  }

  async function loadVisible(actor: Actor, importId: string): Promise<importRepository.ImportRecord> {
    const record = await importRepository.findImportById(db, importId)
    if (!record || !canAdministerAgency(actor, record.agencyId))
      throw new DomainError('import.not_found', { importId })
    return record
  }

  function toView(record: importRepository.ImportRecord): EmployeeImportView {
    const headers = JSON.parse(record.columns) as string[]
    const report = record.report ? (JSON.parse(record.report) as ImportReport) : null
    const phase = record.phase as ImportPhase
    const progress =
      live.get(record.id) ?? emptyProgress(phase, Number(record.fileSize), report?.rows ?? null)
    return {
      id: record.id,
      agencyId: record.agencyId,
      fileName: record.fileName,
      fileType: record.fileType as SpreadsheetType,
      fileSize: Number(record.fileSize),
      checksum: record.checksum,
      headers,
      suggestedMapping: suggestMapping(headers),
      mode: record.mode as ImportMode | null,
      progress,
      report,
      failure: record.failure ? (JSON.parse(record.failure) as EmployeeImportView['failure']) : null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      finishedAt: record.finishedAt,
    }
  }

  /** Removes uploads past their lifetime (their records stay, with their reports). */
  async function sweepUploads(): Promise<void> {
    const cutoff = clock.now().getTime() - uploadLifetimeMs
    for (const name of await readdir(uploadDir).catch(() => [] as string[])) {
      if (!name.endsWith('.upload')) continue
      const file = path.join(uploadDir, name)
      const info = await stat(file).catch(() => null)
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true })
    }
  }

  async function execute(
    record: importRepository.ImportRecord,
    mode: ImportMode,
    body: RunImportBody,
    auditActor: AuditActor,
  ) {
    const { id, agencyId } = record
    live.set(id, emptyProgress('reading', Number(record.fileSize), null))
    try {
      const result = await runEmployeeImport(db, clock, {
        pool,
        agencyId,
        filePath: fileOf(id),
        fileName: record.fileName,
        fileType: record.fileType as SpreadsheetType,
        dryRun: mode === 'dry_run',
        createMissingUnits: body.createMissingUnits,
        mapping: body.mapping,
        auditActor,
        importId: id,
        checksum: record.checksum,
        // `done` is shown once the report is stored, not before.
        onProgress: (progress) => {
          if (progress.phase !== 'done') live.set(id, progress)
        },
      })
      const now = clock.now().toISOString()
      await importRepository.updateImport(db, id, {
        phase: 'done',
        report: JSON.stringify(publicReport(result)),
        failure: null,
        updatedAt: now,
        finishedAt: now,
      })
    } catch (error) {
      const failure =
        error instanceof DomainError
          ? { code: error.code, details: error.details }
          : { code: 'internal', details: {} }
      if (!(error instanceof DomainError))
        logger?.error({ err: error, importId: id }, 'employee import failed')
      const now = clock.now().toISOString()
      await importRepository
        .updateImport(db, id, {
          phase: 'failed',
          failure: JSON.stringify(failure),
          updatedAt: now,
          finishedAt: now,
        })
        .catch(() => undefined)
    } finally {
      live.delete(id)
      busyAgencies.delete(agencyId)
    }
  }

  return {
    /**
     * Stores an uploaded spreadsheet (streamed to disk, at most `maxUploadBytes`) after checking that it is one,
     * and returns its headers for the mapping form. Nothing is imported yet.
     */
    async uploadFile(
      actor: Actor,
      query: UploadImportQuery,
      body: Readable,
      declaredBytes?: number,
    ): Promise<EmployeeImportView> {
      const agencyId = agencyOf(actor, query.agencyId)
      if (declaredBytes !== undefined && declaredBytes > maxUploadBytes)
        throw new DomainError('request.too_large', { maxBytes: maxUploadBytes })
      await mkdir(uploadDir, { recursive: true })
      await sweepUploads()
      const id = newId()
      const file = fileOf(id)
      try {
        const { size, sha256 } = await receiveFile(body, file, maxUploadBytes)
        const fileType = await detectSpreadsheetType(file)
        const rows = readSheetRows(file, fileType)[Symbol.asyncIterator]()
        let headers: string[]
        try {
          headers = (await findHeader(rows, undefined)).headers
        } finally {
          await rows.return?.(undefined)
        }
        const now = clock.now().toISOString()
        const record: importRepository.ImportRecord = {
          id,
          agencyId,
          fileName: query.fileName ?? (fileType === 'xlsx' ? 'pegawai.xlsx' : 'pegawai.csv'),
          fileType,
          fileSize: size,
          checksum: sha256,
          columns: JSON.stringify(headers),
          phase: 'uploaded',
          mode: null,
          options: null,
          report: null,
          failure: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          finishedAt: null,
        }
        await importRepository.insertImport(db, record)
        return toView(record)
      } catch (error) {
        await rm(file, { force: true })
        throw error
      }
    },

    /** Starts a dry run or the commit of an uploaded file in the background; poll `getImport` for progress. */
    async startRun(
      actor: Actor,
      importId: string,
      mode: ImportMode,
      body: RunImportBody,
    ): Promise<EmployeeImportView> {
      const record = await loadVisible(actor, importId)
      // Checked and taken in one synchronous step, so two requests at once cannot both start.
      if (live.has(importId) || busyAgencies.has(record.agencyId))
        throw new DomainError('import.in_progress', { importId })
      busyAgencies.add(record.agencyId)
      const now = clock.now().toISOString()
      const started: importRepository.ImportRecord = {
        ...record,
        phase: 'reading',
        mode,
        options: JSON.stringify(body),
        report: null,
        failure: null,
        updatedAt: now,
        finishedAt: null,
      }
      try {
        const exists = await stat(fileOf(importId)).then(
          () => true,
          () => false,
        )
        if (!exists) throw new DomainError('import.file_expired', { importId })
        await importRepository.updateImport(db, importId, {
          phase: started.phase,
          mode,
          options: started.options,
          report: null,
          failure: null,
          updatedAt: now,
          finishedAt: null,
        })
      } catch (error) {
        busyAgencies.delete(record.agencyId)
        throw error
      }
      const run = execute(started, mode, body, auditActorOf(actor))
      runs.add(run)
      void run.finally(() => runs.delete(run))
      live.set(importId, live.get(importId) ?? emptyProgress('reading', Number(record.fileSize), null))
      return toView(started)
    },

    /** An import with its live progress (or its stored report once finished). */
    async getImport(actor: Actor, importId: string): Promise<EmployeeImportView> {
      const record = await loadVisible(actor, importId)
      const silentFor = clock.now().getTime() - Date.parse(record.updatedAt)
      if (
        runningPhases.includes(record.phase as ImportPhase) &&
        !live.has(importId) &&
        silentFor > interruptedAfterMs
      ) {
        const failure = JSON.stringify({ code: 'internal', details: { reason: 'interrupted' } })
        const now = clock.now().toISOString()
        await importRepository.updateImport(db, importId, {
          phase: 'failed',
          failure,
          updatedAt: now,
          finishedAt: now,
        })
        return toView({ ...record, phase: 'failed', failure, updatedAt: now, finishedAt: now })
      }
      return toView(record)
    },

    /** Resolves when no run is executing (tests; graceful shutdown). */
    async whenIdle(): Promise<void> {
      while (runs.size > 0) await Promise.allSettled([...runs])
    },
  }
}

export type EmployeeImportService = ReturnType<typeof createEmployeeImportService>
