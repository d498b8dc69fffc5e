/**
 * HTTP load with autocannon from this (the parent) process against a child server: a warm-up whose figures are
 * thrown away, then the measured run. Only 2xx responses count as throughput; everything else is an error.
 */
import autocannon from 'autocannon'
import { describeCpu, isNoisy, watchCpu, type CpuUse } from './cpu.js'

export interface LoadOptions {
  /** Full URL, e.g. `http://127.0.0.1:4567/api/health`. */
  readonly url: string
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Builds each request's body (e.g. cycling through accounts); wins over `body`. */
  readonly nextBody?: () => string
  /** Default 50 (the connection count of the ceilings in docs STACK.md). */
  readonly connections?: number
  /** Seconds; default 2. 0 skips the warm-up. */
  readonly warmupSeconds?: number
  /** Seconds; default 10. */
  readonly durationSeconds?: number
  /** Seconds before autocannon gives up on one response; default 10. */
  readonly timeoutSeconds?: number
  /** Printed in progress lines. */
  readonly title?: string
  /**
   * Processes under test: their CPU counts as ours, not as interference. A function is called after the warm-up
   * (PostgreSQL backends exist only once the app's pool has connected).
   */
  readonly serverPids?: readonly number[] | (() => Promise<readonly number[]>)
}

export interface LoadResult {
  readonly title: string
  readonly connections: number
  readonly durationSeconds: number
  /** 2xx responses per second of the measured run. */
  readonly okPerSecond: number
  readonly ok: number
  readonly non2xx: number
  /** Connection errors and timeouts. */
  readonly errors: number
  readonly timeouts: number
  /** Count per status code (all codes, including 2xx). */
  readonly statusCodes: Readonly<Record<string, number>>
  /** Milliseconds. */
  readonly latency: {
    readonly p50: number
    readonly p90: number
    readonly p99: number
    readonly max: number
    readonly mean: number
  }
  /** CPU use during the measured run (Linux). */
  readonly cpu: CpuUse | undefined
  /** CPU time the server processes spent per 2xx response, in µs (Linux); steadier than the rate on a busy machine. */
  readonly serverCpuMicrosPerRequest: number | undefined
}

async function fire(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  const { nextBody } = options
  return autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: { ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(nextBody
      ? {
          requests: [
            {
              setupRequest: (request) => {
                request.body = nextBody()
                return request
              },
            },
          ],
        }
      : {}),
    connections: options.connections ?? 50,
    duration: seconds,
    timeout: options.timeoutSeconds ?? 10,
  })
}

/** Warm-up, then the measured run; prints one progress line before each. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const title = options.title ?? `${options.method ?? 'GET'} ${new URL(options.url).pathname}`
  const connections = options.connections ?? 50
  const warmup = options.warmupSeconds ?? 2
  const duration = options.durationSeconds ?? 10
  if (warmup > 0) {
    process.stdout.write(`  ${title}: warm-up ${warmup} s at ${connections} connections…\n`)
    await fire(options, warmup)
  }
  process.stdout.write(`  ${title}: measuring ${duration} s at ${connections} connections…\n`)
  const pids =
    typeof options.serverPids === 'function' ? await options.serverPids() : (options.serverPids ?? [])
  const cpuWatch = watchCpu(pids)
  const result = await fire(options, duration)
  const cpu = cpuWatch.stop()
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  )
  const load: LoadResult = {
    title,
    connections,
    durationSeconds: result.duration,
    okPerSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    cpu,
    serverCpuMicrosPerRequest:
      cpu && pids.length > 0 && result['2xx'] > 0
        ? (cpu.serverCores * cpu.seconds * 1e6) / result['2xx']
        : undefined,
  }
  process.stdout.write(`  ${describeLoad(load)}\n`)
  warnIfNoisy(cpu, load.serverCpuMicrosPerRequest)
  return load
}

/** Prints the CPU line, flagging runs during which other processes took a noticeable share of the machine. */
export function warnIfNoisy(cpu: CpuUse | undefined, serverCpuMicrosPerRequest?: number): void {
  if (!cpu) return
  const perRequest =
    serverCpuMicrosPerRequest === undefined
      ? ''
      : `; server CPU ${Math.round(serverCpuMicrosPerRequest)} µs per request`
  process.stdout.write(
    `    ${describeCpu(cpu)}${perRequest}${isNoisy(cpu) ? ' — ! other work competed for the CPU: this run reads low' : ''}\n`,
  )
}

/** A closing remark when any of the given runs was disturbed by other processes. */
export function noiseNote(runs: readonly { readonly cpu: CpuUse | undefined }[]): string | undefined {
  const disturbed = runs.filter((run) => isNoisy(run.cpu)).length
  if (disturbed === 0) return undefined
  return (
    `  ! ${disturbed} of ${runs.length} figure runs shared the CPU with other processes (see the CPU lines): ` +
    'rates and ratios read low; rerun on a quiet machine, or with --rounds=N to keep each best run'
  )
}

export interface RoundsResult {
  /** The fastest run (interference only ever slows a run down, so the best is the least disturbed). */
  readonly best: LoadResult
  readonly all: readonly LoadResult[]
}

/**
 * Runs each variant once per round, interleaved (A B C, A B C, …) so slow phases of the machine hit all of
 * them alike, and keeps each variant's best run.
 */
export async function measureRounds<K extends string>(
  variants: readonly { readonly key: K; readonly options: LoadOptions }[],
  rounds: number,
): Promise<Record<K, RoundsResult>> {
  const all = new Map<K, LoadResult[]>()
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) process.stdout.write(`\nround ${round}/${rounds}\n`)
    for (const variant of variants) {
      const result = await measureLoad(variant.options)
      all.set(variant.key, [...(all.get(variant.key) ?? []), result])
    }
  }
  const byKey = {} as Record<K, RoundsResult>
  for (const [key, results] of all) byKey[key] = { best: bestRun(results), all: results }
  return byKey
}

/** The run with the highest 2xx rate. */
export const bestRun = (results: readonly LoadResult[]): LoadResult => {
  const [first, ...rest] = results
  if (!first) throw new Error('bestRun: no runs')
  return rest.reduce((a, b) => (b.okPerSecond > a.okPerSecond ? b : a), first)
}

/** `12,345/s (runs: 12,001 12,345)` when there were several rounds. */
export function describeRounds(result: RoundsResult, unit = '/s'): string {
  const runs =
    result.all.length > 1 ? ` (runs: ${result.all.map((r) => formatRate(r.okPerSecond)).join(', ')})` : ''
  return `${formatRate(result.best.okPerSecond)}${unit}${runs}`
}

/** One line: rate, latency percentiles, errors. */
export function describeLoad(load: LoadResult): string {
  const failures = load.non2xx + load.errors
  const codes = Object.entries(load.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${code}×${count}`)
    .join(' ')
  return (
    `${load.title}: ${formatRate(load.okPerSecond)}/s (2xx), latency p50 ${load.latency.p50} ms, ` +
    `p99 ${load.latency.p99} ms, max ${load.latency.max} ms; ${failures} failed` +
    (failures > 0
      ? ` (non-2xx ${load.non2xx}${codes ? `: ${codes}` : ''}, errors ${load.errors}, timeouts ${load.timeouts})`
      : '')
  )
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1)
}

/** A steady-state measurement and what a fresh connection's first request cost. */
export interface SteadyLoadResult extends LoadResult {
  /** Latency of each connection's first request (accepted while the server was busy), ms. */
  readonly firstRequest: { readonly n: number; readonly p50: number; readonly max: number }
}

/**
 * Like measureLoad, but warm-up and measurement are one autocannon run over the same connections: only answers
 * that arrive in the measured window count. A fresh run opens all its connections at once, and Node accepts one
 * new connection per event-loop turn, so on a busy server the last of 50 new connections waits a second before
 * its first request is read — a property of bursts of new connections, reported separately (`firstRequest`), not
 * of the steady state the targets are about.
 */
export async function measureSteadyLoad(options: LoadOptions): Promise<SteadyLoadResult> {
  const title = options.title ?? `${options.method ?? 'GET'} ${new URL(options.url).pathname}`
  const connections = options.connections ?? 50
  const warmup = options.warmupSeconds ?? 2
  const duration = options.durationSeconds ?? 10
  process.stdout.write(
    `  ${title}: ${warmup} s warm-up + ${duration} s measured on the same ${connections} connections…\n`,
  )
  const pids =
    typeof options.serverPids === 'function' ? await options.serverPids() : (options.serverPids ?? [])
  const answers: { at: number; ms: number; ok: boolean }[] = []
  const firsts: number[] = []
  const seen = new WeakSet<object>()
  const started = performance.now()
  let cpuWatch: ReturnType<typeof watchCpu> | undefined
  const warmupTimer = setTimeout(() => {
    cpuWatch = watchCpu(pids)
  }, warmup * 1000)
  const { nextBody } = options
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.method ?? 'GET',
        headers: { ...options.headers },
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(nextBody
          ? {
              requests: [
                {
                  setupRequest: (request) => {
                    request.body = nextBody()
                    return request
                  },
                },
              ],
            }
          : {}),
        connections,
        duration: warmup + duration,
        timeout: options.timeoutSeconds ?? 10,
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    )
    ;(instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (client: object, status: number, _bytes: number, responseTime: number) => {
        answers.push({ at: performance.now() - started, ms: responseTime, ok: status >= 200 && status < 300 })
        if (!seen.has(client)) {
          seen.add(client)
          firsts.push(responseTime)
        }
      },
    )
  })
  clearTimeout(warmupTimer)
  const cpu = cpuWatch?.stop()
  const windowStart = warmup * 1000
  const windowEnd = (warmup + duration) * 1000
  const measured = answers.filter((a) => a.at >= windowStart && a.at < windowEnd)
  const ok = measured.filter((a) => a.ok).length
  const sorted = measured.map((a) => a.ms).sort((a, b) => a - b)
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0)
  firsts.sort((a, b) => a - b)
  const load: SteadyLoadResult = {
    title,
    connections,
    durationSeconds: duration,
    okPerSecond: ok / duration,
    ok,
    non2xx: measured.length - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: {},
    latency: {
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: Math.round(sorted.at(-1) ?? 0),
      mean: sorted.length ? Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length) : 0,
    },
    cpu,
    serverCpuMicrosPerRequest:
      cpu && pids.length > 0 && ok > 0 ? (cpu.serverCores * cpu.seconds * 1e6) / ok : undefined,
    firstRequest: {
      n: firsts.length,
      p50: Math.round(firsts[Math.floor(firsts.length / 2)] ?? 0),
      max: Math.round(firsts.at(-1) ?? 0),
    },
  }
  process.stdout.write(`  ${describeLoad(load)}\n`)
  process.stdout.write(
    `    first request of each new connection: p50 ${load.firstRequest.p50} ms, max ${load.firstRequest.max} ms ` +
      `(n ${load.firstRequest.n}; Node accepts one new connection per event-loop turn)\n`,
  )
  warnIfNoisy(cpu, load.serverCpuMicrosPerRequest)
  return load
}
