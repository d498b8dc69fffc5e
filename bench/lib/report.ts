import os from 'node:os'

/**
 * The machine-readable end of every bench: one JSON line per figure,
 * `{"bench","figure","value","target","ceiling","ratio","pass"}`, with the ceiling measured in the same run.
 * `target` is in the figure's own unit (like `value`). Targets are usually set as a minimum ratio to the same-run
 * ceiling (absolute figures drift between machines; ratios do not), so `target = targetRatio × ceiling`; a bench
 * may also demand an absolute minimum, and the stricter of the two is printed.
 */
export interface Figure {
  readonly bench: string
  readonly figure: string
  readonly value: number
  /** Minimum acceptable value, in the figure's unit. */
  readonly target: number
  readonly ceiling: number
  /** value / ceiling, 2 decimals. */
  readonly ratio: number
  /** value ≥ target, and no failed requests. */
  readonly pass: boolean
}

export const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** Rates as integers from 100 up, one decimal below (logins/s are in the tens). */
export const roundRate = (value: number): number => roundTo(value, Math.abs(value) >= 100 ? 0 : 1)

export const ratioOf = (value: number, ceiling: number): number =>
  ceiling > 0 ? roundTo(value / ceiling, 2) : 0

/** How much lower `value` is than `reference`, in percent of `reference` (e.g. 40 = 40 % slower). */
export const percentBelow = (value: number, reference: number): number =>
  reference > 0 ? roundTo(((reference - value) / reference) * 100, 1) : 0

export function makeFigure(input: {
  bench: string
  figure: string
  value: number
  ceiling: number
  /** Minimum value / ceiling. */
  targetRatio: number
  /** Minimum absolute value, when the issue names one. */
  targetValue?: number
  /** Extra condition besides the target (e.g. zero failed requests). Default true. */
  valid?: boolean
}): Figure {
  const value = roundRate(input.value)
  const ceiling = roundRate(input.ceiling)
  const target = roundRate(Math.max(input.targetRatio * input.ceiling, input.targetValue ?? 0))
  return {
    bench: input.bench,
    figure: input.figure,
    value,
    target,
    ceiling,
    ratio: ratioOf(input.value, input.ceiling),
    pass: value >= target && (input.valid ?? true),
  }
}

/** The key order is part of the format. */
export const figureLine = (figure: Figure): string =>
  JSON.stringify({
    bench: figure.bench,
    figure: figure.figure,
    value: figure.value,
    target: figure.target,
    ceiling: figure.ceiling,
    ratio: figure.ratio,
    pass: figure.pass,
  })

/** Load average at the start: other work on the 2 cores makes every figure lower. */
export function printMachine(): void {
  const [one = 0] = os.loadavg()
  line(
    `  machine: ${os.availableParallelism()} CPUs, load average ${one.toFixed(2)}` +
      (one > 0.5 ? ' — ! the machine is busy: figures will be low and noisy (see the CPU lines)' : ''),
  )
}

export function heading(text: string): void {
  process.stdout.write(`\n== ${text}\n`)
}

export function line(text = ''): void {
  process.stdout.write(`${text}\n`)
}
