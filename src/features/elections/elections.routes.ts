import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { ElectionsService } from './elections.service.js'
import {
  CandidateParams,
  CandidateStatusQuery,
  CandidateStatusView,
  CandidateView,
  CreateCandidateBody,
  CreateElectionBody,
  CreatePartyBody,
  ElectionDetail,
  ElectionList,
  ElectionParams,
  ListElectionsQuery,
  PartyParams,
  PartyView,
  UpdateCandidateBody,
  UpdateElectionBody,
  UpdatePartyBody,
} from './elections.schema.js'

export const electionsRoutes: FastifyPluginAsyncZod<{ elections: ElectionsService }> = async (
  app,
  { elections },
) => {
  const read = { policy: 'elections.read' } as const
  const manage = { policy: 'elections.manage' } as const
  const tags = ['elections']
  const noContent = { 204: z.null() }

  app.get(
    '/elections',
    {
      config: read,
      schema: {
        tags,
        summary: 'Elections of my agencies, latest voting day first; `current=true` keeps the current one',
        querystring: ListElectionsQuery,
        response: { 200: ElectionList },
      },
    },
    (request) => elections.listElections(actorOf(request), request.query),
  )

  app.post(
    '/elections',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an election with its stages',
        body: CreateElectionBody,
        response: { 201: ElectionDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await elections.createElection(actorOf(request), request.body)),
  )

  app.get(
    '/elections/:electionId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One election with stages, parties and candidates',
        params: ElectionParams,
        response: { 200: ElectionDetail },
      },
    },
    (request) => elections.getElection(actorOf(request), request.params.electionId),
  )

  app.patch(
    '/elections/:electionId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an election (`stages` replaces the whole list)',
        params: ElectionParams,
        body: UpdateElectionBody,
        response: { 200: ElectionDetail },
      },
    },
    (request) => elections.updateElection(actorOf(request), request.params.electionId, request.body),
  )

  app.delete(
    '/elections/:electionId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an election with its stages, parties and candidates',
        params: ElectionParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await elections.deleteElection(actorOf(request), request.params.electionId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/elections/:electionId/candidate-status',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Whether people standing in the election are "bakal_calon" or "calon" on a date (default today)',
        params: ElectionParams,
        querystring: CandidateStatusQuery,
        response: { 200: CandidateStatusView },
      },
    },
    (request) => elections.candidateStatus(actorOf(request), request.params.electionId, request.query.on),
  )

  app.post(
    '/elections/:electionId/parties',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a party',
        params: ElectionParams,
        body: CreatePartyBody,
        response: { 201: PartyView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await elections.addParty(actorOf(request), request.params.electionId, request.body)),
  )

  app.patch(
    '/elections/:electionId/parties/:partyId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a party',
        params: PartyParams,
        body: UpdatePartyBody,
        response: { 200: PartyView },
      },
    },
    (request) =>
      elections.updateParty(
        actorOf(request),
        request.params.electionId,
        request.params.partyId,
        request.body,
      ),
  )

  app.delete(
    '/elections/:electionId/parties/:partyId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a party no candidate names in a coalition',
        params: PartyParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await elections.removeParty(actorOf(request), request.params.electionId, request.params.partyId)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/elections/:electionId/candidates',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a candidate or pair',
        params: ElectionParams,
        body: CreateCandidateBody,
        response: { 201: CandidateView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await elections.addCandidate(actorOf(request), request.params.electionId, request.body)),
  )

  app.patch(
    '/elections/:electionId/candidates/:candidateId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a candidate or pair (lists given replace the stored ones)',
        params: CandidateParams,
        body: UpdateCandidateBody,
        response: { 200: CandidateView },
      },
    },
    (request) =>
      elections.updateCandidate(
        actorOf(request),
        request.params.electionId,
        request.params.candidateId,
        request.body,
      ),
  )

  app.delete(
    '/elections/:electionId/candidates/:candidateId',
    {
      config: manage,
      schema: { tags, summary: 'Remove a candidate or pair', params: CandidateParams, response: noContent },
    },
    async (request, reply) => {
      await elections.removeCandidate(actorOf(request), request.params.electionId, request.params.candidateId)
      return reply.status(204).send(null)
    },
  )
}
