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
