/**
 * Employee import from CSV/XLSX (issue #3): one pipeline for the CLI and the HTTP API.
 *
 * 1. reading — the file streams row by row (import.reader.ts); each row is judged as it comes (import.rows.ts:
 *    mapping, `validateEmployee`, unit, NIP registered in a typed-array table so memory stays bounded whatever the
 *    file size). Valid rows go in batches to the writer (import.writer.ts), which looks them up and — in a commit
 *    — writes each batch inside one transaction while the next batch is read, so this process and the database
 *    work at the same time.
 * 2. validating — superiors: every `NIP ATASAN` must be in the file or an employee of the agency, and the links
 *    after the import must not form a cycle (import.superiors.ts).
 * 3. writing — superiors named further down the file than their subordinates, one audit event, the commit.
 *
 * All or nothing: once any row error is known (while reading, looking up — a NIP taken by another agency — or
 * validating), nothing more is written and the transaction is rolled back; rows written before are never visible
 * to anyone else. A dry run does the same reading, lookups and checks, writes nothing and counts what a commit
 * would change.
 *
 * Decisions (documented for users in the report and here):
 * - Rows are matched by NIP (upsert). Rows without NIP (Non-ASN) are matched by NIK when given, else by name +
 *   unit + birth date; unmatched ones are inserted. Moving such a person to another unit by import therefore
 *   creates a new record: move them in the roster instead.
 * - Only the columns present in the file are written on update (import.changes.ts). Unchanged rows are not touched
 *   (a second import of the same file reports 0 changes).
 * - `createMissingUnits`: see import.units.ts.
 * - At most `maxListedErrors` errors are listed; all are counted.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type pg from 'pg'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { isPostgres } from '../../db/database.js'
import { openCopySession, type CopyRows } from '../../db/pg-copy.js'
import type { Database } from '../../db/tables.js'
import { recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import * as employeesRepository from './employees.repository.js'
import { nipRulesAt } from './employees.service.js'
import type { SheetRow } from './import.cells.js'
import { headerSearchRows, headerText, minRecognisedHeaders, resolveColumns } from './import.mapping.js'
import { NipTable } from './import.nips.js'
import { ActivityClock, type ImportProfile } from './import.profile.js'
import { detectSpreadsheetType, readSheetRows, type SpreadsheetType } from './import.reader.js'
import * as importRepository from './import.repository.js'
import { columnHeaderOf, createRowChecker, RowErrors, type PlannedRow } from './import.rows.js'
import type { ImportField, ImportMapping, ImportProgress, ImportReport } from './import.schema.js'
import { checkSuperiors } from './import.superiors.js'
import { UnitIndex } from './import.units.js'
import { createImportWriter, writeBatch } from './import.writer.js'

export { writeBatch }

export interface RunImportOptions {
  readonly agencyId: string
  readonly filePath: string
  readonly fileName: string
  /** Decided from the content when absent. */
  readonly fileType?: SpreadsheetType
  readonly dryRun: boolean
  readonly createMissingUnits: boolean
  readonly mapping?: ImportMapping | undefined
  readonly auditActor: AuditActor
  /** The import record, when run through the API (audit entity). */
  readonly importId?: string
  /** SHA-256 of the file when already known (computed on upload). */
  readonly checksum?: string
  readonly onProgress?: (progress: ImportProgress) => void
  /** Filled with the milliseconds spent per activity (benchmark). */
  readonly profile?: ImportProfile
  /**
   * The pg pool behind `db` (PostgreSQL): a commit then runs on a connection of its own and loads new rows with
   * COPY. Without it, rows are inserted with `INSERT … SELECT FROM unnest(…)`.
   */
  readonly pool?: pg.Pool | undefined
}

/** SHA-256 (hex) of a file, streamed. */
export async function fileChecksum(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer)
  return hash.digest('hex')
}

class RollBack extends Error {}

/** Rows judged between two turns of the event loop (a few milliseconds of work). */
const yieldEveryRows = 200

/** First rows of a file: where the header is (titles above it are skipped) and which columns it names. */
export async function findHeader(
  rows: AsyncIterator<SheetRow>,
  mapping: ImportMapping | undefined,
): Promise<{ header: SheetRow; headers: string[]; rest: SheetRow[] }> {
  const seen: SheetRow[] = []
  for (let i = 0; i < headerSearchRows; i++) {
    const next = await rows.next()
    if (next.done) break
    seen.push(next.value)
    const headers = next.value.cells.map(headerText)
    const { found } = resolveColumns(headers, next.value.row, mapping)
    if (found >= minRecognisedHeaders) return { header: next.value, headers, rest: [] }
  }
  const [first, ...rest] = seen
  if (!first) throw new DomainError('import.file_unreadable', { reason: 'no_header' })
  const headers = first.cells.map(headerText)
  if (resolveColumns(headers, first.row, mapping).found === 0)
    throw new DomainError('import.file_unreadable', { reason: 'no_known_columns' })
  return { header: first, headers, rest }
}

/**
 * Runs one import (dry run or commit) of a file for an agency and returns its report. Throws
 * `import.file_unreadable` when the file cannot be read as a spreadsheet (nothing is written then either).
 */
export async function runEmployeeImport(
  db: Kysely<Database>,
  clock: Clock,
  options: RunImportOptions,
): Promise<ImportReport & { checksum: string }> {
  const { agencyId } = options
  const activities = new ActivityClock(options.profile)
  const fileType = options.fileType ?? (await detectSpreadsheetType(options.filePath))
  const bytesTotal = (await stat(options.filePath)).size
  const checksum = options.checksum ?? (await fileChecksum(options.filePath))
  const progress: ImportProgress = {
    phase: 'reading',
    bytesRead: 0,
    bytesTotal,
    rowsRead: 0,
    rowsDone: 0,
    rowsTotal: null,
  }
  const report = (patch: Partial<ImportProgress> = {}) => {
    Object.assign(progress, patch)
    options.onProgress?.({ ...progress })
  }
  report()

  const errors = new RowErrors()
  const units = new UnitIndex(await importRepository.listAgencyUnits(db, agencyId))
  const rows = readSheetRows(options.filePath, fileType, {
    onChunk: (chunk) => {
      progress.bytesRead += chunk.length
    },
  })[Symbol.asyncIterator]()
  try {
    const { header, headers, rest } = await findHeader(rows, options.mapping)
    const resolved = resolveColumns(headers, header.row, options.mapping)
    for (const error of resolved.errors) errors.add(error)
    const columns = resolved.columns
    // Without the required columns no row can be placed: the header error says it once, rows are only counted.
    const headerBroken = resolved.errors.length > 0
    const nips = new NipTable()
    const checker = createRowChecker({
      columns,
      rules: nipRulesAt(clock.now()),
      units,
      nips,
      errors,
      createMissingUnits: options.createMissingUnits,
    })
    let rowsRead = 0

    /** Reads, checks and (when `write`) writes the whole file through `executor`; the changes it makes. */
    const run = async (executor: Kysely<Database>, write: boolean, copy?: CopyRows) => {
      const writer = createImportWriter({
        db: executor,
        copy,
        lookupDb: write && isPostgres(db) ? db : executor,
        write,
        agencyId,
        now: clock.now().toISOString(),
        columns,
        units,
        nips,
        errors,
        clock: activities,
      })
      try {
        let batch: PlannedRow[] = []
        const take = async (sheetRow: SheetRow) => {
          rowsRead += 1
          if (rowsRead % 1000 === 0) report({ rowsRead, rowsDone: writer.rowsDone() })
          // Rows of a read chunk are judged without leaving the event loop; give it a turn now and then, so the
          // answer of a statement is taken (and the next one sent) without waiting for the whole chunk.
          if (rowsRead % yieldEveryRows === 0) await new Promise((resolve) => setImmediate(resolve))
          if (headerBroken) return
          const started = performance.now()
          const planned = checker.check(sheetRow)
          activities.add('validate', started)
          if (!planned) return
          batch.push(planned)
          if (batch.length < writeBatch) return
          const full = batch
          batch = []
          await writer.submit(full)
        }
        for (const sheetRow of rest) await take(sheetRow)
        for (;;) {
          const started = performance.now()
          const next = await rows.next()
          activities.add('read', started)
          if (next.done) break
          await take(next.value)
        }
        await writer.submit(batch)
        await writer.finish()
      } finally {
        await writer.settle()
      }
      report({ rowsRead, rowsTotal: rowsRead, bytesRead: bytesTotal, rowsDone: writer.rowsDone() })

      report({ phase: 'validating' })
      if (!headerBroken)
        await activities.time('superiors', () =>
          checkSuperiors(
            executor,
            agencyId,
            nips,
            checker.nipLessSuperiors,
            errors,
            columnHeaderOf(columns, 'superiorNip'),
          ),
        )
      if (write && errors.count === 0) {
        report({ phase: 'writing' })
        await activities.time('superiors', () => writer.setDeferredSuperiors())
        await activities.time('audit', () =>
          recordAuditEvent(executor, clock, options.auditActor, {
            action: 'employee.imported',
            entityType: 'employee_import',
            entityId: options.importId ?? null,
            agencyId,
            summary: {
              fileName: options.fileName,
              fileType,
              checksum,
              rows: rowsRead,
              ...writer.changes,
              unitsCreated: units.created.size,
              createMissingUnits: options.createMissingUnits,
            },
          }),
        )
      }
      return { ...writer.changes, unitsCreated: units.created.size }
    }

    const commit = !options.dryRun && !headerBroken
    let changes: Awaited<ReturnType<typeof run>>
    if (commit) {
      let committing = 0
      const session = options.pool && isPostgres(db) ? await openCopySession(options.pool) : null
      let broken = false
      try {
        changes = await (session?.db ?? db).transaction().execute(async (trx) => {
          await employeesRepository.lockSuperiors(trx, agencyId)
          const made = await run(trx, true, session?.copy)
          if (errors.count > 0) throw new RollBack()
          committing = performance.now()
          return made
        })
        activities.add('commit', committing)
      } catch (error) {
        if (!(error instanceof RollBack)) {
          broken = true
          throw error
        }
        changes = { created: 0, updated: 0, unchanged: 0, unitsCreated: 0 }
      } finally {
        session?.release(broken)
      }
    } else {
      changes = await run(db, false)
    }

    const clean = errors.count === 0
    report({ phase: 'done' })
    const mapped: ImportReport['columns'] = {}
    for (const [field, column] of Object.entries(columns)) mapped[field as ImportField] = column.header
    const invalidRows = headerBroken ? rowsRead : [...errors.rows].filter((row) => row !== header.row).length
    return {
      rows: rowsRead,
      valid: rowsRead - invalidRows,
      invalidRows,
      errors: errors.listed.sort((a, b) => a.row - b.row),
      errorCount: errors.count,
      errorsTruncated: errors.count > errors.listed.length,
      dryRun: options.dryRun,
      committed: commit && clean,
      changes: clean ? changes : null,
      columns: mapped,
      checksum,
    }
  } finally {
    await rows.return?.(undefined)
  }
}
