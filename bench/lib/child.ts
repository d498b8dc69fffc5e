/**
 * Parent side of bench/servers/*.ts: start a TypeScript file in its own Node process (so autocannon in this
 * process does not steal the server's event loop), wait for its readiness line, stop it on cleanup.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { onCleanup } from './cleanup.js'
import { watchCpu, type CpuUse } from './cpu.js'
import { readyPrefix, resultPrefix } from './child-protocol.js'

export const projectRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)))
export const serversDir = path.join(projectRoot, 'bench', 'servers')

export interface ChildOptions {
  /** File under bench/servers/ (e.g. 'app.ts') or an absolute path. */
  readonly script: string
  readonly args?: readonly string[]
  /** Added to (and overriding) this process's environment. */
  readonly env?: Readonly<Record<string, string>>
  /** Prefix of the child's forwarded stderr lines. */
  readonly label?: string
  /** How long to wait for the readiness / result line (default 120 s: seeding accounts hashes passwords). */
  readonly timeoutMs?: number
}

export interface RunningServer {
  readonly label: string
  readonly pid: number
  readonly port: number
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  readonly stop: () => Promise<void>
}

interface Spawned {
  readonly child: ChildProcessWithoutNullStreams
  readonly label: string
  readonly exited: Promise<number | null>
  /** Resolves with the payload of the first stdout line starting with `prefix`. */
  waitForLine(prefix: string, timeoutMs: number): Promise<string>
  readonly stop: () => Promise<void>
}

function spawnTs(options: ChildOptions): Spawned {
  const script = path.isAbsolute(options.script) ? options.script : path.join(serversDir, options.script)
  const label = options.label ?? path.basename(script, '.ts')
  // `node --import tsx file.ts` is one process (the tsx CLI would add a wrapper process between us and it).
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: projectRoot,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const stderrTail: string[] = []
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line)
    if (stderrTail.length > 40) stderrTail.shift()
    process.stderr.write(`  [${label}] ${line}\n`)
  })
  const stdoutLines = createInterface({ input: child.stdout })
  const seen: string[] = []
  const waiters: { prefix: string; resolve: (payload: string) => void }[] = []
  stdoutLines.on('line', (line) => {
    seen.push(line)
    if (seen.length > 200) seen.shift()
    for (const waiter of waiters.splice(0)) {
      if (line.startsWith(waiter.prefix)) waiter.resolve(line.slice(waiter.prefix.length))
      else waiters.push(waiter)
    }
  })

  const killSync = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  const unregister = onCleanup(
    `stop ${label} (pid ${child.pid ?? '?'})`,
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.stdin.end()
      child.kill('SIGTERM')
      const timer = setTimeout(killSync, 5_000)
      await exited
      clearTimeout(timer)
    },
    killSync,
  )

  return {
    child,
    label,
    exited,
    stop: unregister,
    waitForLine(prefix, timeoutMs) {
      const earlier = seen.find((line) => line.startsWith(prefix))
      if (earlier !== undefined) return Promise.resolve(earlier.slice(prefix.length))
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`${label}: no "${prefix.trim()}" line within ${timeoutMs / 1000} s`))
        }, timeoutMs)
        waiters.push({
          prefix,
          resolve: (payload) => {
            clearTimeout(timer)
            resolve(payload)
          },
        })
        void exited.then((code) => {
          clearTimeout(timer)
          const tail = stderrTail.length > 0 ? `\n${stderrTail.join('\n')}` : ''
          reject(
            new Error(`${label} exited with code ${String(code)} before printing "${prefix.trim()}"${tail}`),
          )
        })
      })
    },
  }
}

/** Starts a server under bench/servers and resolves once it printed the port it listens on. */
export async function startServer(options: ChildOptions): Promise<RunningServer> {
  const spawned = spawnTs(options)
  try {
    const payload = await spawned.waitForLine(readyPrefix, options.timeoutMs ?? 120_000)
    const { port } = JSON.parse(payload) as { port: number }
    return {
      label: spawned.label,
      pid: spawned.child.pid ?? -1,
      port,
      url: `http://127.0.0.1:${port}`,
      stop: spawned.stop,
    }
  } catch (error) {
    await spawned.stop()
    throw error
  }
}

/**
 * Runs a one-shot job under bench/servers to completion: the JSON of its result line, and the CPU use while
 * it ran (`extraPids`: other processes of ours that are alive meanwhile, e.g. an idle server).
 */
export async function runJob<T>(
  options: ChildOptions & { readonly extraPids?: readonly number[] },
): Promise<{ result: T; cpu: CpuUse | undefined }> {
  const spawned = spawnTs(options)
  const cpuWatch = watchCpu([spawned.child.pid ?? -1, ...(options.extraPids ?? [])])
  try {
    const payload = await spawned.waitForLine(resultPrefix, options.timeoutMs ?? 120_000)
    // Sampled before the job exits: /proc forgets an exited process's CPU time.
    const cpu = cpuWatch.stop()
    const code = await spawned.exited
    if (code !== 0) throw new Error(`${spawned.label} exited with code ${String(code)}`)
    return { result: JSON.parse(payload) as T, cpu }
  } finally {
    await spawned.stop()
  }
}
