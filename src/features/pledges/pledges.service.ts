/**
 * Pledges (issue #4): versioned templates (pledge-templates.service.ts), campaigns that snapshot who must sign when
 * they open (here), personal one-time codes (stored as HMACs, single-use, valid while the campaign is open), targets,
 * coverage, reminders and revocation (pledge-targets.service.ts), public signing (pledge-signing.service.ts).
 *
 * Scope: templates and campaigns belong to an agency; agency admins manage them. Unit admins read campaigns of their
 * agency but see targets, coverage and signatures only inside their unit subtrees (pledge-scope.ts); anything
 * outside is "not found". Every state change is audited in its transaction.
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { displayName } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { createCodeHasher, newPledgeCode } from './pledge-codes.js'
import { createSigningEmail, formatLocal } from './pledge-email.js'
import { campaignDatesProblem, percentOf } from './pledge-rules.js'
import {
  agencyOf,
  createPledgeAccess,
  managesAgency,
  resolveScope,
  type PledgeScope,
} from './pledge-scope.js'
import { createPledgeSigning } from './pledge-signing.service.js'
import { countCampaignTargets } from './pledge-staff.repository.js'
import { createPledgeTargets } from './pledge-targets.service.js'
import { createPledgeTemplates } from './pledge-templates.service.js'
import { createSigningWhatsApp } from './pledge-whatsapp.js'
import * as repo from './pledges.repository.js'
import {
  CampaignTarget,
  Witness,
  type CampaignList,
  type CampaignStatus,
  type CampaignView,
  type CreateCampaignBody,
  type IssuedCode,
  type ListCampaignsQuery,
  type OpenCampaignResult,
  type TemplateKind,
  type UpdateCampaignBody,
} from './pledges.schema.js'

const parseTarget = (json: string): CampaignTarget => CampaignTarget.parse(JSON.parse(json))
const parseWitnesses = (json: string): Witness[] => Witness.array().parse(JSON.parse(json))

export interface PledgesServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** SESSION_SECRET: the code HMAC key is derived from it under its own label. */
  readonly serverSecret: string
  /** `https://netra.example.go.id`: personal links are `${publicUrl}/ikrar/<code>`. */
  readonly publicUrl: string
  /** A WhatsApp gateway is configured: links and reminders also go to phone numbers (pledge-whatsapp.ts). */
  readonly isWhatsAppEnabled?: boolean
  /** Signing queues each receipt job in its own transaction (pledge-signing.service.ts). */
  readonly jobs?: Pick<JobQueue, 'enqueueManyWithin' | 'wake'>
}

export function createPledgesService({
  db,
  clock,
  serverSecret,
  publicUrl,
  isWhatsAppEnabled = false,
  jobs,
}: PledgesServiceDeps) {
  const codes = createCodeHasher(serverSecret)
  const signingLink = (code: string) => `${publicUrl}/ikrar/${code}`
  const queueSigningWhatsApp = createSigningWhatsApp({ clock, isEnabled: isWhatsAppEnabled, signingLink })
  const queueSigningEmail = createSigningEmail({ clock, signingLink })
  const verifyLink = (code: string) => `${publicUrl}/verify/${code}`
  const access = createPledgeAccess(db)
  const { loadCampaign } = access

  async function campaignViews(
    rows: readonly repo.CampaignRow[],
    scope: PledgeScope,
    exec: Kysely<Database> = db,
  ): Promise<CampaignView[]> {
    const versions = new Map(
      (await repo.findVersionsByIds(exec, [...new Set(rows.map((row) => row.templateVersionId))])).map(
        (v) => [v.id, v],
      ),
    )
    // A unit admin sees only the targeted units inside their own subtrees.
    let visibleUnits: Set<string> | null = null
    if (scope.unitIds !== null) {
      const named = [...new Set(rows.flatMap((row) => parseTarget(row.target).unitIds))]
      const units = await repo.findUnitsByIds(exec, named)
      const reach = scope.unitIds
      visibleUnits = new Set(
        units.filter((unit) => ancestryOf(unit.path).some((id) => reach.includes(id))).map((unit) => unit.id),
      )
    }
    // One aggregate query for every listed campaign, counted in the reader's scope like the coverage total.
    const countsByCampaign = await countCampaignTargets(
      exec,
      rows.filter((row) => row.status !== 'draft').map((row) => row.id),
      scope.unitIds,
    )
    return rows.map((row) => {
      const version = versions.get(row.templateVersionId)
      if (!version) throw new Error(`campaign ${row.id} refers to a missing template version`)
      const target = parseTarget(row.target)
      const visible = visibleUnits
      return {
        id: row.id,
        agencyId: row.agencyId,
        templateVersionId: row.templateVersionId,
        templateId: version.templateId,
        templateKind: version.kind as TemplateKind,
        templateTitle: version.title,
        templateVersion: Number(version.version),
        templateSha256: version.sha256,
        electionId: row.electionId,
        name: row.name,
        target: visible ? { ...target, unitIds: target.unitIds.filter((id) => visible.has(id)) } : target,
        opensAt: row.opensAt,
        closesAt: row.closesAt,
        witnesses: parseWitnesses(row.witnesses),
        status: row.status as CampaignStatus,
        openedAt: row.openedAt,
        closedAt: row.closedAt,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        counts: (({ targets, signed }) => ({ targets, signed, percent: percentOf(signed, targets) }))(
          countsByCampaign.get(row.id) ?? { targets: 0, signed: 0 },
        ),
      }
    })
  }

  async function campaignView(
    row: repo.CampaignRow,
    scope: PledgeScope,
    exec: Kysely<Database> = db,
  ): Promise<CampaignView> {
    const [view] = await campaignViews([row], scope, exec)
    if (!view) throw new Error('campaign view missing')
    return view
  }

  /* Campaign content checks -------------------------------------------------------------------------------- */

  async function checkCampaignContent(
    exec: Kysely<Database>,
    agencyId: string,
    fields: {
      templateVersionId: string
      electionId: string | null
      target: CampaignTarget
      opensAt: string
      closesAt: string
    },
  ): Promise<void> {
    const [version] = await repo.findVersionsByIds(exec, [fields.templateVersionId])
    if (!version || version.agencyId !== agencyId)
      throw new DomainError('pledge.template_not_found', { templateVersionId: fields.templateVersionId })
    if (version.archivedAt !== null)
      throw new DomainError('pledge.template_archived', { templateId: version.templateId })
    if (fields.electionId && !(await repo.findElectionOfAgency(exec, agencyId, fields.electionId)))
      throw new DomainError('pledge.election_invalid', { electionId: fields.electionId })
    const problem = campaignDatesProblem(fields.opensAt, fields.closesAt)
    if (problem) throw new DomainError('pledge.campaign_dates_invalid', { problem })
    const { target } = fields
    if (target.scope === 'agency' && target.unitIds.length > 0)
      throw new DomainError('pledge.target_invalid', { problem: 'unit_ids_with_agency_scope' })
    if (target.scope === 'units') {
      if (target.unitIds.length === 0) throw new DomainError('pledge.target_invalid', { problem: 'no_units' })
      const units = await repo.findUnitsByIds(exec, [...new Set(target.unitIds)])
      const known = new Set(units.filter((unit) => unit.agencyId === agencyId).map((unit) => unit.id))
      const unknown = target.unitIds.filter((id) => !known.has(id))
      if (unknown.length > 0)
        throw new DomainError('pledge.target_invalid', { problem: 'unknown_units', unitIds: unknown })
    }
  }

  async function campaignContext(trx: Kysely<Database>, campaign: repo.CampaignRow) {
    const [agency, [version]] = await Promise.all([
      repo.findAgency(trx, campaign.agencyId),
      repo.findVersionsByIds(trx, [campaign.templateVersionId]),
    ])
    if (!agency || !version) throw new Error(`campaign ${campaign.id} has no agency or template version`)
    return { agency, version }
  }

  return {
    ...createPledgeTemplates({ db, clock, access }),

    async listCampaigns(actor: Actor, query: ListCampaignsQuery): Promise<CampaignList> {
      const agencyId = agencyOf(actor, query.agencyId)
      const scope = await resolveScope(db, actor, agencyId)
      if (!scope) throw new DomainError('auth.forbidden')
      return { items: await campaignViews(await repo.listCampaigns(db, agencyId, query.status), scope) }
    },

    async getCampaign(actor: Actor, campaignId: string): Promise<CampaignView> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'read')
      return campaignView(campaign, scope)
    },

    async createCampaign(actor: Actor, body: CreateCampaignBody): Promise<CampaignView> {
      const agencyId = agencyOf(actor, body.agencyId)
      if (!managesAgency(actor, agencyId)) throw new DomainError('auth.forbidden')
      if (!(await findAgencyById(db, agencyId))) throw new DomainError('agency.not_found', { agencyId })
      const fields = {
        templateVersionId: body.templateVersionId,
        electionId: body.electionId ?? null,
        target: body.target,
        opensAt: body.opensAt,
        closesAt: body.closesAt,
      }
      return db.transaction().execute(async (trx) => {
        await checkCampaignContent(trx, agencyId, fields)
        const now = clock.now().toISOString()
        const row: repo.CampaignRow = {
          id: newId(),
          agencyId,
          ...fields,
          name: body.name,
          target: JSON.stringify(body.target),
          witnesses: JSON.stringify(body.witnesses),
          status: 'draft',
          openedAt: null,
          closedAt: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        }
        await repo.insertCampaign(trx, row)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_campaign.created',
          entityType: 'pledge_campaign',
          entityId: row.id,
          agencyId,
          summary: { after: { name: row.name, ...fields, witnesses: body.witnesses } },
        })
        return campaignView(row, { agencyId, unitIds: null }, trx)
      })
    },

    async updateCampaign(actor: Actor, campaignId: string, body: UpdateCampaignBody): Promise<CampaignView> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'manage')
      if (campaign.status !== 'draft')
        throw new DomainError('pledge.campaign_not_draft', { status: campaign.status })
      const fields = {
        templateVersionId: body.templateVersionId ?? campaign.templateVersionId,
        electionId: body.electionId === undefined ? campaign.electionId : body.electionId,
        target: body.target ?? parseTarget(campaign.target),
        opensAt: body.opensAt ?? campaign.opensAt,
        closesAt: body.closesAt ?? campaign.closesAt,
      }
      return db.transaction().execute(async (trx) => {
        await checkCampaignContent(trx, campaign.agencyId, fields)
        const now = clock.now().toISOString()
        const patch = {
          ...fields,
          target: JSON.stringify(fields.target),
          name: body.name ?? campaign.name,
          witnesses: body.witnesses ? JSON.stringify(body.witnesses) : campaign.witnesses,
          updatedAt: now,
        }
        if (!(await repo.updateCampaignIfStatus(trx, campaign.id, 'draft', patch)))
          throw new DomainError('pledge.campaign_not_draft', { status: 'open' })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_campaign.updated',
          entityType: 'pledge_campaign',
          entityId: campaign.id,
          agencyId: campaign.agencyId,
          summary: { after: body },
        })
        return campaignView({ ...campaign, ...patch }, scope, trx)
      })
    },

    /**
     * Opens a draft: snapshots every matching active employee as a target (with their unit as of now), gives each a
     * one-time code, queues an e-mail with the personal link for those with an address, and returns every code
     * once (for printed slips). Opening twice → 409 `pledge.campaign_already_open`.
     */
    async openCampaign(actor: Actor, campaignId: string): Promise<OpenCampaignResult> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'manage')
      if (campaign.status === 'open') throw new DomainError('pledge.campaign_already_open', { campaignId })
      if (campaign.status !== 'draft')
        throw new DomainError('pledge.campaign_not_draft', { status: campaign.status })
      const now = clock.now()
      if (Date.parse(campaign.closesAt) <= now.getTime())
        throw new DomainError('pledge.campaign_dates_invalid', { problem: 'already_ended' })
      const at = now.toISOString()
      return db.transaction().execute(async (trx) => {
        const patch = { status: 'open', openedAt: at, updatedAt: at }
        if (!(await repo.updateCampaignIfStatus(trx, campaign.id, 'draft', patch)))
          throw new DomainError('pledge.campaign_already_open', { campaignId })
        const target = parseTarget(campaign.target)
        const units = target.scope === 'units' ? await repo.findUnitsByIds(trx, target.unitIds) : []
        const candidates = await repo.selectTargetEmployees(trx, {
          agencyId: campaign.agencyId,
          unitPaths: target.scope === 'units' ? units.map((unit) => unit.path) : null,
          employeeKinds: target.employeeKinds,
          positionTypes: target.positionTypes,
          onlyUnitHeads: target.onlyUnitHeads,
        })
        if (candidates.length === 0) throw new DomainError('pledge.target_empty', { campaignId })
        const { agency, version } = await campaignContext(trx, campaign)
        const issued: IssuedCode[] = []
        const rows: repo.TargetRow[] = []
        for (const employee of candidates) {
          const code = newPledgeCode()
          rows.push({
            id: newId(),
            campaignId: campaign.id,
            employeeId: employee.id,
            unitId: employee.unitId,
            unitPath: employee.unitPath,
            codeHash: codes.hash(code),
            codeIssuedAt: at,
            codeUsedAt: null,
            lastRemindedAt: null,
            failedAttempts: 0,
            createdAt: at,
          })
          issued.push({
            employeeId: employee.id,
            name: displayName(employee),
            nip: employee.nip,
            unitId: employee.unitId,
            unitName: employee.unitName,
            code,
            link: signingLink(code),
            emailQueued: false,
            whatsAppQueued: false,
          })
        }
        await repo.insertTargets(trx, rows)
        let emailQueued = 0
        const whatsApp = { whatsAppQueued: 0, phoneInvalid: 0 }
        for (const [index, employee] of candidates.entries()) {
          const entry = issued[index]
          if (!entry) continue
          entry.whatsAppQueued = await queueSigningWhatsApp(
            trx,
            {
              agencyId: campaign.agencyId,
              agencyName: agency.name,
              campaignName: campaign.name,
              templateTitle: version.title,
              untilText: formatLocal(campaign.closesAt, agency.timeZone),
              name: entry.name,
              code: entry.code,
              isReminder: false,
              whatsapp: employee.whatsapp,
              phone: employee.phone,
            },
            whatsApp,
          )
          if (!employee.email) continue
          entry.emailQueued = await queueSigningEmail(trx, {
            agencyId: campaign.agencyId,
            agencyName: agency.name,
            timeZone: agency.timeZone,
            campaignName: campaign.name,
            templateTitle: version.title,
            opensAt: campaign.opensAt,
            closesAt: campaign.closesAt,
            to: employee.email,
            name: entry.name,
            code: entry.code,
            isReminder: false,
          })
          if (entry.emailQueued) emailQueued += 1
        }
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_campaign.opened',
          entityType: 'pledge_campaign',
          entityId: campaign.id,
          agencyId: campaign.agencyId,
          summary: { targets: rows.length, emailQueued, ...whatsApp, templateSha256: version.sha256 },
        })
        return {
          campaign: await campaignView({ ...campaign, ...patch }, scope, trx),
          targetCount: rows.length,
          emailQueued,
          ...whatsApp,
          codes: issued,
        }
      })
    },

    async closeCampaign(actor: Actor, campaignId: string): Promise<CampaignView> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'manage')
      if (campaign.status !== 'open')
        throw new DomainError('pledge.campaign_not_open', { status: campaign.status })
      const at = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const patch = { status: 'closed', closedAt: at, updatedAt: at }
        if (!(await repo.updateCampaignIfStatus(trx, campaign.id, 'open', patch)))
          throw new DomainError('pledge.campaign_not_open', { status: 'closed' })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_campaign.closed',
          entityType: 'pledge_campaign',
          entityId: campaign.id,
          agencyId: campaign.agencyId,
        })
        return campaignView({ ...campaign, ...patch }, scope, trx)
      })
    },

    ...createPledgeTargets({
      db,
      clock,
      codes,
      signingLink,
      isWhatsAppEnabled,
      access,
      queueSigningEmail,
      queueSigningWhatsApp,
      campaignContext,
    }),

    ...createPledgeSigning({ db, clock, codes, verifyLink, jobs }),
  }
}

export type PledgesService = ReturnType<typeof createPledgesService>
