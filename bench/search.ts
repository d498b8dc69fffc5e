/**
 * `npm run bench -- search`: employee search over 1M employees (issue #3 target: p95 < 100 ms).
 *
 * A one-shot job (servers/search-setup.ts) writes one agency with 1,040 units and `--employees` employees (valid
 * NIPs, names from the demo roster's generator, the name-token index) into a temporary SQLite file, or with
 * `--db=postgres` into a throw-away PostgreSQL database. The real app (servers/search-app.ts) then serves
 * GET /api/v1/employees to one signed-in agency admin, one request at a time, with a realistic mix: NIP prefixes,
 * first names, family names, two-word queries, 3–4 letter prefixes, and name searches inside a unit subtree
 * (large and small). Each search is followed by the same-run ceiling: a bare primary-key lookup of one employee
 * through the same HTTP stack (GET /api/bench/employees/:id), so both see the same noise.
 *
 * Figure `search_p95_ms` is lower-is-better: value = p95 of the searches, target = 100 (ms), ceiling = p95 of the
 * primary-key lookups, ratio = value / ceiling, pass = value ≤ target and every request answered 200.
 */
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { unlimitedRate } from './lib/app.js'
import { runJob, startServer } from './lib/child.js'
import { databaseKinds, prepareDatabase } from './lib/database.js'
import { heading, line, printMachine, roundTo, type Figure } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'
import type { SearchSetupResult } from './servers/search-setup.js'
import { totpCodeAt } from '../src/features/auth/totp.js'
import { createRandom } from '../src/features/demo/demo-people.js'

const targetMs = 100

const categories = ['nip_prefix', 'first_name', 'family_name', 'two_words', 'prefix', 'in_unit'] as const
type Category = (typeof categories)[number]

interface Query {
  readonly category: Category
  readonly path: string
}

/** The figure format of lib/report.ts for a lower-is-better latency (same keys, same order). */
export function latencyFigure(input: {
  bench: string
  figure: string
  valueMs: number
  ceilingMs: number
  targetMs: number
  valid: boolean
}): Figure {
  const value = roundTo(input.valueMs, 2)
  const ceiling = roundTo(input.ceilingMs, 2)
  return {
    bench: input.bench,
    figure: input.figure,
    value,
    target: input.targetMs,
    ceiling,
    ratio: ceiling > 0 ? roundTo(value / ceiling, 2) : 0,
    pass: value <= input.targetMs && input.valid,
  }
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0
}

const describe = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`

function queryMix(setup: SearchSetupResult, count: number): Query[] {
  const random = createRandom(11)
  const people = setup.samples
  const withNip = people.filter((person) => person.nip !== null)
  const words = (name: string) => name.split(' ')
  const q = (text: string, extra = '') =>
    `/api/v1/employees?q=${encodeURIComponent(text)}&pageSize=25${extra}`
  const weights: [Category, number][] = [
    ['nip_prefix', 0.2],
    ['first_name', 0.2],
    ['family_name', 0.2],
    ['two_words', 0.15],
    ['prefix', 0.1],
    ['in_unit', 0.15],
  ]
  const pickCategory = (): Category => {
    let roll = random.next()
    for (const [category, weight] of weights) {
      if (roll < weight) return category
      roll -= weight
    }
    return 'first_name'
  }
  return Array.from({ length: count }, (): Query => {
    const category = pickCategory()
    const person = random.pick(people)
    const parts = words(person.name)
    const first = parts[0] ?? person.name
    const last = parts.at(-1) ?? person.name
    switch (category) {
      case 'nip_prefix': {
        const nip = random.pick(withNip).nip ?? ''
        const length = random.pick([4, 8, 8, 14, 18])
        // A whole NIP is often typed with the usual spaces: `19860926 201505 1 001`.
        const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
        return { category, path: q(length === 18 && random.chance(0.5) ? spaced : nip.slice(0, length)) }
      }
      case 'first_name':
        return { category, path: q(first) }
      case 'family_name':
        return { category, path: q(last) }
      case 'two_words':
        return { category, path: q(`${first} ${last.slice(0, random.int(3, Math.max(3, last.length)))}`) }
      case 'prefix':
        return { category, path: q(random.pick(parts).slice(0, random.int(3, 4))) }
      case 'in_unit': {
        const unitId = random.chance(0.5)
          ? random.pick(setup.filterUnits.large)
          : random.chance(0.5)
            ? person.unitId
            : random.pick(setup.filterUnits.small)
        return { category, path: q(random.chance(0.5) ? first : last, `&unitId=${unitId}`) }
      }
    }
  })
}

export const search: Bench = {
  name: 'search',
  summary:
    'employee search p95 over 1M employees (GET /api/v1/employees) vs a primary-key lookup; target < 100 ms',
  flags: [
    '--db=sqlite|postgres  database (postgres: a throw-away database next to the one DATABASE_URL names)',
    '--employees=1000000   employees to generate',
    '--queries=2000        measured searches (each followed by one primary-key lookup)',
    '--warmup=200          searches before measuring (not counted)',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'employees', 'queries', 'warmup'])
    const employees = numberFlag(flags, 'employees', 1_000_000, { min: 1000, integer: true })
    const queries = numberFlag(flags, 'queries', 2000, { min: 10, integer: true })
    const warmup = numberFlag(flags, 'warmup', 200, { integer: true })
    const dataDir = makeTempDir('search')
    const database = await prepareDatabase(stringFlag(flags, 'db', databaseKinds, 'sqlite'))
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: unlimitedRate,
      LOGIN_RATE_LIMIT_PER_MINUTE: unlimitedRate,
      ...database.env,
    }

    heading(`search — ${employees.toLocaleString('en-US')} employees, ${queries} searches one at a time`)
    printMachine()
    line(`  database: ${database.description}`)

    line(`\ngenerating ${employees.toLocaleString('en-US')} employees…`)
    const { result: setup } = await runJob<SearchSetupResult>({
      script: 'search-setup.ts',
      label: 'setup',
      args: [`--employees=${employees}`],
      env,
      timeoutMs: 60 * 60_000,
    })
    const insertSeconds = setup.seconds.generateAndInsert
    line(
      `  ${setup.employees.toLocaleString('en-US')} employees, ${setup.tokens.toLocaleString('en-US')} name tokens, ` +
        `${setup.units} units in ${insertSeconds.toFixed(1)} s ` +
        `(${Math.round(setup.employees / insertSeconds).toLocaleString('en-US')} employees/s)` +
        (setup.seconds.vacuumAnalyze > 0.01
          ? `; VACUUM ANALYZE ${setup.seconds.vacuumAnalyze.toFixed(1)} s`
          : ''),
    )

    const server = await startServer({ script: 'search-app.ts', label: 'app', env })
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: setup.username,
          password: setup.password,
          totp: await totpCodeAt(setup.totpSecret, new Date()),
        }),
      })
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      if (login.status !== 200 || !cookie)
        throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
      const headers = { cookie }

      let failures = 0
      let empty = 0
      const get = async (path: string): Promise<{ ms: number; body: unknown }> => {
        const started = performance.now()
        const response = await fetch(`${server.url}${path}`, { headers })
        const body: unknown = await response.json()
        const elapsed = performance.now() - started
        if (response.status !== 200) failures++
        return { ms: elapsed, body }
      }

      const mix = queryMix(setup, warmup + queries)
      line(`\nwarming up with ${warmup} searches…`)
      for (const query of mix.slice(0, warmup)) await get(query.path)

      line(`measuring ${queries} searches, each followed by a primary-key lookup…`)
      const searchMs: Record<Category, number[]> = {
        nip_prefix: [],
        first_name: [],
        family_name: [],
        two_words: [],
        prefix: [],
        in_unit: [],
      }
      const all: number[] = []
      const lookups: number[] = []
      const lookupIds = setup.samples.map((sample) => sample.id)
      for (const [index, query] of mix.slice(warmup).entries()) {
        const result = await get(query.path)
        searchMs[query.category].push(result.ms)
        all.push(result.ms)
        if ((result.body as { items?: unknown[] }).items?.length === 0) empty++
        lookups.push((await get(`/api/bench/employees/${lookupIds[index % lookupIds.length] ?? ''}`)).ms)
      }

      const overall = describe(all)
      const ceiling = describe(lookups)
      heading('search — figures')
      line('  category        n      p50       p95       p99       max')
      for (const category of categories) {
        const d = describe(searchMs[category])
        line(
          `  ${category.padEnd(13)} ${String(d.n).padStart(4)}  ${ms(d.p50).padStart(8)}  ${ms(d.p95).padStart(8)}  ` +
            `${ms(d.p99).padStart(8)}  ${ms(d.max).padStart(8)}`,
        )
      }
      line(
        `  all searches  ${String(overall.n).padStart(4)}  ${ms(overall.p50).padStart(8)}  ${ms(overall.p95).padStart(8)}  ` +
          `${ms(overall.p99).padStart(8)}  ${ms(overall.max).padStart(8)}   (target p95 < ${targetMs} ms)`,
      )
      line(
        `  PK lookup     ${String(ceiling.n).padStart(4)}  ${ms(ceiling.p50).padStart(8)}  ${ms(ceiling.p95).padStart(8)}  ` +
          `${ms(ceiling.p99).padStart(8)}  ${ms(ceiling.max).padStart(8)}   (same-run ceiling)`,
      )
      line(`  ${empty} of ${queries} searches found nothing; ${failures} requests failed`)
      if (failures > 0) line('  ! failed requests: the figure does not pass')

      return [
        latencyFigure({
          bench: 'search',
          figure: 'search_p95_ms',
          valueMs: overall.p95,
          ceilingMs: ceiling.p95,
          targetMs,
          valid: failures === 0,
        }),
      ]
    } finally {
      await server.stop()
    }
  },
}
