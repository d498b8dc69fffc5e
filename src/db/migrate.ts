import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely'
import { isPostgres } from './database.js'
import { migrations } from './migrations/index.js'

export interface MigrationReport {
  readonly applied: string[]
  readonly error?: unknown
}

/**
 * On PostgreSQL the migration bookkeeping tables live in the connection's current schema, named explicitly:
 * Kysely otherwise looks for them in every schema and can mistake another schema's tables for its own.
 */
async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  const provider = { getMigrations: () => Promise.resolve(migrations) }
  if (!isPostgres(db)) return new Migrator({ db, provider })
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const schema = rows[0]?.schema ?? 'public'
  return new Migrator({ db, provider, migrationTableSchema: schema })
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : JSON.stringify(error))

const names = (results: MigrationResult[] | undefined, status: MigrationResult['status']) =>
  (results ?? []).filter((result) => result.status === status).map((result) => result.migrationName)

/** Applies every pending migration in one go; throws when one fails (that migration is rolled back). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await (await migratorFor(db)).migrateToLatest()
  if (error) {
    const failed = names(results, 'Error')
    throw new Error(`Migration failed${failed.length ? ` (${failed.join(', ')})` : ''}: ${describe(error)}`, {
      cause: error,
    })
  }
  return names(results, 'Success')
}

/** Rolls back the newest applied migration. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await (await migratorFor(db)).migrateDown()
  if (error) throw new Error(`Rollback failed: ${describe(error)}`, { cause: error })
  return names(results, 'Success')
}
