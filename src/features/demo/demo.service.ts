/**
 * First start and demo data. On an empty database the first `npm start` creates the fictional
 * "Pemerintah Kota Contoh" and an administrator, and returns the login to print once. (The roster issue adds
 * units, employees and elections to the demo.)
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { Database } from '../../db/tables.js'
import { temporaryPassword } from '../../platform/random.js'
import { createAgency, findAgencyBySlug } from '../agencies/agencies.service.js'
import type { AgencyView } from '../agencies/agencies.schema.js'
import { systemActor, type AuditActor } from '../audit/audit.service.js'
import { countAccounts, createAccount } from '../auth/users.service.js'

export const demoAgency = {
  slug: 'kota-contoh',
  name: 'Pemerintah Kota Contoh',
  kind: 'pemkot',
  timeZone: 'Asia/Jakarta',
  regionCode: null,
} as const

export const firstAdminUsername = 'admin'

/** Creates the demo agency when it does not exist yet; returns it either way. */
export async function seedDemoAgency(
  db: Kysely<Database>,
  clock: Clock,
  actor: AuditActor = systemActor,
): Promise<AgencyView> {
  return (await findAgencyBySlug(db, demoAgency.slug)) ?? createAgency(db, clock, actor, demoAgency)
}

export interface FirstStartResult {
  readonly agency: AgencyView | null
  readonly admin: { readonly username: string; readonly password: string; readonly passwordFromEnv: boolean }
}

/**
 * Runs only on a database without any account: creates the demo agency (unless disabled) and the first
 * administrator (super_admin, plus agency_admin of the demo agency). Returns null when there was nothing to do.
 */
export async function bootstrapFirstStart(
  db: Kysely<Database>,
  clock: Clock,
  options: { adminPassword?: string | undefined; demoSeed: boolean },
): Promise<FirstStartResult | null> {
  if ((await countAccounts(db)) > 0) return null
  const agency = options.demoSeed ? await seedDemoAgency(db, clock) : null
  const password = options.adminPassword ?? temporaryPassword()
  await createAccount(db, clock, systemActor, {
    username: firstAdminUsername,
    displayName: 'Administrator Netra',
    agencyId: agency?.id ?? null,
    assignments: [
      { role: 'super_admin', agencyId: null, unitId: null },
      ...(agency ? [{ role: 'agency_admin' as const, agencyId: agency.id, unitId: null }] : []),
    ],
    password,
    passwordIsTemporary: options.adminPassword === undefined,
  })
  return {
    agency,
    admin: { username: firstAdminUsername, password, passwordFromEnv: options.adminPassword !== undefined },
  }
}
