/**
 * One-shot job of `npm run bench -- search`: migrates the bench database (DATA_DIR / DATABASE_URL from the
 * environment), writes one agency with ~1,000 units and `--employees` employees (valid NIPs, realistic names, the
 * name-token index the app searches), an agency admin with TOTP for the load generator, and prints
 * `NETRA_BENCH_RESULT {…}` with the credentials and samples to build queries from.
 *
 * Rows are built exactly as the app builds them (searchNameOf, nameTokensOf) but written with bulk statements:
 * SQLite through the raw better-sqlite3 connection (prepared statements, one transaction per 20,000 employees),
 * PostgreSQL through multi-row `INSERT … SELECT FROM unnest($1::text[], …)` of 5,000 rows.
 */
import pino from 'pino'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import type { EmployeeRow, UnitRow } from '../../src/db/tables.js'
import { searchNameOf } from '../../src/domain/employee-record.js'
import type { Gender } from '../../src/domain/employee-fields.js'
import { createAgency } from '../../src/features/agencies/agencies.service.js'
import { systemActor } from '../../src/features/audit/audit.service.js'
import { newTotpSecret } from '../../src/features/auth/totp.js'
import { createAccount } from '../../src/features/auth/users.service.js'
import { createNipIssuer, createRandom, personName, randomDate } from '../../src/features/demo/demo-people.js'
import { insertUnits } from '../../src/features/units/units.repository.js'
import { tokenRowsOf } from '../../src/features/employees/employees.repository.js'
import { createLogger } from '../../src/platform/logger.js'
import { newId } from '../../src/platform/ids.js'
import { createSealer } from '../../src/platform/sealer.js'
import { parseArgs } from '../lib/args.js'
import { unitRows } from '../lib/unit-rows.js'
import { announceResult } from '../lib/child-protocol.js'

export interface SearchSetupResult {
  readonly agencyId: string
  readonly username: string
  readonly password: string
  readonly totpSecret: string
  readonly employees: number
  readonly tokens: number
  readonly units: number
  readonly seconds: { readonly generateAndInsert: number; readonly vacuumAnalyze: number }
  /** Employees sampled uniformly: what realistic queries look for. */
  readonly samples: readonly { id: string; nip: string | null; name: string; unitId: string }[]
  /** Units to filter by: top-level (large subtrees) and leaves (small). */
  readonly filterUnits: { readonly large: readonly string[]; readonly small: readonly string[] }
}

const { flags } = parseArgs(process.argv.slice(2))
const total = Number(flags.get('employees') ?? '1000000')
const seed = Number(flags.get('seed') ?? '7')

const config = loadConfig(process.env)
const context = await createContext(config, { logger: createLogger('warn', pino.destination(2)) })
const db = context.database.db
const random = createRandom(seed)
const started = performance.now()

const agency = await createAgency(db, context.clock, systemActor, {
  slug: 'bench-search',
  name: 'Pemerintah Provinsi Bench',
  kind: 'pemprov',
  timeZone: 'Asia/Jakarta',
})
const now = context.clock.now().toISOString()

// 40 OPD × 5 bidang × 4 units below each bidang = 1,040 units.
const { units, unit } = unitRows(agency.id, now)
const large: string[] = []
const small: string[] = []
const leaves: UnitRow[] = []
for (let o = 1; o <= 40; o++) {
  const opd = unit(null, `Dinas Bench ${o}`, 'opd')
  large.push(opd.id)
  for (let b = 1; b <= 5; b++) {
    const bidang = unit(opd, `Bidang ${b} Dinas ${o}`, 'bidang')
    for (let s = 1; s <= 4; s++) {
      const leaf = unit(bidang, `Seksi ${s} Bidang ${b} Dinas ${o}`, 'upt')
      leaves.push(leaf)
      small.push(leaf.id)
    }
  }
}
await insertUnits(db, units)

const issueNip = createNipIssuer()
const grades = ['II/a', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'] as const
const pppkGrades = ['V', 'VII', 'IX', 'X'] as const
const samples: SearchSetupResult['samples'][number][] = []
const sampleEvery = Math.max(1, Math.floor(total / 4000))

function employee(index: number): EmployeeRow {
  const gender: Gender = random.chance(0.5) ? 'female' : 'male'
  const birthDate = randomDate(random, 1965, 2000)
  const born = Number(birthDate.slice(0, 4))
  const roll = random.next()
  const kind = roll < 0.7 ? 'PNS' : roll < 0.9 ? 'PPPK' : 'NON_ASN'
  const nip =
    kind === 'PNS'
      ? issueNip(
          'PNS',
          birthDate,
          { year: Math.min(born + random.int(20, 30), 2024), month: random.int(1, 12) },
          gender,
        )
      : kind === 'PPPK'
        ? issueNip('PPPK', birthDate, { year: Math.max(random.int(2019, 2024), born + 19), month: 1 }, gender)
        : null
  const name = personName(random, gender)
  const place = leaves[index % leaves.length] ?? leaves[0]
  if (!place) throw new Error('no units')
  const row: EmployeeRow = {
    id: newId(),
    agencyId: agency.id,
    unitId: place.id,
    kind,
    nip,
    nik: null,
    name,
    frontTitle: null,
    backTitle: random.chance(0.5) ? 'S.E.' : null,
    gender,
    birthDate,
    grade: kind === 'PNS' ? random.pick(grades) : kind === 'PPPK' ? random.pick(pppkGrades) : null,
    positionType: kind === 'NON_ASN' ? null : random.pick(['fungsional', 'pelaksana'] as const),
    positionTitle: kind === 'NON_ASN' ? 'Tenaga Administrasi' : 'Pengadministrasi Perkantoran',
    superiorId: null,
    status: random.chance(0.97) ? 'active' : 'retired',
    email: null,
    phone: null,
    whatsapp: null,
    searchName: '',
    createdAt: now,
    updatedAt: now,
  }
  const withSearch = { ...row, searchName: searchNameOf(row) }
  if (index % sampleEvery === 0) samples.push({ id: row.id, nip, name, unitId: place.id })
  return withSearch
}

const columns = [
  'id',
  'agency_id',
  'unit_id',
  'kind',
  'nip',
  'nik',
  'name',
  'front_title',
  'back_title',
  'gender',
  'birth_date',
  'grade',
  'position_type',
  'position_title',
  'superior_id',
  'status',
  'email',
  'phone',
  'whatsapp',
  'search_name',
  'created_at',
  'updated_at',
] as const
const valuesOf = (row: EmployeeRow) => [
  row.id,
  row.agencyId,
  row.unitId,
  row.kind,
  row.nip,
  row.nik,
  row.name,
  row.frontTitle,
  row.backTitle,
  row.gender,
  row.birthDate,
  row.grade,
  row.positionType,
  row.positionTitle,
  row.superiorId,
  row.status,
  row.email,
  row.phone,
  row.whatsapp,
  row.searchName,
  row.createdAt,
  row.updatedAt,
]

const tokenColumns = [
  'agency_id',
  'token',
  'sort_name',
  'employee_id',
  'unit_id',
  'status',
  'kind',
  'grade',
  'position_type',
] as const
const tokenValuesOf = (row: ReturnType<typeof tokenRowsOf>[number]) => [
  row.agencyId,
  row.token,
  row.sortName,
  row.employeeId,
  row.unitId,
  row.status,
  row.kind,
  row.grade,
  row.positionType,
]

let tokens = 0
const sqlite = context.database.sqlite
if (sqlite) {
  // A bench load: durability of the temporary file does not matter, its speed does.
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -400000')
  const insertEmployee = sqlite.prepare(
    `insert into employees (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  )
  const insertToken = sqlite.prepare(
    `insert into employee_name_tokens (${tokenColumns.join(', ')}) values (${tokenColumns.map(() => '?').join(', ')})`,
  )
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const row = employee(index)
      insertEmployee.run(...valuesOf(row))
      for (const token of tokenRowsOf([row])) {
        insertToken.run(...tokenValuesOf(token))
        tokens++
      }
    }
  })
  for (let from = 0; from < total; from += 20_000) {
    batch(from, Math.min(total, from + 20_000))
    if ((from / 20_000) % 10 === 0)
      process.stderr.write(`  inserted ${from.toLocaleString('en-US')} employees\n`)
  }
  sqlite.pragma('synchronous = NORMAL')
} else {
  const pool = context.database.pool
  if (!pool) throw new Error('no database connection')
  const types = columns.map(() => 'text')
  const employeeSql = `insert into employees (${columns.join(', ')})
    select ${columns.map((c, i) => (c === 'birth_date' ? `u${i}::date` : c.endsWith('_at') ? `u${i}::timestamptz` : `u${i}`)).join(', ')}
    from unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) as t(${columns.map((_, i) => `u${i}`).join(', ')})`
  const tokenSql = `insert into employee_name_tokens (${tokenColumns.join(', ')})
    select * from unnest(${tokenColumns.map((_, i) => `$${i + 1}::text[]`).join(', ')})`
  for (let from = 0; from < total; from += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, total - from) }, (_, i) => employee(from + i))
    const values = rows.map(valuesOf)
    const employeeColumns = columns.map((_, c) => values.map((row) => row[c]))
    const tokenRows = tokenRowsOf(rows).map(tokenValuesOf)
    tokens += tokenRows.length
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(employeeSql, employeeColumns)
      await client.query(
        tokenSql,
        tokenColumns.map((_, c) => tokenRows.map((row) => row[c])),
      )
      await client.query('commit')
    } finally {
      client.release()
    }
    if ((from / 5_000) % 40 === 0)
      process.stderr.write(`  inserted ${from.toLocaleString('en-US')} employees\n`)
  }
}
const inserted = performance.now()

// PostgreSQL's autovacuum would vacuum and analyze the new tables soon after a bulk load (statistics for the
// planner, and the visibility map that index-only scans of the token b-tree rely on); do it now so the searches
// see the steady state. SQLite keeps no statistics unless asked (the app never runs ANALYZE): left as the app has it.
if (!sqlite) await context.database.pool?.query('vacuum (analyze) employees, employee_name_tokens, units')
const analyzed = performance.now()

const username = 'bench-search-admin'
const password = 'Sandi-Bench-Pencarian-2026'
await createAccount(db, context.clock, systemActor, {
  username,
  displayName: 'Bench Search Admin',
  agencyId: agency.id,
  assignments: [{ role: 'agency_admin', agencyId: agency.id, unitId: null }],
  password,
  passwordIsTemporary: false,
})
const totpSecret = newTotpSecret()
if (!config.sessionSecret) throw new Error('no session secret')
const sealer = await createSealer(config.sessionSecret, 'totp')
await db
  .updateTable('users')
  .set({ totpSecretSealed: sealer.seal(totpSecret), totpEnabledAt: context.clock.now().toISOString() })
  .where('username', '=', username)
  .execute()
await context.close()

const result: SearchSetupResult = {
  agencyId: agency.id,
  username,
  password,
  totpSecret,
  employees: total,
  tokens,
  units: units.length,
  seconds: {
    generateAndInsert: (inserted - started) / 1000,
    vacuumAnalyze: (analyzed - inserted) / 1000,
  },
  samples,
  filterUnits: { large, small },
}
announceResult(result)
