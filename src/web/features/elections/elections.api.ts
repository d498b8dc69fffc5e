import type { z } from 'zod'
import type {
  CandidateView,
  CreateCandidateBody,
  CreateElectionBody,
  CreatePartyBody,
  ElectionDetail,
  ElectionList,
  ElectionView,
  PartyView,
  StageView,
  UpdateCandidateBody,
  UpdateElectionBody,
  UpdatePartyBody,
} from '../../../features/elections/elections.schema'
import { apiPost, apiRequest, withQuery } from '../../api/client'

export type { CandidateView, ElectionDetail, ElectionView, PartyView, StageView }
export type ElectionListView = z.infer<typeof ElectionList>

const electionsPath = '/api/v1/elections'

/** The elections of one agency (or, for a platform administrator without an agency, of every agency). */
export const electionListPath = (agencyId: string | null | undefined) =>
  withQuery(electionsPath, { agencyId: agencyId ?? undefined })

export const electionPath = (electionId: string) => `${electionsPath}/${encodeURIComponent(electionId)}`

export const createElection = (body: CreateElectionBody) => apiPost<ElectionDetail>(electionsPath, body)

export const updateElection = (electionId: string, body: UpdateElectionBody) =>
  apiRequest<ElectionDetail>('PATCH', electionPath(electionId), { body })

export const deleteElection = (electionId: string) => apiRequest<null>('DELETE', electionPath(electionId))

const partiesPath = (electionId: string) => `${electionPath(electionId)}/parties`
const partyPath = (electionId: string, partyId: string) =>
  `${partiesPath(electionId)}/${encodeURIComponent(partyId)}`

export const addParty = (electionId: string, body: CreatePartyBody) =>
  apiPost<PartyView>(partiesPath(electionId), body)

export const updateParty = (electionId: string, partyId: string, body: UpdatePartyBody) =>
  apiRequest<PartyView>('PATCH', partyPath(electionId, partyId), { body })

export const removeParty = (electionId: string, partyId: string) =>
  apiRequest<null>('DELETE', partyPath(electionId, partyId))

const candidatesPath = (electionId: string) => `${electionPath(electionId)}/candidates`
const candidatePath = (electionId: string, candidateId: string) =>
  `${candidatesPath(electionId)}/${encodeURIComponent(candidateId)}`

export const addCandidate = (electionId: string, body: CreateCandidateBody) =>
  apiPost<CandidateView>(candidatesPath(electionId), body)

export const updateCandidate = (electionId: string, candidateId: string, body: UpdateCandidateBody) =>
  apiRequest<CandidateView>('PATCH', candidatePath(electionId, candidateId), { body })

export const removeCandidate = (electionId: string, candidateId: string) =>
  apiRequest<null>('DELETE', candidatePath(electionId, candidateId))
