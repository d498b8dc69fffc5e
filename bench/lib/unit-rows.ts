/**
 * Unit rows for bench setups (written in bulk with `insertUnits`): `unit(parent, name, kind)` builds one row with its
 * materialised path and keeps it in `units`, in creation order (parents first).
 */
import type { UnitRow } from '../../src/db/tables.js'
import { childPath, depthOf, rootPath } from '../../src/domain/unit-tree.js'
import { newId } from '../../src/platform/ids.js'

export function unitRows(agencyId: string, now: string) {
  const units: UnitRow[] = []
  const unit = (parent: UnitRow | null, name: string, kind: string): UnitRow => {
    const id = newId()
    const path = childPath(parent?.path ?? rootPath, id)
    const row: UnitRow = {
      id,
      agencyId,
      parentId: parent?.id ?? null,
      code: null,
      name,
      kind,
      regionCode: null,
      headEmployeeId: null,
      path,
      depth: depthOf(path),
      deactivatedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    units.push(row)
    return row
  }
  return { units, unit }
}
