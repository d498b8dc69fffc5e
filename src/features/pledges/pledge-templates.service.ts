/**
 * Pledge templates: versioned texts (editing adds a version with its own SHA-256; a signature refers to the exact
 * version), the defaults an agency starts with, archiving. Agency admins manage them; unit admins read them.
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { sha256Hex } from '../../platform/random.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { defaultTemplates } from './pledge-defaults.js'
import { canonicalTemplateText, normaliseTemplateText } from './pledge-rules.js'
import { agencyOf, managesAgency, resolveScope, type PledgeAccess } from './pledge-scope.js'
import * as repo from './pledges.repository.js'
import type {
  CreateTemplateBody,
  ListTemplatesQuery,
  NewVersionBody,
  SeedDefaultsBody,
  TemplateKind,
  TemplateList,
  TemplateVersionList,
  TemplateVersionView,
  TemplateView,
  UpdateTemplateBody,
} from './pledges.schema.js'

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

export function createPledgeTemplates({
  db,
  clock,
  access,
}: {
  db: Kysely<Database>
  clock: Clock
  access: PledgeAccess
}) {
  const { loadTemplate } = access

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
        if (!changed) throw new DomainError('pledge.template_modified', { templateId })
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
        const changed = await repo.updateTemplateIfVersion(
          trx,
          template.id,
          Number(template.currentVersion),
          {
            archivedAt,
            updatedAt: now,
          },
        )
        if (!changed) throw new DomainError('pledge.template_modified', { templateId })
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
  }
}
