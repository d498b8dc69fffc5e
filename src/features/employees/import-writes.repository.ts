/**
 * Bulk writes of the employee import: employees with their name tokens (the same token rows employees.repository.ts
 * keeps for every other write) and superior links set after the rows they point to exist. Run inside the import's
 * transaction.
 *
 * PostgreSQL: new employees and name tokens are loaded with COPY on the import's own connection (`openCopySession`,
 * src/db/pg-copy.ts); updates are one `UPDATE … FROM unnest(<one array per column>)` per batch — a few parameters
 * instead of 20 per row. COPY text and array literals are built by `prepare…` while the previous batch is still
 * being written, so the connection never waits for this process to serialise a batch; in an update a column holding
 * one value in every row (timestamps) is sent once as a scalar. SQLite (in-process, no round trips to save):
 * multi-row VALUES within its bound-parameter limit.
 */
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../../db/database.js'
import { copyTextOf, type CopyRows } from '../../db/pg-copy.js'
import type { Database, EmployeeRow } from '../../db/tables.js'
import {
  insertNameTokens,
  tokenFields,
  tokenRowsOf,
  updateEmployee,
  type EmployeePatch,
} from './employees.repository.js'

type Value = string | number | null

/** PostgreSQL types of the columns that are not text. */
const columnTypes: Readonly<Record<string, string>> = {
  birthDate: 'date',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

const needsEscape = /[\\"]/

/** A PostgreSQL array literal (`{"a","b",NULL}`) of text values. */
export function pgArrayLiteral(values: readonly Value[]): string {
  const elements = values.map((value) => {
    if (value === null) return 'NULL'
    const text = String(value)
    return needsEscape.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`
  })
  return `{${elements.join(',')}}`
}

interface ArrayColumn {
  readonly column: string
  /** A `text[]` literal. */
  readonly literal: string
  /** NULLs are sent as empty strings (`nullif` brings them back): see `arrayColumn`. */
  readonly emptyIsNull: boolean
  readonly type: string
}

interface UnnestColumns {
  /** Columns that vary from row to row: `u.<column>` of the unnest. */
  readonly arrays: ArrayColumn[]
  /** Columns with one value in every row. */
  readonly scalars: { readonly column: string; readonly value: Value; readonly type: string }[]
}

/**
 * The array literal of one column. A batch is millions of cells, so the common case allocates nothing per cell:
 * the texts joined by `","` in one go, NULLs as empty strings turned back by `nullif` — sound because the import
 * never writes an empty string (an empty cell is NULL); a column with quotes or backslashes, or with both NULLs and
 * empty strings, takes the general path.
 */
function arrayColumn(column: string, type: string, values: readonly Value[]): ArrayColumn {
  let hasNull = false
  let hasEmpty = false
  let hasEscape = false
  const texts = values.map((value) => {
    if (value === null) {
      hasNull = true
      return ''
    }
    const text = typeof value === 'string' ? value : String(value)
    if (text === '') hasEmpty = true
    else if (needsEscape.test(text)) hasEscape = true
    return text
  })
  if (hasEscape || (hasNull && hasEmpty))
    return { column, literal: pgArrayLiteral(values), emptyIsNull: false, type }
  return { column, literal: `{"${texts.join('","')}"}`, emptyIsNull: hasNull, type }
}

/**
 * Splits rows into per-column array literals and shared scalars; `key` always stays an array. Every row must have
 * the same keys in the same order (rows built by one object literal): values are read with `Object.values`, far
 * cheaper than a lookup by a varying key for millions of cells.
 */
function unnestColumns(rows: readonly object[], key: string): UnnestColumns {
  const [first] = rows
  const columns: UnnestColumns = { arrays: [], scalars: [] }
  if (!first) return columns
  const names = Object.keys(first)
  const byColumn: Value[][] = names.map(() => new Array<Value>(rows.length))
  for (let index = 0; index < rows.length; index++) {
    const values = Object.values(rows[index] ?? {}) as Value[]
    for (let column = 0; column < names.length; column++) {
      const cells = byColumn[column]
      if (cells) cells[index] = values[column] ?? null
    }
  }
  names.forEach((name, column) => {
    const values = byColumn[column] ?? []
    const type = columnTypes[name] ?? 'text'
    const shared = values[0] ?? null
    if (name !== key && values.every((value) => value === shared))
      columns.scalars.push({ column: snakeCase(name), value: shared, type })
    else columns.arrays.push(arrayColumn(snakeCase(name), type, values))
  })
  return columns
}

/** `unnest(<text[] literals>) as u(…)`: every column arrives as text and is cast in `arrayValue`. */
const unnestOf = ({ arrays }: UnnestColumns) =>
  sql`unnest(${sql.join(arrays.map((array) => sql`${array.literal}::text[]`))}) as u(${sql.raw(
    arrays.map((array) => array.column).join(', '),
  )})`

/** The value of an array column of the unnest, NULLs restored and cast to the column's type. */
const arrayValue = (array: ArrayColumn) => {
  const text = array.emptyIsNull ? `nullif(u.${array.column}, '')` : `u.${array.column}`
  return sql.raw(array.type === 'text' ? text : `${text}::${array.type}`)
}

type TokenRow = ReturnType<typeof tokenRowsOf>[number]

/** Token rows in the order of their b-tree (agency, token, sort name, employee). */
const byTokenKey = (a: TokenRow, b: TokenRow): number =>
  compare(a.agencyId, b.agencyId) ||
  compare(a.token, b.token) ||
  compare(a.sortName, b.sortName) ||
  compare(a.employeeId, b.employeeId)
const compare = (left: string, right: string): number => (left === right ? 0 : left < right ? -1 : 1)

/** Writes of one batch, prepared in advance: employees (with any units they need), then their name tokens. */
export interface PreparedWrites {
  readonly employees: () => Promise<void>
  readonly tokens: () => Promise<void>
}

const nothing = () => Promise.resolve()

/** New rows go in with COPY on PostgreSQL: the import's commit always runs in a COPY session (src/db/pg-copy.ts). */
function copyOn(copy: CopyRows | undefined): CopyRows {
  if (!copy) throw new Error('import: writing to PostgreSQL needs a COPY session (RunImportOptions.pool)')
  return copy
}

/**
 * New employees of one batch with their search token rows (`tokenRowsOf` of employees.repository.ts, the same rows
 * every other write produces). Superiors must come before their subordinates. Run inside a transaction.
 * Token rows go in sorted by their b-tree's key, so each statement walks the (wide, covering) index in order
 * instead of at random, while staying next to their employees (the foreign-key checks find them in memory).
 */
export function prepareEmployeeInserts(
  db: Kysely<Database>,
  rows: readonly EmployeeRow[],
  copy?: CopyRows,
): PreparedWrites {
  if (rows.length === 0) return { employees: nothing, tokens: nothing }
  const tokens = tokenRowsOf(rows)
  if (isPostgres(db)) {
    const load = copyOn(copy)
    const employeeText = copyTextOf(rows)
    const tokenText = copyTextOf(tokens.sort(byTokenKey))
    return {
      employees: () => load('employees', employeeText),
      tokens: () => load('employee_name_tokens', tokenText),
    }
  }
  return {
    employees: async () => {
      // 23 columns × 500 rows stays below SQLite's 32,766 bound parameters.
      for (let start = 0; start < rows.length; start += 500)
        await db
          .insertInto('employees')
          .values(rows.slice(start, start + 500))
          .execute()
    },
    tokens: () => insertNameTokens(db, tokens),
  }
}

/** The columns an update writes, always in this order (one shape for `unnestColumns`). */
const updatableColumns = (row: EmployeeRow) => ({
  id: row.id,
  unitId: row.unitId,
  kind: row.kind,
  nip: row.nip,
  nik: row.nik,
  name: row.name,
  frontTitle: row.frontTitle,
  backTitle: row.backTitle,
  gender: row.gender,
  birthDate: row.birthDate,
  grade: row.grade,
  positionType: row.positionType,
  positionTitle: row.positionTitle,
  superiorId: row.superiorId,
  status: row.status,
  email: row.email,
  phone: row.phone,
  whatsapp: row.whatsapp,
  searchName: row.searchName,
  updatedAt: row.updatedAt,
})

/**
 * Updates of one batch: `before` is the employee's current row, `patch` what changes. The name tokens of
 * employees whose name, unit, status, kind, grade or position changes are rebuilt.
 * - PostgreSQL: one `UPDATE … FROM unnest(…)` writing every column of the changed rows, and the tokens in bulk.
 * - SQLite: `updateEmployee` of employees.repository.ts row by row.
 */
export function prepareEmployeeUpdates(
  db: Kysely<Database>,
  updates: readonly { readonly before: EmployeeRow; readonly patch: EmployeePatch }[],
  copy?: CopyRows,
): PreparedWrites {
  if (updates.length === 0) return { employees: nothing, tokens: nothing }
  if (!isPostgres(db))
    return {
      employees: async () => {
        for (const update of updates) await updateEmployee(db, update.before, update.patch)
      },
      tokens: nothing,
    }
  const rows = updates.map(({ before, patch }) => updatableColumns({ ...before, ...patch }))
  const columns = unnestColumns(rows, 'id')
  const assignments = sql.join([
    ...columns.arrays
      .filter((array) => array.column !== 'id')
      .map((array) => sql`${sql.raw(array.column)} = ${arrayValue(array)}`),
    ...columns.scalars.map(
      (scalar) => sql`${sql.raw(scalar.column)} = ${scalar.value}::${sql.raw(scalar.type)}`,
    ),
  ])
  const statement = sql`update employees as e set ${assignments} from ${unnestOf(columns)} where e.id = u.id`
  const reindexed = updates
    .filter(({ patch }) => tokenFields.some((field) => patch[field] !== undefined))
    .map(({ before, patch }) => ({ ...before, ...patch }))
  const ids = pgArrayLiteral(reindexed.map((row) => row.id))
  const tokens = tokenRowsOf(reindexed).sort(byTokenKey)
  const load = copyOn(copy)
  const tokenText = copyTextOf(tokens)
  return {
    employees: async () => {
      await statement.execute(db)
    },
    tokens: async () => {
      if (reindexed.length === 0) return
      await sql`delete from employee_name_tokens where employee_id = any(${ids}::text[])`.execute(db)
      await load('employee_name_tokens', tokenText)
    },
  }
}

/**
 * Sets superiors of rows written before their superior existed (one `UPDATE … FROM unnest` per 5,000 on
 * PostgreSQL, a `CASE` per 500 on SQLite). Only `superior_id` changes, so the name tokens are untouched.
 */
export async function setSuperiors(
  db: Kysely<Database>,
  links: readonly { readonly id: string; readonly superiorId: string }[],
): Promise<void> {
  if (isPostgres(db)) {
    for (let start = 0; start < links.length; start += 5000) {
      const batch = links.slice(start, start + 5000)
      const ids = pgArrayLiteral(batch.map((link) => link.id))
      const superiors = pgArrayLiteral(batch.map((link) => link.superiorId))
      await sql`update employees as e set superior_id = u.superior_id
        from unnest(${ids}::text[], ${superiors}::text[]) as u(id, superior_id) where e.id = u.id`.execute(db)
    }
    return
  }
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
