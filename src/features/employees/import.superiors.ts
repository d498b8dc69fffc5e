/**
 * Superiors of an import, once the whole file is read: every `NIP ATASAN` must be a row of the file or an employee
 * of the agency (`employee.superior_not_found`), and the links after the import must not form a cycle
 * (`employee.superior_cycle`), walked through the existing roster too.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { rowError } from './import.mapping.js'
import type { NipTable } from './import.nips.js'
import * as importRepository from './import.repository.js'
import type { RowErrors } from './import.rows.js'

/** Reports superiors named nowhere and links that would close a cycle. */
export async function checkSuperiors(
  db: Kysely<Database>,
  agencyId: string,
  nips: NipTable,
  nipLessSuperiors: readonly (readonly [number, string])[],
  errors: RowErrors,
  superiorHeader: string,
): Promise<void> {
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
}

/**
 * Rows whose superior links, after the import, would lead back to themselves. Links come from the file for
 * employees in it and from the roster for everyone else (walked upwards in batches until the chain re-enters the
 * file or ends). Returns the row numbers of the employees on a cycle.
 */
async function superiorCycles(
  db: Kysely<Database>,
  agencyId: string,
  nips: NipTable,
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
