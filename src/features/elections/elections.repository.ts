/** All SQL of elections: the election with its stages, parties and candidates (coalitions, social accounts). */
import type { Insertable, Kysely, Selectable } from 'kysely'
import type {
  Database,
  ElectionCandidatesTable,
  ElectionPartiesTable,
  ElectionStagesTable,
  ElectionsTable,
} from '../../db/tables.js'

export type ElectionRow = Selectable<ElectionsTable>
export type ElectionStageRow = Selectable<ElectionStagesTable>
export type ElectionPartyRow = Selectable<ElectionPartiesTable>
export type ElectionCandidateRow = Selectable<ElectionCandidatesTable>

/** A candidate row with its JSON arrays parsed, its coalition and its social accounts. */
export interface CandidateRecord extends Omit<ElectionCandidateRow, 'slogans' | 'hashtags'> {
  readonly slogans: string[]
  readonly hashtags: string[]
  readonly partyIds: string[]
  readonly socialAccounts: { platform: string; handle: string; url: string | null }[]
}

export const findElectionById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst()

export function listElections(
  db: Kysely<Database>,
  filter: { agencyIds: readonly string[] | 'all'; type?: string | undefined; year?: number | undefined },
) {
  let query = db.selectFrom('elections').selectAll().orderBy('votingOn', 'desc').orderBy('name')
  if (filter.agencyIds !== 'all')
    query = query.where('agencyId', 'in', filter.agencyIds.length ? filter.agencyIds : [''])
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.year !== undefined)
    query = query
      .where('votingOn', '>=', `${filter.year}-01-01`)
      .where('votingOn', '<=', `${filter.year}-12-31`)
  return query.execute()
}

export const findElectionByName = (db: Kysely<Database>, agencyId: string, name: string) =>
  db
    .selectFrom('elections')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('name', '=', name)
    .executeTakeFirst()

/** Voting days of an agency's elections inside [fromOn, toOn]. */
export const listVotingDays = (db: Kysely<Database>, agencyId: string, fromOn: string, toOn: string) =>
  db
    .selectFrom('elections')
    .select(['id', 'name', 'type', 'votingOn'])
    .where('agencyId', '=', agencyId)
    .where('votingOn', '>=', fromOn)
    .where('votingOn', '<=', toOn)
    .orderBy('votingOn')
    .execute()

export const insertElection = (db: Kysely<Database>, row: Insertable<ElectionsTable>) =>
  db.insertInto('elections').values(row).execute()

export const updateElection = (db: Kysely<Database>, id: string, patch: Partial<ElectionRow>) =>
  db.updateTable('elections').set(patch).where('id', '=', id).execute()

/** Removes an election and everything under it (children first, so no foreign key is ever violated). */
export async function deleteElection(db: Kysely<Database>, id: string): Promise<void> {
  const candidateIds = db.selectFrom('electionCandidates').select('id').where('electionId', '=', id)
  await db.deleteFrom('electionCandidateParties').where('candidateId', 'in', candidateIds).execute()
  await db.deleteFrom('electionCandidateSocialAccounts').where('candidateId', 'in', candidateIds).execute()
  await db.deleteFrom('electionCandidates').where('electionId', '=', id).execute()
  await db.deleteFrom('electionParties').where('electionId', '=', id).execute()
  await db.deleteFrom('electionStages').where('electionId', '=', id).execute()
  await db.deleteFrom('elections').where('id', '=', id).execute()
}

/* Stages ------------------------------------------------------------------------------------------------- */

export const listStagesOf = (db: Kysely<Database>, electionIds: readonly string[]) =>
  electionIds.length === 0
    ? Promise.resolve([] as ElectionStageRow[])
    : db
        .selectFrom('electionStages')
        .selectAll()
        .where('electionId', 'in', electionIds)
        .orderBy('electionId')
        .orderBy('position')
        .execute()

export async function replaceStages(
  db: Kysely<Database>,
  electionId: string,
  rows: readonly ElectionStageRow[],
): Promise<void> {
  await db.deleteFrom('electionStages').where('electionId', '=', electionId).execute()
  if (rows.length > 0)
    await db
      .insertInto('electionStages')
      .values([...rows])
      .execute()
}

/* Parties ------------------------------------------------------------------------------------------------ */

export const listPartiesOf = (db: Kysely<Database>, electionId: string) =>
  db
    .selectFrom('electionParties')
    .selectAll()
    .where('electionId', '=', electionId)
    .orderBy('ballotNumber')
    .orderBy('name')
    .execute()

export const findPartyById = (db: Kysely<Database>, electionId: string, partyId: string) =>
  db
    .selectFrom('electionParties')
    .selectAll()
    .where('electionId', '=', electionId)
    .where('id', '=', partyId)
    .executeTakeFirst()

export const findPartyByBallotNumber = (db: Kysely<Database>, electionId: string, ballotNumber: number) =>
  db
    .selectFrom('electionParties')
    .select('id')
    .where('electionId', '=', electionId)
    .where('ballotNumber', '=', ballotNumber)
    .executeTakeFirst()

export const insertParty = (db: Kysely<Database>, row: ElectionPartyRow) =>
  db.insertInto('electionParties').values(row).execute()

export const updateParty = (db: Kysely<Database>, id: string, patch: Partial<ElectionPartyRow>) =>
  db.updateTable('electionParties').set(patch).where('id', '=', id).execute()

export const deleteParty = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('electionParties').where('id', '=', id).execute()

/** How many candidates name the party in their coalition. */
export async function countCoalitionsWithParty(db: Kysely<Database>, partyId: string): Promise<number> {
  const row = await db
    .selectFrom('electionCandidateParties')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('partyId', '=', partyId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/* Candidates --------------------------------------------------------------------------------------------- */

const parseStringArray = (text: string): string[] => {
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** Candidates of one election (or one candidate), in office and ballot order, with coalitions and accounts. */
export async function listCandidatesOf(
  db: Kysely<Database>,
  electionId: string,
  candidateId?: string,
): Promise<CandidateRecord[]> {
  let query = db.selectFrom('electionCandidates').selectAll().where('electionId', '=', electionId)
  if (candidateId) query = query.where('id', '=', candidateId)
  const rows = await query.orderBy('office').orderBy('ballotNumber').execute()
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const [parties, accounts] = await Promise.all([
    db
      .selectFrom('electionCandidateParties')
      .selectAll()
      .where('candidateId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('electionCandidateSocialAccounts')
      .selectAll()
      .where('candidateId', 'in', ids)
      .orderBy('position')
      .execute(),
  ])
  return rows.map((row) => ({
    ...row,
    slogans: parseStringArray(row.slogans),
    hashtags: parseStringArray(row.hashtags),
    partyIds: parties.filter((p) => p.candidateId === row.id).map((p) => p.partyId),
    socialAccounts: accounts
      .filter((a) => a.candidateId === row.id)
      .map((a) => ({ platform: a.platform, handle: a.handle, url: a.url })),
  }))
}

export const findCandidateByBallotNumber = (
  db: Kysely<Database>,
  electionId: string,
  office: string,
  ballotNumber: number,
) =>
  db
    .selectFrom('electionCandidates')
    .select('id')
    .where('electionId', '=', electionId)
    .where('office', '=', office)
    .where('ballotNumber', '=', ballotNumber)
    .executeTakeFirst()

/** Writes a candidate row and replaces its coalition and social accounts. */
export async function saveCandidate(
  db: Kysely<Database>,
  record: CandidateRecord,
  mode: 'insert' | 'update',
): Promise<void> {
  const { partyIds, socialAccounts, slogans, hashtags, ...rest } = record
  const row: ElectionCandidateRow = {
    ...rest,
    slogans: JSON.stringify(slogans),
    hashtags: JSON.stringify(hashtags),
  }
  if (mode === 'insert') {
    await db.insertInto('electionCandidates').values(row).execute()
  } else {
    const { id, ...patch } = row
    await db.updateTable('electionCandidates').set(patch).where('id', '=', id).execute()
    await db.deleteFrom('electionCandidateParties').where('candidateId', '=', id).execute()
    await db.deleteFrom('electionCandidateSocialAccounts').where('candidateId', '=', id).execute()
  }
  if (partyIds.length > 0)
    await db
      .insertInto('electionCandidateParties')
      .values(partyIds.map((partyId, position) => ({ candidateId: record.id, partyId, position })))
      .execute()
  if (socialAccounts.length > 0)
    await db
      .insertInto('electionCandidateSocialAccounts')
      .values(
        socialAccounts.map((account, position) => ({
          candidateId: record.id,
          position,
          ...account,
        })),
      )
      .execute()
}

export async function deleteCandidate(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('electionCandidateParties').where('candidateId', '=', id).execute()
  await db.deleteFrom('electionCandidateSocialAccounts').where('candidateId', '=', id).execute()
  await db.deleteFrom('electionCandidates').where('id', '=', id).execute()
}

export { isUniqueViolation } from '../../db/errors.js'
