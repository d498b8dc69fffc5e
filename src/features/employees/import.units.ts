/**
 * Which unit a spreadsheet row names: by `KODE UNOR`, else by name (told apart by `UNOR INDUK` when several active
 * units share it). With `createMissingUnits`, a unit that does not exist is planned once (the same name or code in
 * many rows is one unit) and written by the import's transaction before the first employee placed in it:
 * under the unit named in `UNOR INDUK` when that names exactly one active unit, else at the top level; its kind
 * guessed from the name (Dinas/Badan… → opd, Kecamatan, Kelurahan/Desa, SD/SMP… → sekolah, UPT/Puskesmas,
 * Bidang/Bagian/Seksi), else `other`; its code is `KODE UNOR` when given.
 */
import type { UnitKind } from '../../domain/employee-fields.js'
import { childPath, depthOf, rootPath } from '../../domain/unit-tree.js'
import type { UnitRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { detached } from './import.cells.js'
import { rowError, type ColumnMap } from './import.mapping.js'
import type { ImportUnit } from './import.repository.js'
import { defaultColumnHeaders, type ImportRowError } from './import.schema.js'

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

interface NewUnit {
  readonly id: string
  readonly name: string
  readonly code: string | null
  readonly kind: UnitKind
  readonly parent: ImportUnit | null
}

export type UnitResolution =
  { readonly ok: true; readonly key: string } | { readonly ok: false; readonly error: ImportRowError }

/** The unit cells of a row. */
export interface UnitCells {
  readonly name: string | null
  readonly code: string | null
  readonly parent: string | null
}

/** The units of one agency, looked up in memory (an agency has at most a few thousand). */
export class UnitIndex {
  private readonly byCode = new Map<string, ImportUnit>()
  private readonly byName = new Map<string, ImportUnit[]>()
  private readonly byId = new Map<string, ImportUnit>()
  /** Units to create, by key (`new:code:…` or `new:name:…`). */
  readonly created = new Map<string, NewUnit>()
  /** How many of `created` were handed out by `takeNewUnitRows`. */
  private written = 0

  constructor(units: readonly ImportUnit[]) {
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
  private under(list: readonly ImportUnit[], ancestorName: string) {
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

  private soleActive(name: string): ImportUnit | null {
    const active = (this.byName.get(unitNameKey(name)) ?? []).filter((unit) => unit.deactivatedAt === null)
    return active.length === 1 ? (active[0] ?? null) : null
  }

  /** Resolutions by the unit cells (a file names a few thousand units at most, in rows by the million). */
  private readonly resolved = new Map<string, UnitResolution>()

  /** The unit of a row: an existing unit's id, or the key of a unit to create (`new:…`), or the row error. */
  resolve(row: number, columns: ColumnMap, cells: UnitCells, createMissing: boolean): UnitResolution {
    const cacheKey = `${cells.code ?? ''}\u0000${cells.name ?? ''}\u0000${cells.parent ?? ''}`
    const known = this.resolved.get(cacheKey)
    if (known) return known
    const resolution = this.resolveCells(row, columns, cells, createMissing)
    // Errors carry their row: only successes are reused.
    if (resolution.ok) this.resolved.set(detached(cacheKey), resolution)
    return resolution
  }

  private resolveCells(
    row: number,
    columns: ColumnMap,
    cells: UnitCells,
    createMissing: boolean,
  ): UnitResolution {
    const nameHeader = columns.unit?.header ?? defaultColumnHeaders.unit[0] ?? 'UNOR'
    const codeHeader = columns.unitCode?.header ?? defaultColumnHeaders.unitCode[0] ?? 'KODE UNOR'
    const fail = (column: string, code: ImportRowError['code'], reason?: string) => ({
      ok: false as const,
      error: rowError(row, column, code, { reason, field: 'unit' }),
    })
    const found = (unit: ImportUnit, column: string): UnitResolution =>
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
    const key = detached(`new:${code ? `code:${code.toLowerCase()}` : `name:${unitNameKey(name)}`}`)
    if (!this.created.has(key)) {
      this.created.set(key, {
        id: newId(),
        name: detached(name.replace(/\s+/g, ' ').trim()),
        code: code === null ? null : detached(code),
        kind: guessUnitKind(name),
        parent: parentName ? this.soleActive(parentName) : null,
      })
    }
    return key
  }

  /** The unit id of a resolution key. */
  idOf(key: string): string {
    return this.created.get(key)?.id ?? key
  }

  /** Rows of the units planned since the last call (they must be written before employees placed in them). */
  takeNewUnitRows(agencyId: string, now: string): UnitRow[] {
    const rows = [...this.created.values()].slice(this.written).map((unit): UnitRow => {
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
    this.written = this.created.size
    return rows
  }
}
