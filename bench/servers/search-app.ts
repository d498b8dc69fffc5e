/**
 * The real Netra app for `npm run bench -- search` (as bench/servers/app.ts: loadConfig(env) → createContext →
 * buildApp → listen on 127.0.0.1, no SPA, log to /dev/null) plus one probe route for the same-run ceiling:
 * GET /api/bench/employees/:employeeId — a bare primary-key lookup of one employee through the same HTTP stack
 * (session, policy check, JSON), without scope checks, breadcrumbs or joins.
 */
import pino from 'pino'
import { z } from 'zod'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import { createLogger } from '../../src/platform/logger.js'
import { buildApp } from '../../src/server/app.js'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

const config = loadConfig(process.env)
const logger = createLogger(config.logLevel, pino.destination('/dev/null'))
const context = await createContext(config, { logger })
const db = context.database.db

const app = await buildApp(context, {
  extraApiRoutes: (api) => {
    api.get(
      '/bench/employees/:employeeId',
      { config: { policy: 'roster.read' }, schema: { params: z.strictObject({ employeeId: z.uuid() }) } },
      async (request, reply) => {
        const { employeeId } = request.params as { employeeId: string }
        const row = await db
          .selectFrom('employees')
          .selectAll()
          .where('id', '=', employeeId)
          .executeTakeFirst()
        return row ?? reply.status(404).send({ error: { code: 'employee.not_found', details: {} } })
      },
    )
  },
})
exitWithParent(async () => {
  await app.close()
  await context.close()
  logger.flush()
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('server has no TCP address')
announceReady(address.port)
