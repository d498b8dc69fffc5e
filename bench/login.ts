/**
 * `npm run bench -- login`: successful logins/s through POST /api/v1/auth/login (real app, employee-only accounts,
 * so no TOTP) against the argon2 ceiling measured in the same run: argon2id verifications/s with the app's own
 * parameters and code, as many in flight as the server's libuv threadpool runs at once.
 *
 * Target ratio ≥ 0.7. A successful login is exactly one argon2id verify plus a handful of small queries
 * (throttle row, user, roles, one transaction inserting the session and an audit event, the agency for the
 * response). The verify is nearly all of its CPU, so a server reaching 70 % of the bare hashing rate spends the
 * rest on HTTP, SQL, logging and on sharing the 2 cores with the load generator. Well below it, something other
 * than the hash limits logins (a queue in front of the threadpool, a lock, a slow query).
 */
import path from 'node:path'
import type { Bench } from './bench.js'
import { credentialCycle } from './lib/accounts.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { startApp } from './lib/app.js'
import { runJob } from './lib/child.js'
import { databaseKinds, prepareDatabase } from './lib/database.js'
import type { CpuUse } from './lib/cpu.js'
import { bestRun, formatRate, measureLoad, noiseNote, warnIfNoisy, type LoadResult } from './lib/load.js'
import { heading, line, makeFigure, printMachine, roundTo } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'
import { argon2Options } from '../src/platform/passwords.js'

const targetRatio = 0.7

interface Argon2Ceiling {
  readonly concurrency: number
  readonly verifications: number
  readonly seconds: number
  readonly perSecond: number
  readonly latencyMs: { readonly p50: number; readonly p99: number }
  readonly cpuMsPerVerification: number
}

/** Threads of the libuv pool, where @node-rs/argon2 runs: UV_THREADPOOL_SIZE (inherited by the server), default 4. */
function threadpoolSize(): number {
  const configured = Number(process.env.UV_THREADPOOL_SIZE)
  return Number.isInteger(configured) && configured > 0 ? Math.min(configured, 1024) : 4
}

export const login: Bench = {
  name: 'login',
  summary:
    'successful logins/s (employee accounts) vs argon2id verify/s ceiling in the same run; target ratio ≥ 0.7',
  flags: [
    '--db=sqlite|postgres  database of the app',
    '--accounts=200        employee accounts to create and cycle through',
    '--connections=16      autocannon connections',
    '--warmup=2            warm-up seconds before each measurement',
    '--duration=10         measured seconds (logins, and again for the argon2 ceiling)',
    '--rounds=1            interleaved rounds (ceiling, logins); each keeps its best run',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'accounts', 'connections', 'warmup', 'duration', 'rounds'])
    const accounts = numberFlag(flags, 'accounts', 200, { min: 1, integer: true })
    const connections = numberFlag(flags, 'connections', 16, { min: 1, integer: true })
    const warmupSeconds = numberFlag(flags, 'warmup', 2)
    const durationSeconds = numberFlag(flags, 'duration', 10, { min: 1 })
    const rounds = numberFlag(flags, 'rounds', 1, { min: 1, integer: true })
    const pool = threadpoolSize()
    const dataDir = makeTempDir('login')
    const logFile = path.join(dataDir, 'requests.log')
    const database = await prepareDatabase(stringFlag(flags, 'db', databaseKinds, 'sqlite'))

    heading(
      `login — ${accounts} employee accounts, ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s` +
        (rounds > 1 ? `, ${rounds} rounds` : ''),
    )
    printMachine()
    line(`  argon2id ${JSON.stringify(argon2Options)}; libuv threadpool ${pool} threads`)
    line(`  app database: ${database.description}; request log at info to ${logFile}`)

    line(`\napp: creating ${accounts} employee accounts, then listening…`)
    const seedStarted = performance.now()
    const server = await startApp({ dataDir, database, logLevel: 'info', logFile, seedEmployees: accounts })
    line(`  ready after ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)

    const nextCredentials = credentialCycle(accounts)
    const ceilings: (Argon2Ceiling & { readonly cpu: CpuUse | undefined })[] = []
    const loads: LoadResult[] = []
    try {
      for (let round = 1; round <= rounds; round++) {
        if (rounds > 1) line(`\nround ${round}/${rounds}`)
        // The server is up but idle meanwhile; its pid counts as under test in the CPU check.
        line(
          `\nargon2id ceiling: ${pool} verifications in flight (the threadpool size), 1 s warm-up + ${durationSeconds} s…`,
        )
        const { result: ceiling, cpu } = await runJob<Argon2Ceiling>({
          script: 'argon2-verify.ts',
          args: [
            `--concurrency=${pool}`,
            `--seconds=${durationSeconds}`,
            `--warmup=${warmupSeconds > 0 ? 1 : 0}`,
          ],
          extraPids: [server.pid],
        })
        line(
          `  argon2id ceiling: ${formatRate(ceiling.perSecond)} verifications/s (${ceiling.verifications} in ` +
            `${ceiling.seconds.toFixed(1)} s), each p50 ${ceiling.latencyMs.p50.toFixed(1)} ms, ` +
            `p99 ${ceiling.latencyMs.p99.toFixed(1)} ms; CPU ${ceiling.cpuMsPerVerification.toFixed(1)} ms per verification`,
        )
        warnIfNoisy(cpu)
        ceilings.push({ ...ceiling, cpu })

        line('')
        loads.push(
          await measureLoad({
            url: `${server.url}/api/v1/auth/login`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            nextBody: () => JSON.stringify(nextCredentials()),
            connections,
            warmupSeconds,
            durationSeconds,
            timeoutSeconds: 30,
            title: 'POST /api/v1/auth/login',
            serverPids: async () => [server.pid, ...(await database.serverPids())],
          }),
        )
      }
    } finally {
      await server.stop()
    }

    const ceiling = ceilings.reduce((a, b) => (b.perSecond > a.perSecond ? b : a))

    const logins = bestRun(loads)
    const failed = logins.non2xx + logins.errors
    const cpuMsPerLogin =
      logins.serverCpuMicrosPerRequest === undefined ? undefined : logins.serverCpuMicrosPerRequest / 1000
    const runs = (values: number[]) =>
      values.length > 1 ? ` (runs: ${values.map(formatRate).join(', ')})` : ''
    heading('login — figures')
    line(
      `  logins/s        ${formatRate(logins.okPerSecond)}${runs(loads.map((l) => l.okPerSecond))}; ` +
        `${logins.ok} successful in ${logins.durationSeconds.toFixed(1)} s`,
    )
    line(
      `  latency         p50 ${logins.latency.p50} ms, p99 ${logins.latency.p99} ms, max ${logins.latency.max} ms (${connections} connections)`,
    )
    line(
      `  errors          ${failed} (non-2xx ${logins.non2xx}, connection errors ${logins.errors}, timeouts ${logins.timeouts})`,
    )
    line(
      `  argon2 ceiling  ${formatRate(ceiling.perSecond)} verifications/s at ${pool} in flight` +
        `${runs(ceilings.map((c) => c.perSecond))}; one verify ≈ ${ceiling.latencyMs.p50.toFixed(1)} ms under that load`,
    )
    line(
      `  ratio           ${roundTo(logins.okPerSecond / ceiling.perSecond, 2)} (target ≥ ${targetRatio}, and no failed logins)`,
    )
    if (cpuMsPerLogin !== undefined) {
      line(
        `  CPU per login   ${cpuMsPerLogin.toFixed(1)} ms in the server (all threads) vs ` +
          `${ceiling.cpuMsPerVerification.toFixed(1)} ms per bare verification: the hash is ` +
          `${Math.round((ceiling.cpuMsPerVerification / cpuMsPerLogin) * 100)} % of a login's server CPU`,
      )
    }
    const note = noiseNote([logins, ceiling])
    if (note) line(note)

    return [
      makeFigure({
        bench: 'login',
        figure: 'logins_per_s',
        value: logins.okPerSecond,
        ceiling: ceiling.perSecond,
        targetRatio,
        valid: failed === 0,
      }),
    ]
  },
}
