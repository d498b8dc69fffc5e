/** The unit tree (materialised paths) of each agency. */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import { isPostgres } from '../../db/database.js'
import type { Database, UnitRow } from '../../db/tables.js'

/** `LIKE` pattern for "this path and everything below it" (paths hold ids and slashes; escaped anyway). */
export const subtreePattern = (path: string): string => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** `units.path` lies in one of the subtrees (`null`: no restriction). */
export function unitPathWithin(
  eb: ExpressionBuilder<Database, 'units'>,
  paths: readonly string[] | null,
): Expression<SqlBool> {
  if (paths === null) return sql<SqlBool>`1 = 1`
  if (paths.length === 0) return sql<SqlBool>`1 = 0`
  return eb.or(paths.map((path) => sql<SqlBool>`units.path like ${subtreePattern(path)} escape '\\'`))
}

/**
 * Serialises changes to one agency's tree on PostgreSQL (moves read paths and rewrite them; two concurrent moves
 * could otherwise build a cycle). SQLite runs one write transaction at a time already.
 */
export async function lockUnitTree(db: Kysely<Database>, agencyId: string): Promise<void> {
  if (isPostgres(db))
    await sql`select pg_advisory_xact_lock(hashtextextended(${`units:${agencyId}`}, 0))`.execute(db)
}

export const findUnitById = (db: Kysely<Database>, id: string): Promise<UnitRow | undefined> =>
  db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()

export const findUnitsByIds = (db: Kysely<Database>, ids: readonly string[]): Promise<UnitRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('units').selectAll().where('id', 'in', ids).execute()

export const findUnitByCode = (db: Kysely<Database>, agencyId: string, code: string) =>
  db
    .selectFrom('units')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst()

/** Every unit of the agency inside the given subtrees (null: all), optionally only active ones. */
export function listUnits(
  db: Kysely<Database>,
  agencyId: string,
  paths: readonly string[] | null,
  options: { includeInactive: boolean },
): Promise<UnitRow[]> {
  let query = db
    .selectFrom('units')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where((eb) => unitPathWithin(eb, paths))
  if (!options.includeInactive) query = query.where('deactivatedAt', 'is', null)
  return query.orderBy('path').execute()
}

/** Active employees per unit of the agency (units without employees are absent). */
export async function countActiveEmployeesByUnit(
  db: Kysely<Database>,
  agencyId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('employees')
    .select((eb) => ['unitId', eb.fn.countAll<number>().as('count')])
    .where('agencyId', '=', agencyId)
    .where('status', '=', 'active')
    .groupBy('unitId')
    .execute()
  return new Map(rows.map((row) => [row.unitId, Number(row.count)]))
}

/** Active employees in the subtree at `path`, and in the unit itself. */
export async function countActiveEmployeesOfSubtree(
  db: Kysely<Database>,
  unit: Pick<UnitRow, 'id' | 'agencyId' | 'path'>,
): Promise<{ own: number; subtree: number }> {
  const row = await db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .select((eb) => [
      eb.fn.countAll<number>().as('subtree'),
      eb.fn.sum<number>(eb.case().when('employees.unitId', '=', unit.id).then(1).else(0).end()).as('own'),
    ])
    .where('employees.agencyId', '=', unit.agencyId)
    .where('employees.status', '=', 'active')
    .where((eb) => unitPathWithin(eb, [unit.path]))
    .executeTakeFirstOrThrow()
  return { own: Number(row.own ?? 0), subtree: Number(row.subtree) }
}

export async function countChildren(db: Kysely<Database>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('parentId', '=', unitId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function insertUnits(db: Kysely<Database>, rows: readonly UnitRow[]): Promise<void> {
  // 14 columns: 500 rows stay far below SQLite's 32,766 bound parameters.
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('units')
      .values(rows.slice(start, start + 500))
      .execute()
}

export type UnitPatch = Partial<
  Pick<
    UnitRow,
    'parentId' | 'code' | 'name' | 'kind' | 'regionCode' | 'headEmployeeId' | 'deactivatedAt' | 'updatedAt'
  >
>

export const updateUnit = (db: Kysely<Database>, id: string, patch: UnitPatch) =>
  db.updateTable('units').set(patch).where('id', '=', id).execute()

/**
 * Moves a subtree: every path under `oldPath` gets `newPath` as its prefix and its depth shifted, in one
 * statement. Returns the number of units rewritten.
 */
export async function rewriteSubtreePaths(
  db: Kysely<Database>,
  agencyId: string,
  oldPath: string,
  newPath: string,
  updatedAt: string,
): Promise<number> {
  const depthShift = newPath.split('/').length - oldPath.split('/').length
  const result = await db
    .updateTable('units')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthShift}`,
      updatedAt,
    })
    .where('agencyId', '=', agencyId)
    .where((eb) => unitPathWithin(eb, [oldPath]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Deactivates the unit at `path` and every active unit below it; returns how many were deactivated. */
export async function deactivateSubtree(
  db: Kysely<Database>,
  agencyId: string,
  path: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('units')
    .set({ deactivatedAt: at, updatedAt: at })
    .where('agencyId', '=', agencyId)
    .where('deactivatedAt', 'is', null)
    .where((eb) => unitPathWithin(eb, [path]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Employees named as unit heads, for views: display fields only. */
export const findHeads = (db: Kysely<Database>, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('employees')
        .innerJoin('units', 'units.id', 'employees.unitId')
        .select([
          'employees.id',
          'employees.agencyId',
          'employees.name',
          'employees.frontTitle',
          'employees.backTitle',
          'employees.positionTitle',
          'units.path as unitPath',
        ])
        .where('employees.id', 'in', ids)
        .execute()

export { isUniqueViolation } from '../../db/errors.js'
