import type { Kysely } from 'kysely'
import { isSuperAdmin, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { AgencyRow, Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { recordAuditEvent, type AuditActor, auditActorOf } from '../audit/audit.service.js'
import { AgencyView, CreateAgencyBody } from './agencies.schema.js'
import * as agenciesRepository from './agencies.repository.js'

export const toAgencyView = (row: AgencyRow): AgencyView => AgencyView.parse(row)

/** Creates an agency (instansi, the tenant). Used by super admins, the CLI and the first-start seed. */
export async function createAgency(
  db: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  input: CreateAgencyBody,
): Promise<AgencyView> {
  const body = CreateAgencyBody.parse(input)
  return db.transaction().execute(async (trx) => {
    if (await agenciesRepository.findAgencyBySlug(trx, body.slug)) {
      throw new DomainError('agency.slug_taken', { slug: body.slug })
    }
    const row: AgencyRow = {
      id: newId(),
      slug: body.slug,
      name: body.name,
      kind: body.kind,
      timeZone: body.timeZone,
      regionCode: body.regionCode ?? null,
      createdAt: clock.now().toISOString(),
    }
    await agenciesRepository.insertAgency(trx, row)
    await recordAuditEvent(trx, clock, auditActor, {
      action: 'agency.created',
      entityType: 'agency',
      entityId: row.id,
      agencyId: row.id,
      summary: { after: { slug: row.slug, name: row.name, kind: row.kind, timeZone: row.timeZone } },
    })
    return toAgencyView(row)
  })
}

export async function findAgencyBySlug(db: Kysely<Database>, slug: string): Promise<AgencyView | null> {
  const row = await agenciesRepository.findAgencyBySlug(db, slug)
  return row ? toAgencyView(row) : null
}

export async function findAgencyById(db: Kysely<Database>, id: string): Promise<AgencyView | null> {
  const row = await agenciesRepository.findAgencyById(db, id)
  return row ? toAgencyView(row) : null
}

export const countAgencies = (db: Kysely<Database>) => agenciesRepository.countAgencies(db)

export function createAgenciesService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  return {
    /** Agencies the actor has any role in (all of them for a super admin). */
    async listAgencies(actor: Actor): Promise<AgencyView[]> {
      const ids = isSuperAdmin(actor)
        ? 'all'
        : [...new Set(actor.assignments.map((a) => a.agencyId).filter((id): id is string => id !== null))]
      return (await agenciesRepository.listAgencies(db, ids)).map(toAgencyView)
    },
    createAgency: (actor: Actor, input: CreateAgencyBody) => {
      if (!isSuperAdmin(actor)) throw new DomainError('auth.forbidden')
      return createAgency(db, clock, auditActorOf(actor), input)
    },
  }
}
export type AgenciesService = ReturnType<typeof createAgenciesService>
