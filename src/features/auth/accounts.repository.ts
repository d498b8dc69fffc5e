/** Users and their role assignments. */
import { sql, type Kysely } from 'kysely'
import type { Database, NewUser, RoleAssignmentRow, UserRow, UserUpdate } from '../../db/tables.js'

export const findUserById = (db: Kysely<Database>, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()

export const findUserByUsername = (db: Kysely<Database>, username: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()

export const insertUser = (db: Kysely<Database>, row: NewUser) => db.insertInto('users').values(row).execute()

export const updateUser = (db: Kysely<Database>, id: string, patch: UserUpdate) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute()

/** Compare-and-set on the TOTP time step so a code is accepted once even under concurrent logins. */
export async function advanceTotpTimeStep(
  db: Kysely<Database>,
  id: string,
  previous: number | null,
  next: number,
): Promise<boolean> {
  let query = db.updateTable('users').set({ totpLastTimeStep: next }).where('id', '=', id)
  query =
    previous === null
      ? query.where('totpLastTimeStep', 'is', null)
      : query.where('totpLastTimeStep', '=', previous)
  const result = await query.executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export const listAssignmentsOfUsers = (
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<RoleAssignmentRow[]> =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('roleAssignments')
        .selectAll()
        .where('userId', 'in', userIds)
        .orderBy('createdAt')
        .orderBy('id')
        .execute()

export const insertAssignments = (db: Kysely<Database>, rows: RoleAssignmentRow[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('roleAssignments')
        .values(rows)
        .execute()
        .then(() => undefined)

export const deleteAssignmentsOfUser = (db: Kysely<Database>, userId: string) =>
  db.deleteFrom('roleAssignments').where('userId', '=', userId).execute()

export interface UserSearch {
  readonly agencyIds: readonly string[] | 'all'
  readonly q?: string | undefined
  readonly offset: number
  readonly limit: number
}

export async function searchUsers(db: Kysely<Database>, search: UserSearch) {
  let base = db.selectFrom('users')
  if (search.agencyIds !== 'all') {
    const ids = search.agencyIds.length ? search.agencyIds : ['']
    base = base.where((eb) =>
      eb.or([
        eb('agencyId', 'in', ids),
        eb.exists(
          eb
            .selectFrom('roleAssignments')
            .select('roleAssignments.id')
            .whereRef('roleAssignments.userId', '=', 'users.id')
            .where('roleAssignments.agencyId', 'in', ids),
        ),
      ]),
    )
  }
  if (search.q) {
    const pattern = `%${search.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // ESCAPE makes the backslash an escape character on SQLite too (PostgreSQL's default).
    base = base.where(
      sql<boolean>`(lower(users.username) like ${pattern} escape '\\' or lower(users.display_name) like ${pattern} escape '\\' or lower(coalesce(users.email, '')) like ${pattern} escape '\\')`,
    )
  }
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('username').offset(search.offset).limit(search.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.count) }
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
