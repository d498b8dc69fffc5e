/**
 * Employee import from CSV/XLSX (issue #3): one pipeline for the CLI and the HTTP API.
 *
 * 1. reading — the file streams row by row (import.reader.ts); each row is mapped (import.mapping.ts) and judged
 *    by `validateEmployee`, its unit resolved. Valid rows go to a spool (memory, then a temporary file past
 *    `spoolMemoryRows`); every NIP goes to a typed-array index with its row and superior (`NipIndex`, 20 bytes a
 *    row), so memory stays bounded whatever the file size (a 50 MB file: ~410 MB peak RSS, process included).
 * 2. validating — NIPs repeated in the file; superiors: every `NIP ATASAN` must be in the file or an employee of
 *    the agency, and the links after the import must not form a cycle (walked through the existing roster too).
 * 3. writing (commit) — one transaction: missing units, inserts and updates in batches (the next batch is read
 *    and looked up while one is written), superiors pointing at rows further down the file set at the end, one
 *    audit event. Any row error, found before or while writing (a NIP taken by another agency), rolls everything
 *    back: the whole file lands or nothing does. A dry run does 1–2 and counts what 3 would change.
 *
 * Decisions (documented for users in the report and here):
 * - Rows are matched by NIP (upsert). Rows without NIP (Non-ASN) are matched by NIK when given, else by name +
 *   unit + birth date; unmatched ones are inserted. Moving such a person to another unit by import therefore
 *   creates a new record: move them in the roster instead.
 * - Only the columns present in the file are written on update; an empty cell in a present column clears the
 *   field. Unchanged rows are not touched (a second import of the same file reports 0 changes).
 * - `createMissingUnits`: a unit named in the file that does not exist is created in the same transaction,
 *   under the unit named in `UNOR INDUK` when that names exactly one active unit, else at the top level; its kind
 *   is guessed from the name (Dinas/Badan… → opd, Kecamatan, Kelurahan/Desa, SD/SMP… → sekolah, UPT/Puskesmas,
 *   Bidang/Bagian/Seksi), else `other`; its code is `KODE UNOR` when given.
 * - At most `maxListedErrors` errors are listed; all are counted.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { administeredAgencyIds, canAdministerAgency, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import type { UnitKind } from '../../domain/employee-fields.js'
import {
  searchNameOf,
  validateEmployee,
  type EmployeeField,
  type EmployeeRecord,
} from '../../domain/employee-record.js'
import { DomainError } from '../../domain/errors.js'
import { normaliseNip, parseNip } from '../../domain/nip.js'
import { childPath, depthOf, rootPath } from '../../domain/unit-tree.js'
import type { Database, EmployeeRow, UnitRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { demoAgency } from '../demo/demo.service.js'
import * as employeesRepository from './employees.repository.js'
import { nipRulesAt } from './employees.service.js'
import type { SheetRow } from './import.cells.js'
import {
  headerSearchRows,
  headerText,
  mapRow,
  minRecognisedHeaders,
  resolveColumns,
  rowError,
  suggestMapping,
  type ColumnMap,
} from './import.mapping.js'
import { detectSpreadsheetType, readSheetRows, type SpreadsheetType } from './import.reader.js'
import * as importRepository from './import.repository.js'
import {
  defaultColumnHeaders,
  maxListedErrors,
  type EmployeeImportView,
  type ImportChanges,
  type ImportField,
  type ImportMapping,
  type ImportMode,
  type ImportPhase,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
  type RunImportBody,
  type UploadImportQuery,
} from './import.schema.js'

/* ------------------------------------------------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------------------------------------------- */

/** Unit names compare case-, accent- and spacing-insensitively. */
export const unitNameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

/** Kind of a unit created by an import, guessed from its name (see the module comment). */
export function guessUnitKind(name: string): UnitKind {
  const key = unitNameKey(name)
  if (/^kecamatan\b/.test(key)) return 'kecamatan'
  if (/^(kelurahan|desa)\b/.test(key)) return 'kelurahan'
  if (/^(sd|smp|sma|smk|slb|tk|paud|mi|mts|ma|sekolah)\b/.test(key)) return 'sekolah'
  if (/^(upt|uptd|puskesmas|rsud|balai|laboratorium)\b/.test(key)) return 'upt'
  if (/^(bidang|bagian|sub ?bagian|seksi|sub ?bidang)\b/.test(key)) return 'bidang'
  if (/^(dinas|badan|inspektorat|satuan|sekretariat|kantor|rumah sakit)\b/.test(key)) return 'opd'
  return 'other'
}

/**
 * A copy of a short string that does not point into the text it was cut from: cell values are slices of the
 * file's chunks, and a NIP kept as a map key would otherwise keep its whole 256 KB chunk alive.
 */
const ownCopy = (text: string): string => Buffer.from(text, 'latin1').toString('latin1')

/** An 18-digit NIP as two 9-digit halves (each fits an Int32). */
const halves = (nip: string): [number, number] => {
  let hi = 0
  let lo = 0
  for (let i = 0; i < 9; i++) hi = hi * 10 + nip.charCodeAt(i) - 48
  for (let i = 9; i < 18; i++) lo = lo * 10 + nip.charCodeAt(i) - 48
  return [hi, lo]
}
const nipOfHalves = (hi: number, lo: number): string =>
  `${String(hi).padStart(9, '0')}${String(lo).padStart(9, '0')}`

/**
 * Every NIP of the file with its row and its superior's NIP, in typed arrays: 20 bytes a row instead of hash maps
 * of strings (several hundred bytes), so a 50 MB file of a million rows keeps its indexes in ~20 MB. After
 * `seal()`, NIPs are found by binary search over an order sorted by (NIP, row).
 */
export class NipIndex {
  private capacity = 1024
  count = 0
  hi = new Int32Array(this.capacity)
  lo = new Int32Array(this.capacity)
  row = new Int32Array(this.capacity)
  /** The superior's NIP, or -1 in `supHi` when the row names none. */
  supHi = new Int32Array(this.capacity)
  supLo = new Int32Array(this.capacity)
  order = new Int32Array(0)

  add(nip: string, row: number, superiorNip: string | null): void {
    if (this.count === this.capacity) this.grow()
    const at = this.count
    const [hi, lo] = halves(nip)
    this.hi[at] = hi
    this.lo[at] = lo
    this.row[at] = row
    if (superiorNip) {
      const [supHi, supLo] = halves(superiorNip)
      this.supHi[at] = supHi
      this.supLo[at] = supLo
    } else this.supHi[at] = -1
    this.count += 1
  }

  private grow(): void {
    this.capacity *= 2
    const larger = (old: Int32Array) => {
      const next = new Int32Array(this.capacity)
      next.set(old)
      return next
    }
    this.hi = larger(this.hi)
    this.lo = larger(this.lo)
    this.row = larger(this.row)
    this.supHi = larger(this.supHi)
    this.supLo = larger(this.supLo)
  }

  /** Sorts the entries by NIP, then row; lookups work from here on. */
  seal(): void {
    const { hi, lo, row } = this
    const order = new Int32Array(this.count)
    for (let i = 0; i < this.count; i++) order[i] = i
    this.order = order.sort(
      (a, b) => (hi[a] ?? 0) - (hi[b] ?? 0) || (lo[a] ?? 0) - (lo[b] ?? 0) || (row[a] ?? 0) - (row[b] ?? 0),
    )
  }

  /** The entry of the first row holding this NIP, or -1. */
  find(hi: number, lo: number): number {
    let low = 0
    let high = this.count - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      const entry = this.order[middle] ?? 0
      const difference = (this.hi[entry] ?? 0) - hi || (this.lo[entry] ?? 0) - lo
      if (difference < 0) low = middle + 1
      else {
        if (difference === 0) found = entry
        high = middle - 1
      }
    }
    return found
  }

  findNip(nip: string): number {
    const [hi, lo] = halves(nip)
    return this.find(hi, lo)
  }

  nip(entry: number): string {
    return nipOfHalves(this.hi[entry] ?? 0, this.lo[entry] ?? 0)
  }

  superiorNip(entry: number): string | null {
    const hi = this.supHi[entry] ?? -1
    return hi < 0 ? null : nipOfHalves(hi, this.supLo[entry] ?? 0)
  }

  /** The in-file entry of the superior of `entry` (first row with that NIP); -1 when outside the file or none. */
  superiorEntry(entry: number): number {
    const hi = this.supHi[entry] ?? -1
    return hi < 0 ? -1 : this.find(hi, this.supLo[entry] ?? 0)
  }

  /** [entry, first entry] of every row repeating the NIP of an earlier row. */
  *duplicates(): Generator<[number, number]> {
    for (let i = 1; i < this.count; i++) {
      const entry = this.order[i] ?? 0
      const before = this.order[i - 1] ?? 0
      if (this.hi[entry] !== this.hi[before] || this.lo[entry] !== this.lo[before]) continue
      yield [entry, this.find(this.hi[entry] ?? 0, this.lo[entry] ?? 0)]
    }
  }
}

/** Row errors, listed up to a cap, with the set of rows that have any. */
class RowErrors {
  readonly listed: ImportRowError[] = []
  readonly rows = new Set<number>()
  count = 0

  add(error: ImportRowError): void {
    this.count += 1
    this.rows.add(error.row)
    if (this.listed.length < maxListedErrors) this.listed.push(error)
  }
}

/** A valid row waiting to be written. */
interface PlannedRow {
  /** Spreadsheet row number. */
  readonly r: number
  readonly rec: EmployeeRecord
  /** Existing unit id, or the key of a unit to create (`new:<key>`). */
  readonly u: string
  readonly s: string | null
}

/** Valid rows kept in memory up to `spoolMemoryRows`, then in a temporary file (one JSON line each). */
export const spoolMemoryRows = 20_000

class Spool {
  private memory: PlannedRow[] = []
  private lines: string[] = []
  private file: string | null = null
  private out: ReturnType<typeof createWriteStream> | null = null
  size = 0

  async push(row: PlannedRow): Promise<void> {
    this.size += 1
    if (!this.out && this.memory.length < spoolMemoryRows) {
      this.memory.push(row)
      return
    }
    if (!this.out) {
      this.file = path.join(tmpdir(), `netra-import-${newId()}.ndjson`)
      this.out = createWriteStream(this.file)
      this.lines = this.memory.map((kept) => JSON.stringify(kept))
      this.memory = []
    }
    this.lines.push(JSON.stringify(row))
    if (this.lines.length >= 1000) await this.flush()
  }

  /** Lines go to the file a thousand at a time (one write each, not one per row). */
  private async flush(): Promise<void> {
    const out = this.out
    if (!out || this.lines.length === 0) return
    const text = `${this.lines.join('\n')}\n`
    this.lines = []
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve))
  }

  async *batches(size: number): AsyncGenerator<PlannedRow[]> {
    if (!this.out || !this.file) {
      for (let start = 0; start < this.memory.length; start += size)
        yield this.memory.slice(start, start + size)
      return
    }
    await this.flush()
    const out = this.out
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject)
      out.end(() => resolve())
    })
    let batch: PlannedRow[] = []
    let rest = ''
    for await (const chunk of createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) {
      const text = rest + (chunk as string)
      let start = 0
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        if (end > start) batch.push(JSON.parse(text.slice(start, end)) as PlannedRow)
        start = end + 1
        if (batch.length >= size) {
          yield batch
          batch = []
        }
      }
      rest = text.slice(start)
    }
    if (rest.trim() !== '') batch.push(JSON.parse(rest) as PlannedRow)
    if (batch.length > 0) yield batch
  }

  async dispose(): Promise<void> {
    this.memory = []
    this.lines = []
    if (this.out && !this.out.closed) this.out.destroy()
    if (this.file) await rm(this.file, { force: true })
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * Units of the agency
 * ---------------------------------------------------------------------------------------------------------- */

interface NewUnit {
  readonly id: string
  readonly name: string
  readonly code: string | null
  readonly kind: UnitKind
  readonly parent: importRepository.ImportUnit | null
}

type UnitResolution =
  { readonly ok: true; readonly key: string } | { readonly ok: false; readonly error: ImportRowError }

class UnitIndex {
  private readonly byCode = new Map<string, importRepository.ImportUnit>()
  private readonly byName = new Map<string, importRepository.ImportUnit[]>()
  private readonly byId = new Map<string, importRepository.ImportUnit>()
  readonly created = new Map<string, NewUnit>()

  constructor(units: readonly importRepository.ImportUnit[]) {
    for (const unit of units) {
      this.byId.set(unit.id, unit)
      if (unit.code) this.byCode.set(unit.code.toLowerCase(), unit)
      const key = unitNameKey(unit.name)
      const list = this.byName.get(key) ?? []
      list.push(unit)
      this.byName.set(key, list)
    }
  }

  /** Units with this name whose ancestry holds a unit named `ancestorName`. */
  private under(list: readonly importRepository.ImportUnit[], ancestorName: string) {
    const wanted = unitNameKey(ancestorName)
    return list.filter((unit) =>
      unit.path
        .split('/')
        .filter(Boolean)
        .slice(0, -1)
        .some((id) => {
          const ancestor = this.byId.get(id)
          return ancestor !== undefined && unitNameKey(ancestor.name) === wanted
        }),
    )
  }

  private soleActive(name: string): importRepository.ImportUnit | null {
    const active = (this.byName.get(unitNameKey(name)) ?? []).filter((unit) => unit.deactivatedAt === null)
    return active.length === 1 ? (active[0] ?? null) : null
  }

  resolve(
    row: number,
    columns: ColumnMap,
    cells: { name: string | null; code: string | null; parent: string | null },
    createMissing: boolean,
  ): UnitResolution {
    const nameHeader = columns.unit?.header ?? defaultColumnHeaders.unit[0] ?? 'UNOR'
    const codeHeader = columns.unitCode?.header ?? defaultColumnHeaders.unitCode[0] ?? 'KODE UNOR'
    const fail = (column: string, code: ImportRowError['code'], reason?: string) => ({
      ok: false as const,
      error: rowError(row, column, code, { reason, field: 'unit' }),
    })
    const found = (unit: importRepository.ImportUnit, column: string): UnitResolution =>
      unit.deactivatedAt === null ? { ok: true, key: unit.id } : fail(column, 'import.unit_inactive')

    if (cells.code) {
      const unit = this.byCode.get(cells.code.toLowerCase())
      if (unit) return found(unit, codeHeader)
      if (!createMissing) return fail(codeHeader, 'import.unit_not_found')
      if (!cells.name) return fail(nameHeader, 'employee.field_required')
      return { ok: true, key: this.plan(cells.name, cells.code, cells.parent) }
    }
    if (!cells.name) return fail(nameHeader, 'employee.field_required')
    const named = this.byName.get(unitNameKey(cells.name)) ?? []
    const active = named.filter((unit) => unit.deactivatedAt === null)
    if (active.length === 1 && active[0]) return { ok: true, key: active[0].id }
    if (active.length > 1) {
      const narrowed = cells.parent ? this.under(active, cells.parent) : []
      if (narrowed.length === 1 && narrowed[0]) return { ok: true, key: narrowed[0].id }
      return fail(nameHeader, 'import.unit_ambiguous')
    }
    if (named.length > 0) return fail(nameHeader, 'import.unit_inactive')
    if (!createMissing) return fail(nameHeader, 'import.unit_not_found')
    return { ok: true, key: this.plan(cells.name, null, cells.parent) }
  }

  /** A unit to create; the same name (or code) in several rows is one unit. */
  private plan(name: string, code: string | null, parentName: string | null): string {
    const key = `new:${code ? `code:${code.toLowerCase()}` : `name:${unitNameKey(name)}`}`
    if (!this.created.has(key)) {
      this.created.set(key, {
        id: newId(),
        name: name.replace(/\s+/g, ' ').trim(),
        code,
        kind: guessUnitKind(name),
        parent: parentName ? this.soleActive(parentName) : null,
      })
    }
    return key
  }

  idOf(key: string): string {
    return this.created.get(key)?.id ?? key
  }

  newUnitRows(agencyId: string, now: string): UnitRow[] {
    return [...this.created.values()].map((unit) => {
      const unitPath = childPath(unit.parent?.path ?? rootPath, unit.id)
      return {
        id: unit.id,
        agencyId,
        parentId: unit.parent?.id ?? null,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        regionCode: null,
        headEmployeeId: null,
        path: unitPath,
        depth: depthOf(unitPath),
        deactivatedAt: null,
        createdAt: now,
        updatedAt: now,
      }
    })
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * The pipeline
 * ---------------------------------------------------------------------------------------------------------- */

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
}

/** SHA-256 (hex) of a file, streamed. */
export async function fileChecksum(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Rows per batch of lookups and writes. */
export const writeBatch = 5000

/** Fields written on update when their column is in the file (gender and birth date also follow the NIP). */
const recordFieldsOf: readonly EmployeeField[] = [
  'kind',
  'nik',
  'name',
  'frontTitle',
  'backTitle',
  'gender',
  'birthDate',
  'grade',
  'positionType',
  'positionTitle',
  'status',
  'email',
  'phone',
  'whatsapp',
]

type EmployeeColumns = Omit<EmployeeRow, 'id' | 'agencyId' | 'createdAt' | 'updatedAt'>

class RollBack extends Error {}

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
  const spool = new Spool()
  try {
    /* ---------------- 1. reading ---------------- */
    const rules = nipRulesAt(clock.now())
    const units = new UnitIndex(await importRepository.listAgencyUnits(db, agencyId))
    const rows = readSheetRows(options.filePath, fileType, {
      onChunk: (chunk) => {
        progress.bytesRead += chunk.length
      },
    })[Symbol.asyncIterator]()
    let found: Awaited<ReturnType<typeof findHeader>>
    try {
      found = await findHeader(rows, options.mapping)
    } catch (error) {
      await rows.return?.(undefined)
      throw error
    }
    const { header, headers, rest } = found
    const resolved = resolveColumns(headers, header.row, options.mapping)
    for (const error of resolved.errors) errors.add(error)
    const columns = resolved.columns
    const columnHeader = (field: ImportField): string =>
      columns[field]?.header ?? defaultColumnHeaders[field][0] ?? field
    const superiorHeader = columnHeader('superiorNip')
    const nipHeader = columnHeader('nip')

    /** Every syntactically valid NIP (valid row or not) with its row and superior. */
    const nips = new NipIndex()
    /** Superiors of rows without NIP: [row, superior NIP]. */
    const nipLessSuperiors: [number, string][] = []
    /** NIP-less rows by NIK or name + unit + birth date → first row. */
    const nipLessKeys = new Map<string, number>()
    let rowsRead = 0

    // Without the required columns no row can be placed: the header error says it once, rows are only counted.
    const headerBroken = resolved.errors.length > 0
    const readRow = async (sheetRow: SheetRow) => {
      rowsRead += 1
      if (headerBroken) return
      const { row } = sheetRow
      const mapped = mapRow(row, sheetRow.cells, columns)
      const rowErrors: ImportRowError[] = [...mapped.errors]
      const refused = new Set(mapped.errors.map((error) => error.column))
      const validation = validateEmployee(mapped.input, rules)
      if (!validation.ok) {
        for (const problem of validation.problems) {
          const field: ImportField =
            problem.code === 'employee.nip_mismatch'
              ? problem.reason === 'gender'
                ? columns.gender
                  ? 'gender'
                  : 'nip'
                : columns.birthDate
                  ? 'birthDate'
                  : 'nip'
              : problem.field
          const column = columnHeader(field)
          if (refused.has(column)) continue
          const reason = 'reason' in problem ? problem.reason : undefined
          rowErrors.push(rowError(row, column, problem.code, { reason, field: problem.field }))
        }
      }
      const nipText = typeof mapped.input.nip === 'string' ? normaliseNip(mapped.input.nip) : ''
      const nip = /^\d{18}$/.test(nipText) ? nipText : null

      const unit = units.resolve(
        row,
        columns,
        { name: mapped.unitName, code: mapped.unitCode, parent: mapped.parentUnitName },
        options.createMissingUnits,
      )
      if (!unit.ok) rowErrors.push(unit.error)

      let superiorNip: string | null = null
      if (mapped.superiorNip) {
        const parsed = parseNip(mapped.superiorNip, 'PPPK', { minAppointmentAge: rules.minAppointmentAge })
        if (!parsed.ok)
          rowErrors.push(rowError(row, superiorHeader, 'employee.nip_invalid', { reason: parsed.problem }))
        else if (nip && parsed.value.nip === nip)
          rowErrors.push(rowError(row, superiorHeader, 'employee.superior_cycle', { reason: 'self' }))
        else superiorNip = parsed.value.nip
      }
      // Duplicates and superiors are checked once the whole file is read (rows may name later rows).
      if (nip) nips.add(nip, row, superiorNip)
      else if (superiorNip) nipLessSuperiors.push([row, ownCopy(superiorNip)])

      if (validation.ok && !validation.record.nip && unit.ok) {
        const record = validation.record
        const key = record.nik
          ? `nik:${record.nik}`
          : `name:${unit.key}|${unitNameKey(record.name)}|${record.birthDate ?? ''}`
        const first = nipLessKeys.get(key)
        if (first !== undefined)
          rowErrors.push(
            rowError(row, columnHeader(record.nik ? 'nik' : 'name'), 'import.row_duplicate_in_file', {
              firstRow: first,
            }),
          )
        else nipLessKeys.set(key, row)
      }

      if (rowErrors.length > 0) {
        for (const error of rowErrors) errors.add(error)
      } else if (validation.ok && unit.ok) {
        await spool.push({ r: row, rec: validation.record, u: unit.key, s: superiorNip })
      }
      if (rowsRead % 1000 === 0) report({ rowsRead })
    }

    try {
      for (const row of rest) await readRow(row)
      for (;;) {
        const next = await rows.next()
        if (next.done) break
        await readRow(next.value)
      }
    } finally {
      await rows.return?.(undefined)
    }
    report({ rowsRead, rowsTotal: rowsRead, bytesRead: bytesTotal })

    /* ---------------- 2. validating: duplicates and superiors ---------------- */
    report({ phase: 'validating' })
    nips.seal()
    for (const [entry, first] of nips.duplicates())
      errors.add(
        rowError(nips.row[entry] ?? 0, nipHeader, 'employee.nip_duplicate_in_file', {
          firstRow: nips.row[first] ?? 0,
        }),
      )
    const inFile = (nip: string) => nips.findNip(nip) !== -1
    const outside = new Set<string>()
    for (let entry = 0; entry < nips.count; entry++) {
      if (nips.superiorEntry(entry) !== -1) continue
      const superiorNip = nips.superiorNip(entry)
      if (superiorNip) outside.add(superiorNip)
    }
    for (const [, superiorNip] of nipLessSuperiors) if (!inFile(superiorNip)) outside.add(superiorNip)
    const existingSuperiors = new Map(
      (await importRepository.findLinksByNips(db, agencyId, [...outside])).map((link) => [
        link.nip ?? '',
        link,
      ]),
    )
    outside.clear()
    for (let entry = 0; entry < nips.count; entry++) {
      if (nips.superiorEntry(entry) !== -1) continue
      const superiorNip = nips.superiorNip(entry)
      if (superiorNip && !existingSuperiors.has(superiorNip))
        errors.add(rowError(nips.row[entry] ?? 0, superiorHeader, 'employee.superior_not_found'))
    }
    for (const [row, superiorNip] of nipLessSuperiors) {
      if (inFile(superiorNip) || existingSuperiors.has(superiorNip)) continue
      errors.add(rowError(row, superiorHeader, 'employee.superior_not_found'))
    }
    for (const row of await superiorCycles(db, agencyId, nips, existingSuperiors))
      errors.add(rowError(row, superiorHeader, 'employee.superior_cycle'))

    // Ids of superiors named in the file: the existing employee's, or the id the new row will get.
    const referenced = new Set<string>()
    for (let entry = 0; entry < nips.count; entry++) {
      const superior = nips.superiorEntry(entry)
      if (superior !== -1) referenced.add(nips.nip(superior))
    }
    for (const [, superiorNip] of nipLessSuperiors) if (inFile(superiorNip)) referenced.add(superiorNip)
    const idByNip = new Map<string, string>()
    for (const link of await importRepository.findLinksByNips(db, agencyId, [...referenced]))
      if (link.nip) idByNip.set(link.nip, link.id)
    const newSuperiorIds = new Set<string>()
    for (const nip of referenced) {
      if (idByNip.has(nip)) continue
      // Flat copies: a fresh UUID string is a chain of pieces, heavy when kept for the whole run.
      const id = ownCopy(newId())
      idByNip.set(nip, id)
      newSuperiorIds.add(id)
    }
    for (const [nip, link] of existingSuperiors) idByNip.set(nip, link.id)
    referenced.clear()
    nipLessKeys.clear()

    /* ---------------- 3. planning / writing ---------------- */
    const hasSuperiorColumn = columns.superiorNip !== undefined
    const written = new Set<EmployeeField>(recordFieldsOf.filter((field) => columns[field] !== undefined))
    const commit = !options.dryRun && errors.count === 0
    const changes: ImportChanges = { created: 0, updated: 0, unchanged: 0, unitsCreated: units.created.size }

    /**
     * Goes through the valid rows in batches: looks up who exists, counts the changes and (when writing) writes them.
     * Pipelined: the next batch is read and looked up while the current one is being written, so the database and
     * this process work at the same time (the statements still run one after another on the one connection).
     */
    const plan = async (executor: Kysely<Database>, write: boolean) => {
      const now = clock.now().toISOString()
      if (write) await importRepository.insertUnits(executor, units.newUnitRows(agencyId, now))
      const pending = new Set(newSuperiorIds)
      const deferred: { id: string; superiorId: string }[] = []
      const nipLessByUnit = new Map<string, Map<string, EmployeeRow>>()
      const batches = spool.batches(writeBatch)[Symbol.asyncIterator]()
      const lookUp = async () => {
        const next = await batches.next()
        if (next.done) return null
        const batch = next.value
        const nips = batch.map((row) => row.rec.nip).filter((nip): nip is string => nip !== null)
        const found = await importRepository.findEmployeesByNips(executor, nips)
        const nipLessMatches = await matchNipLess(executor, agencyId, batch, units, nipLessByUnit)
        return { batch, existingByNip: new Map(found.map((row) => [row.nip ?? '', row])), nipLessMatches }
      }
      const quiet = <T>(promise: Promise<T>) => {
        // Awaited later; until then a rejection must not count as unhandled.
        promise.catch(() => undefined)
        return promise
      }
      let upcoming = quiet(lookUp())
      let writing: Promise<void> = Promise.resolve()
      let done = 0
      try {
        for (;;) {
          const current = await upcoming
          if (!current) break
          upcoming = quiet(lookUp())
          const { batch, existingByNip, nipLessMatches } = current
          const inserts: EmployeeRow[] = []
          const updates: { row: EmployeeRow; patch: employeesRepository.EmployeePatch }[] = []
          for (const planned of batch) {
            const record = planned.rec
            const existing = record.nip ? existingByNip.get(record.nip) : nipLessMatches.get(planned.r)
            if (existing && existing.agencyId !== agencyId) {
              errors.add(rowError(planned.r, nipHeader, 'employee.nip_taken_by_other_agency'))
              continue
            }
            const unitId = units.idOf(planned.u)
            let superiorId: string | null | undefined = hasSuperiorColumn ? null : undefined
            if (planned.s) superiorId = idByNip.get(planned.s) ?? null
            const id = existing?.id ?? (record.nip ? idByNip.get(record.nip) : undefined) ?? newId()
            // A superior written after this row (further down the file) is set once every row is in; one
            // earlier in the file, even in this batch, is inserted before (or in the same statement as) this row.
            const holdSuperior = superiorId && pending.has(superiorId) ? superiorId : null
            if (!existing) {
              changes.created += 1
              inserts.push({
                ...employeeColumns(record),
                id,
                agencyId,
                unitId,
                superiorId: holdSuperior ? null : (superiorId ?? null),
                createdAt: now,
                updatedAt: now,
              })
              pending.delete(id)
            } else {
              const patch = changedColumns(existing, record, written, unitId, superiorId)
              if (!patch) {
                changes.unchanged += 1
              } else {
                changes.updated += 1
                if (holdSuperior && 'superiorId' in patch) patch.superiorId = null
                updates.push({ row: existing, patch: { ...patch, updatedAt: now } })
              }
            }
            if (holdSuperior) deferred.push({ id, superiorId: holdSuperior })
          }
          // Writes run in order, one batch after the other, while the next batch is read and looked up.
          const previous = writing
          writing = quiet(
            (async () => {
              await previous
              if (!write || errors.count > 0) return
              await importRepository.insertEmployeesInBulk(executor, inserts)
              for (const update of updates)
                await employeesRepository.updateEmployee(executor, update.row, update.patch)
            })(),
          )
          done += batch.length
          report({ rowsDone: done })
        }
        await writing
      } finally {
        // Never leave a statement running on the transaction's connection behind an error.
        await Promise.allSettled([upcoming, writing])
      }
      if (write && errors.count === 0) {
        await importRepository.setSuperiors(executor, deferred)
      }
    }

    if (commit) {
      report({ phase: 'writing', rowsDone: 0 })
      try {
        await db.transaction().execute(async (trx) => {
          await employeesRepository.lockSuperiors(trx, agencyId)
          await plan(trx, true)
          if (errors.count > 0) throw new RollBack()
          await recordAuditEvent(trx, clock, options.auditActor, {
            action: 'employee.imported',
            entityType: 'employee_import',
            entityId: options.importId ?? null,
            agencyId,
            summary: {
              fileName: options.fileName,
              fileType,
              checksum,
              rows: rowsRead,
              ...changes,
              createMissingUnits: options.createMissingUnits,
            },
          })
        })
      } catch (error) {
        if (!(error instanceof RollBack)) throw error
      }
    } else {
      report({ rowsDone: 0 })
      await plan(db, false)
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
    await spool.dispose()
  }
}

const employeeColumns = (record: EmployeeRecord): Omit<EmployeeColumns, 'unitId' | 'superiorId'> => ({
  kind: record.kind,
  nip: record.nip,
  nik: record.nik,
  name: record.name,
  frontTitle: record.frontTitle,
  backTitle: record.backTitle,
  gender: record.gender,
  birthDate: record.birthDate,
  grade: record.grade,
  positionType: record.positionType,
  positionTitle: record.positionTitle,
  status: record.status,
  email: record.email,
  phone: record.phone,
  whatsapp: record.whatsapp,
  searchName: searchNameOf(record),
})

/** What an update changes (only fields whose column is in the file), or null when nothing does. */
function changedColumns(
  existing: EmployeeRow,
  record: EmployeeRecord,
  written: ReadonlySet<EmployeeField>,
  unitId: string,
  superiorId: string | null | undefined,
): employeesRepository.EmployeePatch | null {
  const patch: Record<string, unknown> = {}
  const next = employeeColumns(record)
  for (const field of recordFieldsOf) {
    const derived =
      (field === 'gender' || field === 'birthDate') && record.nip !== null && next[field] !== null
    if (!written.has(field) && !derived) continue
    if (existing[field] !== next[field]) patch[field] = next[field]
  }
  if (existing.unitId !== unitId) patch.unitId = unitId
  if (superiorId !== undefined && existing.superiorId !== superiorId) patch.superiorId = superiorId
  if ('name' in patch || 'frontTitle' in patch || 'backTitle' in patch) {
    const searchName = searchNameOf({
      name: (patch.name as string | undefined) ?? existing.name,
      frontTitle: 'frontTitle' in patch ? (patch.frontTitle as string | null) : existing.frontTitle,
      backTitle: 'backTitle' in patch ? (patch.backTitle as string | null) : existing.backTitle,
    })
    if (searchName !== existing.searchName) patch.searchName = searchName
  }
  return Object.keys(patch).length > 0 ? patch : null
}

/** Existing employees the NIP-less rows of a batch are (by NIK, else name + unit + birth date), by row number. */
async function matchNipLess(
  db: Kysely<Database>,
  agencyId: string,
  batch: readonly PlannedRow[],
  units: UnitIndex,
  byUnit: Map<string, Map<string, EmployeeRow>>,
): Promise<Map<number, EmployeeRow>> {
  const matches = new Map<number, EmployeeRow>()
  const nipLess = batch.filter((row) => row.rec.nip === null)
  if (nipLess.length === 0) return matches
  const niks = nipLess.map((row) => row.rec.nik).filter((nik): nik is string => nik !== null)
  const byNik = new Map(
    (await importRepository.findEmployeesWithoutNipByNiks(db, agencyId, niks)).map((row) => [
      row.nik ?? '',
      row,
    ]),
  )
  const unitIds = [
    ...new Set(
      nipLess
        .filter((row) => row.rec.nik === null && !row.u.startsWith('new:'))
        .map((row) => units.idOf(row.u))
        .filter((id) => !byUnit.has(id)),
    ),
  ]
  for (const id of unitIds) byUnit.set(id, new Map())
  for (const row of await importRepository.findEmployeesWithoutNipInUnits(db, agencyId, unitIds))
    byUnit.get(row.unitId)?.set(`${unitNameKey(row.name)}|${row.birthDate ?? ''}`, row)
  for (const row of nipLess) {
    const match = row.rec.nik
      ? byNik.get(row.rec.nik)
      : byUnit.get(units.idOf(row.u))?.get(`${unitNameKey(row.rec.name)}|${row.rec.birthDate ?? ''}`)
    if (match) matches.set(row.r, match)
  }
  return matches
}

/**
 * Rows whose superior links, after the import, would lead back to themselves. Links come from the file for
 * employees in it and from the roster for everyone else (walked upwards in batches until the chain re-enters the
 * file or ends). Returns the row numbers of the employees on a cycle.
 */
async function superiorCycles(
  db: Kysely<Database>,
  agencyId: string,
  nips: NipIndex,
  existingSuperiors: ReadonlyMap<string, importRepository.EmployeeLink>,
): Promise<number[]> {
  // Existing chains above the superiors outside the file.
  const links = new Map<string, importRepository.EmployeeLink>()
  for (const link of existingSuperiors.values()) links.set(link.id, link)
  let missing = new Set(
    [...existingSuperiors.values()]
      .map((link) => link.superiorId)
      .filter((id): id is string => id !== null && !links.has(id)),
  )
  for (let round = 0; missing.size > 0 && round < 10_000; round++) {
    const found = await importRepository.findLinksByIds(db, agencyId, [...missing])
    for (const link of found) links.set(link.id, link)
    for (const id of missing) if (!links.has(id)) links.set(id, { id, nip: null, superiorId: null })
    const next = new Set<string>()
    for (const link of found) {
      if (link.nip && nips.findNip(link.nip) !== -1) continue
      if (link.superiorId && !links.has(link.superiorId)) next.add(link.superiorId)
    }
    missing = next
  }
  /** The entry of the first employee of the file reached going up from an existing employee outside it. */
  const exitTarget = (start: importRepository.EmployeeLink): number => {
    const visited = new Set<string>()
    let current = start
    for (;;) {
      if (!current.superiorId || visited.has(current.superiorId)) return -1
      visited.add(current.superiorId)
      const above = links.get(current.superiorId)
      if (!above) return -1
      const entry = above.nip ? nips.findNip(above.nip) : -1
      if (entry !== -1) return entry
      current = above
    }
  }
  const exits = new Map<string, number>()
  /** Where the link of an entry leads: another entry, or -1 (no superior, or a chain that leaves the file). */
  const nextOf = (entry: number): number => {
    const inFile = nips.superiorEntry(entry)
    if (inFile !== -1) return inFile
    const superiorNip = nips.superiorNip(entry)
    const existing = superiorNip ? existingSuperiors.get(superiorNip) : undefined
    if (!superiorNip || !existing) return -1
    let target = exits.get(superiorNip)
    if (target === undefined) {
      target = exitTarget(existing)
      exits.set(superiorNip, target)
    }
    return target
  }
  // 1 = on the current trail, 2 = done. Repeated NIPs lead nowhere new: the first row stands for its NIP.
  const state = new Uint8Array(nips.count)
  const onCycle: number[] = []
  const trail: number[] = []
  for (let start = 0; start < nips.count; start++) {
    if (state[start] !== 0) continue
    trail.length = 0
    let current = start
    while (current !== -1 && state[current] === 0) {
      state[current] = 1
      trail.push(current)
      current = nextOf(current)
    }
    if (current !== -1 && state[current] === 1)
      for (const entry of trail.slice(trail.indexOf(current))) onCycle.push(nips.row[entry] ?? 0)
    for (const entry of trail) state[entry] = 2
  }
  return onCycle
}

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

/* ------------------------------------------------------------------------------------------------------------
 * Imports through the API: upload, background runs with progress, reports kept with the upload
 * ---------------------------------------------------------------------------------------------------------- */

/** Largest accepted upload (a 50 MB spreadsheet with room to spare). */
export const maxUploadBytes = 60 * 1024 * 1024
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

/**
 * Streams an upload to a file, hashing it, with backpressure. Past `maxUploadBytes` it fails with
 * `request.too_large` and keeps draining the rest unread (so the client still gets the 413 answer).
 */
function receiveUpload(body: Readable, file: string, hash: ReturnType<typeof createHash>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const out = createWriteStream(file)
    let size = 0
    let settled = false
    let ended = false
    const detach = () => {
      body.off('data', onData)
      body.off('end', onEnd)
      body.off('error', fail)
      body.off('close', onClose)
    }
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      detach()
      out.destroy()
      body.resume()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxUploadBytes)
        return fail(new DomainError('request.too_large', { maxBytes: maxUploadBytes }))
      hash.update(chunk)
      if (!out.write(chunk)) {
        body.pause()
        out.once('drain', () => body.resume())
      }
    }
    const onEnd = () => {
      ended = true
      detach()
      out.end(() => {
        if (settled) return
        settled = true
        resolve(size)
      })
    }
    const onClose = () => {
      if (!ended) fail(new Error('upload aborted'))
    }
    out.once('error', fail)
    body.on('data', onData)
    body.once('end', onEnd)
    body.once('error', fail)
    body.once('close', onClose)
  })
}

export interface ImportServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** Where uploads wait for their runs (DATA_DIR/imports). */
  readonly uploadDir: string
  readonly logger?: { error(object: object, message: string): void }
}

export function createEmployeeImportService({ db, clock, uploadDir, logger }: ImportServiceDeps) {
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
      const hash = createHash('sha256')
      try {
        const size = await receiveUpload(body, file, hash)
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
          checksum: hash.digest('hex'),
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
