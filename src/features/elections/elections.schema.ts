/** HTTP contracts of elections: the election with its stages, parties and candidates or pairs. */
import { z } from 'zod'
import {
  candidateOffices,
  candidateStatuses,
  electionTypes,
  stageKinds,
} from '../../domain/election-stage.js'
import { socialPlatforms } from '../../domain/employee-fields.js'
import { isIsoDate } from '../../domain/working-days.js'

/** A real calendar date `YYYY-MM-DD` (2023-02-29 is refused). */
export const IsoDate = z.iso.date().refine(isIsoDate, { message: 'date' })

const text = (min: number, max: number) => z.string().trim().min(min).max(max)

/* Elections ---------------------------------------------------------------------------------------------- */

export const StageInput = z.strictObject({
  name: text(2, 200),
  kind: z.enum(stageKinds),
  startsOn: IsoDate,
  endsOn: IsoDate,
})
export type StageInput = z.infer<typeof StageInput>

const electionFields = {
  type: z.enum(electionTypes),
  name: text(3, 200),
  description: text(0, 2000).nullish(),
  /** Kemendagri code of the PILKADA region: `PP` (province) or `PP.KK` (regency/city); none for a PEMILU. */
  regionCode: text(1, 20).nullish(),
  votingOn: IsoDate,
  campaignStartsOn: IsoDate.nullish(),
  campaignEndsOn: IsoDate.nullish(),
  quietStartsOn: IsoDate.nullish(),
  quietEndsOn: IsoDate.nullish(),
  /** Penetapan calon: candidates are "bakal calon" before this day and "calon" from it. */
  candidateDesignatedOn: IsoDate.nullish(),
  /** In order; replaces the whole list when given. */
  stages: z.array(StageInput).max(50),
}

export const CreateElectionBody = z.strictObject({
  ...electionFields,
  stages: electionFields.stages.default([]),
  /** Defaults to the agency the actor administers (required when there are several). */
  agencyId: z.uuid().optional(),
})
export type CreateElectionBody = z.input<typeof CreateElectionBody>

export const UpdateElectionBody = z.strictObject(electionFields).partial()
export type UpdateElectionBody = z.input<typeof UpdateElectionBody>

export const StageView = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  kind: z.enum(stageKinds),
  startsOn: z.string(),
  endsOn: z.string(),
})
export type StageView = z.infer<typeof StageView>

export const ElectionView = z.object({
  id: z.string(),
  agencyId: z.string(),
  type: z.enum(electionTypes),
  name: z.string(),
  description: z.string().nullable(),
  regionCode: z.string().nullable(),
  votingOn: z.string(),
  campaignStartsOn: z.string().nullable(),
  campaignEndsOn: z.string().nullable(),
  quietStartsOn: z.string().nullable(),
  quietEndsOn: z.string().nullable(),
  candidateDesignatedOn: z.string().nullable(),
  stages: z.array(StageView),
  /** Today in the agency's time zone, the date the fields below were computed for. */
  today: z.string(),
  phase: z.enum(['upcoming', 'running', 'finished']),
  /** The election the header selector shows for the agency (running, else next, else the latest). */
  isCurrent: z.boolean(),
  currentStage: StageView.nullable(),
  /** What a person standing in this election is today: "bakal_calon" before designation, "calon" from it. */
  candidateStatusToday: z.enum(['bakal_calon', 'calon']),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ElectionView = z.infer<typeof ElectionView>

export const ElectionList = z.object({ items: z.array(ElectionView) })

export const ListElectionsQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  /** `true`: only the current election of each agency. */
  current: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  type: z.enum(electionTypes).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})
export type ListElectionsQuery = z.infer<typeof ListElectionsQuery>

export const ElectionParams = z.strictObject({ electionId: z.uuid() })

export const CandidateStatusQuery = z.strictObject({ on: IsoDate.optional() })

export const CandidateStatusView = z.object({
  electionId: z.string(),
  on: z.string(),
  candidateDesignatedOn: z.string().nullable(),
  status: z.enum(['bakal_calon', 'calon']),
})
export type CandidateStatusView = z.infer<typeof CandidateStatusView>

/* Parties ------------------------------------------------------------------------------------------------ */

const partyFields = {
  /** Nomor urut partai; none in a PILKADA. */
  ballotNumber: z.number().int().min(1).max(99).nullish(),
  name: text(2, 200),
  abbreviation: text(1, 40),
}
export const CreatePartyBody = z.strictObject(partyFields)
export type CreatePartyBody = z.input<typeof CreatePartyBody>
export const UpdatePartyBody = z.strictObject(partyFields).partial()
export type UpdatePartyBody = z.input<typeof UpdatePartyBody>

export const PartyView = z.object({
  id: z.string(),
  electionId: z.string(),
  ballotNumber: z.number().nullable(),
  name: z.string(),
  abbreviation: z.string(),
})
export type PartyView = z.infer<typeof PartyView>

export const PartyParams = z.strictObject({ electionId: z.uuid(), partyId: z.uuid() })

/* Candidates --------------------------------------------------------------------------------------------- */

export const CandidateSocialAccount = z.strictObject({
  platform: z.enum(socialPlatforms),
  /** Stored without a leading `@`. */
  handle: text(1, 100).transform((handle) => handle.replace(/^@/, '')),
  url: z.url().max(500).nullish(),
})

const candidateFields = {
  office: z.enum(candidateOffices),
  /** Nomor urut: unique per election and office. */
  ballotNumber: z.number().int().min(1).max(999),
  /** The candidate, or the main candidate of a pair (calon presiden, calon kepala daerah). */
  name: text(2, 200),
  /** Required for pairs (presiden, gubernur, bupati, wali kota); none for legislative candidates. */
  runningMateName: text(2, 200).nullish(),
  /** Defaults to what the designation date says today (bakal_calon or calon). */
  status: z.enum(candidateStatuses),
  /** Ids of this election's parties in the coalition (empty for an independent candidate). */
  partyIds: z.array(z.uuid()).max(30),
  slogans: z.array(text(1, 300)).max(20),
  /** Normalised to `#word`. */
  hashtags: z.array(z.string().max(101)).max(50),
  socialAccounts: z.array(CandidateSocialAccount).max(30),
}

export const CreateCandidateBody = z.strictObject({
  ...candidateFields,
  status: candidateFields.status.optional(),
  partyIds: candidateFields.partyIds.default([]),
  slogans: candidateFields.slogans.default([]),
  hashtags: candidateFields.hashtags.default([]),
  socialAccounts: candidateFields.socialAccounts.default([]),
})
export type CreateCandidateBody = z.input<typeof CreateCandidateBody>
export const UpdateCandidateBody = z.strictObject(candidateFields).partial()
export type UpdateCandidateBody = z.input<typeof UpdateCandidateBody>

export const CandidateView = z.object({
  id: z.string(),
  electionId: z.string(),
  office: z.enum(candidateOffices),
  ballotNumber: z.number(),
  name: z.string(),
  runningMateName: z.string().nullable(),
  isPair: z.boolean(),
  status: z.enum(candidateStatuses),
  partyIds: z.array(z.string()),
  slogans: z.array(z.string()),
  hashtags: z.array(z.string()),
  socialAccounts: z.array(
    z.object({ platform: z.enum(socialPlatforms), handle: z.string(), url: z.string().nullable() }),
  ),
})
export type CandidateView = z.infer<typeof CandidateView>

export const CandidateParams = z.strictObject({ electionId: z.uuid(), candidateId: z.uuid() })

export const ElectionDetail = ElectionView.extend({
  parties: z.array(PartyView),
  candidates: z.array(CandidateView),
})
export type ElectionDetail = z.infer<typeof ElectionDetail>
