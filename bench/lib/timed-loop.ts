/**
 * A CPU-bound ceiling measured in-process: `concurrency` copies of `step` run back to back until the time is up
 * (after a warm-up), and the figures of the measured run come back — how many, per second, latency p50/p99 and the
 * CPU time of this process (all threads) per step. Used by the argon2 ceilings (bench/servers/argon2-verify.ts,
 * receipt-hash.ts).
 */
export interface TimedLoopResult {
  readonly count: number
  readonly seconds: number
  readonly perSecond: number
  readonly latencyMs: { readonly p50: number; readonly p99: number }
  readonly cpuMsPerStep: number
}

async function run(
  concurrency: number,
  durationMs: number,
  step: () => Promise<void>,
): Promise<{ count: number; elapsedMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = []
  const started = performance.now()
  const deadline = started + durationMs
  let count = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now()
      await step()
      latenciesMs.push(performance.now() - t0)
      count++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { count, elapsedMs: performance.now() - started, latenciesMs }
}

export async function measureTimedLoop(options: {
  readonly concurrency: number
  readonly seconds: number
  readonly warmupSeconds: number
  readonly step: () => Promise<void>
}): Promise<TimedLoopResult> {
  const { concurrency, step } = options
  if (options.warmupSeconds > 0) await run(concurrency, options.warmupSeconds * 1000, step)
  const cpuBefore = process.cpuUsage()
  const { count, elapsedMs, latenciesMs } = await run(concurrency, options.seconds * 1000, step)
  const cpu = process.cpuUsage(cpuBefore)
  latenciesMs.sort((a, b) => a - b)
  const percentile = (p: number) =>
    latenciesMs[Math.min(latenciesMs.length - 1, Math.floor((p / 100) * latenciesMs.length))] ?? 0
  return {
    count,
    seconds: elapsedMs / 1000,
    perSecond: count / (elapsedMs / 1000),
    latencyMs: { p50: percentile(50), p99: percentile(99) },
    cpuMsPerStep: (cpu.user + cpu.system) / 1000 / Math.max(1, count),
  }
}
