/**
 * SQL for the staff views added to pledges: campaign counts for the list, the non-signers export and an employee's
 * pledges. Portable only (SQLite and PostgreSQL); targets are placed by their snapshot unit path, as in
 * pledges.repository.ts.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { targetWithinUnits } from './pledges.repository.js'

/**
 * Targets and active signatures per campaign, in one aggregate query, restricted to the reader's scope
 * (unit ids; null = whole agency).
 */
export async function countCampaignTargets(
  db: Kysely<Database>,
  campaignIds: readonly string[],
  scopeUnitIds: readonly string[] | null,
): Promise<Map<string, { targets: number; signed: number }>> {
  if (campaignIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('pledgeTargets')
    .leftJoin('pledgeSignatures', (join) =>
      join
        .onRef('pledgeSignatures.targetId', '=', 'pledgeTargets.id')
        .on('pledgeSignatures.revokedAt', 'is', null),
    )
    .where('pledgeTargets.campaignId', 'in', campaignIds)
    .where((eb) => targetWithinUnits(eb, scopeUnitIds))
    .select((eb) => [
      'pledgeTargets.campaignId',
      eb.fn.countAll<number>().as('targets'),
      eb.fn.count<number>('pledgeSignatures.id').as('signed'),
    ])
    .groupBy('pledgeTargets.campaignId')
    .execute()
  return new Map(
    rows.map((row) => [row.campaignId, { targets: Number(row.targets), signed: Number(row.signed) }]),
  )
}

/** Non-signers of a campaign in the reader's scope (and optionally one subtree), by snapshot unit, then name. */
export const listNonSigners = (
  db: Kysely<Database>,
  filter: { campaignId: string; scopeUnitIds: readonly string[] | null; unitId?: string | undefined },
) => {
  let query = db
    .selectFrom('pledgeTargets')
    .leftJoin('pledgeSignatures', (join) =>
      join
        .onRef('pledgeSignatures.targetId', '=', 'pledgeTargets.id')
        .on('pledgeSignatures.revokedAt', 'is', null),
    )
    .innerJoin('employees', 'employees.id', 'pledgeTargets.employeeId')
    .innerJoin('units as snapshotUnit', 'snapshotUnit.id', 'pledgeTargets.unitId')
    .innerJoin('units as currentUnit', 'currentUnit.id', 'employees.unitId')
    .where('pledgeTargets.campaignId', '=', filter.campaignId)
    .where('pledgeSignatures.id', 'is', null)
    .where((eb) => targetWithinUnits(eb, filter.scopeUnitIds))
  const unitId = filter.unitId
  if (unitId) query = query.where((eb) => targetWithinUnits(eb, [unitId]))
  return query
    .select([
      'pledgeTargets.employeeId',
      'pledgeTargets.unitId',
      'pledgeTargets.unitPath',
      'employees.nip',
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.positionTitle',
      'employees.email',
      'employees.phone',
      'employees.whatsapp',
      'employees.unitId as currentUnitId',
      'snapshotUnit.name as unitName',
      'currentUnit.name as currentUnitName',
    ])
    .orderBy('pledgeTargets.unitPath')
    .orderBy('employees.name')
    .orderBy('pledgeTargets.id')
    .execute()
}

/** Every campaign that targeted the employee, with its template version, newest campaign first. */
export const listTargetCampaignsOfEmployee = (db: Kysely<Database>, employeeId: string) =>
  db
    .selectFrom('pledgeTargets')
    .innerJoin('pledgeCampaigns', 'pledgeCampaigns.id', 'pledgeTargets.campaignId')
    .innerJoin('pledgeTemplateVersions', 'pledgeTemplateVersions.id', 'pledgeCampaigns.templateVersionId')
    .innerJoin('pledgeTemplates', 'pledgeTemplates.id', 'pledgeTemplateVersions.templateId')
    .innerJoin('units', 'units.id', 'pledgeTargets.unitId')
    .select([
      'pledgeTargets.id as targetId',
      'pledgeTargets.unitId',
      'units.name as unitName',
      'pledgeCampaigns.id as campaignId',
      'pledgeCampaigns.agencyId',
      'pledgeCampaigns.name as campaignName',
      'pledgeCampaigns.status',
      'pledgeCampaigns.opensAt',
      'pledgeCampaigns.closesAt',
      'pledgeTemplates.kind',
      'pledgeTemplateVersions.title as templateTitle',
      'pledgeTemplateVersions.version as templateVersion',
    ])
    .where('pledgeTargets.employeeId', '=', employeeId)
    .orderBy('pledgeCampaigns.opensAt', 'desc')
    .orderBy('pledgeCampaigns.id', 'desc')
    .execute()

/** The employee's signatures (active and revoked), newest first. */
export const listSignaturesOfEmployee = (db: Kysely<Database>, employeeId: string) =>
  db
    .selectFrom('pledgeSignatures')
    .select(['id', 'campaignId', 'signedAt', 'verifyCode', 'receiptStatus', 'revokedAt', 'revokeReason'])
    .where('employeeId', '=', employeeId)
    .orderBy('signedAt', 'desc')
    .orderBy('id', 'desc')
    .execute()
