/**
 * The real Netra app under test: loadConfig(env) → createContext → buildApp → listen on 127.0.0.1, a free port.
 * Differences from src/server/main.ts, on purpose: no SPA (API only), no first-start bootstrap, and the log goes
 * to `--log-file` (pino's default asynchronous SonicBoom, the same as main.ts writing to stdout) so the bench
 * parent does not have to drain megabytes of log lines through a pipe.
 *
 * Flags: --log-file=<path> (default /dev/null)  --seed-employees=<n> (employee-only accounts, see lib/accounts.ts)
 */
import pino from 'pino'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import { createAgency } from '../../src/features/agencies/agencies.service.js'
import { systemActor } from '../../src/features/audit/audit.service.js'
import { createAccount } from '../../src/features/auth/users.service.js'
import { createLogger } from '../../src/platform/logger.js'
import { buildApp } from '../../src/server/app.js'
import { benchAgency, benchEmployee } from '../lib/accounts.js'
import { parseArgs } from '../lib/args.js'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

const { flags } = parseArgs(process.argv.slice(2))
const logFile = flags.get('log-file') ?? '/dev/null'
const seedEmployees = Number(flags.get('seed-employees') ?? '0')

const config = loadConfig(process.env)
const logger = createLogger(config.logLevel, pino.destination(logFile))
const context = await createContext(config, { logger })

if (seedEmployees > 0) {
  const started = performance.now()
  const agency = await createAgency(context.database.db, context.clock, systemActor, benchAgency)
  // A few at a time: hashing runs on the libuv threadpool, the inserts queue on the one SQLite connection.
  let next = 0
  const worker = async () => {
    while (next < seedEmployees) {
      const index = next++
      const { username, password } = benchEmployee(index)
      await createAccount(context.database.db, context.clock, systemActor, {
        username,
        displayName: `Bench Employee ${index}`,
        agencyId: agency.id,
        assignments: [{ role: 'employee', agencyId: agency.id, unitId: null }],
        password,
        passwordIsTemporary: false,
      })
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  process.stderr.write(
    `seeded ${seedEmployees} employee accounts in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  )
}

const app = await buildApp(context)
exitWithParent(async () => {
  await app.close()
  await context.close()
  logger.flush()
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('server has no TCP address')
announceReady(address.port)
