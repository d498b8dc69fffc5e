import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/** 1 while the account holds a temporary (generated or reset) password that must be replaced at next sign-in. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .alterTable('users')
    .addColumn('password_must_change', t.flag, (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_must_change').execute()
}
