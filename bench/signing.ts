/**
 * `npm run bench -- signing`: 10,000 employees sign their pledge through the public HTTP API with 200 concurrent
 * clients (issue #4 targets: 0 errors, p99 < 300 ms, ratio ≥ 0.25 to the same-run ceiling).
 *
 * A one-shot job (servers/signing-setup.ts) writes one agency with `--employees` + `--warmup` employees into a
 * temporary SQLite file, or with `--db=postgres` into a throw-away PostgreSQL database, and opens one campaign over
 * all of them through the pledges service; the one-time codes come back with each employee's date of birth and name.
 *
 * Ceiling: bare Fastify inserting one row per POST into the same database with the same durability settings
 * (servers/bare-insert.ts), `--connections` clients for `--ceiling-duration` seconds.
 *
 * Signing: the real app (servers/signing-app.ts) with the job queue started as in production, so each signature
 * enqueues its receipt job and the PDFs are rendered in the server process while the load runs. Each virtual client
 * loads the signing page (GET /api/v1/public/pledges/:code), then signs (POST …/sign with the date of birth and the
 * name), then takes the next employee; every code is used once. The first `--warmup` employees sign as a warm-up
 * (not counted). Any non-2xx answer, connection error or timeout is an error.
 *
 * Figures: `signatures_per_s_<db>` (value = signatures/s, ceiling = inserts/s of the bare route, target = 0.25 ×
 * ceiling, pass also needs 0 errors) and `sign_p99_ms_<db>` (lower is better: p99 of POST …/sign, target 300 ms,
 * ceiling = p99 of the bare insert under the same concurrency).
 */
import type { EventEmitter } from 'node:events'
import autocannon from 'autocannon'
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { unlimitedRate } from './lib/app.js'
import { runJob, startServer, type RunningServer } from './lib/child.js'
import { describeCpu, isNoisy, watchCpu, type CpuUse } from './lib/cpu.js'
import { databaseKinds, prepareDatabase } from './lib/database.js'
import { formatRate, measureLoad } from './lib/load.js'
import { heading, line, makeFigure, printMachine, roundTo, type Figure } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'
import { latencyFigure } from './search.js'
import type { SigningProgress } from './servers/signing-app.js'
import type { Signer, SigningSetupResult } from './servers/signing-setup.js'

const targetRatio = 0.25
const targetP99Ms = 300

interface Latencies {
  readonly n: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

interface SigningRun {
  readonly signatures: number
  readonly seconds: number
  readonly perSecond: number
  readonly get: Latencies
  readonly sign: Latencies
  readonly all: Latencies
  /** Non-2xx answers by `METHOD status code`, plus connection errors and timeouts. */
  readonly failures: Readonly<Record<string, number>>
  readonly failed: number
  readonly cpu: CpuUse | undefined
  readonly serverCpuMsPerSignature: number | undefined
}

/** Nearest-rank percentiles. */
function describe(values: number[]): Latencies {
  const sorted = values.sort((a, b) => a - b)
  const at = (p: number) =>
    sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0)
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 }
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const describeLatencies = (l: Latencies) => `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (n ${l.n})`

/** The error code of an error answer (`{"error":{"code":…}}`), or the first bytes of anything else. */
function errorCodeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } }
    if (typeof parsed.error?.code === 'string') return parsed.error.code
  } catch {
    // not JSON
  }
  return body.slice(0, 60)
}

interface AutocannonClient {
  readonly requestIterator?: { readonly currentRequest?: { readonly method?: string } }
}

/**
 * `signers.length` employees through GET + POST, `connections` clients; `signers.length` must be a multiple of
 * `connections` (autocannon spreads `amount` evenly, so each client makes whole GET + POST pairs).
 */
async function signAll(
  server: RunningServer,
  signers: readonly Signer[],
  connections: number,
  serverPids: () => Promise<number[]>,
): Promise<SigningRun> {
  let next = 0
  const getMs: number[] = []
  const signMs: number[] = []
  const failures: Record<string, number> = {}
  const fail = (key: string) => {
    failures[key] = (failures[key] ?? 0) + 1
  }
  const onError = (method: string) => (status: number, body: string) => {
    if (status < 200 || status >= 300) fail(`${method} ${status} ${errorCodeOf(body)}`)
  }
  const pids = await serverPids()
  const cpuWatch = watchCpu(pids)
  const options: autocannon.Options = {
    url: server.url,
    connections,
    amount: signers.length * 2,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const signer = signers[next++]
          if (!signer) throw new Error('more GETs than signers')
          ;(context as { signer?: Signer }).signer = signer
          return { ...request, method: 'GET', path: `/api/v1/public/pledges/${signer.code}` }
        },
        onResponse: onError('GET'),
      },
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const { signer } = context as { signer: Signer }
          return {
            ...request,
            method: 'POST',
            path: `/api/v1/public/pledges/${signer.code}/sign`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ dateOfBirth: signer.dateOfBirth, typedName: signer.typedName }),
          }
        },
        onResponse: onError('POST'),
      },
    ],
  }
  // Timed here, first request to last answer: in `amount` mode autocannon reports its duration at the next of its
  // once-a-second ticks after the last answer, which overstated a 6-second run by up to a second.
  const startedAt = performance.now()
  let lastAnswerAt = startedAt
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)))
    // The tracker re-emits each client's response (not in the typings) before the client moves on, so the client's
    // current request is the one just answered.
    ;(instance as unknown as EventEmitter).on(
      'response',
      (client: AutocannonClient, _status: number, _bytes: number, responseTime: number) => {
        const method = client.requestIterator?.currentRequest?.method
        ;(method === 'POST' ? signMs : getMs).push(responseTime)
        lastAnswerAt = performance.now()
      },
    )
  })
  const cpu = cpuWatch.stop()
  if (result.errors > 0) failures['connection errors'] = result.errors
  if (result.timeouts > 0) failures.timeouts = result.timeouts
  const failed = result.non2xx + result.errors
  const signatures =
    signMs.length -
    Object.entries(failures)
      .filter(([key]) => key.startsWith('POST'))
      .reduce((sum, [, count]) => sum + count, 0)
  const seconds = (lastAnswerAt - startedAt) / 1000
  return {
    signatures,
    seconds,
    perSecond: signatures / seconds,
    get: describe(getMs),
    sign: describe(signMs),
    all: describe([...getMs, ...signMs]),
    failures,
    failed,
    cpu,
    serverCpuMsPerSignature:
      cpu && pids.length > 0 && signatures > 0
        ? (cpu.serverCores * cpu.seconds * 1000) / signatures
        : undefined,
  }
}

async function progressOf(server: RunningServer, campaignId: string): Promise<SigningProgress> {
  const response = await fetch(`${server.url}/api/bench/pledges/${campaignId}/progress`)
  if (response.status !== 200) throw new Error(`progress: ${response.status} ${await response.text()}`)
  return (await response.json()) as SigningProgress
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const signing: Bench = {
  name: 'signing',
  summary:
    'pledge signatures/s through the public API (GET page + POST sign), 200 clients, vs one-INSERT route; ' +
    'targets 0 errors, p99 < 300 ms, ratio ≥ 0.25',
  flags: [
    '--db=sqlite|postgres    database (postgres: a throw-away database next to the one DATABASE_URL names)',
    '--employees=10000       employees who sign in the measured run (rounded down to a multiple of --connections)',
    '--connections=200       concurrent clients',
    '--warmup=1000           more employees who sign first, not counted (0: none)',
    '--ceiling-duration=10   seconds of the bare-insert ceiling (after a 2 s warm-up)',
    '--jobs=on|off|worker    job queue in the app (default, as RUN_JOBS=true), nowhere (off: receipts pile up), or in ' +
      'a separate worker process (RUN_JOBS=false + `netra worker`)',
    '--drain=20              seconds to keep watching receipts being made after the run (0: skip)',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'employees', 'connections', 'warmup', 'ceiling-duration', 'jobs', 'drain'])
    const connections = numberFlag(flags, 'connections', 200, { min: 1, integer: true })
    const roundDown = (n: number) => Math.floor(n / connections) * connections
    const employees = roundDown(numberFlag(flags, 'employees', 10_000, { min: connections, integer: true }))
    const warmup = roundDown(numberFlag(flags, 'warmup', 1000, { integer: true }))
    const ceilingSeconds = numberFlag(flags, 'ceiling-duration', 10, { min: 1 })
    const jobs = stringFlag(flags, 'jobs', ['on', 'off', 'worker'] as const, 'on')
    const drainSeconds = numberFlag(flags, 'drain', 20, { integer: true })
    const kind = stringFlag(flags, 'db', databaseKinds, 'sqlite')
    const dataDir = makeTempDir('signing')
    const database = await prepareDatabase(kind)
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: unlimitedRate,
      LOGIN_RATE_LIMIT_PER_MINUTE: unlimitedRate,
      ...database.env,
    }
    const serverPidsOf = (server: RunningServer) => async () => [server.pid, ...(await database.serverPids())]

    heading(
      `signing — ${employees.toLocaleString('en-US')} employees sign (GET page + POST sign), ` +
        `${connections} concurrent clients, ${kind}`,
    )
    printMachine()
    line(`  database: ${database.description}`)
    line(
      `  ! RATE_LIMIT_PER_MINUTE=${unlimitedRate} for the bench servers (production default 600 per client address; ` +
        `every bench client comes from 127.0.0.1)`,
    )
    line(
      `  durability: ${kind === 'sqlite' ? `SQLite WAL, synchronous ${process.env.SQLITE_SYNCHRONOUS ?? 'FULL'} (the app's default)` : 'PostgreSQL server defaults (synchronous_commit as configured)'}, ` +
        'the same for the app and the ceiling',
    )
    line(
      `  job queue: ${
        jobs === 'on'
          ? 'started in the app process, as in production by default (receipts render while signing)'
          : jobs === 'worker'
            ? "in a separate `netra worker` process on the same machine (RUN_JOBS=false on the app: receipts render while signing, off the app's event loop)"
            : 'NOT started (--jobs=off): receipts are only enqueued'
      }`,
    )

    line(
      `\nsetup: ${(employees + warmup).toLocaleString('en-US')} employees, one open campaign over all of them…`,
    )
    const { result: setup } = await runJob<SigningSetupResult>({
      script: 'signing-setup.ts',
      label: 'setup',
      args: [`--employees=${employees + warmup}`],
      env,
      timeoutMs: 20 * 60_000,
    })
    line(
      `  ${setup.employees.toLocaleString('en-US')} employees in ${setup.units} units written in ` +
        `${setup.seconds.employees.toFixed(1)} s; campaign opened (${setup.signers.length.toLocaleString('en-US')} ` +
        `codes) in ${setup.seconds.open.toFixed(1)} s`,
    )
    if (setup.signers.length < employees + warmup)
      throw new Error(`only ${setup.signers.length} codes issued for ${employees + warmup} employees`)

    line(`\nceiling: bare Fastify, one INSERT per POST into the same database…`)
    const bare = await startServer({ script: 'bare-insert.ts', label: 'bare-insert', env })
    let ceiling
    try {
      ceiling = await measureLoad({
        url: `${bare.url}/`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dateOfBirth: '1986-09-26', typedName: 'Siti Rahmawati' }),
        connections,
        warmupSeconds: 2,
        durationSeconds: ceilingSeconds,
        timeoutSeconds: 30,
        title: 'POST / (one INSERT)',
        serverPids: serverPidsOf(bare),
      })
    } finally {
      await bare.stop()
    }

    line(`\napp: starting (job queue ${jobs})…`)
    const app = await startServer({
      script: 'signing-app.ts',
      label: 'app',
      args: [`--jobs=${jobs === 'on' ? 'on' : 'off'}`],
      env,
    })
    const worker =
      jobs === 'worker'
        ? await startServer({ script: 'job-worker.ts', label: 'worker', env }).catch(
            async (error: unknown) => {
              await app.stop()
              throw error
            },
          )
        : undefined
    // Server CPU counts the worker too: it is part of what a signature costs on this machine.
    const appPids = (server: RunningServer) => async () => [
      ...(await serverPidsOf(server)()),
      ...(worker ? [worker.pid] : []),
    ]
    let warm: SigningRun | undefined
    let run: SigningRun
    let before: SigningProgress
    let after: SigningProgress
    let drained: { seconds: number; receipts: number; end: SigningProgress } | undefined
    try {
      if (warmup > 0) {
        line(`  warm-up: ${warmup.toLocaleString('en-US')} employees sign (not counted)…`)
        warm = await signAll(app, setup.signers.slice(0, warmup), connections, appPids(app))
        line(
          `  warm-up: ${formatRate(warm.perSecond)} signatures/s, POST ${describeLatencies(warm.sign)}; ` +
            `${warm.failed} failed`,
        )
      }
      before = await progressOf(app, setup.campaignId)
      line(`  measuring: ${employees.toLocaleString('en-US')} employees sign…`)
      run = await signAll(app, setup.signers.slice(warmup, warmup + employees), connections, appPids(app))
      after = await progressOf(app, setup.campaignId)
      line(
        `    ${describeCpu(run.cpu)}${isNoisy(run.cpu) ? ' — ! other work competed for the CPU: this run reads low' : ''}`,
      )

      if (jobs !== 'off' && drainSeconds > 0 && after.receipts < after.signatures) {
        line(`  watching the receipts job for up to ${drainSeconds} s after the run…`)
        const started = performance.now()
        let end = after
        while (performance.now() - started < drainSeconds * 1000 && end.receipts < end.signatures) {
          await sleep(1000)
          end = await progressOf(app, setup.campaignId)
        }
        drained = {
          seconds: (performance.now() - started) / 1000,
          receipts: end.receipts - after.receipts,
          end,
        }
      }
    } finally {
      await worker?.stop()
      await app.stop()
    }

    const ratio = roundTo(run.perSecond / ceiling.okPerSecond, 2)
    heading(`signing — figures (${kind})`)
    line(
      `  signatures/s    ${formatRate(run.perSecond)} (${run.signatures.toLocaleString('en-US')} in ` +
        `${run.seconds.toFixed(1)} s; each = GET page + POST sign)`,
    )
    line(`  POST sign       ${describeLatencies(run.sign)}   (target p99 < ${targetP99Ms} ms)`)
    line(`  GET page        ${describeLatencies(run.get)}`)
    line(`  all requests    ${describeLatencies(run.all)}`)
    const failureList = Object.entries(run.failures)
      .map(([key, count]) => `${key} ×${count}`)
      .join(', ')
    line(`  errors          ${run.failed}${failureList ? ` (${failureList})` : ''}   (target 0)`)
    line(
      `  ceiling         ${formatRate(ceiling.okPerSecond)} inserts/s, p50 ${ceiling.latency.p50} ms, ` +
        `p99 ${ceiling.latency.p99} ms (bare Fastify, one INSERT per request, ${connections} clients); ` +
        `${ceiling.non2xx + ceiling.errors} failed`,
    )
    line(`  ratio           ${ratio} (target ≥ ${targetRatio})`)
    if (run.serverCpuMsPerSignature !== undefined && ceiling.serverCpuMicrosPerRequest !== undefined) {
      line(
        `  server CPU      ${run.serverCpuMsPerSignature.toFixed(2)} ms per signature (app + database, GET + POST + ` +
          `receipts made meanwhile) vs ${(ceiling.serverCpuMicrosPerRequest / 1000).toFixed(2)} ms per bare insert`,
      )
    }
    const madeDuringRun = after.receipts - before.receipts
    line(
      `  receipts        ${madeDuringRun.toLocaleString('en-US')} made during the measured run ` +
        `(${formatRate(madeDuringRun / run.seconds)}/s); ${after.receipts.toLocaleString('en-US')} of ` +
        `${after.signatures.toLocaleString('en-US')} signatures had one at its end` +
        (jobs === 'off' ? ' (job queue off)' : ''),
    )
    if (drained) {
      line(
        `                  then ${drained.receipts.toLocaleString('en-US')} more in ${drained.seconds.toFixed(1)} s after ` +
          `the load (${formatRate(drained.receipts / drained.seconds)} receipts/s with the server otherwise idle); ` +
          `${(drained.end.signatures - drained.end.receipts).toLocaleString('en-US')} still pending`,
      )
    }
    if (isNoisy(run.cpu) || isNoisy(ceiling.cpu))
      line('  ! other processes shared the CPU during a measured run (see the CPU lines): figures read low')

    const valid = run.failed === 0 && ceiling.non2xx + ceiling.errors === 0
    return [
      makeFigure({
        bench: 'signing',
        figure: `signatures_per_s_${kind}`,
        value: run.perSecond,
        ceiling: ceiling.okPerSecond,
        targetRatio,
        valid,
      }),
      latencyFigure({
        bench: 'signing',
        figure: `sign_p99_ms_${kind}`,
        valueMs: run.sign.p99,
        ceilingMs: ceiling.latency.p99,
        targetMs: targetP99Ms,
        valid,
      }),
    ] satisfies Figure[]
  },
}
