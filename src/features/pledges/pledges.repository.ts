/**
 * All SQL of pledges. Portable only (SQLite and PostgreSQL). Targets are placed by the unit path copied when the
 * campaign opened: "inside unit X" means the snapshot path holds X's id (`…/X/…`), so an employee moved afterwards is
 * still counted, listed and reminded where they were targeted.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type {
  Database,
  EmployeeRow,
  PledgeCampaignsTable,
  PledgeSignaturesTable,
  PledgeTargetsTable,
  PledgeTemplatesTable,
  PledgeTemplateVersionsTable,
  UnitRow,
} from '../../db/tables.js'
import type { Insertable, Selectable, Updateable } from 'kysely'

export { isUniqueViolation } from '../../db/errors.js'

export type TemplateRow = Selectable<PledgeTemplatesTable>
export type TemplateVersionRow = Selectable<PledgeTemplateVersionsTable>
export type CampaignRow = Selectable<PledgeCampaignsTable>
export type TargetRow = Selectable<PledgeTargetsTable>
export type SignatureRow = Selectable<PledgeSignaturesTable>

/** `%/<id>/%`: a snapshot path passing through this unit (ids are UUIDs: nothing to escape). */
const throughUnit = (unitId: string): string => `%/${unitId}/%`

/**
 * `pledge_targets.unit_path` passes through one of these units (null: no restriction). Used for the reader's scope
 * and for a requested subtree.
 */
export function targetWithinUnits(
  eb: ExpressionBuilder<Database, 'pledgeTargets'>,
  unitIds: readonly string[] | null,
): Expression<SqlBool> {
  if (unitIds === null) return sql<SqlBool>`1 = 1`
  if (unitIds.length === 0) return sql<SqlBool>`1 = 0`
  return eb.or(unitIds.map((id) => eb('pledgeTargets.unitPath', 'like', throughUnit(id))))
}

/* Templates ------------------------------------------------------------------------------------------------- */

export const insertTemplate = (db: Kysely<Database>, row: Insertable<PledgeTemplatesTable>) =>
  db.insertInto('pledgeTemplates').values(row).execute()

export const insertTemplateVersion = (db: Kysely<Database>, row: TemplateVersionRow) =>
  db.insertInto('pledgeTemplateVersions').values(row).execute()

export const findTemplateById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('pledgeTemplates').selectAll().where('id', '=', id).executeTakeFirst()

export const findTemplateByKindAndTitle = (
  db: Kysely<Database>,
  agencyId: string,
  kind: string,
  title: string,
) =>
  db
    .selectFrom('pledgeTemplates')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('kind', '=', kind)
    .where('title', '=', title)
    .executeTakeFirst()

export function listTemplates(db: Kysely<Database>, agencyId: string, includeArchived: boolean) {
  let query = db.selectFrom('pledgeTemplates').selectAll().where('agencyId', '=', agencyId)
  if (!includeArchived) query = query.where('archivedAt', 'is', null)
  return query.orderBy('kind').orderBy('title').orderBy('id').execute()
}

export const findVersionById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('pledgeTemplateVersions').selectAll().where('id', '=', id).executeTakeFirst()

/** The current version of each template. */
export async function findCurrentVersions(
  db: Kysely<Database>,
  templates: readonly Pick<TemplateRow, 'id' | 'currentVersion'>[],
): Promise<TemplateVersionRow[]> {
  if (templates.length === 0) return []
  return db
    .selectFrom('pledgeTemplateVersions')
    .selectAll()
    .where((eb) =>
      eb.or(
        templates.map((t) =>
          eb.and([eb('templateId', '=', t.id), eb('version', '=', Number(t.currentVersion))]),
        ),
      ),
    )
    .execute()
}

export const listVersions = (db: Kysely<Database>, templateId: string) =>
  db
    .selectFrom('pledgeTemplateVersions')
    .selectAll()
    .where('templateId', '=', templateId)
    .orderBy('version', 'desc')
    .execute()

/** Compare-and-set on the version number, so two concurrent edits cannot both become version n + 1. */
export async function updateTemplateIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Updateable<PledgeTemplatesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('pledgeTemplates')
    .set(patch)
    .where('id', '=', id)
    .where('currentVersion', '=', expectedVersion)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/* Campaigns ------------------------------------------------------------------------------------------------- */

export const insertCampaign = (db: Kysely<Database>, row: CampaignRow) =>
  db.insertInto('pledgeCampaigns').values(row).execute()

export const findCampaignById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('pledgeCampaigns').selectAll().where('id', '=', id).executeTakeFirst()

export function listCampaigns(db: Kysely<Database>, agencyId: string, status: string | undefined) {
  let query = db.selectFrom('pledgeCampaigns').selectAll().where('agencyId', '=', agencyId)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute()
}

export const findVersionsByIds = (db: Kysely<Database>, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('pledgeTemplateVersions')
        .innerJoin('pledgeTemplates', 'pledgeTemplates.id', 'pledgeTemplateVersions.templateId')
        .selectAll('pledgeTemplateVersions')
        .select(['pledgeTemplates.kind', 'pledgeTemplates.agencyId', 'pledgeTemplates.archivedAt'])
        .where('pledgeTemplateVersions.id', 'in', ids)
        .execute()

/** Compare-and-set on the status: two concurrent opens (or an edit racing an open) cannot both succeed. */
export async function updateCampaignIfStatus(
  db: Kysely<Database>,
  id: string,
  expectedStatus: string,
  patch: Updateable<PledgeCampaignsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('pledgeCampaigns')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export const findElectionOfAgency = (db: Kysely<Database>, agencyId: string, electionId: string) =>
  db
    .selectFrom('elections')
    .select(['id'])
    .where('id', '=', electionId)
    .where('agencyId', '=', agencyId)
    .executeTakeFirst()

export const findAgency = (db: Kysely<Database>, agencyId: string) =>
  db.selectFrom('agencies').select(['id', 'name', 'timeZone']).where('id', '=', agencyId).executeTakeFirst()

/* Units ----------------------------------------------------------------------------------------------------- */

export const findUnitsByIds = (db: Kysely<Database>, ids: readonly string[]): Promise<UnitRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('units').selectAll().where('id', 'in', ids).execute()

/* Snapshot -------------------------------------------------------------------------------------------------- */

export interface TargetCriteria {
  readonly agencyId: string
  /** Unit paths whose subtrees are targeted; null = the whole agency. */
  readonly unitPaths: readonly string[] | null
  readonly employeeKinds: readonly string[]
  readonly positionTypes: readonly string[]
  readonly onlyUnitHeads: boolean
}

export type TargetCandidate = Pick<
  EmployeeRow,
  'id' | 'name' | 'frontTitle' | 'backTitle' | 'nip' | 'email' | 'phone' | 'whatsapp' | 'unitId'
> & { unitPath: string; unitName: string }

/** Active employees matching a campaign's target, with their unit (path and name) as of now. */
export function selectTargetEmployees(
  db: Kysely<Database>,
  criteria: TargetCriteria,
): Promise<TargetCandidate[]> {
  let query = db
    .selectFrom('employees')
    .innerJoin('units', 'units.id', 'employees.unitId')
    .select([
      'employees.id',
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.nip',
      'employees.email',
      'employees.phone',
      'employees.whatsapp',
      'employees.unitId',
      'units.path as unitPath',
      'units.name as unitName',
    ])
    .where('employees.agencyId', '=', criteria.agencyId)
    .where('employees.status', '=', 'active')
  const paths = criteria.unitPaths
  if (paths !== null) {
    if (paths.length === 0) return Promise.resolve([])
    query = query.where((eb) =>
      eb.or(
        paths.map(
          (path) =>
            sql<SqlBool>`units.path like ${`${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
        ),
      ),
    )
  }
  if (criteria.employeeKinds.length > 0) query = query.where('employees.kind', 'in', criteria.employeeKinds)
  if (criteria.positionTypes.length > 0)
    query = query.where('employees.positionType', 'in', criteria.positionTypes)
  if (criteria.onlyUnitHeads)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('units as headed')
          .select('headed.id')
          .whereRef('headed.headEmployeeId', '=', 'employees.id')
          .where('headed.agencyId', '=', criteria.agencyId)
          .where('headed.deactivatedAt', 'is', null),
      ),
    )
  return query.orderBy('units.path').orderBy('employees.name').orderBy('employees.id').execute()
}

export async function insertTargets(
  db: Kysely<Database>,
  rows: readonly Insertable<PledgeTargetsTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('pledgeTargets')
      .values(rows.slice(i, i + 500))
      .execute()
}

/* Targets --------------------------------------------------------------------------------------------------- */

export const findTarget = (db: Kysely<Database>, campaignId: string, employeeId: string) =>
  db
    .selectFrom('pledgeTargets')
    .innerJoin('employees', 'employees.id', 'pledgeTargets.employeeId')
    .innerJoin('units', 'units.id', 'pledgeTargets.unitId')
    .selectAll('pledgeTargets')
    .select([
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.nip',
      'employees.email',
      'employees.phone',
      'employees.whatsapp',
      'units.name as unitName',
    ])
    .where('pledgeTargets.campaignId', '=', campaignId)
    .where('pledgeTargets.employeeId', '=', employeeId)
    .executeTakeFirst()

/** Replaces a target's code (the previous one stops working); with `remindedAt`, also records a reminder. */
export async function replaceTargetCode(
  db: Kysely<Database>,
  targetId: string,
  codeHash: string,
  issuedAt: string,
  remindedAt?: string,
): Promise<void> {
  await db
    .updateTable('pledgeTargets')
    .set({
      codeHash,
      codeIssuedAt: issuedAt,
      codeUsedAt: null,
      failedAttempts: 0,
      ...(remindedAt ? { lastRemindedAt: remindedAt } : {}),
    })
    .where('id', '=', targetId)
    .execute()
}

export interface TargetFilter {
  readonly campaignId: string
  /** The reader's scope (unit ids; null = whole agency). */
  readonly scopeUnitIds: readonly string[] | null
  /** A requested subtree. */
  readonly unitId?: string | undefined
  readonly status?: 'signed' | 'unsigned' | undefined
}

function targetsQuery(db: Kysely<Database>, filter: TargetFilter) {
  let query = db
    .selectFrom('pledgeTargets')
    .leftJoin('pledgeSignatures', (join) =>
      join
        .onRef('pledgeSignatures.targetId', '=', 'pledgeTargets.id')
        .on('pledgeSignatures.revokedAt', 'is', null),
    )
    .where('pledgeTargets.campaignId', '=', filter.campaignId)
    .where((eb) => targetWithinUnits(eb, filter.scopeUnitIds))
  if (filter.unitId) {
    const unitId = filter.unitId
    query = query.where((eb) => targetWithinUnits(eb, [unitId]))
  }
  if (filter.status === 'signed') query = query.where('pledgeSignatures.id', 'is not', null)
  if (filter.status === 'unsigned') query = query.where('pledgeSignatures.id', 'is', null)
  return query
}

export async function countTargets(db: Kysely<Database>, filter: TargetFilter): Promise<number> {
  const row = await targetsQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const listTargets = (
  db: Kysely<Database>,
  filter: TargetFilter,
  page: { limit: number; offset: number },
) =>
  targetsQuery(db, filter)
    .innerJoin('employees', 'employees.id', 'pledgeTargets.employeeId')
    .innerJoin('units', 'units.id', 'pledgeTargets.unitId')
    .select([
      'pledgeTargets.employeeId',
      'pledgeTargets.unitId',
      'pledgeTargets.codeUsedAt',
      'pledgeTargets.lastRemindedAt',
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.nip',
      'employees.email',
      'employees.unitId as currentUnitId',
      'units.name as unitName',
      'pledgeSignatures.id as signatureId',
      'pledgeSignatures.signedAt',
    ])
    .orderBy('pledgeTargets.unitPath')
    .orderBy('employees.name')
    .orderBy('pledgeTargets.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()

/** Targets and signatures per snapshot unit path (the coverage is summed from these). */
export async function countByUnitPath(
  db: Kysely<Database>,
  filter: TargetFilter,
): Promise<{ unitPath: string; targets: number; signed: number }[]> {
  const rows = await targetsQuery(db, filter)
    .select((eb) => [
      'pledgeTargets.unitPath',
      eb.fn.countAll<number>().as('targets'),
      eb.fn.count<number>('pledgeSignatures.id').as('signed'),
    ])
    .groupBy('pledgeTargets.unitPath')
    .execute()
  return rows.map((row) => ({
    unitPath: row.unitPath,
    targets: Number(row.targets),
    signed: Number(row.signed),
  }))
}

/** Non-signers with what a reminder needs. */
export const listUnsignedTargets = (db: Kysely<Database>, filter: TargetFilter) =>
  targetsQuery(db, { ...filter, status: 'unsigned' })
    .innerJoin('employees', 'employees.id', 'pledgeTargets.employeeId')
    .select([
      'pledgeTargets.id',
      'pledgeTargets.employeeId',
      'pledgeTargets.lastRemindedAt',
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.email',
      'employees.phone',
      'employees.whatsapp',
    ])
    .orderBy('pledgeTargets.id')
    .execute()

/**
 * Claims a target for a reminder: only when it was never reminded or not since `cutoff`, so two clicks in parallel
 * still send one reminder.
 */
export async function claimReminder(
  db: Kysely<Database>,
  targetId: string,
  cutoff: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pledgeTargets')
    .set({ lastRemindedAt: at, codeHash, codeIssuedAt: at, codeUsedAt: null })
    .where('id', '=', targetId)
    .where((eb) => eb.or([eb('lastRemindedAt', 'is', null), eb('lastRemindedAt', '<=', cutoff)]))
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/* Signatures ------------------------------------------------------------------------------------------------ */

export const findActiveSignature = (db: Kysely<Database>, campaignId: string, employeeId: string) =>
  db
    .selectFrom('pledgeSignatures')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('employeeId', '=', employeeId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()

/** A signature with its campaign's agency and the snapshot unit path of its target (for scope checks). */
export const findSignatureById = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('pledgeSignatures')
    .innerJoin('pledgeCampaigns', 'pledgeCampaigns.id', 'pledgeSignatures.campaignId')
    .innerJoin('pledgeTargets', 'pledgeTargets.id', 'pledgeSignatures.targetId')
    .selectAll('pledgeSignatures')
    .select(['pledgeCampaigns.agencyId', 'pledgeTargets.unitPath'])
    .where('pledgeSignatures.id', '=', id)
    .executeTakeFirst()

export async function revokeSignatureIfActive(
  db: Kysely<Database>,
  id: string,
  patch: { revokedAt: string; revokedBy: string; revokeReason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('pledgeSignatures')
    .set(patch)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export const findSignatureByVerifyCode = (db: Kysely<Database>, verifyCode: string) =>
  db
    .selectFrom('pledgeSignatures')
    .innerJoin('pledgeCampaigns', 'pledgeCampaigns.id', 'pledgeSignatures.campaignId')
    .innerJoin('pledgeTargets', 'pledgeTargets.id', 'pledgeSignatures.targetId')
    .innerJoin('employees', 'employees.id', 'pledgeSignatures.employeeId')
    .innerJoin('units', 'units.id', 'pledgeTargets.unitId')
    .innerJoin('agencies', 'agencies.id', 'pledgeCampaigns.agencyId')
    .select([
      'pledgeSignatures.signedAt',
      'pledgeSignatures.revokedAt',
      'pledgeCampaigns.name as campaignName',
      'employees.name',
      'employees.frontTitle',
      'employees.backTitle',
      'units.name as unitName',
      'agencies.timeZone',
    ])
    .where('pledgeSignatures.verifyCode', '=', verifyCode)
    .executeTakeFirst()
