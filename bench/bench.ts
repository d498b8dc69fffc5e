/** What bench/main.ts dispatches to. Each bench returns its figures; main prints them as the closing JSON lines. */
import type { Flags } from './lib/args.js'
import type { Figure } from './lib/report.js'

export interface Bench {
  readonly name: string
  /** One line for the listing. */
  readonly summary: string
  /** `--flag=value  meaning` lines for the listing. */
  readonly flags: readonly string[]
  run(flags: Flags): Promise<Figure[]>
}
