/**
 * Elections of an agency with their stages, parties and candidates. Elections are agency-wide reference data:
 * every staff role of the agency reads them (a unit_admin too — which election runs does not depend on the
 * unit), agency admins change them, super admins reach every agency. Records of other agencies answer
 * `election.not_found`, never 403, so their existence is not revealed. Every change is audited in its
 * transaction.
 */
import type { Kysely } from 'kysely'
import {
  administeredAgencyIds,
  canAdministerAgency,
  isSuperAdmin,
  type Actor,
  type Role,
} from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import {
  candidateOfficeProblem,
  candidateStatusOn,
  electionDateIssues,
  electionPhaseOn,
  normaliseHashtags,
  pairOffices,
  pickCurrentElection,
  regionProblem,
  stageOn,
  type CandidateOffice,
  type CandidateStatus,
  type ElectionDates,
  type ElectionType,
  type StageKind,
} from '../../domain/election-stage.js'
import { DomainError } from '../../domain/errors.js'
import { localDateOf } from '../../domain/working-days.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import * as repository from './elections.repository.js'
import type {
  CandidateRecord,
  ElectionPartyRow,
  ElectionRow,
  ElectionStageRow,
} from './elections.repository.js'
import {
  CreateCandidateBody,
  CreateElectionBody,
  CreatePartyBody,
  UpdateCandidateBody,
  UpdateElectionBody,
  UpdatePartyBody,
  type CandidateStatusView,
  type CandidateView,
  type ElectionDetail,
  type ElectionView,
  type ListElectionsQuery,
  type PartyView,
  type StageInput,
  type StageView,
} from './elections.schema.js'

/* Access ------------------------------------------------------------------------------------------------- */

/** Staff roles that read their agency's elections (the `elections.read` policy's roles). */
const electionReaders: readonly Role[] = [
  'agency_admin',
  'unit_admin',
  'examiner',
  'decision_maker',
  'external_liaison',
]

function readableAgencyIds(actor: Actor): readonly string[] | 'all' {
  if (isSuperAdmin(actor)) return 'all'
  return [
    ...new Set(
      actor.assignments
        .filter((a) => electionReaders.includes(a.role) && a.agencyId !== null)
        .map((a) => a.agencyId as string),
    ),
  ]
}

const canRead = (actor: Actor, agencyId: string): boolean => {
  const ids = readableAgencyIds(actor)
  return ids === 'all' || ids.includes(agencyId)
}

/** The agency a create applies to: the one named (if administered), else the only one the actor administers. */
function targetAgencyOf(actor: Actor, requested: string | undefined): string {
  if (requested) {
    if (!canRead(actor, requested)) throw new DomainError('agency.not_found', { agencyId: requested })
    if (!canAdministerAgency(actor, requested)) throw new DomainError('auth.forbidden')
    return requested
  }
  const own = administeredAgencyIds(actor)
  if (own.length === 1 && own[0]) return own[0]
  if (actor.agencyId && canAdministerAgency(actor, actor.agencyId)) return actor.agencyId
  throw new DomainError('request.invalid', { issues: [{ path: ['agencyId'], code: 'required' }] })
}

/* Views -------------------------------------------------------------------------------------------------- */

const toStageView = (row: ElectionStageRow): StageView => ({
  id: row.id,
  position: Number(row.position),
  name: row.name,
  kind: row.kind as StageKind,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
})

function datesOf(row: ElectionRow, stages: readonly ElectionStageRow[]): ElectionDates & { id: string } {
  return {
    id: row.id,
    votingOn: row.votingOn,
    campaignStartsOn: row.campaignStartsOn,
    campaignEndsOn: row.campaignEndsOn,
    quietStartsOn: row.quietStartsOn,
    quietEndsOn: row.quietEndsOn,
    candidateDesignatedOn: row.candidateDesignatedOn,
    stages: stages.map((s) => ({
      name: s.name,
      kind: s.kind as StageKind,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
    })),
  }
}

function toElectionView(
  row: ElectionRow,
  stages: readonly ElectionStageRow[],
  today: string,
  isCurrent: boolean,
): ElectionView {
  const stageViews = stages.map(toStageView)
  return {
    id: row.id,
    agencyId: row.agencyId,
    type: row.type as ElectionType,
    name: row.name,
    description: row.description,
    regionCode: row.regionCode,
    votingOn: row.votingOn,
    campaignStartsOn: row.campaignStartsOn,
    campaignEndsOn: row.campaignEndsOn,
    quietStartsOn: row.quietStartsOn,
    quietEndsOn: row.quietEndsOn,
    candidateDesignatedOn: row.candidateDesignatedOn,
    stages: stageViews,
    today,
    phase: electionPhaseOn(datesOf(row, stages), today),
    isCurrent,
    currentStage: stageOn(stageViews, today),
    candidateStatusToday: candidateStatusOn(today, row.candidateDesignatedOn),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

const toPartyView = (row: ElectionPartyRow): PartyView => ({
  id: row.id,
  electionId: row.electionId,
  ballotNumber: row.ballotNumber === null ? null : Number(row.ballotNumber),
  name: row.name,
  abbreviation: row.abbreviation,
})

const toCandidateView = (record: CandidateRecord): CandidateView => ({
  id: record.id,
  electionId: record.electionId,
  office: record.office as CandidateOffice,
  ballotNumber: Number(record.ballotNumber),
  name: record.name,
  runningMateName: record.runningMateName,
  isPair: pairOffices.includes(record.office as CandidateOffice),
  status: record.status as CandidateStatus,
  partyIds: record.partyIds,
  slogans: record.slogans,
  hashtags: record.hashtags,
  socialAccounts: record.socialAccounts as CandidateView['socialAccounts'],
})

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

/** Today's date in the agency's time zone (WIB, WITA or WIT). */
export async function agencyToday(db: Kysely<Database>, clock: Clock, agencyId: string): Promise<string> {
  const agency = await findAgencyById(db, agencyId)
  if (!agency) throw new DomainError('agency.not_found', { agencyId })
  return localDateOf(clock.now(), agency.timeZone)
}

/* Writes shared by the API and the demo seed (no authorization here: callers decide) ------------------------ */

type ElectionFields = Omit<ElectionRow, 'id' | 'agencyId' | 'createdAt' | 'updatedAt'>

function assertElectionValid(fields: ElectionFields, stages: readonly StageInput[]): void {
  const region = regionProblem(fields.type as ElectionType, fields.regionCode)
  if (region)
    throw new DomainError('election.region_invalid', { problem: region, regionCode: fields.regionCode })
  const issues = electionDateIssues({ ...fields, stages })
  if (issues.length > 0) throw new DomainError('election.dates_invalid', { issues })
}

const stageRows = (electionId: string, stages: readonly StageInput[]): ElectionStageRow[] =>
  stages.map((stage, position) => ({ id: newId(), electionId, position, ...stage }))

/** Creates an election with its stages (validated, audited). Run inside a transaction. */
export async function createElectionRecord(
  trx: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  agencyId: string,
  input: CreateElectionBody,
): Promise<{ row: ElectionRow; stages: ElectionStageRow[] }> {
  const body = CreateElectionBody.parse(input)
  const fields: ElectionFields = {
    type: body.type,
    name: body.name,
    description: body.description || null,
    regionCode: body.regionCode ?? null,
    votingOn: body.votingOn,
    campaignStartsOn: body.campaignStartsOn ?? null,
    campaignEndsOn: body.campaignEndsOn ?? null,
    quietStartsOn: body.quietStartsOn ?? null,
    quietEndsOn: body.quietEndsOn ?? null,
    candidateDesignatedOn: body.candidateDesignatedOn ?? null,
  }
  assertElectionValid(fields, body.stages)
  if (!(await findAgencyById(trx, agencyId))) throw new DomainError('agency.not_found', { agencyId })
  const now = clock.now().toISOString()
  const row: ElectionRow = { id: newId(), agencyId, ...fields, createdAt: now, updatedAt: now }
  const stages = stageRows(row.id, body.stages)
  await repository.insertElection(trx, row)
  await repository.replaceStages(trx, row.id, stages)
  await recordAuditEvent(trx, clock, auditActor, {
    action: 'election.created',
    entityType: 'election',
    entityId: row.id,
    agencyId,
    summary: { after: { ...fields, stages: body.stages } },
  })
  return { row, stages }
}

async function assertPartyBallotFree(
  trx: Kysely<Database>,
  electionId: string,
  ballotNumber: number | null,
  exceptId?: string,
) {
  if (ballotNumber === null) return
  const taken = await repository.findPartyByBallotNumber(trx, electionId, ballotNumber)
  if (taken && taken.id !== exceptId)
    throw new DomainError('election.party_ballot_number_taken', { ballotNumber })
}

/** Adds a party to an election (validated, audited). Run inside a transaction. */
export async function createPartyRecord(
  trx: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  election: ElectionRow,
  input: CreatePartyBody,
): Promise<ElectionPartyRow> {
  const body = CreatePartyBody.parse(input)
  const ballotNumber = body.ballotNumber ?? null
  await assertPartyBallotFree(trx, election.id, ballotNumber)
  const now = clock.now().toISOString()
  const row: ElectionPartyRow = {
    id: newId(),
    electionId: election.id,
    ballotNumber,
    name: body.name,
    abbreviation: body.abbreviation,
    createdAt: now,
    updatedAt: now,
  }
  await orConflict(repository.insertParty(trx, row), partyConflict(ballotNumber))
  await recordAuditEvent(trx, clock, auditActor, {
    action: 'election.party_added',
    entityType: 'election_party',
    entityId: row.id,
    agencyId: election.agencyId,
    summary: {
      electionId: election.id,
      after: { ballotNumber, name: row.name, abbreviation: row.abbreviation },
    },
  })
  return row
}

type CandidateFields = Omit<CandidateRecord, 'id' | 'electionId' | 'createdAt' | 'updatedAt'>

/** Checks a candidate against its election; returns it with hashtags normalised. */
async function checkedCandidate(
  trx: Kysely<Database>,
  election: ElectionRow,
  fields: CandidateFields,
  exceptId?: string,
): Promise<CandidateFields> {
  const runningMateName = fields.runningMateName || null
  const problem = candidateOfficeProblem(
    { type: election.type as ElectionType, regionCode: election.regionCode },
    { office: fields.office as CandidateOffice, runningMateName },
  )
  if (problem) throw new DomainError('election.candidate_office_invalid', { problem, office: fields.office })
  const hashtags = normaliseHashtags(fields.hashtags)
  if (!hashtags.ok) throw new DomainError('election.hashtag_invalid', { hashtag: hashtags.invalid })
  const partyIds = [...new Set(fields.partyIds)]
  if (partyIds.length > 0) {
    const known = new Set((await repository.listPartiesOf(trx, election.id)).map((p) => p.id))
    const unknown = partyIds.find((id) => !known.has(id))
    if (unknown) throw new DomainError('election.coalition_invalid', { partyId: unknown })
  }
  const taken = await repository.findCandidateByBallotNumber(
    trx,
    election.id,
    fields.office,
    fields.ballotNumber,
  )
  if (taken && taken.id !== exceptId)
    throw new DomainError('election.candidate_ballot_number_taken', {
      office: fields.office,
      ballotNumber: fields.ballotNumber,
    })
  return { ...fields, runningMateName, hashtags: hashtags.hashtags, partyIds }
}

const candidateSummary = (c: CandidateFields) => ({
  office: c.office,
  ballotNumber: c.ballotNumber,
  name: c.name,
  runningMateName: c.runningMateName,
  status: c.status,
  partyIds: c.partyIds,
  slogans: c.slogans,
  hashtags: c.hashtags,
  socialAccounts: c.socialAccounts,
})

/**
 * Adds a candidate or pair (validated, audited). Without a status, it is what the designation date says on
 * `today` (the agency's date). Run inside a transaction.
 */
export async function createCandidateRecord(
  trx: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  election: ElectionRow,
  input: CreateCandidateBody,
  today: string,
): Promise<CandidateRecord> {
  const body = CreateCandidateBody.parse(input)
  const fields = await checkedCandidate(trx, election, {
    office: body.office,
    ballotNumber: body.ballotNumber,
    name: body.name,
    runningMateName: body.runningMateName ?? null,
    status: body.status ?? candidateStatusOn(today, election.candidateDesignatedOn),
    partyIds: body.partyIds,
    slogans: body.slogans,
    hashtags: body.hashtags,
    socialAccounts: body.socialAccounts.map((a) => ({
      platform: a.platform,
      handle: a.handle,
      url: a.url ?? null,
    })),
  })
  const now = clock.now().toISOString()
  const record: CandidateRecord = {
    id: newId(),
    electionId: election.id,
    ...fields,
    createdAt: now,
    updatedAt: now,
  }
  await saveCandidateOrConflict(trx, record, 'insert')
  await recordAuditEvent(trx, clock, auditActor, {
    action: 'election.candidate_added',
    entityType: 'election_candidate',
    entityId: record.id,
    agencyId: election.agencyId,
    summary: { electionId: election.id, after: candidateSummary(fields) },
  })
  return record
}

/** A concurrent request may take the same ballot number between our check and the write: same answer. */
async function orConflict(write: Promise<unknown>, conflict: () => DomainError): Promise<void> {
  try {
    await write
  } catch (error) {
    if (repository.isUniqueViolation(error)) throw conflict()
    throw error
  }
}

const saveCandidateOrConflict = (trx: Kysely<Database>, record: CandidateRecord, mode: 'insert' | 'update') =>
  orConflict(
    repository.saveCandidate(trx, record, mode),
    () =>
      new DomainError('election.candidate_ballot_number_taken', {
        office: record.office,
        ballotNumber: record.ballotNumber,
      }),
  )

const partyConflict = (ballotNumber: number | null) => () =>
  new DomainError('election.party_ballot_number_taken', { ballotNumber })

/** Voting days of an agency's elections in [fromOn, toOn] — holidays of its working-day calendar. */
export async function listVotingDays(
  db: Kysely<Database>,
  agencyId: string,
  fromOn: string,
  toOn: string,
): Promise<{ electionId: string; name: string; votingOn: string }[]> {
  const rows = await repository.listVotingDays(db, agencyId, fromOn, toOn)
  return rows.map((row) => ({ electionId: row.id, name: row.name, votingOn: row.votingOn }))
}

export const findElectionByName = (db: Kysely<Database>, agencyId: string, name: string) =>
  repository.findElectionByName(db, agencyId, name)

/* The service -------------------------------------------------------------------------------------------- */

export function createElectionsService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /** An election the actor may read, or `election.not_found`. */
  async function loadReadable(trx: Kysely<Database>, actor: Actor, electionId: string): Promise<ElectionRow> {
    const row = await repository.findElectionById(trx, electionId)
    if (!row || !canRead(actor, row.agencyId)) throw new DomainError('election.not_found', { electionId })
    return row
  }

  /** An election the actor may change: not_found outside their agencies, forbidden where they only read. */
  async function loadManaged(trx: Kysely<Database>, actor: Actor, electionId: string): Promise<ElectionRow> {
    const row = await loadReadable(trx, actor, electionId)
    if (!canAdministerAgency(actor, row.agencyId)) throw new DomainError('auth.forbidden')
    return row
  }

  /** Views of the given elections, with `isCurrent` decided over all elections of each agency. */
  async function viewsOf(executor: Kysely<Database>, rows: readonly ElectionRow[]): Promise<ElectionView[]> {
    const agencyIds = [...new Set(rows.map((r) => r.agencyId))]
    const all = await repository.listElections(executor, { agencyIds })
    const stages = groupBy(
      await repository.listStagesOf(
        executor,
        all.map((r) => r.id),
      ),
      (s) => s.electionId,
    )
    const byAgency = groupBy(all, (r) => r.agencyId)
    const today = new Map<string, string>()
    const current = new Set<string>()
    for (const agencyId of agencyIds) {
      const date = await agencyToday(executor, clock, agencyId)
      today.set(agencyId, date)
      const list = (byAgency.get(agencyId) ?? []).map((r) => datesOf(r, stages.get(r.id) ?? []))
      const picked = pickCurrentElection(list, date)
      if (picked) current.add(picked.id)
    }
    return rows.map((row) =>
      toElectionView(row, stages.get(row.id) ?? [], today.get(row.agencyId) ?? '', current.has(row.id)),
    )
  }

  async function detailOf(executor: Kysely<Database>, row: ElectionRow): Promise<ElectionDetail> {
    const [view] = await viewsOf(executor, [row])
    if (!view) throw new DomainError('election.not_found', { electionId: row.id })
    const [parties, candidates] = await Promise.all([
      repository.listPartiesOf(executor, row.id),
      repository.listCandidatesOf(executor, row.id),
    ])
    return { ...view, parties: parties.map(toPartyView), candidates: candidates.map(toCandidateView) }
  }

  async function loadCandidate(trx: Kysely<Database>, election: ElectionRow, candidateId: string) {
    const [record] = await repository.listCandidatesOf(trx, election.id, candidateId)
    if (!record) throw new DomainError('election.candidate_not_found', { candidateId })
    return record
  }

  return {
    async listElections(actor: Actor, query: ListElectionsQuery): Promise<{ items: ElectionView[] }> {
      let agencyIds = readableAgencyIds(actor)
      if (query.agencyId) {
        if (!canRead(actor, query.agencyId))
          throw new DomainError('agency.not_found', { agencyId: query.agencyId })
        agencyIds = [query.agencyId]
      }
      const rows = (await repository.listElections(db, { agencyIds })).filter(
        (row) =>
          (!query.type || row.type === query.type) &&
          (query.year === undefined || row.votingOn.startsWith(`${query.year}-`)),
      )
      const items = await viewsOf(db, rows)
      return { items: query.current ? items.filter((item) => item.isCurrent) : items }
    },

    async getElection(actor: Actor, electionId: string): Promise<ElectionDetail> {
      return detailOf(db, await loadReadable(db, actor, electionId))
    },

    /** "bakal_calon" or "calon" on a date (default: today in the agency's zone) — for sanction guidance. */
    async candidateStatus(actor: Actor, electionId: string, on?: string): Promise<CandidateStatusView> {
      const row = await loadReadable(db, actor, electionId)
      const date = on ?? (await agencyToday(db, clock, row.agencyId))
      return {
        electionId,
        on: date,
        candidateDesignatedOn: row.candidateDesignatedOn,
        status: candidateStatusOn(date, row.candidateDesignatedOn),
      }
    },

    async createElection(actor: Actor, input: CreateElectionBody): Promise<ElectionDetail> {
      const body = CreateElectionBody.parse(input)
      const agencyId = targetAgencyOf(actor, body.agencyId)
      return db.transaction().execute(async (trx) => {
        const { row } = await createElectionRecord(trx, clock, auditActorOf(actor), agencyId, body)
        return detailOf(trx, row)
      })
    },

    async updateElection(
      actor: Actor,
      electionId: string,
      input: UpdateElectionBody,
    ): Promise<ElectionDetail> {
      const body = UpdateElectionBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const current = await loadManaged(trx, actor, electionId)
        const currentStages = await repository.listStagesOf(trx, [electionId])
        const nullable = <K extends keyof ElectionFields>(key: K, value: ElectionFields[K] | undefined) =>
          value === undefined ? current[key] : value
        const fields: ElectionFields = {
          type: body.type ?? current.type,
          name: body.name ?? current.name,
          description: body.description === undefined ? current.description : body.description || null,
          regionCode: nullable('regionCode', body.regionCode),
          votingOn: body.votingOn ?? current.votingOn,
          campaignStartsOn: nullable('campaignStartsOn', body.campaignStartsOn),
          campaignEndsOn: nullable('campaignEndsOn', body.campaignEndsOn),
          quietStartsOn: nullable('quietStartsOn', body.quietStartsOn),
          quietEndsOn: nullable('quietEndsOn', body.quietEndsOn),
          candidateDesignatedOn: nullable('candidateDesignatedOn', body.candidateDesignatedOn),
        }
        const stages: StageInput[] =
          body.stages ??
          currentStages.map((s) => ({
            name: s.name,
            kind: s.kind as StageKind,
            startsOn: s.startsOn,
            endsOn: s.endsOn,
          }))
        assertElectionValid(fields, stages)
        if (fields.type !== current.type || fields.regionCode !== current.regionCode) {
          for (const candidate of await repository.listCandidatesOf(trx, electionId)) {
            const problem = candidateOfficeProblem(
              { type: fields.type as ElectionType, regionCode: fields.regionCode },
              { office: candidate.office as CandidateOffice, runningMateName: candidate.runningMateName },
            )
            if (problem)
              throw new DomainError('election.candidate_office_invalid', {
                problem,
                office: candidate.office,
                candidateId: candidate.id,
              })
          }
        }
        const now = clock.now().toISOString()
        await repository.updateElection(trx, electionId, { ...fields, updatedAt: now })
        if (body.stages) await repository.replaceStages(trx, electionId, stageRows(electionId, body.stages))
        const changed = (Object.keys(fields) as (keyof ElectionFields)[]).filter(
          (k) => fields[k] !== current[k],
        )
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.updated',
          entityType: 'election',
          entityId: electionId,
          agencyId: current.agencyId,
          summary: {
            before: {
              ...Object.fromEntries(changed.map((k) => [k, current[k]])),
              ...(body.stages
                ? { stages: currentStages.map(toStageView).map(({ id: _id, ...s }) => s) }
                : {}),
            },
            after: {
              ...Object.fromEntries(changed.map((k) => [k, fields[k]])),
              ...(body.stages ? { stages: body.stages } : {}),
            },
          },
        })
        return detailOf(trx, { ...current, ...fields, updatedAt: now })
      })
    },

    async deleteElection(actor: Actor, electionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await loadManaged(trx, actor, electionId)
        const candidates = await repository.listCandidatesOf(trx, electionId)
        await repository.deleteElection(trx, electionId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.deleted',
          entityType: 'election',
          entityId: electionId,
          agencyId: current.agencyId,
          summary: {
            before: {
              type: current.type,
              name: current.name,
              votingOn: current.votingOn,
              candidates: candidates.length,
            },
          },
        })
      })
    },

    async addParty(actor: Actor, electionId: string, input: CreatePartyBody): Promise<PartyView> {
      return db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        return toPartyView(await createPartyRecord(trx, clock, auditActorOf(actor), election, input))
      })
    },

    async updateParty(
      actor: Actor,
      electionId: string,
      partyId: string,
      input: UpdatePartyBody,
    ): Promise<PartyView> {
      const body = UpdatePartyBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        const current = await repository.findPartyById(trx, electionId, partyId)
        if (!current) throw new DomainError('election.party_not_found', { partyId })
        const next: ElectionPartyRow = {
          ...current,
          ballotNumber: body.ballotNumber === undefined ? current.ballotNumber : body.ballotNumber,
          name: body.name ?? current.name,
          abbreviation: body.abbreviation ?? current.abbreviation,
          updatedAt: clock.now().toISOString(),
        }
        await assertPartyBallotFree(trx, electionId, next.ballotNumber, partyId)
        await orConflict(
          repository.updateParty(trx, partyId, {
            ballotNumber: next.ballotNumber,
            name: next.name,
            abbreviation: next.abbreviation,
            updatedAt: next.updatedAt,
          }),
          partyConflict(next.ballotNumber),
        )
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.party_updated',
          entityType: 'election_party',
          entityId: partyId,
          agencyId: election.agencyId,
          summary: {
            electionId,
            before: {
              ballotNumber: current.ballotNumber,
              name: current.name,
              abbreviation: current.abbreviation,
            },
            after: { ballotNumber: next.ballotNumber, name: next.name, abbreviation: next.abbreviation },
          },
        })
        return toPartyView(next)
      })
    },

    async removeParty(actor: Actor, electionId: string, partyId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        const current = await repository.findPartyById(trx, electionId, partyId)
        if (!current) throw new DomainError('election.party_not_found', { partyId })
        const candidates = await repository.countCoalitionsWithParty(trx, partyId)
        if (candidates > 0) throw new DomainError('election.party_in_use', { partyId, candidates })
        await repository.deleteParty(trx, partyId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.party_removed',
          entityType: 'election_party',
          entityId: partyId,
          agencyId: election.agencyId,
          summary: {
            electionId,
            before: {
              ballotNumber: current.ballotNumber,
              name: current.name,
              abbreviation: current.abbreviation,
            },
          },
        })
      })
    },

    async addCandidate(actor: Actor, electionId: string, input: CreateCandidateBody): Promise<CandidateView> {
      return db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        const today = await agencyToday(trx, clock, election.agencyId)
        return toCandidateView(
          await createCandidateRecord(trx, clock, auditActorOf(actor), election, input, today),
        )
      })
    },

    async updateCandidate(
      actor: Actor,
      electionId: string,
      candidateId: string,
      input: UpdateCandidateBody,
    ): Promise<CandidateView> {
      const body = UpdateCandidateBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        const current = await loadCandidate(trx, election, candidateId)
        const fields = await checkedCandidate(
          trx,
          election,
          {
            office: body.office ?? current.office,
            ballotNumber: body.ballotNumber ?? current.ballotNumber,
            name: body.name ?? current.name,
            runningMateName:
              body.runningMateName === undefined ? current.runningMateName : body.runningMateName,
            status: body.status ?? current.status,
            partyIds: body.partyIds ?? current.partyIds,
            slogans: body.slogans ?? current.slogans,
            hashtags: body.hashtags ?? current.hashtags,
            socialAccounts:
              body.socialAccounts?.map((a) => ({
                platform: a.platform,
                handle: a.handle,
                url: a.url ?? null,
              })) ?? current.socialAccounts,
          },
          candidateId,
        )
        const record: CandidateRecord = { ...current, ...fields, updatedAt: clock.now().toISOString() }
        await saveCandidateOrConflict(trx, record, 'update')
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.candidate_updated',
          entityType: 'election_candidate',
          entityId: candidateId,
          agencyId: election.agencyId,
          summary: { electionId, before: candidateSummary(current), after: candidateSummary(fields) },
        })
        return toCandidateView(record)
      })
    },

    async removeCandidate(actor: Actor, electionId: string, candidateId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const election = await loadManaged(trx, actor, electionId)
        const current = await loadCandidate(trx, election, candidateId)
        await repository.deleteCandidate(trx, candidateId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'election.candidate_removed',
          entityType: 'election_candidate',
          entityId: candidateId,
          agencyId: election.agencyId,
          summary: { electionId, before: candidateSummary(current) },
        })
      })
    },
  }
}
export type ElectionsService = ReturnType<typeof createElectionsService>
