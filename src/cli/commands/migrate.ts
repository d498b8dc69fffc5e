import type { Config } from '../../config.js'
import { createDatabase } from '../../db/database.js'
import { migrateDown, migrateToLatest } from '../../db/migrate.js'
import type { CommandResult } from '../output.js'

export async function runMigrate(config: Config, options: { down: boolean }): Promise<CommandResult> {
  const database = createDatabase(config.database)
  try {
    const names = options.down ? await migrateDown(database.db) : await migrateToLatest(database.db)
    const verb = options.down ? 'rolled back' : 'applied'
    return {
      exitCode: 0,
      lines: [
        names.length
          ? `${verb} ${names.length} migration(s): ${names.join(', ')}`
          : `nothing to do (${database.dialect})`,
      ],
    }
  } finally {
    await database.close()
  }
}
