/**
 * The composition root shared by the HTTP server and the CLI: database, clock, logger and every feature service.
 * Tests build the same context over a throw-away database (test/support/test-context.ts).
 */
import type { Config } from './config.js'
import type { Clock } from './domain/clock.js'
import { createDatabase, type DatabaseHandle } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { createAgenciesService } from './features/agencies/agencies.service.js'
import { createAuditService } from './features/audit/audit.service.js'
import { createAuthService } from './features/auth/auth.service.js'
import { createUsersService } from './features/auth/users.service.js'
import { systemClock } from './platform/clock.js'
import { createLogger, type Logger } from './platform/logger.js'
import { createSealer } from './platform/sealer.js'

export interface AppContext {
  readonly config: Config
  readonly database: DatabaseHandle
  readonly clock: Clock
  readonly logger: Logger
  readonly services: Services
  close(): Promise<void>
}

export type Services = Awaited<ReturnType<typeof createServices>>

export async function createServices(deps: { database: DatabaseHandle; clock: Clock; config: Config }) {
  const { database, clock, config } = deps
  const db = database.db
  if (!config.sessionSecret) throw new Error('SESSION_SECRET is required (loadConfig generates one)')
  const totpSealer = await createSealer(config.sessionSecret, 'totp')
  return {
    agencies: createAgenciesService({ db, clock }),
    audit: createAuditService({ db }),
    auth: createAuthService({ db, clock, totpSealer, sessionPolicy: config.session }),
    users: createUsersService({ db, clock }),
  }
}

export interface CreateContextOptions {
  readonly clock?: Clock
  readonly logger?: Logger
  readonly database?: DatabaseHandle
  /** Apply pending migrations before building services (default true). */
  readonly migrate?: boolean
}

export async function createContext(config: Config, options: CreateContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const database = options.database ?? createDatabase(config.database)
  const clock = options.clock ?? systemClock
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(database.db)
      if (applied.length > 0) logger.info({ applied }, 'database migrated')
    }
    const services = await createServices({ database, clock, config })
    return {
      config,
      database,
      clock,
      logger,
      services,
      async close() {
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
