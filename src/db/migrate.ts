import { Migrator, type Kysely, type MigrationResult } from 'kysely'
import { migrations } from './migrations/index.js'

export interface MigrationReport {
  readonly applied: string[]
  readonly error?: unknown
}

function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } })
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : JSON.stringify(error))

const names = (results: MigrationResult[] | undefined, status: MigrationResult['status']) =>
  (results ?? []).filter((result) => result.status === status).map((result) => result.migrationName)

/** Applies every pending migration in one go; throws when one fails (that migration is rolled back). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest()
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
  const { error, results } = await migratorFor(db).migrateDown()
  if (error) throw new Error(`Rollback failed: ${describe(error)}`, { cause: error })
  return names(results, 'Success')
}
