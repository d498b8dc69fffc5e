/** Arrange helpers: agencies, accounts with roles (optionally with TOTP already enrolled), signed-in headers. */
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../src/context.js'
import type { RoleAssignment } from '../../src/domain/access.js'
import { createAgency } from '../../src/features/agencies/agencies.service.js'
import type { AgencyView } from '../../src/features/agencies/agencies.schema.js'
import { systemActor } from '../../src/features/audit/audit.service.js'
import { newTotpSecret, totpCodeAt, totpPeriodSeconds } from '../../src/features/auth/totp.js'
import { createAccount } from '../../src/features/auth/users.service.js'
import type { UserView } from '../../src/features/auth/users.schema.js'
import { createSealer } from '../../src/platform/sealer.js'
import { testSessionSecret } from './test-context.js'
// roster: units and employees
import type { EmployeeRow, UnitRow } from '../../src/db/tables.js'
import type { UnitKind } from '../../src/domain/employee-fields.js'
import { searchNameOf } from '../../src/domain/employee-record.js'
import { childPath, depthOf, rootPath } from '../../src/domain/unit-tree.js'
import { insertEmployees } from '../../src/features/employees/employees.repository.js'
import { insertUnits } from '../../src/features/units/units.repository.js'
import { newId } from '../../src/platform/ids.js'

let sequence = 0
const next = () => (sequence += 1)

export async function insertAgency(
  context: AppContext,
  overrides: Partial<{ slug: string; name: string }> = {},
): Promise<AgencyView> {
  const n = next()
  return createAgency(context.database.db, context.clock, systemActor, {
    slug: overrides.slug ?? `instansi-${n}`,
    name: overrides.name ?? `Pemerintah Kabupaten Uji ${n}`,
    kind: 'pemkab',
    timeZone: 'Asia/Jakarta',
  })
}

export interface TestAccount {
  readonly user: UserView
  readonly username: string
  readonly password: string
  readonly totpSecret: string | null
}

export const defaultTestPassword = 'Sandi-Uji-Yang-Panjang-2026'

/**
 * An account with the given roles. `totp: true` enrols a second factor directly (as if the user had scanned the
 * QR code), so staff accounts can sign in fully.
 */
export async function insertAccount(
  context: AppContext,
  options: {
    agencyId: string | null
    assignments: RoleAssignment[]
    username?: string
    password?: string
    totp?: boolean
  },
): Promise<TestAccount> {
  const username = options.username ?? `pengguna${next()}`
  const password = options.password ?? defaultTestPassword
  const user = await createAccount(context.database.db, context.clock, systemActor, {
    username,
    displayName: `Pengguna ${username}`,
    agencyId: options.agencyId,
    assignments: options.assignments,
    password,
    passwordIsTemporary: false,
  })
  let totpSecret: string | null = null
  if (options.totp) {
    totpSecret = newTotpSecret()
    const sealer = await createSealer(context.config.sessionSecret ?? testSessionSecret, 'totp')
    await context.database.db
      .updateTable('users')
      .set({ totpSecretSealed: sealer.seal(totpSecret), totpEnabledAt: context.clock.now().toISOString() })
      .where('id', '=', user.id)
      .execute()
  }
  return { user, username, password, totpSecret }
}

/** An employee (no second factor required) of the given agency. */
export const insertEmployee = (context: AppContext, agencyId: string, username?: string) =>
  insertAccount(context, {
    agencyId,
    assignments: [{ role: 'employee', agencyId, unitId: null }],
    ...(username ? { username } : {}),
  })

/** An agency admin with TOTP enrolled, in the given agency. */
export const insertAgencyAdmin = (context: AppContext, agencyId: string, username?: string) =>
  insertAccount(context, {
    agencyId,
    assignments: [{ role: 'agency_admin', agencyId, unitId: null }],
    totp: true,
    ...(username ? { username } : {}),
  })

/** A TOTP code the server will accept now (the next step when the current one was already used). */
export async function freshTotpCode(context: AppContext, account: TestAccount): Promise<string> {
  if (!account.totpSecret) throw new Error('account has no TOTP secret')
  const row = await context.database.db
    .selectFrom('users')
    .select('totpLastTimeStep')
    .where('id', '=', account.user.id)
    .executeTakeFirstOrThrow()
  const now = context.clock.now()
  const step = Math.floor(now.getTime() / 1000 / totpPeriodSeconds)
  const at =
    row.totpLastTimeStep !== null && Number(row.totpLastTimeStep) >= step
      ? new Date(now.getTime() + totpPeriodSeconds * 1000)
      : now
  return totpCodeAt(account.totpSecret, at)
}

export interface SignedIn {
  readonly cookie: string
  readonly csrfToken: string
  /** Headers for a cookie-authenticated mutation. */
  readonly headers: { cookie: string; 'x-csrf-token': string }
}

/** Signs in through the real HTTP route and returns the session cookie and CSRF token. */
export async function signIn(
  app: FastifyInstance,
  context: AppContext,
  account: TestAccount,
): Promise<SignedIn> {
  const payload: Record<string, string> = { username: account.username, password: account.password }
  if (account.totpSecret) payload.totp = await freshTotpCode(context, account)
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`)
  const body = response.json<{ csrfToken?: string; session?: { csrfToken: string } }>()
  const csrfToken = body.csrfToken ?? body.session?.csrfToken
  const setCookie = response.cookies.find((c) => c.name.endsWith('netra_session'))
  if (!setCookie || !csrfToken) throw new Error(`sign-in returned no session: ${response.body}`)
  const cookie = `${setCookie.name}=${setCookie.value}`
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }
}

// --- roster: units and employees (issue #3) ---

/** A unit placed directly in the database (no actor, no audit): the arrange step of roster tests. */
export async function insertUnit(
  context: AppContext,
  agencyId: string,
  overrides: Partial<{
    parent: { id: string; path: string } | null
    name: string
    code: string | null
    kind: UnitKind
    regionCode: string | null
    deactivatedAt: string | null
  }> = {},
): Promise<UnitRow> {
  const id = newId()
  const path = childPath(overrides.parent?.path ?? rootPath, id)
  const now = context.clock.now().toISOString()
  const row: UnitRow = {
    id,
    agencyId,
    parentId: overrides.parent?.id ?? null,
    code: overrides.code ?? null,
    name: overrides.name ?? `Unit Uji ${next()}`,
    kind: overrides.kind ?? 'opd',
    regionCode: overrides.regionCode ?? null,
    headEmployeeId: null,
    path,
    depth: depthOf(path),
    deactivatedAt: overrides.deactivatedAt ?? null,
    createdAt: now,
    updatedAt: now,
  }
  await insertUnits(context.database.db, [row])
  return row
}

/** A valid PNS NIP, different on every call: born 1970-01-01 + n days (before 1984), TMT CPNS 2005-03, male, sequence 001. */
export function nextNip(): string {
  const born = new Date(Date.UTC(1970, 0, 1 + (next() % 5_000)))
  return `${born.toISOString().slice(0, 10).replace(/-/g, '')}2005031001`
}

/** A roster employee (not an account) in a unit, written with the repository so search tokens exist. */
export async function insertRosterEmployee(
  context: AppContext,
  unit: Pick<UnitRow, 'id' | 'agencyId'>,
  overrides: Partial<EmployeeRow> = {},
): Promise<EmployeeRow> {
  const now = context.clock.now().toISOString()
  const nip = overrides.nip === undefined ? nextNip() : overrides.nip
  const name = overrides.name ?? `Pegawai Uji ${next()}`
  const row: EmployeeRow = {
    id: newId(),
    agencyId: unit.agencyId,
    unitId: unit.id,
    kind: 'PNS',
    nip,
    nik: null,
    name,
    frontTitle: null,
    backTitle: null,
    gender: nip ? 'male' : null,
    birthDate: nip ? `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}` : null,
    grade: 'III/a',
    positionType: 'pelaksana',
    positionTitle: 'Pengadministrasi Umum',
    superiorId: null,
    status: 'active',
    email: null,
    phone: null,
    whatsapp: null,
    searchName: searchNameOf({ name, frontTitle: null, backTitle: null }),
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
  await insertEmployees(context.database.db, [row])
  return row
}

/** An account holding `role` over the subtree of `unitId` (TOTP enrolled: staff sign in fully). */
export const insertUnitScopedAccount = (
  context: AppContext,
  agencyId: string,
  unitId: string,
  role: 'unit_admin' | 'examiner' | 'decision_maker' = 'unit_admin',
) => insertAccount(context, { agencyId, assignments: [{ role, agencyId, unitId }], totp: true })
// --- end roster ---
