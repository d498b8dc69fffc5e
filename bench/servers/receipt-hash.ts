/**
 * The intake ceiling: receipt hashes per second — argon2id with the app's own parameters and code
 * (src/features/reports/report-receipts.ts `hashReceipt`, the one slow step of filing a report), `--concurrency`
 * hashes in flight (as many as the libuv threadpool runs), for `--seconds`. Prints one NETRA_BENCH_RESULT line.
 */
import { randomBytes } from 'node:crypto'
import { hashReceipt, newReceipt } from '../../src/features/reports/report-receipts.js'
import { parseArgs } from '../lib/args.js'
import { announceResult } from '../lib/child-protocol.js'

const { flags } = parseArgs(process.argv.slice(2))
const concurrency = Number(flags.get('concurrency') ?? '4')
const seconds = Number(flags.get('seconds') ?? '10')
const warmupSeconds = Number(flags.get('warmup') ?? '1')
const salt = randomBytes(16).toString('base64url')

async function run(
  durationMs: number,
): Promise<{ hashes: number; elapsedMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = []
  const started = performance.now()
  const deadline = started + durationMs
  let hashes = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now()
      if ((await hashReceipt(newReceipt(), salt)).length !== 64) throw new Error('unexpected hash')
      latenciesMs.push(performance.now() - t0)
      hashes++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { hashes, elapsedMs: performance.now() - started, latenciesMs }
}

if (warmupSeconds > 0) await run(warmupSeconds * 1000)
const cpuBefore = process.cpuUsage()
const { hashes, elapsedMs, latenciesMs } = await run(seconds * 1000)
const cpu = process.cpuUsage(cpuBefore)
latenciesMs.sort((a, b) => a - b)
const percentile = (p: number) =>
  latenciesMs[Math.min(latenciesMs.length - 1, Math.floor((p / 100) * latenciesMs.length))] ?? 0
announceResult({
  concurrency,
  hashes,
  seconds: elapsedMs / 1000,
  perSecond: hashes / (elapsedMs / 1000),
  latencyMs: { p50: percentile(50), p99: percentile(99) },
  cpuMsPerHash: (cpu.user + cpu.system) / 1000 / Math.max(1, hashes),
})
