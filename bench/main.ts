/**
 * `npm run bench -- <name> [--flags]`. Benchmarks, not tests: each measures its own ceiling in the same run and
 * ends with one JSON line per figure (lib/report.ts). Exit code: 0 all figures pass, 1 a figure misses its
 * target, the bench failed, or the name is missing/unknown (the list of benches is printed).
 */
import type { Bench } from './bench.js'
import { health } from './health.js'
import { UsageError, parseArgs } from './lib/args.js'
import { installCleanupHandlers, runCleanups } from './lib/cleanup.js'
import { figureLine, type Figure } from './lib/report.js'
import { login } from './login.js'
// employee import
import { importBench } from './import.js'
// employee search
import { search } from './search.js'
// pledge receipts (issue #4)
import { receipts } from './receipts.js'
// pledge signing through the public API (issue #4)
import { signing } from './signing.js'
// public reports (issue #5)
import { intake } from './intake.js'

const benches: readonly Bench[] = [health, login, importBench, search, receipts, signing, intake]

function printUsage(problem?: string): void {
  const out = process.stderr
  if (problem) out.write(`${problem}\n\n`)
  out.write('Usage: npm run bench -- <name> [--flag=value …]\n\nBenches:\n')
  for (const bench of benches) {
    out.write(`  ${bench.name.padEnd(8)} ${bench.summary}\n`)
    for (const flag of bench.flags) out.write(`             ${flag}\n`)
  }
}

async function main(): Promise<number> {
  const { positionals, flags } = parseArgs(process.argv.slice(2))
  const name = positionals[0]
  const bench = benches.find((candidate) => candidate.name === name)
  if (!bench || positionals.length > 1) {
    printUsage(
      name === undefined
        ? undefined
        : bench
          ? `unexpected argument: ${positionals[1]}`
          : `unknown bench: ${name}`,
    )
    return 1
  }

  installCleanupHandlers()
  let figures: Figure[]
  try {
    figures = await bench.run(flags)
  } catch (error) {
    await runCleanups()
    if (error instanceof UsageError) {
      printUsage(error.message)
      return 1
    }
    process.stderr.write(
      `\nbench ${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    return 1
  }
  await runCleanups()

  const failing = figures.filter((figure) => !figure.pass)
  process.stdout.write(
    `\n${bench.name}: ${figures.length - failing.length}/${figures.length} figures pass` +
      (failing.length > 0 ? ` (failing: ${failing.map((figure) => figure.figure).join(', ')})` : '') +
      '\n',
  )
  for (const figure of figures) process.stdout.write(`${figureLine(figure)}\n`)
  return failing.length > 0 ? 1 : 0
}

process.exitCode = await main()
