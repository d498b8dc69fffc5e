/**
 * The real Netra app for `npm run bench -- signing` (as bench/servers/app.ts: loadConfig(env) → createContext →
 * buildApp → listen on 127.0.0.1, no SPA, log to /dev/null), with the job queue started after listening exactly as
 * src/server/main.ts does, so every signature's receipt job runs in this process as in production.
 *
 * Flags: --jobs=on|off (default on; off leaves the queue unstarted: jobs pile up, nothing renders)
 * Env: NETRA_BENCH_CPU_PROFILE=<file.cpuprofile> profiles this process from listening to exit (open the file in
 * Chrome DevTools → Performance); node refuses --cpu-prof in NODE_OPTIONS, hence the inspector session.
 *
 * One probe route for the bench's progress lines (not under load):
 * GET /api/bench/pledges/:campaignId/progress → { signatures, receipts } of the campaign.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import pino from 'pino'
import { z } from 'zod'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import { createLogger } from '../../src/platform/logger.js'
import { buildApp } from '../../src/server/app.js'
import { parseArgs } from '../lib/args.js'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

export interface SigningProgress {
  readonly signatures: number
  readonly receipts: number
}

const { flags } = parseArgs(process.argv.slice(2))
const jobsOn = (flags.get('jobs') ?? 'on') !== 'off'

const config = loadConfig(process.env)
const logger = createLogger(config.logLevel, pino.destination('/dev/null'))
const context = await createContext(config, { logger })
const db = context.database.db

const app = await buildApp(context, {
  extraApiRoutes: (api) => {
    api.get(
      '/bench/pledges/:campaignId/progress',
      { config: { policy: 'public' }, schema: { params: z.strictObject({ campaignId: z.uuid() }) } },
      async (request): Promise<SigningProgress> => {
        const { campaignId } = request.params as { campaignId: string }
        const counts = await db
          .selectFrom('pledgeSignatures')
          .leftJoin('pledgeReceipts', 'pledgeReceipts.signatureId', 'pledgeSignatures.id')
          .where('pledgeSignatures.campaignId', '=', campaignId)
          .select((eb) => [
            eb.fn.countAll<number | string>().as('signatures'),
            eb.fn.count<number | string>('pledgeReceipts.signatureId').as('receipts'),
          ])
          .executeTakeFirstOrThrow()
        return { signatures: Number(counts.signatures), receipts: Number(counts.receipts) }
      },
    )
  },
})
const profileFile = process.env.NETRA_BENCH_CPU_PROFILE
const profiler = profileFile ? new Session() : undefined
if (profiler) {
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.start')
}
// Server-side time of each request by method (request received → response sent), printed on exit.
const serverMs: Record<string, number[]> = {}
app.server.on('request', (request: { method?: string }, response: NodeJS.EventEmitter) => {
  const startedAt = performance.now()
  response.once('finish', () => (serverMs[request.method ?? '?'] ??= []).push(performance.now() - startedAt))
})
// How long the event loop was blocked (PDF rendering, synchronous SQLite commits), printed on exit.
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
exitWithParent(async () => {
  loopDelay.disable()
  const ms = (ns: number) => (ns / 1e6).toFixed(1)
  process.stderr.write(
    `event loop delay: p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms\n`,
  )
  for (const [method, values] of Object.entries(serverMs)) {
    values.sort((a, b) => a - b)
    const at = (p: number) =>
      (values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0).toFixed(1)
    process.stderr.write(
      `server time ${method}: n ${values.length}, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms\n`,
    )
  }
  if (profiler && profileFile) {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(profileFile, JSON.stringify(profile))
  }
  await app.close()
  await context.close()
  logger.flush()
})
await app.listen({ host: '127.0.0.1', port: 0 })
if (jobsOn) await context.jobs.start()
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('server has no TCP address')
announceReady(address.port)
