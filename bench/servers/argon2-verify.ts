/**
 * The login ceiling: argon2id verifications per second with the app's own parameters and code
 * (src/platform/passwords.ts), `--concurrency` verifications in flight (the server can have as many running as
 * the libuv threadpool has threads), for `--seconds`. Runs in its own process with the same environment
 * (UV_THREADPOOL_SIZE) as the server. Prints one NETRA_BENCH_RESULT line.
 */
import { argon2Options, hashPassword, verifyPassword } from '../../src/platform/passwords.js'
import { parseArgs } from '../lib/args.js'
import { announceResult } from '../lib/child-protocol.js'

const { flags } = parseArgs(process.argv.slice(2))
const concurrency = Number(flags.get('concurrency') ?? '4')
const seconds = Number(flags.get('seconds') ?? '10')
const warmupSeconds = Number(flags.get('warmup') ?? '1')

const password = 'correct horse battery 0'
const passwordHash = await hashPassword(password)

async function run(
  durationMs: number,
): Promise<{ verifications: number; elapsedMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = []
  const started = performance.now()
  const deadline = started + durationMs
  let verifications = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now()
      if (!(await verifyPassword(passwordHash, password))) throw new Error('verification failed')
      latenciesMs.push(performance.now() - t0)
      verifications++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { verifications, elapsedMs: performance.now() - started, latenciesMs }
}

if (warmupSeconds > 0) await run(warmupSeconds * 1000)
const cpuBefore = process.cpuUsage()
const { verifications, elapsedMs, latenciesMs } = await run(seconds * 1000)
const cpu = process.cpuUsage(cpuBefore)
latenciesMs.sort((a, b) => a - b)
const percentile = (p: number) =>
  latenciesMs[Math.min(latenciesMs.length - 1, Math.floor((p / 100) * latenciesMs.length))] ?? 0
announceResult({
  concurrency,
  verifications,
  seconds: elapsedMs / 1000,
  perSecond: verifications / (elapsedMs / 1000),
  latencyMs: { p50: percentile(50), p99: percentile(99) },
  /** CPU time of this process (all threads) per verification. */
  cpuMsPerVerification: (cpu.user + cpu.system) / 1000 / Math.max(1, verifications),
  options: argon2Options,
})
