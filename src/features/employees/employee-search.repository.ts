/**
 * Employee search (issue #3 target: p95 < 100 ms over 1M employees) and the scope every employee query shares.
 * Search never scans with `LIKE '%x%'`:
 * - digits → NIP prefix as a range `nip >= '1985' AND nip < '1986'` on (agency_id, nip);
 * - words → each word a prefix range on `employee_name_tokens` (agency_id, token, employee_id), the longest word
 *   first (it is usually the rarest), the others as semi-joins; ordered by lower(name) from
 *   (agency_id, lower(name), id).
 * The token rows themselves are written by employees.repository.ts. Its callers import these functions from there.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { Database, EmployeeRow } from '../../db/tables.js'
import { searchNameOf } from '../../domain/employee-record.js'

/** The part of an agency's roster a query may touch (`unitPaths: null` = the whole agency). */
export interface EmployeeScope {
  readonly agencyId: string
  readonly unitPaths: readonly string[] | null
}

/** Totals are exact up to this many matches; beyond it the list says "more than". */
export const totalCap = 10_000

const likePrefix = (path: string): string => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** `employees.unit_id` lies in one of the unit subtrees of the agency. */
function unitIn(
  eb: ExpressionBuilder<Database, 'employees'>,
  agencyId: string,
  paths: readonly string[],
): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`1 = 0`
  return eb(
    'employees.unitId',
    'in',
    eb
      .selectFrom('units')
      .select('units.id')
      .where('units.agencyId', '=', agencyId)
      .where((inner) =>
        inner.or(paths.map((path) => sql<SqlBool>`units.path like ${likePrefix(path)} escape '\\'`)),
      ),
  )
}

/**
 * The scope condition on `employees` (agency + unit subtrees) — for import/export and any query that lists
 * employees: `db.selectFrom('employees').where((eb) => employeeInScope(eb, scope))`.
 */
export function employeeInScope(
  eb: ExpressionBuilder<Database, 'employees'>,
  scope: EmployeeScope,
): Expression<SqlBool> {
  const agency = eb('employees.agencyId', '=', scope.agencyId)
  return scope.unitPaths === null ? agency : eb.and([agency, unitIn(eb, scope.agencyId, scope.unitPaths)])
}

/** Distinct lower-case, accent-free words of a name (titles are not part of `name`). */
export const nameTokensOf = (name: string): string[] => [
  ...new Set(
    searchNameOf({ name, frontTitle: null, backTitle: null })
      .split(' ')
      .filter((word) => word !== ''),
  ),
]

/**
 * The smallest string above every string that starts with `prefix`, in byte order (tokens hold only [0-9a-z];
 * the token column is `collate "C"` on PostgreSQL).
 */
export const tokenUpperBound = (prefix: string): string =>
  `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`

/**
 * The same for digit strings without leaving the digits (`1985` → `1986`, `1989` → `199`; all nines → null), so
 * the range holds under any collation of the `nip` column.
 */
export function digitUpperBound(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '')
  if (trimmed === '') return null
  return `${trimmed.slice(0, -1)}${Number(trimmed.slice(-1)) + 1}`
}

/* ------------------------------------------------------------------------------------------------------------
 * Search
 * ---------------------------------------------------------------------------------------------------------- */

export type EmployeeText = { kind: 'nip'; prefix: string } | { kind: 'name'; words: string[] } | null

/** Digits (with the spaces/dots people type) search the NIP; anything else searches words of the name. */
export function parseEmployeeText(q: string | undefined): EmployeeText {
  const text = q?.trim() ?? ''
  if (text === '') return null
  if (/^[\d\s.-]+$/.test(text) && /\d/.test(text)) return { kind: 'nip', prefix: text.replace(/\D/g, '') }
  const words = nameTokensOf(text).sort((a, b) => b.length - a.length || a.localeCompare(b))
  return words.length === 0 ? null : { kind: 'name', words }
}

export interface EmployeeFilters {
  /** Path of a unit: its employees and those of every unit below it. */
  readonly unitPath?: string | undefined
  readonly kind?: string | undefined
  readonly grade?: string | undefined
  readonly status?: string | undefined
  readonly positionType?: string | undefined
  /**
   * Id of an employee: their direct subordinates only — and none at all unless that employee is inside the scope
   * too (a superior the reader may not see lists nobody).
   */
  readonly superiorId?: string | undefined
  readonly text?: EmployeeText | undefined
}

/** Employees in scope matching the filters: the base of lists, counts and exports. */
export function filteredEmployees(db: Kysely<Database>, scope: EmployeeScope, filters: EmployeeFilters) {
  let query = db.selectFrom('employees')
  const unitPaths = scope.unitPaths
  const superiorId = filters.superiorId
  if (superiorId) {
    // A superior's few direct subordinates drive the query through (superior_id); everything else is checked on
    // them. `agency_id || ''` keeps SQLite (no statistics) from walking one of the agency's indexes instead.
    query = query
      .where((eb) => reportsTo(db, eb, scope, superiorId))
      .where(sql`employees.agency_id || ''`, '=', scope.agencyId)
    if (unitPaths !== null) query = query.where((eb) => unitIn(eb, scope.agencyId, unitPaths))
  } else if (filters.text?.kind !== 'name') query = query.where((eb) => employeeInScope(eb, scope))
  // A name search reaches employees only through the agency's tokens (same agency by construction). Leaving out
  // `employees.agency_id = ?` keeps SQLite from walking the agency's index: the tokens drive the search.
  else if (unitPaths !== null) query = query.where((eb) => unitIn(eb, scope.agencyId, unitPaths))
  if (filters.unitPath) {
    const unitPath = filters.unitPath
    query = query.where((eb) => unitIn(eb, scope.agencyId, [unitPath]))
  }
  if (filters.kind) query = query.where('employees.kind', '=', filters.kind)
  if (filters.grade) query = query.where('employees.grade', '=', filters.grade)
  if (filters.status) query = query.where('employees.status', '=', filters.status)
  if (filters.positionType) query = query.where('employees.positionType', '=', filters.positionType)
  const text = filters.text
  if (text?.kind === 'nip') {
    query = query.where('employees.nip', '>=', text.prefix)
    const upper = digitUpperBound(text.prefix)
    if (upper) query = query.where('employees.nip', '<', upper)
  } else if (text?.kind === 'name') {
    for (const word of text.words)
      query = query.where('employees.id', 'in', (eb) =>
        eb
          .selectFrom('employeeNameTokens')
          .select('employeeNameTokens.employeeId')
          .where('employeeNameTokens.agencyId', '=', scope.agencyId)
          .where('employeeNameTokens.token', '>=', word)
          .where('employeeNameTokens.token', '<', tokenUpperBound(word)),
      )
  }
  return query
}

export interface EmployeePage {
  readonly rows: EmployeeRow[]
  readonly total: number
  readonly totalIsExact: boolean
}

/** Units of the agency under one of the paths (a subquery for `unit_id in (…)`). */
const unitsUnder = (db: Kysely<Database>, agencyId: string, paths: readonly string[]) =>
  db
    .selectFrom('units')
    .select('units.id')
    .where('units.agencyId', '=', agencyId)
    .where((eb) =>
      paths.length === 0
        ? sql<SqlBool>`1 = 0`
        : eb.or(paths.map((path) => sql<SqlBool>`units.path like ${likePrefix(path)} escape '\\'`)),
    )

/**
 * `employees.superior_id = ?`, provided that superior lies inside the scope — a superior the reader may not see
 * lists nobody. The EXISTS is uncorrelated (evaluated once); the (superior_id) index finds the subordinates.
 */
function reportsTo(
  db: Kysely<Database>,
  eb: ExpressionBuilder<Database, 'employees'>,
  scope: EmployeeScope,
  superiorId: string,
): Expression<SqlBool> {
  let superior = db
    .selectFrom('employees as superiors')
    .select('superiors.id')
    .where('superiors.id', '=', superiorId)
    .where('superiors.agencyId', '=', scope.agencyId)
  if (scope.unitPaths !== null)
    superior = superior.where('superiors.unitId', 'in', unitsUnder(db, scope.agencyId, scope.unitPaths))
  return eb.and([eb('employees.superiorId', '=', superiorId), eb.exists(superior)])
}

/**
 * (employeeId, sortName) of the employees whose name has a word starting with each of `words`, inside the scope
 * and filters — read from the token b-tree only. One range per word; several words intersect.
 */
function tokenMatches(
  db: Kysely<Database>,
  scope: EmployeeScope,
  filters: EmployeeFilters,
  words: readonly string[],
) {
  const branch = (word: string, withFilters: boolean) => {
    let query = db
      .selectFrom('employeeNameTokens')
      .select(['employeeNameTokens.employeeId', 'employeeNameTokens.sortName'])
      .where('employeeNameTokens.agencyId', '=', scope.agencyId)
      .where('employeeNameTokens.token', '>=', word)
      .where('employeeNameTokens.token', '<', tokenUpperBound(word))
    if (!withFilters) return query
    if (scope.unitPaths !== null)
      query = query.where('employeeNameTokens.unitId', 'in', unitsUnder(db, scope.agencyId, scope.unitPaths))
    if (filters.unitPath)
      query = query.where(
        'employeeNameTokens.unitId',
        'in',
        unitsUnder(db, scope.agencyId, [filters.unitPath]),
      )
    if (filters.kind) query = query.where('employeeNameTokens.kind', '=', filters.kind)
    if (filters.grade) query = query.where('employeeNameTokens.grade', '=', filters.grade)
    if (filters.status) query = query.where('employeeNameTokens.status', '=', filters.status)
    if (filters.positionType)
      query = query.where('employeeNameTokens.positionType', '=', filters.positionType)
    return query
  }
  const [first = '', ...rest] = words
  if (rest.length === 0) return { kind: 'range', query: branch(first, true) } as const
  let set = branch(first, true)
  for (const word of rest) set = set.intersect(branch(word, false))
  return { kind: 'set', query: set } as const
}

/** Employee ids of one page of a name search, and the total (exact up to `totalCap`). */
async function tokenPage(
  db: Kysely<Database>,
  matches: ReturnType<typeof tokenMatches>,
  page: { offset: number; limit: number },
): Promise<{ ids: string[]; total: number; totalIsExact: boolean }> {
  if (matches.kind === 'set') {
    // Several words: the intersection is a set of (employee, sort key) pairs, usually small — read it once,
    // sorted, up to the cap; only a page beyond the cap needs a second query.
    const sorted = db
      .selectFrom(matches.query.as('matches'))
      .select('matches.employeeId')
      .orderBy('matches.sortName')
      .orderBy('matches.employeeId')
    const head = await sorted.limit(totalCap + 1).execute()
    const total = Math.min(head.length, totalCap)
    const totalIsExact = head.length <= totalCap
    const rows =
      page.offset + page.limit <= head.length || totalIsExact
        ? head.slice(page.offset, page.offset + page.limit)
        : await sorted.offset(page.offset).limit(page.limit).execute()
    return { ids: rows.map((row) => row.employeeId), total, totalIsExact }
  }
  // One word: a range of token rows, where an employee shows up twice when two words of the name start with it
  // ("Sri Sriyani"). Counting the first totalCap + 1 rows is cheap; below the cap the distinct count is exact.
  const counted = await db
    .selectFrom(matches.query.limit(totalCap + 1).as('matches'))
    .select((eb) => [
      eb.fn.countAll<number>().as('rows'),
      eb.fn.count<number>('matches.employeeId').distinct().as('employees'),
    ])
    .executeTakeFirstOrThrow()
  const isExact = Number(counted.rows) <= totalCap
  const total = isExact ? Number(counted.employees) : totalCap
  if (page.offset >= total && isExact) return { ids: [], total, totalIsExact: isExact }
  // Sorted, duplicates sit next to each other: read a little more than the page and drop them (a top-N sort,
  // far cheaper than DISTINCT over every matching row).
  const wanted = page.offset + page.limit
  let fetch = wanted + 16
  for (;;) {
    const rows = await matches.query
      .orderBy('employeeNameTokens.sortName')
      .orderBy('employeeNameTokens.employeeId')
      .limit(fetch)
      .execute()
    const ids = rows
      .map((row) => row.employeeId)
      .filter((id, index, all) => index === 0 || all[index - 1] !== id)
    if (ids.length >= wanted || rows.length < fetch)
      return { ids: ids.slice(page.offset, wanted), total, totalIsExact: isExact }
    fetch *= 2
  }
}

/**
 * One page, ordered by name (or NIP; NIP searches always by NIP), with a total exact up to `totalCap`.
 *
 * Name searches never touch `employees` until the page is known: the token b-tree gives the matching
 * (employee, sort key) pairs within scope and filters, sorted by name; then 25 rows are read by id.
 * Lists without a name search are planned from the capped count, because SQLite keeps no statistics to choose:
 * up to `totalCap` matches of a unit subtree are found through (agency_id, unit_id) and sorted
 * (`lower(name) || ''` keeps the planner off the name index); otherwise the (agency_id, lower(name), id) index is
 * read in order and the filters are checked on the way, which finds a page after about
 * pageSize × employees / matches rows. Counting under status/kind/grade filters reads the covering
 * (agency_id, status, kind, grade, position_type, unit_id) index.
 */
export async function searchEmployees(
  db: Kysely<Database>,
  scope: EmployeeScope,
  filters: EmployeeFilters,
  page: { offset: number; limit: number; sort: 'name' | 'nip' },
): Promise<EmployeePage> {
  const text = filters.text
  // The token rows carry no superior: a list of direct subordinates (a handful of rows, found through the
  // (superior_id) index) takes the plain path below, where the name words are semi-joins on the tokens.
  if (text?.kind === 'name' && page.sort === 'name' && !filters.superiorId) {
    const { ids, ...total } = await tokenPage(db, tokenMatches(db, scope, filters, text.words), page)
    const found = await findRowsByIds(db, ids)
    return { rows: ids.flatMap((id) => found.get(id) ?? []), ...total }
  }

  const base = filteredEmployees(db, scope, filters)
  const counted = await db
    .selectFrom(
      base
        .select('employees.id')
        .limit(totalCap + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  const count = Number(counted.count)
  const isExact = count <= totalCap
  if (page.offset >= count) return { rows: [], total: Math.min(count, totalCap), totalIsExact: isExact }
  const byNip = page.sort === 'nip' || text?.kind === 'nip'
  // Unit subtrees (a filter, or a unit-scoped reader) and a superior can drive a list; status, kind and grade
  // alone cannot.
  const sortMatches =
    isExact &&
    (filters.unitPath !== undefined || scope.unitPaths !== null || filters.superiorId !== undefined)
  const ordered = byNip
    ? base.orderBy(sql`employees.nip asc nulls last`).orderBy('employees.id')
    : base
        .orderBy(sortMatches ? sql`lower(employees.name) || ''` : sql`lower(employees.name)`)
        .orderBy('employees.id')
  const rows = await ordered.selectAll('employees').offset(page.offset).limit(page.limit).execute()
  return { rows, total: Math.min(count, totalCap), totalIsExact: isExact }
}

async function findRowsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, EmployeeRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('employees').selectAll().where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row]))
}
