/**
 * Employees, their social-media accounts and the name-token index used by search. Every write of a name goes
 * through `insertEmployees` / `updateEmployee`, which keep `employee_name_tokens` in step — callers that write
 * employees (API, import, demo seed) must use them rather than inserting rows themselves. Search and the scope of
 * employee queries are in employee-search.repository.ts, exported from here as well.
 */
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../../db/database.js'
import type { Database, EmployeeRow, EmployeeSocialAccountRow, UnitRow } from '../../db/tables.js'
import { filteredEmployees, nameTokensOf, type EmployeeScope } from './employee-search.repository.js'

export {
  digitUpperBound,
  employeeInScope,
  filteredEmployees,
  nameTokensOf,
  parseEmployeeText,
  searchEmployees,
  tokenUpperBound,
  totalCap,
  type EmployeeFilters,
  type EmployeePage,
  type EmployeeScope,
  type EmployeeText,
} from './employee-search.repository.js'

/* ------------------------------------------------------------------------------------------------------------
 * Name tokens
 * ---------------------------------------------------------------------------------------------------------- */

/** What the token rows copy from an employee. */
export type TokenSource = Pick<
  EmployeeRow,
  'id' | 'agencyId' | 'name' | 'unitId' | 'status' | 'kind' | 'grade' | 'positionType'
>

/** The list order of names: the same `lower(name)` the employees index sorts by. */
export const sortNameOf = (name: string): string => name.toLowerCase()

/** Fields of employees copied into their token rows; changing any of them re-indexes the employee. */
export const tokenFields = ['name', 'unitId', 'status', 'kind', 'grade', 'positionType'] as const

export const tokenRowsOf = (rows: readonly TokenSource[]) =>
  rows.flatMap((row) =>
    nameTokensOf(row.name).map((token) => ({
      agencyId: row.agencyId,
      token,
      sortName: sortNameOf(row.name),
      employeeId: row.id,
      unitId: row.unitId,
      status: row.status,
      kind: row.kind,
      grade: row.grade,
      positionType: row.positionType,
    })),
  )

/** Inserts token rows (`tokenRowsOf`) of employees being written. */
export async function insertNameTokens(
  db: Kysely<Database>,
  rows: ReturnType<typeof tokenRowsOf>,
): Promise<void> {
  // 9 columns × 2,000 rows stays below SQLite's 32,766 bound parameters.
  for (let start = 0; start < rows.length; start += 2000)
    await db
      .insertInto('employeeNameTokens')
      .values(rows.slice(start, start + 2000))
      .execute()
}

/** Rebuilds the token rows of these employees from their current values (e.g. after an import's bulk update). */
export async function reindexEmployeeNames(
  db: Kysely<Database>,
  rows: readonly TokenSource[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500)
    await db
      .deleteFrom('employeeNameTokens')
      .where(
        'employeeId',
        'in',
        batch.map((row) => row.id),
      )
      .execute()
    await insertNameTokens(db, tokenRowsOf(batch))
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * Writes
 * ---------------------------------------------------------------------------------------------------------- */

/** Inserts employees (in batches) and their token rows. Superiors must come before their subordinates. */
export async function insertEmployees(db: Kysely<Database>, rows: readonly EmployeeRow[]): Promise<void> {
  // 23 columns × 500 rows stays below SQLite's 32,766 bound parameters.
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('employees')
      .values(rows.slice(start, start + 500))
      .execute()
  await insertNameTokens(db, tokenRowsOf(rows))
}

export type EmployeePatch = Partial<Omit<EmployeeRow, 'id' | 'agencyId' | 'createdAt'>>

/**
 * Updates one employee (`employee` is its current row); a change of name, unit, status, kind, grade or position
 * type re-indexes its token rows in the same transaction.
 */
export async function updateEmployee(
  db: Kysely<Database>,
  employee: TokenSource,
  patch: EmployeePatch,
): Promise<void> {
  await db.updateTable('employees').set(patch).where('id', '=', employee.id).execute()
  if (tokenFields.some((field) => patch[field] !== undefined))
    await reindexEmployeeNames(db, [{ ...employee, ...patch }])
}

/**
 * Serialises changes of direct superiors inside one agency on PostgreSQL, so two concurrent changes cannot close a
 * cycle that neither saw (SQLite runs one write transaction at a time already).
 */
export async function lockSuperiors(db: Kysely<Database>, agencyId: string): Promise<void> {
  if (isPostgres(db))
    await sql`select pg_advisory_xact_lock(hashtextextended(${`superiors:${agencyId}`}, 0))`.execute(db)
}

/* ------------------------------------------------------------------------------------------------------------
 * Reads
 * ---------------------------------------------------------------------------------------------------------- */

export type EmployeeWithUnit = EmployeeRow & {
  readonly unitPath: string
  readonly unitName: string
  readonly unitKind: string
  readonly unitDeactivatedAt: string | null
}

function withUnit(db: Kysely<Database>) {
  return db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .selectAll('employees')
    .select([
      'units.path as unitPath',
      'units.name as unitName',
      'units.kind as unitKind',
      'units.deactivatedAt as unitDeactivatedAt',
    ])
}

export const findEmployeeById = (db: Kysely<Database>, id: string): Promise<EmployeeWithUnit | undefined> =>
  withUnit(db).where('employees.id', '=', id).executeTakeFirst()

export const findEmployeesByIds = (
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<EmployeeWithUnit[]> =>
  ids.length === 0 ? Promise.resolve([]) : withUnit(db).where('employees.id', 'in', ids).execute()

/** By NIP across every agency (NIP is unique nationally). */
export const findEmployeeByNip = (db: Kysely<Database>, nip: string): Promise<EmployeeWithUnit | undefined> =>
  withUnit(db).where('employees.nip', '=', nip).executeTakeFirst()

/**
 * The chain of direct superiors above an employee, nearest first (the employee itself excluded). A recursive
 * query with UNION stops even on a cycle already in the data.
 */
export async function superiorChainOf(db: Kysely<Database>, employeeId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive chain (id, superior_id, hops) as (
      select id, superior_id, 0 from employees where id = ${employeeId}
      union
      select e.id, e.superior_id, c.hops + 1 from employees e join chain c on e.id = c.superior_id
      where c.hops < 1000
    )
    select id from chain where hops > 0 order by hops`.execute(db)
  return result.rows.map((row) => row.id)
}

/** Active direct subordinates of an employee that the scope covers (a unit admin counts none outside it). */
export async function countSubordinates(
  db: Kysely<Database>,
  scope: EmployeeScope,
  employeeId: string,
): Promise<number> {
  const row = await filteredEmployees(db, scope, { superiorId: employeeId, status: 'active' })
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export const findUnitsByIds = (db: Kysely<Database>, ids: readonly string[]): Promise<UnitRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('units').selectAll().where('id', 'in', ids).execute()

/* ------------------------------------------------------------------------------------------------------------
 * Social-media accounts
 * ---------------------------------------------------------------------------------------------------------- */

export const listSocialAccounts = (db: Kysely<Database>, employeeId: string) =>
  db
    .selectFrom('employeeSocialAccounts')
    .selectAll()
    .where('employeeId', '=', employeeId)
    .orderBy('platform')
    .orderBy('handle')
    .execute()

export const findSocialAccount = (db: Kysely<Database>, employeeId: string, accountId: string) =>
  db
    .selectFrom('employeeSocialAccounts')
    .selectAll()
    .where('employeeId', '=', employeeId)
    .where('id', '=', accountId)
    .executeTakeFirst()

/** Same platform and handle (handles compared without case) on this employee. */
export const findSocialAccountByHandle = (
  db: Kysely<Database>,
  employeeId: string,
  platform: string,
  handle: string,
) =>
  db
    .selectFrom('employeeSocialAccounts')
    .selectAll()
    .where('employeeId', '=', employeeId)
    .where('platform', '=', platform)
    .where(sql`lower(handle)`, '=', handle.toLowerCase())
    .executeTakeFirst()

export const insertSocialAccounts = (db: Kysely<Database>, rows: readonly EmployeeSocialAccountRow[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('employeeSocialAccounts')
        .values([...rows])
        .execute()
        .then(() => undefined)

export const updateSocialAccount = (db: Kysely<Database>, id: string, patch: { isVerified: number }) =>
  db.updateTable('employeeSocialAccounts').set(patch).where('id', '=', id).execute()

export const deleteSocialAccount = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('employeeSocialAccounts').where('id', '=', id).execute()
