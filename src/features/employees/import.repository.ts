/**
 * The SQL of the employee import: lookups in batches (an import touches up to millions of rows, so never one query
 * per row), unit creation and the import records the web polls. The bulk writes of employees are in
 * import-writes.repository.ts.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import { isPostgres } from '../../db/database.js'
import type { Database, EmployeeImportsTable, EmployeeRow, UnitRow } from '../../db/tables.js'

/** Keeps every IN list well below SQLite's 32,766 bound parameters (PostgreSQL gets one array instead). */
export const lookupBatch = 1000

/**
 * Rows whose `column` is one of `values`: on PostgreSQL one `= any($1)` with an array (one parameter, one
 * plan, however many values), on SQLite IN lists of `lookupBatch`.
 */
async function whereIn<R>(
  db: Kysely<Database>,
  values: readonly string[],
  query: (condition: (column: string) => Expression<SqlBool>) => Promise<R[]>,
): Promise<R[]> {
  if (values.length === 0) return []
  if (isPostgres(db)) return query((column) => sql<SqlBool>`${sql.ref(column)} = any(${[...values]}::text[])`)
  const out: R[] = []
  for (let start = 0; start < values.length; start += lookupBatch) {
    const batch = values.slice(start, start + lookupBatch)
    out.push(...(await query((column) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(batch)})`)))
  }
  return out
}

export type ImportUnit = Pick<
  UnitRow,
  'id' | 'parentId' | 'code' | 'name' | 'kind' | 'path' | 'deactivatedAt'
>

/** Every unit of the agency (active or not): an agency has at most a few thousand. */
export const listAgencyUnits = (db: Kysely<Database>, agencyId: string): Promise<ImportUnit[]> =>
  db
    .selectFrom('units')
    .select(['id', 'parentId', 'code', 'name', 'kind', 'path', 'deactivatedAt'])
    .where('agencyId', '=', agencyId)
    .execute()

export async function insertUnits(db: Kysely<Database>, rows: readonly UnitRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('units')
      .values(rows.slice(start, start + 500))
      .execute()
}

/** Employees holding these NIPs in any agency (NIPs are unique nationwide). */
export const findEmployeesByNips = (db: Kysely<Database>, nips: readonly string[]): Promise<EmployeeRow[]> =>
  whereIn(db, nips, (nipIn) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where(() => nipIn('nip'))
      .execute(),
  )

/** Id, NIP and superior of employees of one agency: the links a superior chain is walked along. */
export interface EmployeeLink {
  readonly id: string
  readonly nip: string | null
  readonly superiorId: string | null
}

export const findLinksByNips = (
  db: Kysely<Database>,
  agencyId: string,
  nips: readonly string[],
): Promise<EmployeeLink[]> =>
  whereIn(db, nips, (nipIn) =>
    db
      .selectFrom('employees')
      .select(['id', 'nip', 'superiorId'])
      .where('agencyId', '=', agencyId)
      .where(() => nipIn('nip'))
      .execute(),
  )

export const findLinksByIds = (
  db: Kysely<Database>,
  agencyId: string,
  ids: readonly string[],
): Promise<EmployeeLink[]> =>
  whereIn(db, ids, (idIn) =>
    db
      .selectFrom('employees')
      .select(['id', 'nip', 'superiorId'])
      .where('agencyId', '=', agencyId)
      .where(() => idIn('id'))
      .execute(),
  )

/** Employees without NIP (Non-ASN) of these units: the candidates a NIP-less row may be. */
export const findEmployeesWithoutNipInUnits = (
  db: Kysely<Database>,
  agencyId: string,
  unitIds: readonly string[],
): Promise<EmployeeRow[]> =>
  whereIn(db, unitIds, (unitIn) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('nip', 'is', null)
      .where(() => unitIn('unitId'))
      .execute(),
  )

/** Employees without NIP holding these NIKs in the agency. */
export const findEmployeesWithoutNipByNiks = (
  db: Kysely<Database>,
  agencyId: string,
  niks: readonly string[],
): Promise<EmployeeRow[]> =>
  whereIn(db, niks, (nikIn) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('nip', 'is', null)
      .where(() => nikIn('nik'))
      .execute(),
  )

/* ------------------------------------------------------------------------------------------------------------
 * Import records
 * ---------------------------------------------------------------------------------------------------------- */

export type ImportRecord = Omit<EmployeeImportsTable, never>

export const insertImport = (db: Kysely<Database>, row: ImportRecord) =>
  db.insertInto('employeeImports').values(row).execute()

export const findImportById = (db: Kysely<Database>, id: string): Promise<ImportRecord | undefined> =>
  db.selectFrom('employeeImports').selectAll().where('id', '=', id).executeTakeFirst()

export const updateImport = (
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<ImportRecord, 'id' | 'agencyId' | 'createdAt'>>,
) => db.updateTable('employeeImports').set(patch).where('id', '=', id).execute()

/** Every agency (a handful): the CLI picks the one to import into when none is named. */
export const listAgencies = (db: Kysely<Database>) =>
  db.selectFrom('agencies').select(['id', 'slug', 'name']).orderBy('slug').execute()
