/** Reads and writes of `agency_signing_certificates` (at most one active row per agency). */
import type { Kysely, Selectable } from 'kysely'
import type { AgencySigningCertificatesTable, Database } from '../../db/tables.js'

export type SigningCertificateRow = Selectable<AgencySigningCertificatesTable>

/** The agency's active certificate with the display name of whoever uploaded it. */
export const findActiveCertificate = (db: Kysely<Database>, agencyId: string) =>
  db
    .selectFrom('agencySigningCertificates')
    .leftJoin('users', 'users.id', 'agencySigningCertificates.uploadedBy')
    .selectAll('agencySigningCertificates')
    .select('users.displayName as uploadedByName')
    .where('agencySigningCertificates.agencyId', '=', agencyId)
    .where('agencySigningCertificates.status', '=', 'active')
    .executeTakeFirst()

export async function insertCertificate(db: Kysely<Database>, row: SigningCertificateRow): Promise<void> {
  await db.insertInto('agencySigningCertificates').values(row).execute()
}

/**
 * Ends the agency's active certificate (`replaced` or `removed`) and wipes its sealed key material; the rest of
 * the row stays for the audit trail. Returns the ended row's id, or null when none was active.
 */
export async function endActiveCertificate(
  db: Kysely<Database>,
  agencyId: string,
  change: { status: 'replaced' | 'removed'; endedAt: string; endedBy: string | null },
): Promise<string | null> {
  const active = await db
    .selectFrom('agencySigningCertificates')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!active) return null
  const result = await db
    .updateTable('agencySigningCertificates')
    .set({ ...change, sealedKeyMaterial: null })
    .where('id', '=', active.id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n ? active.id : null
}
