/**
 * `netra worker`: a process that only works background jobs (receipts, notifications, housekeeping) — no HTTP.
 * Run HTTP nodes with RUN_JOBS=false and one or more workers next to them, so PDF rendering and deliveries never
 * compete with requests for the server's event loop. On PostgreSQL pg-boss shares the jobs out between workers;
 * on SQLite a worker on the same database file claims jobs with the same compare-and-set as the server.
 * Stops on SIGINT/SIGTERM: running jobs finish (or are handed back), then the database closes.
 */
import type { Config } from '../../config.js'
import { createContext } from '../../context.js'
import type { CommandResult } from '../output.js'

export async function runWorker(config: Config): Promise<CommandResult> {
  // Listening before anything starts: a signal during start-up still closes the context (jobs handed back).
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
  const context = await createContext(config)
  await context.jobs.start()
  context.logger.info({ db: context.database.dialect }, 'Netra worker is working jobs')
  process.stdout.write(`worker started (${context.database.dialect}); stop with SIGTERM\n`)
  // The queue's own timers do not hold the process open; this does, until a signal comes.
  const keepAlive = setInterval(() => undefined, 60_000)
  const signal = await stopped
  clearInterval(keepAlive)
  await context.close()
  return { exitCode: 0, lines: [`worker stopped (${signal})`] }
}
