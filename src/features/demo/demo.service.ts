/**
 * First start and demo data. On an empty database the first `npm start` creates the fictional
 * "Pemerintah Kota Contoh" with its unit tree, employees and elections (Pemilu 2024, Pilkada 2024) and an
 * administrator, and returns the login to print once.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { Database } from '../../db/tables.js'
import { temporaryPassword } from '../../platform/random.js'
import { createAgency, findAgencyBySlug } from '../agencies/agencies.service.js'
import type { AgencyView } from '../agencies/agencies.schema.js'
import { systemActor, type AuditActor } from '../audit/audit.service.js'
import { countAccounts, createAccount } from '../auth/users.service.js'
import { seedDemoElections } from '../elections/elections.demo.js'
import { seedDemoRoster, type DemoRosterCounts } from './demo-roster.js'
// pledges (issue #4)
import { seedDemoPledges } from '../pledges/pledges.demo.js'

export const demoAgency = {
  slug: 'kota-contoh',
  name: 'Pemerintah Kota Contoh',
  kind: 'pemkot',
  timeZone: 'Asia/Jakarta',
  // A fictional city on real codes (those of Kota Malang, 35.73) so its kecamatan/kelurahan codes validate.
  regionCode: '35.73',
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

export interface DemoData {
  readonly agency: AgencyView
  readonly roster: DemoRosterCounts
  readonly elections: { readonly created: number; readonly existing: number }
}

/** The whole demo (agency, unit tree with employees, elections). Idempotent: a second run adds nothing. */
export async function seedDemo(
  db: Kysely<Database>,
  clock: Clock,
  actor: AuditActor = systemActor,
): Promise<DemoData> {
  const agency = await seedDemoAgency(db, clock, actor)
  const roster = await seedDemoRoster(db, clock, agency.id, actor)
  const elections = await seedDemoElections(db, clock, agency.id, actor)
  // pledges (issue #4): default templates and a draft campaign
  await seedDemoPledges(db, clock, agency.id, actor)
  return { agency, roster, elections }
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
  const agency = options.demoSeed ? (await seedDemo(db, clock)).agency : null
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
