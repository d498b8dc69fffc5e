/**
 * The commit writer of an import: valid rows arrive in batches while the file is still being read; each batch is
 * looked up (who exists, by NIP — or by NIK, else name + unit + birth date for rows without NIP —, and superiors
 * named before their own row), planned (insert, update or unchanged) and written — while the next batch is read
 * and judged, so this process and the database work at the same time. One batch is written at a time, in file
 * order, inside the import's transaction; once any row error is known nothing more is written (the transaction
 * is rolled back at the end). In a dry run the same lookups count the changes and find rows taken by another
 * agency, and nothing is written.
 *
 * Superiors: a row's `superior_id` is set in the same statement when its superior was written before it (earlier
 * in the file) or already exists in the roster; otherwise (the superior comes later in the file) it is set by
 * `setDeferredSuperiors` once every row is in.
 */
import type { Kysely } from 'kysely'
import type { CopyRows } from '../../db/pg-copy.js'
import type { Database, EmployeeRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import type { EmployeePatch } from './employees.repository.js'
import { changedColumns, newEmployeeRow, recordFieldsOf } from './import.changes.js'
import { rowError, type ColumnMap } from './import.mapping.js'
import type { NipTable } from './import.nips.js'
import type { ActivityClock } from './import.profile.js'
import * as importRepository from './import.repository.js'
import * as importWrites from './import-writes.repository.js'
import { columnHeaderOf, type PlannedRow, type RowErrors } from './import.rows.js'
import type { ImportChanges } from './import.schema.js'
import { unitNameKey, type UnitIndex } from './import.units.js'

/** Rows per batch of lookups and writes. */
export const writeBatch = 5000

export interface ImportWriterOptions {
  /** Where rows are written: the import's transaction (in a dry run, the database, unused). */
  readonly db: Kysely<Database>
  /** COPY on the transaction's connection (PostgreSQL): new rows are loaded with it. */
  readonly copy?: CopyRows | undefined
  /**
   * Where existing employees are looked up. On PostgreSQL another connection than the transaction's, so lookups
   * run while a batch is being written: they need committed rows only (this import's own rows are known here).
   */
  readonly lookupDb: Kysely<Database>
  readonly write: boolean
  readonly agencyId: string
  /** `created_at` / `updated_at` of every row written. */
  readonly now: string
  readonly columns: ColumnMap
  readonly units: UnitIndex
  readonly nips: NipTable
  readonly errors: RowErrors
  readonly clock: ActivityClock
}

type Update = { readonly before: EmployeeRow; readonly patch: EmployeePatch }

/** Awaited later; until then a rejection must not count as unhandled. */
const quiet = <T>(promise: Promise<T>): Promise<T> => {
  promise.catch(() => undefined)
  return promise
}

export function createImportWriter(options: ImportWriterOptions) {
  const { db, lookupDb, agencyId, now, columns, units, nips, errors, clock } = options
  const changes: ImportChanges = { created: 0, updated: 0, unchanged: 0, unitsCreated: 0 }
  const hasSuperiorColumn = columns.superiorNip !== undefined
  const written = new Set(recordFieldsOf.filter((field) => columns[field] !== undefined))
  const nipHeader = columnHeaderOf(columns, 'nip')
  /** Ids of employees of the agency named as superiors before their own row (or not in the file), by NIP. */
  const existingSuperiorIds = new Map<string, string>()
  /** Rows without NIP whose superior is set at the end. */
  const nipLessDeferred: { readonly id: string; readonly superiorNip: string }[] = []
  /** Rows without NIP this import inserts (never matched as existing by a later row). */
  const insertedNipLess = new Set<string>()
  /** Employees without NIP of a unit, by name + birth date (loaded once per unit). */
  const nipLessByUnit = new Map<string, Map<string, EmployeeRow>>()
  let writing: Promise<void> = Promise.resolve()
  /** Rows looked up and (when writing) written. */
  let rowsDone = 0

  const writes = () => options.write && errors.count === 0

  /** Existing employees the NIP-less rows of a batch are (by NIK, else name + unit + birth date), by row. */
  async function matchNipLess(batch: readonly PlannedRow[]): Promise<Map<number, EmployeeRow>> {
    const matches = new Map<number, EmployeeRow>()
    const nipLess = batch.filter((row) => row.record.nip === null)
    if (nipLess.length === 0) return matches
    const niks = nipLess.map((row) => row.record.nik).filter((nik): nik is string => nik !== null)
    const byNik = new Map(
      (await importRepository.findEmployeesWithoutNipByNiks(lookupDb, agencyId, niks))
        .filter((row) => !insertedNipLess.has(row.id))
        .map((row) => [row.nik ?? '', row]),
    )
    const unitIds = [
      ...new Set(
        nipLess
          .filter((row) => row.record.nik === null && !row.unitKey.startsWith('new:'))
          .map((row) => units.idOf(row.unitKey))
          .filter((id) => !nipLessByUnit.has(id)),
      ),
    ]
    for (const id of unitIds) nipLessByUnit.set(id, new Map())
    for (const row of await importRepository.findEmployeesWithoutNipInUnits(lookupDb, agencyId, unitIds))
      if (!insertedNipLess.has(row.id))
        nipLessByUnit.get(row.unitId)?.set(`${unitNameKey(row.name)}|${row.birthDate ?? ''}`, row)
    for (const row of nipLess) {
      const { record } = row
      const match = record.nik
        ? byNik.get(record.nik)
        : nipLessByUnit
            .get(units.idOf(row.unitKey))
            ?.get(`${unitNameKey(record.name)}|${record.birthDate ?? ''}`)
      if (match) matches.set(row.row, match)
    }
    return matches
  }

  async function lookUp(batch: readonly PlannedRow[]) {
    const batchNips = batch.map((row) => row.record.nip).filter((nip): nip is string => nip !== null)
    const found = await importRepository.findEmployeesByNips(lookupDb, batchNips)
    const nipLessMatches = await matchNipLess(batch)
    // Superiors not written before their subordinate: existing employees are linked at once, the others later.
    const ahead = new Set<string>()
    for (const row of batch) {
      const superiorNip = row.superiorNip
      if (!superiorNip || existingSuperiorIds.has(superiorNip)) continue
      const entry = nips.findNip(superiorNip)
      if (entry === -1 || (nips.row[entry] ?? 0) > row.row) ahead.add(superiorNip)
    }
    for (const link of await importRepository.findLinksByNips(lookupDb, agencyId, [...ahead]))
      if (link.nip) existingSuperiorIds.set(link.nip, link.id)
    return { existingByNip: new Map(found.map((row) => [row.nip ?? '', row])), nipLessMatches }
  }

  function plan(batch: readonly PlannedRow[], looked: Awaited<ReturnType<typeof lookUp>>) {
    const inserts: EmployeeRow[] = []
    const updates: Update[] = []
    for (const planned of batch) {
      const { record, superiorNip } = planned
      const existing = record.nip
        ? looked.existingByNip.get(record.nip)
        : looked.nipLessMatches.get(planned.row)
      if (existing && existing.agencyId !== agencyId) {
        errors.add(rowError(planned.row, nipHeader, 'employee.nip_taken_by_other_agency'))
        continue
      }
      const unitId = units.idOf(planned.unitKey)
      const id = existing?.id ?? newId()
      let superiorId: string | null | undefined = hasSuperiorColumn ? null : undefined
      let deferred = false
      if (superiorNip) {
        const entry = nips.findNip(superiorNip)
        const known = (entry === -1 ? null : nips.plannedId(entry)) ?? existingSuperiorIds.get(superiorNip)
        if (known) superiorId = known
        else deferred = true
      }
      if (planned.entry !== -1) {
        nips.setPlanned(planned.entry, id)
        if (deferred) nips.deferSuperior(planned.entry)
      } else if (deferred && superiorNip) nipLessDeferred.push({ id, superiorNip })

      if (!existing) {
        changes.created += 1
        if (!record.nip) insertedNipLess.add(id)
        inserts.push(newEmployeeRow(record, { id, agencyId, unitId, superiorId: superiorId ?? null, now }))
        continue
      }
      // A deferred superior is a new employee: the link changes even when nothing else does.
      const patch = changedColumns(existing, record, written, unitId, superiorId)
      if (!patch && !deferred) {
        changes.unchanged += 1
        continue
      }
      changes.updated += 1
      updates.push({ before: existing, patch: { ...patch, updatedAt: now } })
    }
    return { inserts, updates }
  }

  async function execute(
    unitRows: Parameters<typeof importRepository.insertUnits>[1],
    prepared: readonly importWrites.PreparedWrites[],
    rows: number,
  ): Promise<void> {
    await clock.time('writeEmployees', async () => {
      await importRepository.insertUnits(db, unitRows)
      for (const writes of prepared) await writes.employees()
    })
    await clock.time('writeTokens', async () => {
      for (const writes of prepared) await writes.tokens()
    })
    rowsDone += rows
  }

  return {
    changes,
    /** Rows looked up and, when writing, written so far. */
    rowsDone: () => rowsDone,

    /**
     * Looks up and plans a batch, then starts writing it once the previous batch is written (without waiting for
     * it: the caller reads on). Rejects when writing the previous batch failed.
     */
    async submit(batch: readonly PlannedRow[]): Promise<void> {
      if (batch.length === 0) return
      const looked = await clock.time('resolve', () => lookUp(batch))
      let started = performance.now()
      const { inserts, updates } = plan(batch, looked)
      const unitRows = options.write ? units.takeNewUnitRows(agencyId, now) : []
      const prepared = writes()
        ? [
            importWrites.prepareEmployeeInserts(db, inserts, options.copy),
            importWrites.prepareEmployeeUpdates(db, updates, options.copy),
          ]
        : []
      clock.add('plan', started)
      started = performance.now()
      await writing
      clock.add('waitForWriter', started)
      if (writes()) writing = quiet(execute(unitRows, prepared, batch.length))
      else rowsDone += batch.length
    },

    /** Waits for the last batch to be written (rejects when it failed). */
    finish: (): Promise<void> => writing,

    /** Waits for any statement still running on the transaction's connection, failed or not. */
    async settle(): Promise<void> {
      await Promise.allSettled([writing])
    },

    /** Sets the superiors that came later in the file than their subordinates (every row is written by now). */
    async setDeferredSuperiors(): Promise<void> {
      const links: { id: string; superiorId: string }[] = []
      const superiorIdOf = (superiorNip: string): string => {
        const entry = nips.findNip(superiorNip)
        const id = entry === -1 ? null : nips.plannedId(entry)
        // checkSuperiors reported such a row, and nothing is written with a row error.
        if (!id) throw new Error('import: a deferred superior was not written')
        return id
      }
      for (let entry = 0; entry < nips.count; entry++) {
        if (!nips.isSuperiorDeferred(entry)) continue
        const id = nips.plannedId(entry)
        const superiorNip = nips.superiorNip(entry)
        if (id && superiorNip) links.push({ id, superiorId: superiorIdOf(superiorNip) })
      }
      for (const { id, superiorNip } of nipLessDeferred)
        links.push({ id, superiorId: superiorIdOf(superiorNip) })
      await importWrites.setSuperiors(db, links)
    },
  }
}

export type ImportWriter = ReturnType<typeof createImportWriter>
