/** All SQL of events: events and their target units, files, attendance, quizzes, and the counts behind rates. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type {
  Database,
  EventAttendancesTable,
  EventFilesTable,
  EventQuizQuestionsTable,
  EventQuizResultsTable,
  EventsTable,
  UnitRow,
} from '../../db/tables.js'

export type EventRow = Selectable<EventsTable>
export type EventFileRow = Selectable<EventFilesTable>
export type AttendanceRow = Selectable<EventAttendancesTable>
export type QuizQuestionRow = Selectable<EventQuizQuestionsTable>
export type QuizResultRow = Selectable<EventQuizResultsTable>

/** `LIKE` pattern for "this path and everything below it" (paths hold ids and slashes; escaped anyway). */
const subtreePattern = (path: string): string => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** `column` lies in one of the subtrees (`null`: no restriction; `[]`: nothing). */
function pathWithin(column: string, paths: readonly string[] | null): Expression<SqlBool> {
  if (paths === null) return sql<SqlBool>`1 = 1`
  if (paths.length === 0) return sql<SqlBool>`1 = 0`
  const parts = paths.map((path) => sql<SqlBool>`${sql.ref(column)} like ${subtreePattern(path)} escape '\\'`)
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/* Events ---------------------------------------------------------------------------------------------------- */

export const insertEvent = (db: Kysely<Database>, row: EventRow) =>
  db.insertInto('events').values(row).execute()

export const updateEvent = (db: Kysely<Database>, id: string, patch: Partial<EventRow>) =>
  db.updateTable('events').set(patch).where('id', '=', id).execute()

/** Compare-and-set on the status, so two concurrent transitions cannot both win. */
export async function updateEventStatusIfUnchanged(
  db: Kysely<Database>,
  id: string,
  expected: string,
  patch: Partial<EventRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('events')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Sets the leader's signature only when none is there yet (compare-and-set). */
export async function signEventIfUnsigned(
  db: Kysely<Database>,
  id: string,
  patch: Pick<EventRow, 'leaderSignature' | 'leaderSignedAt' | 'leaderSignedBy' | 'updatedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('events')
    .set(patch)
    .where('id', '=', id)
    .where('leaderSignedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export const findEventById = (db: Kysely<Database>, id: string): Promise<EventRow | undefined> =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()

export interface EventFilter {
  readonly agencyId: string
  readonly kind?: string | undefined
  readonly status?: string | undefined
  readonly electionId?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
}

export function listEvents(db: Kysely<Database>, filter: EventFilter): Promise<EventRow[]> {
  let query = db.selectFrom('events').selectAll().where('agencyId', '=', filter.agencyId)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.electionId) query = query.where('electionId', '=', filter.electionId)
  if (filter.from) query = query.where('startsAt', '>=', filter.from)
  if (filter.to) query = query.where('startsAt', '<', filter.to)
  return query.orderBy('startsAt', 'desc').orderBy('id', 'desc').limit(1000).execute()
}

export async function replaceEventUnits(
  db: Kysely<Database>,
  eventId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('eventUnits').where('eventId', '=', eventId).execute()
  if (unitIds.length > 0)
    await db
      .insertInto('eventUnits')
      .values(unitIds.map((unitId) => ({ eventId, unitId })))
      .execute()
}

/** Target units of these events, with their current path and name. */
export const findEventUnits = (db: Kysely<Database>, eventIds: readonly string[]) =>
  eventIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('eventUnits')
        .innerJoin('units', 'units.id', 'eventUnits.unitId')
        .select(['eventUnits.eventId', 'units.id', 'units.name', 'units.path'])
        .where('eventUnits.eventId', 'in', eventIds)
        .orderBy('units.path')
        .execute()

/* Roster lookups (read only) -------------------------------------------------------------------------------- */

export const findUnitsByIds = (db: Kysely<Database>, ids: readonly string[]): Promise<UnitRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('units')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()

export const findElection = (db: Kysely<Database>, id: string) =>
  db.selectFrom('elections').select(['id', 'agencyId']).where('id', '=', id).executeTakeFirst()

export const findAgency = (db: Kysely<Database>, id: string) =>
  db.selectFrom('agencies').select(['id', 'timeZone']).where('id', '=', id).executeTakeFirst()

const employeeColumns = [
  'employees.id',
  'employees.agencyId',
  'employees.unitId',
  'employees.nip',
  'employees.name',
  'employees.birthDate',
  'employees.status',
  'employees.positionTitle',
  'units.path as unitPath',
] as const

export type EmployeeRef = Awaited<ReturnType<typeof findEmployeesByIds>>[number]

export const findEmployeesByIds = (db: Kysely<Database>, ids: readonly string[]) =>
  db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .select(employeeColumns)
    .where('employees.id', 'in', ids.length === 0 ? [''] : [...ids])
    .execute()

/** Values per IN list: under SQLite's and PostgreSQL's bind-parameter limits however long a sheet is. */
const inListSize = 1000

function chunksOf(values: readonly string[]): string[][] {
  const unique = [...new Set(values)]
  const chunks: string[][] = []
  for (let start = 0; start < unique.length; start += inListSize)
    chunks.push(unique.slice(start, start + inListSize))
  return chunks
}

export async function findEmployeesByNips(db: Kysely<Database>, agencyId: string, nips: readonly string[]) {
  const found = []
  for (const chunk of chunksOf(nips))
    found.push(
      ...(await db
        .selectFrom('employees')
        .innerJoin('units', 'units.id', 'employees.unitId')
        .select(employeeColumns)
        .where('employees.agencyId', '=', agencyId)
        .where('employees.nip', 'in', chunk)
        .execute()),
    )
  return found
}

/* Attendance ------------------------------------------------------------------------------------------------ */

export async function insertAttendances(db: Kysely<Database>, rows: readonly AttendanceRow[]): Promise<void> {
  // Chunks keep PostgreSQL under its bind-parameter limit and SQLite under its own.
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('eventAttendances')
      .values(rows.slice(start, start + 500))
      .execute()
}

export async function findPresentEmployeeIds(
  db: Kysely<Database>,
  eventId: string,
  employeeIds: readonly string[],
): Promise<Set<string>> {
  const present = new Set<string>()
  for (const chunk of chunksOf(employeeIds)) {
    const rows = await db
      .selectFrom('eventAttendances')
      .select('employeeId')
      .where('eventId', '=', eventId)
      .where('employeeId', 'in', chunk)
      .execute()
    for (const row of rows) present.add(row.employeeId)
  }
  return present
}

export const findAttendance = (db: Kysely<Database>, eventId: string, employeeId: string) =>
  db
    .selectFrom('eventAttendances')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('employeeId', '=', employeeId)
    .executeTakeFirst()

export const deleteAttendance = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('eventAttendances').where('id', '=', id).execute()

export const findAttendanceById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('eventAttendances').selectAll().where('id', '=', id).executeTakeFirst()

/** One page of an event's attendance whose check-in unit lies in the scope, with names, in check-in order. */
export const listAttendances = (
  db: Kysely<Database>,
  eventId: string,
  scopePaths: readonly string[] | null,
  page: { readonly offset: number; readonly limit: number },
) =>
  db
    .selectFrom('eventAttendances')
    .innerJoin('employees', 'employees.id', 'eventAttendances.employeeId')
    .innerJoin('units', 'units.id', 'eventAttendances.unitId')
    .select([
      'eventAttendances.eventId',
      'eventAttendances.employeeId',
      'employees.name as employeeName',
      'employees.nip',
      'eventAttendances.unitId',
      'units.name as unitName',
      'eventAttendances.method',
      'eventAttendances.isTargeted',
      'eventAttendances.checkedInAt',
      'eventAttendances.recordedBy',
    ])
    .where('eventAttendances.eventId', '=', eventId)
    .where(pathWithin('eventAttendances.unitPath', scopePaths))
    .orderBy('eventAttendances.checkedInAt')
    .orderBy('eventAttendances.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute()

export async function countAttendancesByEvent(
  db: Kysely<Database>,
  eventIds: readonly string[],
  scopePaths: readonly string[] | null,
): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('eventAttendances')
    .select((eb) => ['eventId', eb.fn.countAll<number>().as('count')])
    .where('eventId', 'in', [...eventIds])
    .where(pathWithin('eventAttendances.unitPath', scopePaths))
    .groupBy('eventId')
    .execute()
  return new Map(rows.map((row) => [row.eventId, Number(row.count)]))
}

/** Attendees per check-in unit path, split by whether they were targeted. */
export async function countAttendedByPath(
  db: Kysely<Database>,
  eventId: string,
  scopePaths: readonly string[] | null,
): Promise<{ unitPath: string; isTargeted: number; count: number }[]> {
  const rows = await db
    .selectFrom('eventAttendances')
    .select((eb) => ['unitPath', 'isTargeted', eb.fn.countAll<number>().as('count')])
    .where('eventId', '=', eventId)
    .where(pathWithin('eventAttendances.unitPath', scopePaths))
    .groupBy(['unitPath', 'isTargeted'])
    .execute()
  return rows.map((row) => ({
    unitPath: row.unitPath,
    isTargeted: Number(row.isTargeted),
    count: Number(row.count),
  }))
}

/** Active employees per current unit path, inside both the target subtrees (null: agency) and the scope. */
export async function countActiveByPath(
  db: Kysely<Database>,
  agencyId: string,
  targetPaths: readonly string[] | null,
  scopePaths: readonly string[] | null,
): Promise<{ unitPath: string; count: number }[]> {
  const rows = await db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .select((eb) => ['units.path as unitPath', eb.fn.countAll<number>().as('count')])
    .where('employees.agencyId', '=', agencyId)
    .where('employees.status', '=', 'active')
    .where(pathWithin('units.path', targetPaths))
    .where(pathWithin('units.path', scopePaths))
    .groupBy('units.path')
    .execute()
  return rows.map((row) => ({ unitPath: row.unitPath, count: Number(row.count) }))
}

/**
 * Active employees per current unit path who attended at least one apel (not cancelled) of the agency where the
 * ikrar was read (optionally of one election).
 */
export async function countIkrarReadByPath(
  db: Kysely<Database>,
  agencyId: string,
  scopePaths: readonly string[] | null,
  electionId: string | undefined,
): Promise<{ unitPath: string; count: number }[]> {
  const rows = await db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .select((eb) => ['units.path as unitPath', eb.fn.countAll<number>().as('count')])
    .where('employees.agencyId', '=', agencyId)
    .where('employees.status', '=', 'active')
    .where(pathWithin('units.path', scopePaths))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('eventAttendances')
          .innerJoin('events', 'events.id', 'eventAttendances.eventId')
          .select('eventAttendances.id')
          .whereRef('eventAttendances.employeeId', '=', 'employees.id')
          .where('events.agencyId', '=', agencyId)
          .where('events.kind', '=', 'apel')
          .where('events.ikrarRead', '=', 1)
          .where('events.status', '!=', 'cancelled')
          .$if(electionId !== undefined, (q) => q.where('events.electionId', '=', electionId ?? '')),
      ),
    )
    .groupBy('units.path')
    .execute()
  return rows.map((row) => ({ unitPath: row.unitPath, count: Number(row.count) }))
}

/** An employee's attendances, newest event first. */
export const listEmployeeAttendances = (db: Kysely<Database>, employeeId: string) =>
  db
    .selectFrom('eventAttendances')
    .innerJoin('events', 'events.id', 'eventAttendances.eventId')
    .select([
      'events.id as eventId',
      'events.kind',
      'events.title',
      'events.startsAt',
      'events.status',
      'events.ikrarRead',
      'eventAttendances.method',
      'eventAttendances.checkedInAt',
    ])
    .where('eventAttendances.employeeId', '=', employeeId)
    .orderBy('events.startsAt', 'desc')
    .execute()

/* Files ----------------------------------------------------------------------------------------------------- */

export const insertFile = (db: Kysely<Database>, row: EventFileRow) =>
  db.insertInto('eventFiles').values(row).execute()

export const findFileById = (db: Kysely<Database>, id: string): Promise<EventFileRow | undefined> =>
  db.selectFrom('eventFiles').selectAll().where('id', '=', id).executeTakeFirst()

export const listFiles = (db: Kysely<Database>, eventId: string): Promise<EventFileRow[]> =>
  db
    .selectFrom('eventFiles')
    .selectAll()
    .where('eventId', '=', eventId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()

export const deleteFile = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('eventFiles').where('id', '=', id).execute()

/** After the targets change: an attendance is targeted when its check-in unit lies in a target (none: all). */
export async function retargetAttendances(
  db: Kysely<Database>,
  eventId: string,
  targetPaths: readonly string[],
): Promise<void> {
  await db
    .updateTable('eventAttendances')
    .set({ isTargeted: targetPaths.length === 0 ? 1 : 0 })
    .where('eventId', '=', eventId)
    .execute()
  if (targetPaths.length > 0)
    await db
      .updateTable('eventAttendances')
      .set({ isTargeted: 1 })
      .where('eventId', '=', eventId)
      .where(pathWithin('eventAttendances.unitPath', targetPaths))
      .execute()
}

/* Quiz ------------------------------------------------------------------------------------------------------ */

/**
 * Takes the event row's write lock until the transaction ends (a no-op update, portable): saving a quiz and storing
 * an answer sheet both take it first, so neither reads the other's half-done state.
 */
export async function lockEvent(db: Kysely<Database>, eventId: string): Promise<void> {
  await db
    .updateTable('events')
    .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
    .where('id', '=', eventId)
    .execute()
}

export const listQuizQuestions = (db: Kysely<Database>, eventId: string): Promise<QuizQuestionRow[]> =>
  db.selectFrom('eventQuizQuestions').selectAll().where('eventId', '=', eventId).orderBy('position').execute()

export async function replaceQuizQuestions(
  db: Kysely<Database>,
  eventId: string,
  rows: readonly QuizQuestionRow[],
): Promise<void> {
  await db.deleteFrom('eventQuizQuestions').where('eventId', '=', eventId).execute()
  if (rows.length > 0)
    await db
      .insertInto('eventQuizQuestions')
      .values([...rows])
      .execute()
}

export async function countQuizResults(db: Kysely<Database>, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('eventQuizResults')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('eventId', '=', eventId)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

export const findQuizResultByAttendance = (db: Kysely<Database>, attendanceId: string) =>
  db
    .selectFrom('eventQuizResults')
    .select(['id', 'answeredAt'])
    .where('attendanceId', '=', attendanceId)
    .executeTakeFirst()

export const insertQuizResult = (db: Kysely<Database>, row: QuizResultRow) =>
  db.insertInto('eventQuizResults').values(row).execute()

export const deleteQuizResultsOfAttendance = (db: Kysely<Database>, attendanceId: string) =>
  db.deleteFrom('eventQuizResults').where('attendanceId', '=', attendanceId).execute()

/** Answer sheets per check-in unit path inside the scope: how many, and the correct and asked answers summed. */
export async function sumQuizScoresByPath(
  db: Kysely<Database>,
  eventId: string,
  scopePaths: readonly string[] | null,
): Promise<{ unitPath: string; answered: number; correct: number; asked: number }[]> {
  const rows = await db
    .selectFrom('eventQuizResults')
    .select((eb) => [
      'unitPath',
      eb.fn.countAll<number>().as('answered'),
      eb.fn.sum<number>('correctCount').as('correct'),
      eb.fn.sum<number>('questionCount').as('asked'),
    ])
    .where('eventId', '=', eventId)
    .where(pathWithin('eventQuizResults.unitPath', scopePaths))
    .groupBy('unitPath')
    .execute()
  return rows.map((row) => ({
    unitPath: row.unitPath,
    answered: Number(row.answered),
    correct: Number(row.correct),
    asked: Number(row.asked),
  }))
}
