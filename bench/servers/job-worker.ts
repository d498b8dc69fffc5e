/**
 * `netra worker` for benches: the same context as the app (loadConfig(env) → createContext), only the job queue
 * started, no HTTP. Announces itself with port 0 (nothing listens) and exits when the bench closes its stdin.
 */
import pino from 'pino'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import { createLogger } from '../../src/platform/logger.js'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

const config = loadConfig(process.env)
const logger = createLogger(config.logLevel, pino.destination('/dev/null'))
const context = await createContext(config, { logger })
exitWithParent(async () => {
  await context.close()
  logger.flush()
})
await context.jobs.start()
announceReady(0)
