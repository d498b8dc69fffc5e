/** Starting the real Netra app (bench/servers/app.ts) the way every bench needs it. */
import type { BenchDatabase } from './database.js'
import { startServer, type RunningServer } from './child.js'

/** Plenty for any run: the global limiter keys on the client IP and every autocannon connection is 127.0.0.1. */
export const unlimitedRate = '1000000000'

export interface AppServerOptions {
  readonly label?: string
  /** The bench's temp dir: the app's DATA_DIR (SQLite file, generated session secret). */
  readonly dataDir: string
  readonly database: BenchDatabase
  readonly logLevel: 'info' | 'silent' | 'warn' | 'debug'
  /** Where the app's log goes (default /dev/null). */
  readonly logFile?: string
  /** Employee-only accounts created before listening (lib/accounts.ts). */
  readonly seedEmployees?: number
  /** More environment (e.g. SQLITE_SYNCHRONOUS). */
  readonly env?: Readonly<Record<string, string>>
}

export function startApp(options: AppServerOptions): Promise<RunningServer> {
  return startServer({
    script: 'app.ts',
    label: options.label ?? 'app',
    args: [
      ...(options.logFile ? [`--log-file=${options.logFile}`] : []),
      ...(options.seedEmployees ? [`--seed-employees=${options.seedEmployees}`] : []),
    ],
    env: {
      DATA_DIR: options.dataDir,
      LOG_LEVEL: options.logLevel,
      RATE_LIMIT_PER_MINUTE: unlimitedRate,
      LOGIN_RATE_LIMIT_PER_MINUTE: unlimitedRate,
      ...options.database.env,
      ...options.env,
    },
  })
}
