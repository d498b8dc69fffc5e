/**
 * Demo pledges for the fictional Kota Contoh: the default templates and one draft campaign (the Pakta Integritas for
 * unit heads, witnessed by the fictional KPU and Bawaslu of the city). The campaign stays a draft: opening it issues
 * one-time codes, which are shown only once, so an admin opens it from the app. Idempotent.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { recordAuditEvent, systemActor, type AuditActor } from '../audit/audit.service.js'
import { defaultIntegrityPact } from './pledge-defaults.js'
import * as repo from './pledges.repository.js'
import type { CampaignTarget, Witness } from './pledges.schema.js'
import { seedDefaultPledgeTemplates } from './pledge-templates.service.js'

export const demoCampaignName = 'Pakta Integritas Netralitas Kepala Unit — Pilkada 2024'

const demoWitnesses: readonly Witness[] = [
  { name: 'Perwakilan KPU Kota Contoh', institution: 'KPU Kota Contoh', role: 'Saksi' },
  { name: 'Perwakilan Bawaslu Kota Contoh', institution: 'Bawaslu Kota Contoh', role: 'Saksi' },
]

export async function seedDemoPledges(
  db: Kysely<Database>,
  clock: Clock,
  agencyId: string,
  actor: AuditActor = systemActor,
): Promise<{ templates: { created: number; existing: number }; campaigns: { created: number } }> {
  const templates = await seedDefaultPledgeTemplates(db, clock, agencyId, actor)
  const created = await db.transaction().execute(async (trx) => {
    const existing = await repo.listCampaigns(trx, agencyId, undefined)
    if (existing.some((campaign) => campaign.name === demoCampaignName)) return 0
    const template = await repo.findTemplateByKindAndTitle(
      trx,
      agencyId,
      defaultIntegrityPact.kind,
      defaultIntegrityPact.title,
    )
    const [version] = template ? await repo.findCurrentVersions(trx, [template]) : []
    if (!version) return 0
    const now = clock.now()
    const target: CampaignTarget = {
      scope: 'agency',
      unitIds: [],
      employeeKinds: [],
      positionTypes: [],
      onlyUnitHeads: true,
    }
    const row: repo.CampaignRow = {
      id: newId(),
      agencyId,
      templateVersionId: version.id,
      electionId: null,
      name: demoCampaignName,
      target: JSON.stringify(target),
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 30 * 24 * 3600 * 1000).toISOString(),
      witnesses: JSON.stringify(demoWitnesses),
      status: 'draft',
      openedAt: null,
      closedAt: null,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }
    await repo.insertCampaign(trx, row)
    await recordAuditEvent(trx, clock, actor, {
      action: 'pledge_campaign.created',
      entityType: 'pledge_campaign',
      entityId: row.id,
      agencyId,
      summary: { after: { name: row.name, templateVersionId: version.id, target } },
    })
    return 1
  })
  return { templates, campaigns: { created } }
}
