/**
 * Reads and writes of pledge receipts: what a receipt shows (signature, text version, campaign, agency, employee
 * and the unit they were targeted in) and the issued PDF bytes.
 */
import type { Kysely } from 'kysely'
import type { Database, PledgeReceiptsTable } from '../../db/tables.js'

/** Everything printed on the receipt of one signature. */
export const findReceiptSource = (db: Kysely<Database>, signatureId: string) =>
  db
    .selectFrom('pledgeSignatures')
    .innerJoin('pledgeTemplateVersions', 'pledgeTemplateVersions.id', 'pledgeSignatures.templateVersionId')
    .innerJoin('pledgeCampaigns', 'pledgeCampaigns.id', 'pledgeSignatures.campaignId')
    .innerJoin('pledgeTargets', 'pledgeTargets.id', 'pledgeSignatures.targetId')
    .innerJoin('units', 'units.id', 'pledgeTargets.unitId')
    .innerJoin('employees', 'employees.id', 'pledgeSignatures.employeeId')
    .innerJoin('agencies', 'agencies.id', 'pledgeCampaigns.agencyId')
    .select([
      'pledgeSignatures.id',
      'pledgeSignatures.signedAt',
      'pledgeSignatures.verifyCode',
      'pledgeSignatures.drawnSignature',
      'pledgeSignatures.templateSha256',
      'pledgeSignatures.receiptStatus',
      'pledgeTemplateVersions.title as documentTitle',
      'pledgeTemplateVersions.body as documentText',
      'pledgeTemplateVersions.version as documentVersion',
      'pledgeCampaigns.name as campaignName',
      'units.name as unitName',
      'employees.name as employeeName',
      'employees.frontTitle',
      'employees.backTitle',
      'employees.nip',
      'employees.kind',
      'agencies.id as agencyId',
      'agencies.name as agencyName',
      'agencies.timeZone',
    ])
    .where('pledgeSignatures.id', '=', signatureId)
    .executeTakeFirst()

export const findSignatureByVerifyCode = (db: Kysely<Database>, verifyCode: string) =>
  db
    .selectFrom('pledgeSignatures')
    .select(['id', 'receiptStatus', 'receiptSha256', 'revokedAt'])
    .where('verifyCode', '=', verifyCode)
    .executeTakeFirst()

/** The receipt of a verify code: whether it is made yet and whether it carries an agency's PDF signature. */
export const findReceiptStateByVerifyCode = (db: Kysely<Database>, verifyCode: string) =>
  db
    .selectFrom('pledgeSignatures')
    .leftJoin('pledgeReceipts', 'pledgeReceipts.signatureId', 'pledgeSignatures.id')
    .select(['pledgeSignatures.id', 'pledgeReceipts.signatureId as receiptId', 'pledgeReceipts.signerName'])
    .where('pledgeSignatures.verifyCode', '=', verifyCode)
    .executeTakeFirst()

export const findReceipt = (db: Kysely<Database>, signatureId: string) =>
  db.selectFrom('pledgeReceipts').selectAll().where('signatureId', '=', signatureId).executeTakeFirst()

/** Stores the issued PDF once (a second run of the job finds it and stops) and marks the signature's receipt ready. */
export async function insertReceipt(db: Kysely<Database>, row: PledgeReceiptsTable): Promise<void> {
  await db.insertInto('pledgeReceipts').values(row).execute()
  await db
    .updateTable('pledgeSignatures')
    .set({ receiptStatus: 'ready', receiptSha256: row.sha256 })
    .where('id', '=', row.signatureId)
    .execute()
}
