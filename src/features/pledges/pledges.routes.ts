import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { PledgesService } from './pledges.service.js'
import {
  CampaignList,
  CampaignView,
  CodeParams,
  CoverageQuery,
  CoverageView,
  CreateCampaignBody,
  CreateTemplateBody,
  IdParams,
  IssuedCode,
  ListCampaignsQuery,
  ListTargetsQuery,
  ListTemplatesQuery,
  NewVersionBody,
  OpenCampaignResult,
  PublicPledgeView,
  ReminderBody,
  ReminderResult,
  RevokeBody,
  SeedDefaultsBody,
  SignatureView,
  SignPledgeBody,
  SignPledgeResult,
  TargetList,
  TargetParams,
  TemplateList,
  TemplateVersionList,
  TemplateView,
  UpdateCampaignBody,
  UpdateTemplateBody,
  VerifyView,
} from './pledges.schema.js'

export interface PledgesRoutesDeps {
  readonly pledges: PledgesService
  /** Requests per minute per client on the public signing and verification routes. */
  readonly publicRateLimitPerMinute: number
}

/**
 * Staff routes for templates, campaigns, targets, coverage, codes, reminders and revocation; public routes for the
 * signing page and the receipt check. Path parameters are all named `id` (plus `employeeId` for a target).
 */
export const pledgesRoutes: FastifyPluginAsyncZod<PledgesRoutesDeps> = async (
  app,
  { pledges, publicRateLimitPerMinute },
) => {
  const read = { policy: 'pledges.read' } as const
  const manage = { policy: 'pledges.manage' } as const
  const tags = ['pledges']

  /* Templates ------------------------------------------------------------------------------------------- */

  app.get(
    '/pledge-templates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Pledge templates of an agency (current version each)',
        querystring: ListTemplatesQuery,
        response: { 200: TemplateList },
      },
    },
    (request) => pledges.listTemplates(actorOf(request), request.query),
  )

  app.post(
    '/pledge-templates',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a template (version 1)',
        body: CreateTemplateBody,
        response: { 201: TemplateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pledges.createTemplate(actorOf(request), request.body)),
  )

  app.post(
    '/pledge-templates/defaults',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create the default Ikrar Netralitas ASN and Pakta Integritas Netralitas when missing',
        body: SeedDefaultsBody,
        response: { 200: TemplateList },
      },
    },
    (request) => pledges.seedDefaults(actorOf(request), request.body),
  )

  app.get(
    '/pledge-templates/:id',
    {
      config: read,
      schema: { tags, summary: 'One template', params: IdParams, response: { 200: TemplateView } },
    },
    (request) => pledges.getTemplate(actorOf(request), request.params.id),
  )

  app.patch(
    '/pledge-templates/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Archive or restore a template',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: TemplateView },
      },
    },
    (request) => pledges.updateTemplate(actorOf(request), request.params.id, request.body),
  )

  app.get(
    '/pledge-templates/:id/versions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every version of a template, newest first',
        params: IdParams,
        response: { 200: TemplateVersionList },
      },
    },
    (request) => pledges.listVersions(actorOf(request), request.params.id),
  )

  app.post(
    '/pledge-templates/:id/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a template: adds the next version (earlier versions never change)',
        params: IdParams,
        body: NewVersionBody,
        response: { 201: TemplateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pledges.addVersion(actorOf(request), request.params.id, request.body)),
  )

  /* Campaigns ------------------------------------------------------------------------------------------- */

  app.get(
    '/pledge-campaigns',
    {
      config: read,
      schema: {
        tags,
        summary: 'Pledge campaigns of an agency, newest first',
        querystring: ListCampaignsQuery,
        response: { 200: CampaignList },
      },
    },
    (request) => pledges.listCampaigns(actorOf(request), request.query),
  )

  app.post(
    '/pledge-campaigns',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a campaign (draft)',
        body: CreateCampaignBody,
        response: { 201: CampaignView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pledges.createCampaign(actorOf(request), request.body)),
  )

  app.get(
    '/pledge-campaigns/:id',
    {
      config: read,
      schema: { tags, summary: 'One campaign', params: IdParams, response: { 200: CampaignView } },
    },
    (request) => pledges.getCampaign(actorOf(request), request.params.id),
  )

  app.patch(
    '/pledge-campaigns/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a draft campaign',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: CampaignView },
      },
    },
    (request) => pledges.updateCampaign(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/pledge-campaigns/:id/open',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open: snapshot the targets and issue their one-time codes (returned once, never stored)',
        params: IdParams,
        response: { 200: OpenCampaignResult },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return pledges.openCampaign(actorOf(request), request.params.id)
    },
  )

  app.post(
    '/pledge-campaigns/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close: no more signatures',
        params: IdParams,
        response: { 200: CampaignView },
      },
    },
    (request) => pledges.closeCampaign(actorOf(request), request.params.id),
  )

  app.get(
    '/pledge-campaigns/:id/targets',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who must sign, with status, by the unit they were in when the campaign opened',
        params: IdParams,
        querystring: ListTargetsQuery,
        response: { 200: TargetList },
      },
    },
    (request) => pledges.listTargets(actorOf(request), request.params.id, request.query),
  )

  app.get(
    '/pledge-campaigns/:id/coverage',
    {
      config: read,
      schema: {
        tags,
        summary: 'Targets, signed, not signed and percent for a unit subtree, per child unit',
        params: IdParams,
        querystring: CoverageQuery,
        response: { 200: CoverageView },
      },
    },
    (request) => pledges.coverage(actorOf(request), request.params.id, request.query),
  )

  app.post(
    '/pledge-campaigns/:id/targets/:employeeId/code',
    {
      config: { policy: 'pledges.remind' },
      schema: {
        tags,
        summary: 'Issue a new one-time code for one target (the previous one stops working)',
        params: TargetParams,
        response: { 200: IssuedCode },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return pledges.reissueCode(actorOf(request), request.params.id, request.params.employeeId)
    },
  )

  app.post(
    '/pledge-campaigns/:id/reminders',
    {
      config: { policy: 'pledges.remind' },
      schema: {
        tags,
        summary: 'E-mail non-signers a fresh link (at most once per 24 hours each)',
        params: IdParams,
        body: ReminderBody,
        response: { 200: ReminderResult },
      },
    },
    (request) => pledges.sendReminders(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/pledge-signatures/:id/revoke',
    {
      config: { policy: 'pledges.revoke' },
      schema: {
        tags,
        summary: 'Revoke a signature (agency admin, with a reason)',
        params: IdParams,
        body: RevokeBody,
        response: { 200: SignatureView },
      },
    },
    (request) => pledges.revokeSignature(actorOf(request), request.params.id, request.body),
  )

  /* Public: no session, no client address or user agent logged (privacy), rate-limited ------------------ */

  const publicConfig = {
    policy: 'public',
    privacy: 'reporter',
    rateLimit: { max: publicRateLimitPerMinute, timeWindow: 60_000 },
  } as const

  app.get(
    '/public/pledges/:id',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'The text to sign behind a one-time code',
        params: CodeParams,
        response: { 200: PublicPledgeView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return pledges.viewPledge(request.params.id)
    },
  )

  app.post(
    '/public/pledges/:id/sign',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Sign with a one-time code, date of birth and typed name',
        params: CodeParams,
        body: SignPledgeBody,
        response: { 200: SignPledgeResult },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      // The receipt job was queued in the signing transaction; the PDF is made in the background.
      const { signatureId: _signatureId, ...signed } = await pledges.signPledge(
        request.params.id,
        request.body,
      )
      return signed
    },
  )

  app.get(
    '/public/verify/:id',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Check a receipt: valid or not, name, unit, campaign and time only',
        params: CodeParams,
        response: { 200: VerifyView },
      },
    },
    (request) => pledges.verify(request.params.id),
  )
}
