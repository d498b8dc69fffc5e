import type { Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Elections of an agency (PEMILU / PILKADA) with their ordered stages, parties and candidates or pairs.
 * A candidate's party coalition is a join table (a party still in a coalition cannot be removed); slogans and
 * hashtags are JSON arrays; social accounts get rows (keyed by candidate and position) so monitoring can look
 * a handle up.
 * Ballot numbers are unique per election (parties) and per election and office (candidates); parties in a
 * PILKADA have no ballot number (NULL, and NULLs never collide on either database).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('elections')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('region_code', 'text')
    .addColumn('voting_on', t.date, (c) => c.notNull())
    .addColumn('campaign_starts_on', t.date)
    .addColumn('campaign_ends_on', t.date)
    .addColumn('quiet_starts_on', t.date)
    .addColumn('quiet_ends_on', t.date)
    .addColumn('candidate_designated_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('elections_agency_voting_idx')
    .on('elections')
    .columns(['agency_id', 'voting_on'])
    .execute()

  await db.schema
    .createTable('election_stages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('election_id', t.id, (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('election_stages_election_position_idx')
    .on('election_stages')
    .columns(['election_id', 'position'])
    .execute()

  await db.schema
    .createTable('election_parties')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('election_id', t.id, (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('ballot_number', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('election_parties_ballot_unique')
    .on('election_parties')
    .columns(['election_id', 'ballot_number'])
    .unique()
    .execute()

  await db.schema
    .createTable('election_candidates')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('election_id', t.id, (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('ballot_number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('running_mate_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('slogans', t.json, (c) => c.notNull())
    .addColumn('hashtags', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('election_candidates_ballot_unique')
    .on('election_candidates')
    .columns(['election_id', 'office', 'ballot_number'])
    .unique()
    .execute()

  await db.schema
    .createTable('election_candidate_parties')
    .addColumn('candidate_id', t.id, (c) =>
      c.notNull().references('election_candidates.id').onDelete('cascade'),
    )
    .addColumn('party_id', t.id, (c) => c.notNull().references('election_parties.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_candidate_parties_pk', ['candidate_id', 'party_id'])
    .execute()
  await db.schema
    .createIndex('election_candidate_parties_party_idx')
    .on('election_candidate_parties')
    .column('party_id')
    .execute()

  await db.schema
    .createTable('election_candidate_social_accounts')
    .addColumn('candidate_id', t.id, (c) =>
      c.notNull().references('election_candidates.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('election_candidate_social_accounts_pk', ['candidate_id', 'position'])
    .execute()
  await db.schema
    .createIndex('election_candidate_social_accounts_handle_idx')
    .on('election_candidate_social_accounts')
    .columns(['platform', 'handle'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('election_candidate_social_accounts').execute()
  await db.schema.dropTable('election_candidate_parties').execute()
  await db.schema.dropTable('election_candidates').execute()
  await db.schema.dropTable('election_parties').execute()
  await db.schema.dropTable('election_stages').execute()
  await db.schema.dropTable('elections').execute()
}
