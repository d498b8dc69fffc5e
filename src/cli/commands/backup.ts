import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Config } from '../../config.js'
import { createDatabase } from '../../db/database.js'
import { CliError, type CommandResult } from '../output.js'

/** SQLite: an online, consistent copy while Netra keeps running. PostgreSQL: the pg_dump command to use. */
export async function runBackup(config: Config, file: string): Promise<CommandResult> {
  const target = path.resolve(file)
  if (config.database.kind === 'postgres') {
    const url = new URL(config.database.url)
    const hasPassword = url.password !== ''
    url.password = ''
    return {
      exitCode: 0,
      lines: [
        'PostgreSQL is backed up with pg_dump (Netra does not copy a server database itself):',
        `  ${hasPassword ? 'PGPASSWORD=<password> ' : ''}pg_dump --format=custom --no-owner --file=${JSON.stringify(target)} ${JSON.stringify(url.toString())}`,
        'Restore with: pg_restore --clean --no-owner --dbname=<DATABASE_URL> <file>',
      ],
    }
  }
  if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`, 1)
  const database = createDatabase(config.database)
  try {
    if (!database.sqlite) throw new CliError('no SQLite connection', 1)
    const progress = await database.sqlite.backup(target)
    return { exitCode: 0, lines: [`backup written to ${target} (${progress.totalPages} pages)`] }
  } finally {
    await database.close()
  }
}
