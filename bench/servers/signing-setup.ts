/**
 * One-shot job of `npm run bench -- signing`: migrates the bench database (DATA_DIR / DATABASE_URL from the
 * environment), writes one agency with 20 units and `--employees` active employees (valid NIPs and birth dates,
 * realistic names, no e-mail so opening queues no mail), an agency admin, then through the pledges service the
 * default templates and one campaign over the whole agency, open from an hour ago for a week. Opening issues one
 * one-time code per employee; they come back in `NETRA_BENCH_RESULT {…}` with each employee's date of birth and
 * name — what an employee types on the signing page.
 *
 * Employees are written in bulk through the employees repository (`insertEmployees`, one transaction); the
 * templates and the campaign go through the service, exactly as the API would do them.
 */
import pino from 'pino'
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import type { EmployeeRow, UnitRow } from '../../src/db/tables.js'
import type { Actor } from '../../src/domain/access.js'
import type { Gender } from '../../src/domain/employee-fields.js'
import { searchNameOf } from '../../src/domain/employee-record.js'
import { createAgency } from '../../src/features/agencies/agencies.service.js'
import { systemActor } from '../../src/features/audit/audit.service.js'
import { createAccount } from '../../src/features/auth/users.service.js'
import { createNipIssuer, createRandom, personName, randomDate } from '../../src/features/demo/demo-people.js'
import { insertEmployees } from '../../src/features/employees/employees.repository.js'
import { insertUnits } from '../../src/features/units/units.repository.js'
import { createLogger } from '../../src/platform/logger.js'
import { newId } from '../../src/platform/ids.js'
import { parseArgs } from '../lib/args.js'
import { unitRows } from '../lib/unit-rows.js'
import { announceResult } from '../lib/child-protocol.js'

/** What one virtual client needs: the code from the link and what the employee types. */
export interface Signer {
  readonly code: string
  readonly dateOfBirth: string
  readonly typedName: string
}

export interface SigningSetupResult {
  readonly agencyId: string
  readonly campaignId: string
  readonly employees: number
  readonly units: number
  /** In the order the campaign issued them. */
  readonly signers: readonly Signer[]
  readonly seconds: { readonly employees: number; readonly open: number }
}

const { flags } = parseArgs(process.argv.slice(2))
const total = Number(flags.get('employees') ?? '10000')
const seed = Number(flags.get('seed') ?? '4')

const config = loadConfig(process.env)
const context = await createContext(config, { logger: createLogger('warn', pino.destination(2)) })
const db = context.database.db
const random = createRandom(seed)
const started = performance.now()

const agency = await createAgency(db, context.clock, systemActor, {
  slug: 'bench-signing',
  name: 'Pemerintah Kota Bench',
  kind: 'pemkot',
  timeZone: 'Asia/Jakarta',
})
const now = context.clock.now().toISOString()

// 4 OPD × 4 units below each = 20 units; employees sit in the 16 lower ones.
const { units, unit } = unitRows(agency.id, now)
const leaves: UnitRow[] = []
for (const opd of ['Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Perhubungan', 'BKPSDM']) {
  const parent = unit(null, opd, 'dinas')
  for (let i = 1; i <= 4; i++) leaves.push(unit(parent, `${opd} — Bidang ${i}`, 'bidang'))
}
await insertUnits(db, units)

const issueNip = createNipIssuer()
const grades = ['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'] as const
const rows: EmployeeRow[] = Array.from({ length: total }, (_, index) => {
  const gender: Gender = random.chance(0.5) ? 'female' : 'male'
  const birthDate = randomDate(random, 1965, 2000)
  const born = Number(birthDate.slice(0, 4))
  const pns = random.chance(0.8)
  const nip = pns
    ? issueNip(
        'PNS',
        birthDate,
        { year: Math.min(born + random.int(20, 30), 2024), month: random.int(1, 12) },
        gender,
      )
    : issueNip('PPPK', birthDate, { year: Math.max(random.int(2019, 2024), born + 19), month: 1 }, gender)
  const place = leaves[index % leaves.length]
  if (!place) throw new Error('no units')
  const row: EmployeeRow = {
    id: newId(),
    agencyId: agency.id,
    unitId: place.id,
    kind: pns ? 'PNS' : 'PPPK',
    nip,
    nik: null,
    name: personName(random, gender),
    frontTitle: null,
    backTitle: null,
    gender,
    birthDate,
    grade: pns ? random.pick(grades) : 'IX',
    positionType: random.pick(['fungsional', 'pelaksana'] as const),
    positionTitle: 'Pengadministrasi Perkantoran',
    superiorId: null,
    status: 'active',
    email: null,
    phone: null,
    whatsapp: null,
    searchName: '',
    createdAt: now,
    updatedAt: now,
  }
  return { ...row, searchName: searchNameOf(row) }
})
await db.transaction().execute((trx) => insertEmployees(trx, rows))
const inserted = performance.now()
if (context.database.pool) await context.database.pool.query('vacuum (analyze) employees, units')

const admin = await createAccount(db, context.clock, systemActor, {
  username: 'bench-signing-admin',
  displayName: 'Bench Signing Admin',
  agencyId: agency.id,
  assignments: [{ role: 'agency_admin', agencyId: agency.id, unitId: null }],
  password: 'Sandi-Bench-Ikrar-2026',
  passwordIsTemporary: false,
})
const actor: Actor = {
  userId: admin.id,
  username: admin.username,
  agencyId: agency.id,
  stage: 'full',
  assignments: [{ role: 'agency_admin', agencyId: agency.id, unitId: null }],
}

const pledges = context.services.pledges
const templates = await pledges.seedDefaults(actor, { agencyId: agency.id })
const ikrar = templates.items.find((template) => template.kind === 'ikrar')
if (!ikrar) throw new Error('default ikrar template missing')
const hour = 3600_000
const nowMs = context.clock.now().getTime()
const campaign = await pledges.createCampaign(actor, {
  agencyId: agency.id,
  templateVersionId: ikrar.currentVersion.id,
  name: 'Ikrar Netralitas Pilkada 2026 (bench)',
  target: { scope: 'agency', unitIds: [], employeeKinds: [], positionTypes: [], onlyUnitHeads: false },
  opensAt: new Date(nowMs - hour).toISOString(),
  closesAt: new Date(nowMs + 7 * 24 * hour).toISOString(),
  witnesses: [{ name: 'Drs. Hasan', institution: 'Bawaslu Kota Bench', role: 'Ketua' }],
})
const openStarted = performance.now()
const opened = await pledges.openCampaign(actor, campaign.id)
const openedAt = performance.now()
await context.close()

const byId = new Map(rows.map((row) => [row.id, row]))
const signers = opened.codes.map((issued): Signer => {
  const employee = byId.get(issued.employeeId)
  if (!employee?.birthDate) throw new Error(`code for an unknown employee ${issued.employeeId}`)
  return { code: issued.code, dateOfBirth: employee.birthDate, typedName: employee.name }
})

const result: SigningSetupResult = {
  agencyId: agency.id,
  campaignId: campaign.id,
  employees: total,
  units: units.length,
  signers,
  seconds: { employees: (inserted - started) / 1000, open: (openedAt - openStarted) / 1000 },
}
announceResult(result)
