/**
 * Pledges (issue #4): versioned templates, campaigns that snapshot who must sign when they open, personal one-time
 * codes (stored as HMACs, single-use, valid while the campaign is open), public signing with an identity check,
 * coverage per unit subtree, reminders through the outbox, and revocation by the agency admin.
 *
 * Scope: templates and campaigns belong to an agency; agency admins manage them. Unit admins read campaigns of their
 * agency but see targets, coverage and signatures only inside their unit subtrees (by the unit the employee was in
 * when the campaign opened); anything outside is "not found". Every state change is audited in its transaction.
 * Public routes never see an IP address or user agent: nothing here receives one.
 */
import type { Kysely } from 'kysely'
import { holdsRoleOver, isSuperAdmin, type Actor, type Role } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { displayName } from '../../domain/employee-fields.js'
import { DomainError, isDomainError } from '../../domain/errors.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { sha256Hex } from '../../platform/random.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { queueEmail } from '../notifications/notifications.service.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import { createCodeHasher, newPledgeCode } from './pledge-codes.js'
import { createPledgeSigning } from './pledge-signing.service.js'
import { countCampaignTargets } from './pledge-staff.repository.js'
import { createSigningWhatsApp, whatsAppRecipientOf } from './pledge-whatsapp.js'
import { defaultTemplates } from './pledge-defaults.js'
import {
  campaignDatesProblem,
  canonicalTemplateText,
  mayRemind,
  normaliseTemplateText,
  reminderIntervalMs,
  signingWindowState,
} from './pledge-rules.js'
import * as repo from './pledges.repository.js'
import {
  CampaignTarget,
  Witness,
  type CampaignList,
  type CampaignStatus,
  type CampaignView,
  type CoverageCounts,
  type CoverageQuery,
  type CoverageRow,
  type CoverageView,
  type CreateCampaignBody,
  type CreateTemplateBody,
  type IssuedCode,
  type ListCampaignsQuery,
  type ListTargetsQuery,
  type ListTemplatesQuery,
  type NewVersionBody,
  type OpenCampaignResult,
  type ReminderBody,
  type ReminderResult,
  type RevokeBody,
  type SeedDefaultsBody,
  type SignatureView,
  type TargetList,
  type TemplateKind,
  type TemplateList,
  type TemplateVersionList,
  type TemplateVersionView,
  type TemplateView,
  type UpdateCampaignBody,
  type UpdateTemplateBody,
} from './pledges.schema.js'

/* ------------------------------------------------------------------------------------------------------------
 * Scope
 * ---------------------------------------------------------------------------------------------------------- */

/** Who works with pledges (route policies `pledges.read` / `pledges.remind`); super admins always. */
export const pledgeStaffRoles: readonly Role[] = ['agency_admin', 'unit_admin']

/** The part of an agency a reader reaches: everything (`unitIds: null`) or the subtrees of these units. */
export interface PledgeScope {
  readonly agencyId: string
  readonly unitIds: readonly string[] | null
}

export async function resolveScope(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
): Promise<PledgeScope | null> {
  if (isSuperAdmin(actor)) return (await findAgencyById(db, agencyId)) ? { agencyId, unitIds: null } : null
  const held = actor.assignments.filter((a) => a.agencyId === agencyId && pledgeStaffRoles.includes(a.role))
  if (held.some((a) => a.unitId === null)) return { agencyId, unitIds: null }
  const ids = held.map((a) => a.unitId).filter((id): id is string => id !== null)
  const units = (await repo.findUnitsByIds(db, ids)).filter((unit) => unit.agencyId === agencyId)
  return units.length > 0 ? { agencyId, unitIds: units.map((unit) => unit.id) } : null
}

/** The agency a request is about: the one named, else the only one where the actor works with pledges. */
function agencyOf(actor: Actor, requested: string | undefined): string {
  if (requested) return requested
  const agencies = new Set(
    actor.assignments
      .filter((a) => pledgeStaffRoles.includes(a.role) && a.agencyId !== null)
      .map((a) => a.agencyId as string),
  )
  const [only] = agencies
  if (agencies.size === 1 && only) return only
  if (actor.agencyId) return actor.agencyId
  throw new DomainError('request.invalid', {
    issues: [{ location: 'querystring', path: ['agencyId'], code: 'required' }],
  })
}

const managesAgency = (actor: Actor, agencyId: string): boolean =>
  holdsRoleOver(actor, ['agency_admin'], { agencyId, unitAncestry: [] })

/* ------------------------------------------------------------------------------------------------------------
 * Views
 * ---------------------------------------------------------------------------------------------------------- */

const toVersionView = (row: repo.TemplateVersionRow): TemplateVersionView => ({
  id: row.id,
  templateId: row.templateId,
  version: Number(row.version),
  title: row.title,
  body: row.body,
  sha256: row.sha256,
  createdAt: row.createdAt,
})

const toTemplateView = (row: repo.TemplateRow, current: repo.TemplateVersionRow): TemplateView => ({
  id: row.id,
  agencyId: row.agencyId,
  kind: row.kind as TemplateKind,
  title: row.title,
  currentVersion: toVersionView(current),
  archived: row.archivedAt !== null,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

/** SHA-256 (hex) of the canonical serialisation of a template version (pledge-rules.ts `canonicalTemplateText`). */
export const templateSha256 = (text: { title: string; body: string }): string =>
  sha256Hex(canonicalTemplateText(text))

const parseTarget = (json: string): CampaignTarget => CampaignTarget.parse(JSON.parse(json))
const parseWitnesses = (json: string): Witness[] => Witness.array().parse(JSON.parse(json))

const percentOf = (signed: number, targets: number): number =>
  targets === 0 ? 0 : Math.round((signed / targets) * 1000) / 10

const counts = (targets: number, signed: number): CoverageCounts => ({
  targets,
  signed,
  unsigned: targets - signed,
  percent: percentOf(signed, targets),
})

/* ------------------------------------------------------------------------------------------------------------
 * Writes shared by the API and the demo seed
 * ---------------------------------------------------------------------------------------------------------- */

async function insertTemplateWithVersion(
  trx: Kysely<Database>,
  clock: Clock,
  auditActor: AuditActor,
  input: { agencyId: string; kind: TemplateKind; title: string; body: string },
): Promise<TemplateView> {
  const now = clock.now().toISOString()
  const title = normaliseTemplateText(input.title)
  const body = normaliseTemplateText(input.body)
  const template: repo.TemplateRow = {
    id: newId(),
    agencyId: input.agencyId,
    kind: input.kind,
    title,
    currentVersion: 1,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  }
  const version: repo.TemplateVersionRow = {
    id: newId(),
    templateId: template.id,
    version: 1,
    title,
    body,
    sha256: templateSha256({ title, body }),
    createdAt: now,
    createdBy: auditActor.id,
  }
  await repo.insertTemplate(trx, template)
  await repo.insertTemplateVersion(trx, version)
  await recordAuditEvent(trx, clock, auditActor, {
    action: 'pledge_template.created',
    entityType: 'pledge_template',
    entityId: template.id,
    agencyId: template.agencyId,
    summary: { after: { kind: template.kind, title, version: 1, sha256: version.sha256 } },
  })
  return toTemplateView(template, version)
}

/**
 * Creates the default templates (Ikrar Netralitas ASN, Pakta Integritas Netralitas) an agency lacks, matched by kind
 * and title. Idempotent. No permission check: callers decide (the API, the demo seed).
 */
export async function seedDefaultPledgeTemplates(
  db: Kysely<Database>,
  clock: Clock,
  agencyId: string,
  auditActor: AuditActor,
): Promise<{ created: number; existing: number }> {
  let created = 0
  let existing = 0
  for (const template of defaultTemplates) {
    await db.transaction().execute(async (trx) => {
      if (await repo.findTemplateByKindAndTitle(trx, agencyId, template.kind, template.title)) {
        existing += 1
        return
      }
      await insertTemplateWithVersion(trx, clock, auditActor, { agencyId, ...template })
      created += 1
    })
  }
  return { created, existing }
}

/* ------------------------------------------------------------------------------------------------------------
 * Service
 * ---------------------------------------------------------------------------------------------------------- */

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
  const verifyLink = (code: string) => `${publicUrl}/verify/${code}`
  const signing = createPledgeSigning({ db, clock, codes, verifyLink, jobs })

  /* Loading with scope ------------------------------------------------------------------------------------ */

  async function scopeOrNotFound(actor: Actor, agencyId: string, notFound: () => DomainError) {
    const scope = await resolveScope(db, actor, agencyId)
    if (!scope) throw notFound()
    return scope
  }

  async function loadTemplate(actor: Actor, templateId: string, access: 'read' | 'manage') {
    const template = await repo.findTemplateById(db, templateId)
    const notFound = () => new DomainError('pledge.template_not_found', { templateId })
    if (!template) throw notFound()
    await scopeOrNotFound(actor, template.agencyId, notFound)
    if (access === 'manage' && !managesAgency(actor, template.agencyId))
      throw new DomainError('auth.forbidden')
    return template
  }

  async function loadCampaign(actor: Actor, campaignId: string, access: 'read' | 'manage') {
    const campaign = await repo.findCampaignById(db, campaignId)
    const notFound = () => new DomainError('pledge.campaign_not_found', { campaignId })
    if (!campaign) throw notFound()
    const scope = await scopeOrNotFound(actor, campaign.agencyId, notFound)
    if (access === 'manage' && !managesAgency(actor, campaign.agencyId))
      throw new DomainError('auth.forbidden')
    return { campaign, scope }
  }

  /** A unit the reader reaches (for a `unitId` filter), else `unit.not_found`. */
  async function loadScopedUnit(actor: Actor, agencyId: string, unitId: string) {
    const [unit] = await repo.findUnitsByIds(db, [unitId])
    const reachable =
      unit !== undefined &&
      unit.agencyId === agencyId &&
      holdsRoleOver(actor, pledgeStaffRoles, { agencyId, unitAncestry: ancestryOf(unit.path) })
    if (!reachable || !unit) throw new DomainError('unit.not_found', { unitId })
    return unit
  }

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

  /* E-mail ------------------------------------------------------------------------------------------------- */

  const formatLocal = (instant: string, timeZone: string) =>
    new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(instant),
    )

  /** Queues the personal link; false when the address is unusable (the code is still valid: print a slip). */
  async function queueSigningEmail(
    trx: Kysely<Database>,
    input: {
      agencyId: string
      agencyName: string
      timeZone: string
      campaignName: string
      templateTitle: string
      opensAt: string
      closesAt: string
      to: string | null
      name: string
      code: string
      isReminder: boolean
    },
  ): Promise<boolean> {
    if (!input.to) return false
    const intro = input.isReminder
      ? `Anda belum menandatangani "${input.templateTitle}" dalam kegiatan "${input.campaignName}" dari ${input.agencyName}. Tautan pribadi Anda yang baru (tautan sebelumnya tidak berlaku lagi):`
      : `${input.agencyName} mengundang Anda menandatangani "${input.templateTitle}" dalam kegiatan "${input.campaignName}". Tautan pribadi Anda:`
    const text = [
      `Yth. ${input.name},`,
      '',
      intro,
      signingLink(input.code),
      '',
      `Tautan hanya dapat dipakai sekali, dari ${formatLocal(input.opensAt, input.timeZone)} sampai ${formatLocal(input.closesAt, input.timeZone)}. Untuk memastikan identitas, Anda akan diminta tanggal lahir. Jangan teruskan tautan ini kepada orang lain.`,
      '',
      'Netra',
    ].join('\n')
    try {
      await queueEmail(trx, clock, {
        agencyId: input.agencyId,
        to: input.to,
        subject:
          `${input.isReminder ? 'Pengingat: ' : ''}${input.templateTitle} — ${input.campaignName}`.slice(
            0,
            255,
          ),
        text,
      })
      return true
    } catch (error) {
      // A malformed address in the roster: nothing was queued; the caller reports it as "no e-mail".
      if (isDomainError(error) && error.code === 'request.invalid') return false
      throw error
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

  async function listTemplates(actor: Actor, query: ListTemplatesQuery): Promise<TemplateList> {
    const agencyId = agencyOf(actor, query.agencyId)
    const scope = await resolveScope(db, actor, agencyId)
    if (!scope) throw new DomainError('auth.forbidden')
    const templates = await repo.listTemplates(db, agencyId, query.includeArchived)
    const versions = await repo.findCurrentVersions(db, templates)
    const byTemplate = new Map(versions.map((v) => [v.templateId, v]))
    return {
      items: templates.flatMap((template) => {
        const current = byTemplate.get(template.id)
        return current ? [toTemplateView(template, current)] : []
      }),
    }
  }

  return {
    /* Templates ------------------------------------------------------------------------------------------- */

    listTemplates,

    async getTemplate(actor: Actor, templateId: string): Promise<TemplateView> {
      const template = await loadTemplate(actor, templateId, 'read')
      const [current] = await repo.findCurrentVersions(db, [template])
      if (!current) throw new DomainError('pledge.template_not_found', { templateId })
      return toTemplateView(template, current)
    },

    async listVersions(actor: Actor, templateId: string): Promise<TemplateVersionList> {
      const template = await loadTemplate(actor, templateId, 'read')
      return { items: (await repo.listVersions(db, template.id)).map(toVersionView) }
    },

    async createTemplate(actor: Actor, body: CreateTemplateBody): Promise<TemplateView> {
      const agencyId = agencyOf(actor, body.agencyId)
      if (!managesAgency(actor, agencyId)) throw new DomainError('auth.forbidden')
      if (!(await findAgencyById(db, agencyId))) throw new DomainError('agency.not_found', { agencyId })
      return db.transaction().execute((trx) =>
        insertTemplateWithVersion(trx, clock, auditActorOf(actor), {
          agencyId,
          kind: body.kind,
          title: body.title,
          body: body.body,
        }),
      )
    },

    /** Editing = a new version; the same text again changes nothing (no version without a difference). */
    async addVersion(actor: Actor, templateId: string, body: NewVersionBody): Promise<TemplateView> {
      const template = await loadTemplate(actor, templateId, 'manage')
      if (template.archivedAt !== null) throw new DomainError('pledge.template_archived', { templateId })
      const title = normaliseTemplateText(body.title)
      const text = normaliseTemplateText(body.body)
      const sha256 = templateSha256({ title, body: text })
      return db.transaction().execute(async (trx) => {
        const [current] = await repo.findCurrentVersions(trx, [template])
        if (!current) throw new DomainError('pledge.template_not_found', { templateId })
        if (current.sha256 === sha256) return toTemplateView(template, current)
        const now = clock.now().toISOString()
        const next = Number(template.currentVersion) + 1
        const changed = await repo.updateTemplateIfVersion(
          trx,
          template.id,
          Number(template.currentVersion),
          {
            currentVersion: next,
            title,
            updatedAt: now,
          },
        )
        // Someone else added a version meanwhile: their text is the current one; ask to look again.
        if (!changed) throw new DomainError('pledge.template_not_found', { templateId, reason: 'modified' })
        const version: repo.TemplateVersionRow = {
          id: newId(),
          templateId: template.id,
          version: next,
          title,
          body: text,
          sha256,
          createdAt: now,
          createdBy: actor.userId,
        }
        await repo.insertTemplateVersion(trx, version)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_template.version_added',
          entityType: 'pledge_template',
          entityId: template.id,
          agencyId: template.agencyId,
          summary: {
            before: { version: current.version, sha256: current.sha256 },
            after: { version: next, sha256 },
          },
        })
        return toTemplateView({ ...template, currentVersion: next, title, updatedAt: now }, version)
      })
    },

    async updateTemplate(actor: Actor, templateId: string, body: UpdateTemplateBody): Promise<TemplateView> {
      const template = await loadTemplate(actor, templateId, 'manage')
      const now = clock.now().toISOString()
      const archivedAt = body.archived ? (template.archivedAt ?? now) : null
      return db.transaction().execute(async (trx) => {
        const [current] = await repo.findCurrentVersions(trx, [template])
        if (!current) throw new DomainError('pledge.template_not_found', { templateId })
        if ((template.archivedAt !== null) === body.archived) return toTemplateView(template, current)
        await repo.updateTemplateIfVersion(trx, template.id, Number(template.currentVersion), {
          archivedAt,
          updatedAt: now,
        })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: body.archived ? 'pledge_template.archived' : 'pledge_template.restored',
          entityType: 'pledge_template',
          entityId: template.id,
          agencyId: template.agencyId,
        })
        return toTemplateView({ ...template, archivedAt, updatedAt: now }, current)
      })
    },

    async seedDefaults(actor: Actor, body: SeedDefaultsBody): Promise<TemplateList> {
      const agencyId = agencyOf(actor, body.agencyId)
      if (!managesAgency(actor, agencyId)) throw new DomainError('auth.forbidden')
      if (!(await findAgencyById(db, agencyId))) throw new DomainError('agency.not_found', { agencyId })
      await seedDefaultPledgeTemplates(db, clock, agencyId, auditActorOf(actor))
      return listTemplates(actor, { agencyId, includeArchived: false })
    },

    /* Campaigns ------------------------------------------------------------------------------------------- */

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

    /* Targets and coverage -------------------------------------------------------------------------------- */

    async listTargets(actor: Actor, campaignId: string, query: ListTargetsQuery): Promise<TargetList> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'read')
      if (query.unitId) await loadScopedUnit(actor, campaign.agencyId, query.unitId)
      const filter = { campaignId, scopeUnitIds: scope.unitIds, unitId: query.unitId, status: query.status }
      const [total, rows] = await Promise.all([
        repo.countTargets(db, filter),
        repo.listTargets(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
      ])
      return {
        items: rows.map((row) => ({
          employeeId: row.employeeId,
          name: displayName(row),
          nip: row.nip,
          unitId: row.unitId,
          unitName: row.unitName,
          movedSinceSnapshot: row.currentUnitId !== row.unitId,
          currentUnitId: row.currentUnitId,
          signed: row.signatureId !== null,
          signedAt: row.signedAt ?? null,
          signatureId: row.signatureId ?? null,
          codeUsed: row.codeUsedAt !== null,
          hasEmail: row.email !== null && row.email !== '',
          lastRemindedAt: row.lastRemindedAt,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    /**
     * Coverage of a campaign in a unit subtree (or the reader's whole scope), counted by the unit each target was in
     * when the campaign opened, with one row per child unit for drill-down.
     */
    async coverage(actor: Actor, campaignId: string, query: CoverageQuery): Promise<CoverageView> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'read')
      if (query.unitId) await loadScopedUnit(actor, campaign.agencyId, query.unitId)
      const rows = await repo.countByUnitPath(db, {
        campaignId,
        scopeUnitIds: scope.unitIds,
        unitId: query.unitId,
      })
      /** The drill-down row a snapshot path falls into; null = directly in the requested unit. */
      const bucketOf = (path: string): string | null => {
        const ids = ancestryOf(path)
        if (query.unitId) return ids[ids.indexOf(query.unitId) + 1] ?? null
        if (scope.unitIds === null) return ids[0] ?? null
        const reach = scope.unitIds
        return ids.find((id) => reach.includes(id)) ?? null
      }
      const buckets = new Map<string, { targets: number; signed: number }>()
      const direct = { targets: 0, signed: 0 }
      const total = { targets: 0, signed: 0 }
      for (const row of rows) {
        total.targets += row.targets
        total.signed += row.signed
        const key = bucketOf(row.unitPath)
        const bucket = key === null ? direct : (buckets.get(key) ?? { targets: 0, signed: 0 })
        if (key !== null) buckets.set(key, bucket)
        bucket.targets += row.targets
        bucket.signed += row.signed
      }
      const names = new Map((await repo.findUnitsByIds(db, [...buckets.keys()])).map((u) => [u.id, u.name]))
      const children: CoverageRow[] = [...buckets.entries()]
        .map(([unitId, c]) => ({ unitId, unitName: names.get(unitId) ?? '', ...counts(c.targets, c.signed) }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'id') || a.unitId.localeCompare(b.unitId))
      return {
        campaignId,
        unitId: query.unitId ?? null,
        total: counts(total.targets, total.signed),
        direct: counts(direct.targets, direct.signed),
        children,
      }
    },

    /** A fresh code for one target (the previous one stops working); e-mailed when the employee has an address. */
    async reissueCode(actor: Actor, campaignId: string, employeeId: string): Promise<IssuedCode> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'read')
      const target = await repo.findTarget(db, campaignId, employeeId)
      const inScope =
        target !== undefined &&
        (scope.unitIds === null || ancestryOf(target.unitPath).some((id) => scope.unitIds?.includes(id)))
      if (!target || !inScope) throw new DomainError('pledge.target_not_found', { employeeId })
      const state = signingWindowState(
        { ...campaign, status: campaign.status as CampaignStatus },
        clock.now(),
      )
      if (state !== 'open' && state !== 'not_yet_open')
        throw new DomainError('pledge.campaign_not_open', { state })
      const code = newPledgeCode()
      const at = clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        if (await repo.findActiveSignature(trx, campaignId, employeeId))
          throw new DomainError('pledge.already_signed', { employeeId })
        await repo.replaceTargetCode(trx, target.id, codes.hash(code), at)
        const { agency, version } = await campaignContext(trx, campaign)
        const name = displayName(target)
        const emailQueued = await queueSigningEmail(trx, {
          agencyId: campaign.agencyId,
          agencyName: agency.name,
          timeZone: agency.timeZone,
          campaignName: campaign.name,
          templateTitle: version.title,
          opensAt: campaign.opensAt,
          closesAt: campaign.closesAt,
          to: target.email,
          name,
          code,
          isReminder: false,
        })
        const whatsAppQueued = await queueSigningWhatsApp(
          trx,
          {
            agencyId: campaign.agencyId,
            agencyName: agency.name,
            campaignName: campaign.name,
            templateTitle: version.title,
            untilText: formatLocal(campaign.closesAt, agency.timeZone),
            name,
            code,
            isReminder: false,
            whatsapp: target.whatsapp,
            phone: target.phone,
          },
          { whatsAppQueued: 0, phoneInvalid: 0 },
        )
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_target.code_reissued',
          entityType: 'pledge_target',
          entityId: target.id,
          agencyId: campaign.agencyId,
          summary: { campaignId, employeeId, emailQueued, whatsAppQueued },
        })
        return {
          employeeId,
          name,
          nip: target.nip,
          unitId: target.unitId,
          unitName: target.unitName,
          code,
          link: signingLink(code),
          emailQueued,
          whatsAppQueued,
        }
      })
    },

    /**
     * Reminds the non-signers in the reader's scope (optionally one unit subtree) by e-mail, at most once per target
     * per 24 hours. Each reminder carries a fresh personal link: codes are stored only as HMACs, so the old link
     * cannot be re-sent and stops working.
     */
    async sendReminders(actor: Actor, campaignId: string, body: ReminderBody): Promise<ReminderResult> {
      const { campaign, scope } = await loadCampaign(actor, campaignId, 'read')
      if (body.unitId) await loadScopedUnit(actor, campaign.agencyId, body.unitId)
      const now = clock.now()
      const state = signingWindowState({ ...campaign, status: campaign.status as CampaignStatus }, now)
      if (state !== 'open') throw new DomainError('pledge.campaign_not_open', { state })
      const targets = await repo.listUnsignedTargets(db, {
        campaignId,
        scopeUnitIds: scope.unitIds,
        unitId: body.unitId,
      })
      const at = now.toISOString()
      const cutoff = new Date(now.getTime() - reminderIntervalMs).toISOString()
      const result = { queued: 0, skippedRecent: 0, withoutEmail: 0, whatsAppQueued: 0, phoneInvalid: 0 }
      const due = targets.filter((target) => {
        if (!target.email) {
          result.withoutEmail += 1
          // Without an e-mail address, WhatsApp may still reach them (pledge-whatsapp.ts).
          const recipient = isWhatsAppEnabled ? whatsAppRecipientOf(target).kind : 'none'
          if (recipient === 'invalid') result.phoneInvalid += 1
          if (recipient !== 'ok') return false
        }
        if (!mayRemind(target.lastRemindedAt, now)) {
          result.skippedRecent += 1
          return false
        }
        return true
      })
      return db.transaction().execute(async (trx) => {
        const { agency, version } = await campaignContext(trx, campaign)
        for (const target of due) {
          const code = newPledgeCode()
          if (!(await repo.claimReminder(trx, target.id, cutoff, codes.hash(code), at))) {
            result.skippedRecent += 1
            continue
          }
          const queued = await queueSigningEmail(trx, {
            agencyId: campaign.agencyId,
            agencyName: agency.name,
            timeZone: agency.timeZone,
            campaignName: campaign.name,
            templateTitle: version.title,
            opensAt: campaign.opensAt,
            closesAt: campaign.closesAt,
            to: target.email,
            name: displayName(target),
            code,
            isReminder: true,
          })
          if (queued) result.queued += 1
          else if (target.email) result.withoutEmail += 1
          await queueSigningWhatsApp(
            trx,
            {
              agencyId: campaign.agencyId,
              agencyName: agency.name,
              campaignName: campaign.name,
              templateTitle: version.title,
              untilText: formatLocal(campaign.closesAt, agency.timeZone),
              name: displayName(target),
              code,
              isReminder: true,
              whatsapp: target.whatsapp,
              phone: target.phone,
            },
            result,
          )
        }
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_campaign.reminded',
          entityType: 'pledge_campaign',
          entityId: campaign.id,
          agencyId: campaign.agencyId,
          summary: { unitId: body.unitId ?? null, ...result },
        })
        return result
      })
    },

    /* Signatures ------------------------------------------------------------------------------------------ */

    /** Revocation: agency admins of the signature's agency only, with a reason; the signature stays as history. */
    async revokeSignature(actor: Actor, signatureId: string, body: RevokeBody): Promise<SignatureView> {
      const signature = await repo.findSignatureById(db, signatureId)
      if (
        !signature ||
        !managesAgency(actor, signature.agencyId) ||
        isSuperAdminOnly(actor, signature.agencyId)
      )
        throw new DomainError('pledge.signature_not_found', { signatureId })
      if (signature.revokedAt !== null) throw new DomainError('pledge.already_revoked', { signatureId })
      const revokedAt = clock.now().toISOString()
      const patch = { revokedAt, revokedBy: actor.userId, revokeReason: body.reason }
      return db.transaction().execute(async (trx) => {
        if (!(await repo.revokeSignatureIfActive(trx, signatureId, patch)))
          throw new DomainError('pledge.already_revoked', { signatureId })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'pledge_signature.revoked',
          entityType: 'pledge_signature',
          entityId: signatureId,
          agencyId: signature.agencyId,
          summary: {
            campaignId: signature.campaignId,
            employeeId: signature.employeeId,
            reason: body.reason,
          },
        })
        return {
          id: signature.id,
          campaignId: signature.campaignId,
          employeeId: signature.employeeId,
          templateVersionId: signature.templateVersionId,
          templateSha256: signature.templateSha256,
          typedName: signature.typedName,
          signedAt: signature.signedAt,
          receiptStatus: signature.receiptStatus,
          revokedAt,
          revokeReason: body.reason,
        }
      })
    },

    ...signing,
  }
}

/** Super admins pass `holdsRoleOver` everywhere; revocation is for the agency's own admin only. */
function isSuperAdminOnly(actor: Actor, agencyId: string): boolean {
  return (
    isSuperAdmin(actor) &&
    !actor.assignments.some((a) => a.role === 'agency_admin' && a.agencyId === agencyId && a.unitId === null)
  )
}

export type PledgesService = ReturnType<typeof createPledgesService>
