/**
 * The SQL of the employee import: lookups in batches (an import touches up to millions of rows, so never one query
 * per row), unit creation, superior links set after the rows they point to exist, and the import records the web
 * polls. Employee rows themselves are written through employees.repository.ts (it keeps the name tokens in step).
 */
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../../db/database.js'
import type { Database, EmployeeImportsTable, EmployeeRow, UnitRow } from '../../db/tables.js'
import { insertEmployees, tokenRowsOf } from './employees.repository.js'

/** Keeps every IN list well below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
export const lookupBatch = 1000

async function inBatches<T, R>(
  values: readonly T[],
  query: (batch: T[]) => Promise<R[]>,
  size = lookupBatch,
): Promise<R[]> {
  const out: R[] = []
  for (let start = 0; start < values.length; start += size)
    out.push(...(await query(values.slice(start, start + size))))
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
  inBatches(nips, (batch) => db.selectFrom('employees').selectAll().where('nip', 'in', batch).execute())

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
  inBatches(nips, (batch) =>
    db
      .selectFrom('employees')
      .select(['id', 'nip', 'superiorId'])
      .where('agencyId', '=', agencyId)
      .where('nip', 'in', batch)
      .execute(),
  )

export const findLinksByIds = (
  db: Kysely<Database>,
  agencyId: string,
  ids: readonly string[],
): Promise<EmployeeLink[]> =>
  inBatches(ids, (batch) =>
    db
      .selectFrom('employees')
      .select(['id', 'nip', 'superiorId'])
      .where('agencyId', '=', agencyId)
      .where('id', 'in', batch)
      .execute(),
  )

/** Employees without NIP (Non-ASN) of these units: the candidates a NIP-less row may be. */
export const findEmployeesWithoutNipInUnits = (
  db: Kysely<Database>,
  agencyId: string,
  unitIds: readonly string[],
): Promise<EmployeeRow[]> =>
  inBatches(unitIds, (batch) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('nip', 'is', null)
      .where('unitId', 'in', batch)
      .execute(),
  )

/** Employees without NIP holding these NIKs in the agency. */
export const findEmployeesWithoutNipByNiks = (
  db: Kysely<Database>,
  agencyId: string,
  niks: readonly string[],
): Promise<EmployeeRow[]> =>
  inBatches(niks, (batch) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('nip', 'is', null)
      .where('nik', 'in', batch)
      .execute(),
  )

/** Rows per statement of the PostgreSQL bulk insert (one array per column, so the statement stays tiny). */
const bulkRows = 5000

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** PostgreSQL array types of the columns that are not text. */
const arrayTypes: Readonly<Record<string, string>> = {
  birthDate: 'date[]',
  createdAt: 'timestamptz[]',
  updatedAt: 'timestamptz[]',
}

/**
 * `INSERT INTO table (…) SELECT * FROM unnest($1::text[], …)`: one array per column, whatever the number of rows.
 * Columns are the keys of the rows (code-defined, never user input).
 */
async function insertUnnest(
  db: Kysely<Database>,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const [first] = rows
  if (!first) return
  const keys = Object.keys(first)
  const columns = sql.raw(keys.map(snakeCase).join(', '))
  const arrays = sql.join(
    keys.map((key) => sql`${rows.map((row) => row[key] ?? null)}::${sql.raw(arrayTypes[key] ?? 'text[]')}`),
  )
  await sql`insert into ${sql.raw(table)} (${columns}) select * from unnest(${arrays})`.execute(db)
}

type TokenRow = ReturnType<typeof tokenRowsOf>[number]

/** Token rows in the order of their b-tree (agency, token, sort name, employee). */
const byTokenKey = (a: TokenRow, b: TokenRow): number =>
  compare(a.agencyId, b.agencyId) ||
  compare(a.token, b.token) ||
  compare(a.sortName, b.sortName) ||
  compare(a.employeeId, b.employeeId)
const compare = (left: string, right: string): number => (left === right ? 0 : left < right ? -1 : 1)

/**
 * Inserts new employees with their search token rows (`tokenRowsOf` of employees.repository.ts, the same rows
 * every other write produces). Use inside a transaction.
 * - PostgreSQL: `INSERT … SELECT FROM unnest(<one array per column>)` per 5,000 rows — a few parameters instead of
 *   23 per row, several times faster than multi-row VALUES for a large import. Token rows go in sorted by their
 *   b-tree's key, so each statement walks the (wide, covering) index in order instead of at random (measured:
 *   ~25 % less time for a 350,000-row import).
 * - SQLite: `insertEmployees` itself (in-process, no round trips to save).
 */
export async function insertEmployeesInBulk(
  db: Kysely<Database>,
  rows: readonly EmployeeRow[],
): Promise<void> {
  if (!isPostgres(db)) return insertEmployees(db, rows)
  for (let start = 0; start < rows.length; start += bulkRows) {
    const batch = rows.slice(start, start + bulkRows)
    await insertUnnest(db, 'employees', batch)
    const tokens = tokenRowsOf(batch).sort(byTokenKey)
    for (let from = 0; from < tokens.length; from += bulkRows * 3)
      await insertUnnest(db, 'employee_name_tokens', tokens.slice(from, from + bulkRows * 3))
  }
}

/**
 * Sets superiors in batches with one `CASE` per statement (portable), for rows written before their superior
 * existed. Only `superior_id` changes, so the name tokens are untouched.
 */
export async function setSuperiors(
  db: Kysely<Database>,
  links: readonly { readonly id: string; readonly superiorId: string }[],
): Promise<void> {
  for (let start = 0; start < links.length; start += 500) {
    const batch = links.slice(start, start + 500)
    const cases = sql.join(
      batch.map((link) => sql`when ${link.id} then ${link.superiorId}`),
      sql` `,
    )
    await db
      .updateTable('employees')
      .set({ superiorId: sql<string>`case id ${cases} end` })
      .where(
        'id',
        'in',
        batch.map((link) => link.id),
      )
      .execute()
  }
}

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
