/**
 * The SQL of the public signing path (pledge-signing.service.ts), kept to as few round trips as the path allows:
 * one query finds everything the page and the signature need by the code's HMAC.
 */
import { sql, type Kysely, type Selectable } from 'kysely'
import { preparedQuery } from '../../db/prepared-query.js'
import type { Database, PledgeSignaturesTable } from '../../db/tables.js'

const signingTargetColumns = (db: Kysely<Database>) =>
  db
    .selectFrom('pledgeTargets')
    .innerJoin('pledgeCampaigns', 'pledgeCampaigns.id', 'pledgeTargets.campaignId')
    .innerJoin('pledgeTemplateVersions', 'pledgeTemplateVersions.id', 'pledgeCampaigns.templateVersionId')
    .innerJoin('pledgeTemplates', 'pledgeTemplates.id', 'pledgeTemplateVersions.templateId')
    .innerJoin('employees', 'employees.id', 'pledgeTargets.employeeId')
    .innerJoin('agencies', 'agencies.id', 'pledgeCampaigns.agencyId')
    .select([
      'pledgeTargets.id as targetId',
      'pledgeTargets.campaignId',
      'pledgeTargets.employeeId',
      'pledgeTargets.codeUsedAt',
      'pledgeTargets.failedAttempts',
      'pledgeCampaigns.templateVersionId',
      'pledgeCampaigns.name as campaignName',
      'pledgeCampaigns.status',
      'pledgeCampaigns.opensAt',
      'pledgeCampaigns.closesAt',
      'pledgeCampaigns.witnesses',
      'pledgeCampaigns.agencyId',
      'pledgeTemplates.kind',
      'pledgeTemplateVersions.title',
      'pledgeTemplateVersions.body',
      'pledgeTemplateVersions.sha256',
      'agencies.name as agencyName',
      'agencies.timeZone',
      'employees.name as employeeName',
      'employees.birthDate',
      'pledgeTargets.codeHash',
    ])

const signingTargetQuery = preparedQuery('pledge_signing_target', 1, (db, codeHash: string) =>
  signingTargetColumns(db).where('pledgeTargets.codeHash', '=', codeHash),
)

/** PostgreSQL only (`= any(array)`): the targets of many code hashes in one statement of one text. */
const signingTargetsQuery = preparedQuery('pledge_signing_targets', 1, (db, codeHashes: readonly string[]) =>
  signingTargetColumns(db).where(sql<boolean>`${sql.ref('pledgeTargets.codeHash')} = any(${codeHashes})`),
)

/**
 * A target by the HMAC of its current code, with its campaign, agency, employee and template version. Runs twice
 * per signature (page and sign): a prepared query.
 */
export const findSigningTarget = async (db: Kysely<Database>, codeHash: string) =>
  (await signingTargetQuery(db, codeHash))[0]

export type SigningTarget = NonNullable<Awaited<ReturnType<typeof findSigningTarget>>>

/** PostgreSQL only: the targets of these code hashes, in one statement (pledge-signing.service.ts batches lookups). */
export const findSigningTargets = (db: Kysely<Database>, codeHashes: readonly string[]) =>
  signingTargetsQuery(db, codeHashes)

/**
 * Counts one wrong date of birth against the code, only while it is still this unused code. Returns the count
 * after the increment, or null when the code changed or was used meanwhile.
 */
export async function countFailedAttempt(
  db: Kysely<Database>,
  targetId: string,
  codeHash: string,
): Promise<number | null> {
  const row = await db
    .updateTable('pledgeTargets')
    .set({ failedAttempts: sql<number>`failed_attempts + 1` })
    .where('id', '=', targetId)
    .where('codeHash', '=', codeHash)
    .where('codeUsedAt', 'is', null)
    .returning('failedAttempts')
    .executeTakeFirst()
  return row ? Number(row.failedAttempts) : null
}

/**
 * Marks these codes used, each only if it is still unused: the single-use guarantee for a batch of signatures.
 * Returns the hashes that were marked (a hash belongs to one target: `pledge_targets_code_hash_unique`).
 */
export async function markCodesUsed(
  db: Kysely<Database>,
  codeHashes: readonly string[],
  usedAt: string,
): Promise<Set<string>> {
  const rows = await db
    .updateTable('pledgeTargets')
    .set({ codeUsedAt: usedAt })
    .where('codeHash', 'in', [...new Set(codeHashes)])
    .where('codeUsedAt', 'is', null)
    .returning('codeHash')
    .execute()
  return new Set(rows.map((row) => row.codeHash))
}

export async function insertSignatures(
  db: Kysely<Database>,
  rows: readonly Selectable<PledgeSignaturesTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('pledgeSignatures').values(rows).execute()
}
