import type { Config } from '../../config.js'
import { createContext } from '../../context.js'
import { bootstrapFirstStart, seedDemo } from '../../features/demo/demo.service.js'
import { createLogger } from '../../platform/logger.js'
import type { CommandResult } from '../output.js'

/**
 * Creates the demo (agency, unit tree and employees, elections; idempotent) and, on a database without accounts,
 * the first administrator.
 */
export async function runSeed(config: Config): Promise<CommandResult> {
  const context = await createContext(config, { logger: createLogger('warn') })
  try {
    const { agency, roster, elections } = await seedDemo(context.database.db, context.clock)
    const first = await bootstrapFirstStart(context.database.db, context.clock, {
      adminPassword: config.bootstrap.adminPassword,
      demoSeed: true,
    })
    const lines = [
      `demo agency ready: ${agency.name} (${agency.slug})`,
      `roster: ${roster.units} units, ${roster.employees} employees; elections: ${elections.created} created, ${elections.existing} already there`,
    ]
    if (first) {
      const password = first.admin.passwordFromEnv ? '(from NETRA_ADMIN_PASSWORD)' : first.admin.password
      lines.push(`first administrator: ${first.admin.username} / ${password}`)
    }
    return { exitCode: 0, lines }
  } finally {
    await context.close()
  }
}
