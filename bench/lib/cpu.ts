/**
 * Who used the CPU during a measurement. The machines have 2 cores and other work (test runs, builds) may share
 * them; a rate measured while other processes took a core reads low. The CPU time the server spent per request
 * is steadier than its rate on a shared machine. Linux /proc only; elsewhere the watch reports nothing.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'

const ticksPerSecond = 100 // USER_HZ on Linux

function readBusyTicks(): number | undefined {
  try {
    const first = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
    const [, user, nice, system, , , irq, softirq, steal] = first.trim().split(/\s+/).map(Number)
    return [user, nice, system, irq, softirq, steal].reduce<number>((sum, value) => sum + (value ?? 0), 0)
  } catch {
    return undefined
  }
}

function readProcessTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0 // the process has exited
  }
}

interface Sample {
  readonly busy: number
  readonly self: number
  readonly servers: number
  readonly at: number
}

export interface CpuUse {
  readonly seconds: number
  /** Average cores used by the processes under test (servers, jobs, their database backends). */
  readonly serverCores: number
  /** Average cores used by this process (the load generator). */
  readonly benchCores: number
  /** Average cores used by everything else on the machine. */
  readonly othersCores: number
  readonly cores: number
}

/** Other processes using more than this many cores make a run suspect. */
export const noisyOthersCores = 0.15

export const isNoisy = (use: CpuUse | undefined): boolean => (use?.othersCores ?? 0) > noisyOthersCores

/** Starts watching; `stop()` returns the average core use since, or undefined where /proc is unavailable. */
export function watchCpu(serverPids: readonly number[]): { stop(): CpuUse | undefined } {
  const sample = (): Sample | undefined => {
    const busy = readBusyTicks()
    if (busy === undefined) return undefined
    return {
      busy,
      self: readProcessTicks(process.pid),
      servers: serverPids.reduce((sum, pid) => sum + readProcessTicks(pid), 0),
      at: performance.now(),
    }
  }
  const start = sample()
  return {
    stop() {
      const end = sample()
      if (!start || !end) return undefined
      const seconds = (end.at - start.at) / 1000
      const cores = (ticks: number) => ticks / ticksPerSecond / seconds
      const serverCores = cores(end.servers - start.servers)
      const benchCores = cores(end.self - start.self)
      const othersCores = Math.max(0, cores(end.busy - start.busy) - serverCores - benchCores)
      return { seconds, serverCores, benchCores, othersCores, cores: os.availableParallelism() }
    },
  }
}

export function describeCpu(use: CpuUse | undefined): string {
  if (!use) return ''
  return (
    `CPU (of ${use.cores} cores): under test ${use.serverCores.toFixed(2)}, bench ${use.benchCores.toFixed(2)}, ` +
    `other processes ${use.othersCores.toFixed(2)}`
  )
}
