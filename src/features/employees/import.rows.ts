/**
 * One data row of an import file, judged as it is read: cells → `validateEmployee` input (import.mapping.ts), the
 * record's problems placed on their columns, the unit resolved (import.units.ts), the superior's NIP checked, the
 * NIP registered (a repeated one is an error at once) and rows without NIP (Non-ASN) matched against earlier ones by
 * NIK, else by name + unit + birth date. What cannot be judged before the whole file is read — whether a superior
 * exists and whether the links form a cycle — is left to import.superiors.ts.
 */
import {
  validateEmployee,
  type EmployeeFieldProblem,
  type EmployeeRecord,
} from '../../domain/employee-record.js'
import { normaliseNip, parseNip, type NipRules } from '../../domain/nip.js'
import { detached, type SheetRow } from './import.cells.js'
import { mapRow, rowError, type ColumnMap } from './import.mapping.js'
import type { NipTable } from './import.nips.js'
import {
  defaultColumnHeaders,
  maxListedErrors,
  type ImportField,
  type ImportRowError,
} from './import.schema.js'
import { unitNameKey, type UnitIndex } from './import.units.js'

/** Row errors, listed up to a cap, with the set of rows that have any. */
export class RowErrors {
  readonly listed: ImportRowError[] = []
  readonly rows = new Set<number>()
  count = 0

  add(error: ImportRowError): void {
    this.count += 1
    this.rows.add(error.row)
    if (this.listed.length < maxListedErrors) this.listed.push(error)
  }
}

/** A valid row, ready to be looked up and written. */
export interface PlannedRow {
  /** Spreadsheet row number. */
  readonly row: number
  readonly record: EmployeeRecord
  /** Existing unit id, or the key of a unit to create (`new:<key>`). */
  readonly unitKey: string
  /** The superior's NIP (checked: well-formed, not the row's own). */
  readonly superiorNip: string | null
  /** The row's entry in the NIP table; -1 without NIP. */
  readonly entry: number
}

export interface RowCheckerOptions {
  readonly columns: ColumnMap
  readonly rules: NipRules
  readonly units: UnitIndex
  readonly nips: NipTable
  readonly errors: RowErrors
  readonly createMissingUnits: boolean
}

/** The header of a field's column: the file's, or the default one when the file has none. */
export const columnHeaderOf = (columns: ColumnMap, field: ImportField): string =>
  columns[field]?.header ?? defaultColumnHeaders[field][0] ?? field

export function createRowChecker({
  columns,
  rules,
  units,
  nips,
  errors,
  createMissingUnits,
}: RowCheckerOptions) {
  const columnHeader = (field: ImportField) => columnHeaderOf(columns, field)
  const superiorHeader = columnHeader('superiorNip')
  /** Superiors of rows without NIP: [row, superior NIP]. */
  const nipLessSuperiors: [number, string][] = []
  /** NIP-less rows by NIK or name + unit + birth date → first row. */
  const nipLessKeys = new Map<string, number>()

  /** Superior NIPs checked so far: a head is named by hundreds of rows (bounded: cleared when full). */
  const superiorNips = new Map<string, { ok: true; nip: string } | { ok: false; problem: string }>()
  const parseSuperiorNip = (text: string) => {
    let parsed = superiorNips.get(text)
    if (!parsed) {
      const result = parseNip(text, 'PPPK', { minAppointmentAge: rules.minAppointmentAge })
      parsed = result.ok
        ? { ok: true, nip: detached(result.value.nip) }
        : { ok: false, problem: result.problem }
      if (superiorNips.size >= 50_000) superiorNips.clear()
      superiorNips.set(detached(text), parsed)
    }
    return parsed
  }

  /** The column a record problem is reported on: a NIP mismatch goes to the cell that disagrees with the NIP. */
  const problemColumn = (problem: EmployeeFieldProblem): string => {
    if (problem.code !== 'employee.nip_mismatch') return columnHeader(problem.field)
    if (problem.reason === 'gender') return columnHeader(columns.gender ? 'gender' : 'nip')
    return columnHeader(columns.birthDate ? 'birthDate' : 'nip')
  }

  /** Judges one data row: every problem goes to `errors`; a valid row comes back to be written. */
  function check(sheetRow: SheetRow): PlannedRow | null {
    const { row } = sheetRow
    const mapped = mapRow(row, sheetRow.cells, columns)
    const rowErrors: ImportRowError[] = [...mapped.errors]
    const refused = new Set(mapped.errors.map((error) => error.column))
    const validation = validateEmployee(mapped.input, rules)
    if (!validation.ok) {
      for (const problem of validation.problems) {
        const column = problemColumn(problem)
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
      createMissingUnits,
    )
    if (!unit.ok) rowErrors.push(unit.error)

    let superiorNip: string | null = null
    if (mapped.superiorNip) {
      const parsed = parseSuperiorNip(mapped.superiorNip)
      if (!parsed.ok)
        rowErrors.push(rowError(row, superiorHeader, 'employee.nip_invalid', { reason: parsed.problem }))
      else if (nip && parsed.nip === nip)
        rowErrors.push(rowError(row, superiorHeader, 'employee.superior_cycle', { reason: 'self' }))
      else superiorNip = parsed.nip
    }
    // Whether the superior exists and the links stay acyclic is known once the whole file is read.
    let entry = -1
    if (nip) {
      const added = nips.add(nip, row, superiorNip)
      entry = added.entry
      if (added.first !== -1)
        rowErrors.push(
          rowError(row, columnHeader('nip'), 'employee.nip_duplicate_in_file', {
            firstRow: nips.row[added.first] ?? 0,
          }),
        )
    } else if (superiorNip) nipLessSuperiors.push([row, superiorNip])

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
      else nipLessKeys.set(detached(key), row)
    }

    if (rowErrors.length > 0) {
      for (const error of rowErrors) errors.add(error)
      return null
    }
    if (!validation.ok || !unit.ok) return null
    return { row, record: validation.record, unitKey: unit.key, superiorNip, entry }
  }

  return { check, nipLessSuperiors, nipLessKeys }
}
