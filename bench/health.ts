/**
 * `npm run bench -- health`: GET /api/health on the real app (request logging on, at info, to a log file)
 * against bare Fastify `{"ok":true}` (logger off) in the same run; target ratio ≥ 0.5. The same route with
 * LOG_LEVEL=silent says what the request log costs.
 */
import { createReadStream } from 'node:fs'
import path from 'node:path'
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { startApp } from './lib/app.js'
import { startServer } from './lib/child.js'
import { databaseKinds, prepareDatabase } from './lib/database.js'
import {
  describeRounds,
  formatRate,
  measureRounds,
  noiseNote,
  type LoadOptions,
  type LoadResult,
  type RoundsResult,
} from './lib/load.js'
import { heading, line, makeFigure, percentBelow, printMachine, roundTo } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'

const targetRatio = 0.5

async function countLines(file: string): Promise<{ lines: number; bytes: number }> {
  let lines = 0
  let bytes = 0
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer
    bytes += buffer.length
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++
  }
  return { lines, bytes }
}

export const health: Bench = {
  name: 'health',
  summary:
    'GET /api/health req/s (logging on) vs bare Fastify in the same run; target ratio ≥ 0.5; logging cost',
  flags: [
    '--db=sqlite|postgres  database of the app (postgres: a throw-away database next to the one DATABASE_URL names)',
    '--connections=50      autocannon connections',
    '--warmup=2            warm-up seconds before each measurement',
    '--duration=10         measured seconds per server and round',
    '--rounds=1            interleaved rounds; each server keeps its best run',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'connections', 'warmup', 'duration', 'rounds'])
    const load = {
      connections: numberFlag(flags, 'connections', 50, { min: 1, integer: true }),
      warmupSeconds: numberFlag(flags, 'warmup', 2),
      durationSeconds: numberFlag(flags, 'duration', 10, { min: 1 }),
    } satisfies Partial<LoadOptions>
    const rounds = numberFlag(flags, 'rounds', 1, { min: 1, integer: true })
    const dataDir = makeTempDir('health')
    const database = await prepareDatabase(stringFlag(flags, 'db', databaseKinds, 'sqlite'))
    const logFile = path.join(dataDir, 'requests.log')

    heading(
      `health — ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per server` +
        (rounds > 1 ? `, ${rounds} rounds` : ''),
    )
    printMachine()
    line(`  app database: ${database.description}; DATA_DIR ${dataDir}`)
    line(
      `  app request log (LOG_LEVEL=info): ${logFile} (pino's default asynchronous destination, as main.ts on stdout)`,
    )

    // All three stay up (idle when not loaded) so rounds can interleave them without restarts.
    line('\nstarting servers…')
    const bare = await startServer({ script: 'bare.ts', label: 'bare' })
    const logged = await startApp({ label: 'app-info', dataDir, database, logLevel: 'info', logFile })
    const silent = await startApp({ label: 'app-silent', dataDir, database, logLevel: 'silent' })
    let results
    try {
      results = await measureRounds(
        [
          {
            key: 'bare',
            options: {
              ...load,
              url: `${bare.url}/`,
              title: 'bare Fastify (ceiling)',
              serverPids: [bare.pid],
            },
          },
          {
            key: 'logged',
            options: {
              ...load,
              url: `${logged.url}/api/health`,
              title: 'app /api/health, LOG_LEVEL=info',
              serverPids: async () => [logged.pid, ...(await database.serverPids())],
            },
          },
          {
            key: 'silent',
            options: {
              ...load,
              url: `${silent.url}/api/health`,
              title: 'app /api/health, LOG_LEVEL=silent',
              serverPids: async () => [silent.pid, ...(await database.serverPids())],
            },
          },
        ],
        rounds,
      )
    } finally {
      await Promise.all([bare.stop(), logged.stop(), silent.stop()])
    }
    const log = await countLines(logFile)

    const best = { bare: results.bare.best, logged: results.logged.best, silent: results.silent.best }
    const cost = percentBelow(best.logged.okPerSecond, best.silent.okPerSecond)
    const ratio = (result: LoadResult) => roundTo(result.okPerSecond / best.bare.okPerSecond, 2)
    // CPU time per request barely moves when other processes share the machine; the rate does.
    const cpuPerRequest = (result: RoundsResult) => {
      const values = result.all.flatMap((run) => run.serverCpuMicrosPerRequest ?? [])
      return values.length > 0 ? Math.min(...values) : undefined
    }
    const cpu = {
      bare: cpuPerRequest(results.bare),
      logged: cpuPerRequest(results.logged),
      silent: cpuPerRequest(results.silent),
    }
    heading('health — figures')
    line(`  bare Fastify (ceiling)              ${describeRounds(results.bare, ' req/s')}`)
    line(
      `  /api/health, request log at info    ${describeRounds(results.logged, ' req/s')}  ratio ${ratio(best.logged)} (target ≥ ${targetRatio})`,
    )
    line(
      `  /api/health, LOG_LEVEL=silent       ${describeRounds(results.silent, ' req/s')}  ratio ${ratio(best.silent)}`,
    )
    line(
      `  latency at ${load.connections} connections (p50/p99 ms): bare ${best.bare.latency.p50}/${best.bare.latency.p99}, ` +
        `info ${best.logged.latency.p50}/${best.logged.latency.p99}, silent ${best.silent.latency.p50}/${best.silent.latency.p99}`,
    )
    if (cpu.bare !== undefined && cpu.logged !== undefined && cpu.silent !== undefined) {
      line(
        `  server CPU per request (all threads): bare ${Math.round(cpu.bare)} µs, ` +
          `/api/health info ${Math.round(cpu.logged)} µs, silent ${Math.round(cpu.silent)} µs`,
      )
      const extra = cpu.logged - cpu.silent
      line(
        `  request logging costs ${Math.round(extra)} µs of server CPU per request ` +
          `(${percentBelow(cpu.silent, cpu.logged)} % of a logged request's CPU)`,
      )
    }
    line(
      cost > 0
        ? `  request logging costs ${cost} % of /api/health throughput (` +
            `${formatRate(best.silent.okPerSecond)} → ${formatRate(best.logged.okPerSecond)} req/s)`
        : `  request logging: no measurable cost in this run (with logging ${formatRate(best.logged.okPerSecond)}, ` +
            `without ${formatRate(best.silent.okPerSecond)} req/s — within the noise)`,
    )
    line(
      `  the app wrote ${log.lines.toLocaleString('en-US')} log lines (warm-ups included), ${(log.bytes / 1e6).toFixed(1)} MB, ` +
        `≈ ${log.lines > 0 ? Math.round(log.bytes / log.lines) : 0} bytes per line`,
    )
    const note = noiseNote(Object.values(best))
    if (note) line(note)
    const failed = (result: LoadResult) => result.non2xx + result.errors
    for (const result of Object.values(best)) {
      if (failed(result) > 0)
        line(`  ! ${result.title}: ${failed(result)} failed requests — its figure does not pass`)
    }

    return [
      makeFigure({
        bench: 'health',
        figure: 'requests_per_s',
        value: best.logged.okPerSecond,
        ceiling: best.bare.okPerSecond,
        targetRatio,
        valid: failed(best.logged) === 0 && failed(best.bare) === 0,
      }),
      makeFigure({
        bench: 'health',
        figure: 'requests_per_s_log_silent',
        value: best.silent.okPerSecond,
        ceiling: best.bare.okPerSecond,
        targetRatio,
        valid: failed(best.silent) === 0 && failed(best.bare) === 0,
      }),
    ]
  },
}
