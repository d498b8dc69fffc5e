/** Reads of the employee export: the list's filtered query, read in pages by keyset (no OFFSET over a million). */
import { sql, type Kysely } from 'kysely'
import type { Database, EmployeeRow } from '../../db/tables.js'
import { filteredEmployees, type EmployeeFilters, type EmployeeScope } from './employees.repository.js'

export interface ExportCursor {
  readonly nameKey: string
  readonly id: string
}

/** The next page after `after`, ordered by lower(name) then id (the list's order). */
export async function findExportPage(
  db: Kysely<Database>,
  scope: EmployeeScope,
  filters: EmployeeFilters,
  after: ExportCursor | null,
  limit: number,
): Promise<(EmployeeRow & { nameKey: string })[]> {
  let query = filteredEmployees(db, scope, filters)
  if (after)
    query = query.where(sql<boolean>`(lower(employees.name), employees.id) > (${after.nameKey}, ${after.id})`)
  return query
    .selectAll('employees')
    .select(sql<string>`lower(employees.name)`.as('nameKey'))
    .orderBy(sql`lower(employees.name)`)
    .orderBy('employees.id')
    .limit(limit)
    .execute()
}

/** NIP and unit of the superiors of a page. */
export const findSuperiorsByIds = (db: Kysely<Database>, agencyId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('employees')
        .select(['id', 'nip', 'unitId'])
        .where('agencyId', '=', agencyId)
        .where('id', 'in', ids)
        .execute()
