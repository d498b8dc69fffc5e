/**
 * `npm run bench -- intake`: public reports filed per second through POST /api/v1/public/reports (JSON, the real
 * app with reporter privacy, encryption and the audit entry), `--connections` clients for `--duration` seconds, on
 * SQLite or PostgreSQL (issue #5 targets: ≥ 100 reports/s, p99 < 500 ms, ratio ≥ 0.7 to the receipt-hash ceiling).
 *
 * Reports are measured in the steady state: warm-up and measurement run over the same connections (lib/load.ts
 * `measureSteadyLoad`; the first request of each new connection is printed apart).
 *
 * Ceilings measured in the same run:
 * - receipt hashes/s (servers/receipt-hash.ts): argon2id with the app's parameters, as many in flight as the libuv
 *   threadpool runs — filing a report is one such hash plus a transaction, so this bounds reports/s;
 * - a bare Fastify route inserting one row per POST into the same database (servers/bare-insert.ts), for scale.
 */
import path from 'node:path'
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { startApp } from './lib/app.js'
import { runJob, startServer } from './lib/child.js'
import { databaseKinds, prepareDatabase } from './lib/database.js'
import { formatRate, measureLoad, measureSteadyLoad, noiseNote, warnIfNoisy } from './lib/load.js'
import { heading, line, makeFigure, printMachine, roundTo } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'

const targetRatio = 0.7
const targetReportsPerSecond = 100
const targetP99Ms = 500

interface HashCeiling {
  readonly concurrency: number
  readonly hashes: number
  readonly seconds: number
  readonly perSecond: number
  readonly latencyMs: { readonly p50: number; readonly p99: number }
  readonly cpuMsPerHash: number
}

function threadpoolSize(): number {
  const configured = Number(process.env.UV_THREADPOOL_SIZE)
  return Number.isInteger(configured) && configured > 0 ? Math.min(configured, 1024) : 4
}

const categories = ['DS-06', 'KE-04', 'PP94-N4', 'DS-02', undefined]
const places = ['Kantor Kecamatan Klojen', 'Aula Dinas Pendidikan', 'Grup WhatsApp kantor']
let counter = 0
/** A different plausible report each time (description 200–400 characters). */
function nextReport(): string {
  counter += 1
  const category = categories[counter % categories.length]
  return JSON.stringify({
    ...(category ? { categoryCode: category } : {}),
    description:
      `Laporan uji ${counter}: seorang pegawai membagikan unggahan kampanye salah satu calon di grup WhatsApp ` +
      'kantor pada jam kerja, lalu mengajak rekan-rekannya untuk memilih calon tersebut. '.repeat(
        1 + (counter % 3),
      ),
    reportedPerson: { name: `Pegawai Uji ${counter % 500}`, unitName: 'Dinas Pendidikan' },
    occurredAt: '2026-11-20T09:00:00+07:00',
    location: { place: places[counter % places.length] },
    identityLevel: counter % 4 === 0 ? 'confidential' : 'anonymous',
    ...(counter % 4 === 0 ? { reporter: { name: 'Pelapor Uji', phone: '+62 812 0000 0000' } } : {}),
  })
}

export const intake: Bench = {
  name: 'intake',
  summary:
    'public reports/s (JSON POST) vs the argon2id receipt-hash ceiling in the same run; targets ≥ 100/s, p99 < 500 ms, ratio ≥ 0.7',
  flags: [
    '--db=sqlite|postgres  database of the app',
    '--connections=50      autocannon connections',
    '--warmup=2            warm-up seconds before each measurement',
    '--duration=10         measured seconds (reports, the hash ceiling and the bare insert)',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'connections', 'warmup', 'duration'])
    const connections = numberFlag(flags, 'connections', 50, { min: 1, integer: true })
    const warmupSeconds = numberFlag(flags, 'warmup', 2)
    const durationSeconds = numberFlag(flags, 'duration', 10, { min: 1 })
    const pool = threadpoolSize()
    const dataDir = makeTempDir('intake')
    const database = await prepareDatabase(stringFlag(flags, 'db', databaseKinds, 'sqlite'))

    heading(
      `intake — public reports, ${connections} connections, ${warmupSeconds} s warm-up + ${durationSeconds} s`,
    )
    printMachine()
    line(`  app database: ${database.description}; libuv threadpool ${pool} threads (argon2id runs there)`)

    // One bench agency (the report goes to the first agency); no accounts needed otherwise.
    const server = await startApp({
      dataDir,
      database,
      logLevel: 'info',
      logFile: path.join(dataDir, 'requests.log'),
      seedEmployees: 1,
    })
    let hashCeiling: HashCeiling
    let reports
    let bare
    try {
      line(`\nreceipt-hash ceiling: ${pool} argon2id hashes in flight, 1 s warm-up + ${durationSeconds} s…`)
      const { result, cpu } = await runJob<HashCeiling>({
        script: 'receipt-hash.ts',
        args: [
          `--concurrency=${pool}`,
          `--seconds=${durationSeconds}`,
          `--warmup=${warmupSeconds > 0 ? 1 : 0}`,
        ],
        extraPids: [server.pid],
      })
      hashCeiling = result
      line(
        `  receipt hashes: ${formatRate(result.perSecond)}/s, each p50 ${result.latencyMs.p50.toFixed(1)} ms; ` +
          `CPU ${result.cpuMsPerHash.toFixed(1)} ms per hash`,
      )
      warnIfNoisy(cpu)

      line('')
      reports = await measureSteadyLoad({
        url: `${server.url}/api/v1/public/reports`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        nextBody: nextReport,
        connections,
        warmupSeconds,
        durationSeconds,
        timeoutSeconds: 30,
        title: 'POST /api/v1/public/reports',
        serverPids: async () => [server.pid, ...(await database.serverPids())],
      })
    } finally {
      await server.stop()
    }

    line('')
    const bareServer = await startServer({
      script: 'bare-insert.ts',
      label: 'bare-insert',
      env: { DATA_DIR: dataDir, ...database.env },
    })
    try {
      bare = await measureLoad({
        url: `${bareServer.url}/`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        nextBody: nextReport,
        connections,
        warmupSeconds,
        durationSeconds,
        title: 'bare Fastify, one INSERT per POST (scale)',
        serverPids: async () => [bareServer.pid, ...(await database.serverPids())],
      })
    } finally {
      await bareServer.stop()
    }

    const failed = reports.non2xx + reports.errors
    const db = database.kind
    heading(`intake — figures (${db})`)
    line(
      `  reports/s       ${formatRate(reports.okPerSecond)} (${reports.ok} filed in ${reports.durationSeconds.toFixed(1)} s)`,
    )
    line(
      `  latency         p50 ${reports.latency.p50} ms, p99 ${reports.latency.p99} ms, max ${reports.latency.max} ms`,
    )
    line(
      `  errors          ${failed} (non-2xx ${reports.non2xx}, connection errors ${reports.errors}, timeouts ${reports.timeouts})`,
    )
    line(
      `  hash ceiling    ${formatRate(hashCeiling.perSecond)} receipt hashes/s → ratio ${roundTo(reports.okPerSecond / hashCeiling.perSecond, 2)} (target ≥ ${targetRatio})`,
    )
    line(
      `  bare insert     ${formatRate(bare.okPerSecond)}/s → ratio ${roundTo(reports.okPerSecond / bare.okPerSecond, 3)} (for scale)`,
    )
    if (reports.serverCpuMicrosPerRequest !== undefined)
      line(
        `  CPU per report  ${(reports.serverCpuMicrosPerRequest / 1000).toFixed(1)} ms (app + database) vs ${hashCeiling.cpuMsPerHash.toFixed(1)} ms per bare hash`,
      )
    const note = noiseNote([reports])
    if (note) line(note)

    return [
      makeFigure({
        bench: 'intake',
        figure: `reports_per_s_${db}`,
        value: reports.okPerSecond,
        ceiling: hashCeiling.perSecond,
        targetRatio,
        targetValue: targetReportsPerSecond,
        valid: failed === 0,
      }),
      {
        bench: 'intake',
        figure: `report_p99_ms_${db}`,
        value: reports.latency.p99,
        target: targetP99Ms,
        ceiling: bare.latency.p99,
        ratio: roundTo(reports.latency.p99 / Math.max(1, bare.latency.p99), 2),
        pass: reports.latency.p99 < targetP99Ms && failed === 0,
      },
    ]
  },
}
