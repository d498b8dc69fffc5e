/**
 * Who reaches which pledges: agency admins their whole agency, unit admins the targets inside their unit subtrees
 * (by the unit each target was in when the campaign opened); anything outside is "not found".
 */
import type { Kysely } from 'kysely'
import {
  administeredAgencyIds,
  canAdministerAgency,
  holdsRoleOver,
  isSuperAdmin,
  type Actor,
  type Role,
} from '../../domain/access.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import * as repo from './pledges.repository.js'

/** Who works with pledges (route policies `pledges.read` / `pledges.remind`); super admins always. */
export const pledgeStaffRoles: readonly Role[] = ['agency_admin', 'unit_admin']

/** The part of an agency a reader reaches: everything (`unitIds: null`) or the subtrees of these units. */
export interface PledgeScope {
  readonly agencyId: string
  readonly unitIds: readonly string[] | null
}

export async function resolveScope(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
): Promise<PledgeScope | null> {
  if (isSuperAdmin(actor)) return (await findAgencyById(db, agencyId)) ? { agencyId, unitIds: null } : null
  const held = actor.assignments.filter((a) => a.agencyId === agencyId && pledgeStaffRoles.includes(a.role))
  if (held.some((a) => a.unitId === null)) return { agencyId, unitIds: null }
  const ids = held.map((a) => a.unitId).filter((id): id is string => id !== null)
  const units = (await repo.findUnitsByIds(db, ids)).filter((unit) => unit.agencyId === agencyId)
  return units.length > 0 ? { agencyId, unitIds: units.map((unit) => unit.id) } : null
}

/** The agency a request is about: the one named, else the only one where the actor works with pledges. */
export function agencyOf(actor: Actor, requested: string | undefined): string {
  if (requested) return requested
  const agencies = new Set(
    actor.assignments
      .filter((a) => pledgeStaffRoles.includes(a.role) && a.agencyId !== null)
      .map((a) => a.agencyId as string),
  )
  const [only] = agencies
  if (agencies.size === 1 && only) return only
  if (actor.agencyId) return actor.agencyId
  throw new DomainError('request.invalid', {
    issues: [{ location: 'querystring', path: ['agencyId'], code: 'required' }],
  })
}

/** Agency admins (whole agency) and super admins manage an agency's templates and campaigns. */
export const managesAgency = canAdministerAgency

/** Super admins pass every check; revocation is for the agency's own admin only. */
export const isSuperAdminOnly = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) && !administeredAgencyIds(actor).includes(agencyId)

/** Loading templates, campaigns and units with the reader's scope checked (404 for anything out of reach). */
export function createPledgeAccess(db: Kysely<Database>) {
  async function scopeOrNotFound(actor: Actor, agencyId: string, notFound: () => DomainError) {
    const scope = await resolveScope(db, actor, agencyId)
    if (!scope) throw notFound()
    return scope
  }

  async function loadTemplate(actor: Actor, templateId: string, access: 'read' | 'manage') {
    const template = await repo.findTemplateById(db, templateId)
    const notFound = () => new DomainError('pledge.template_not_found', { templateId })
    if (!template) throw notFound()
    await scopeOrNotFound(actor, template.agencyId, notFound)
    if (access === 'manage' && !managesAgency(actor, template.agencyId))
      throw new DomainError('auth.forbidden')
    return template
  }

  async function loadCampaign(actor: Actor, campaignId: string, access: 'read' | 'manage') {
    const campaign = await repo.findCampaignById(db, campaignId)
    const notFound = () => new DomainError('pledge.campaign_not_found', { campaignId })
    if (!campaign) throw notFound()
    const scope = await scopeOrNotFound(actor, campaign.agencyId, notFound)
    if (access === 'manage' && !managesAgency(actor, campaign.agencyId))
      throw new DomainError('auth.forbidden')
    return { campaign, scope }
  }

  /** A unit the reader reaches (for a `unitId` filter), else `unit.not_found`. */
  async function loadScopedUnit(actor: Actor, agencyId: string, unitId: string) {
    const [unit] = await repo.findUnitsByIds(db, [unitId])
    const reachable =
      unit !== undefined &&
      unit.agencyId === agencyId &&
      holdsRoleOver(actor, pledgeStaffRoles, { agencyId, unitAncestry: ancestryOf(unit.path) })
    if (!reachable || !unit) throw new DomainError('unit.not_found', { unitId })
    return unit
  }

  return { scopeOrNotFound, loadTemplate, loadCampaign, loadScopedUnit }
}

export type PledgeAccess = ReturnType<typeof createPledgeAccess>
