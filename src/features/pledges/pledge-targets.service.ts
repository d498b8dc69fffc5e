/**
 * A campaign's targets for staff: the target list and coverage per unit subtree (by the unit each target was in
 * when the campaign opened), a fresh code for one target, reminders to non-signers (e-mail and WhatsApp, at most
 * once per target per 24 hours), and revocation of a signature by the agency admin.
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { displayName } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { newPledgeCode, type CodeHasher } from './pledge-codes.js'
import { formatLocal, type createSigningEmail } from './pledge-email.js'
import {
  coverageCounts as counts,
  mayRemind,
  reminderIntervalMs,
  signingWindowState,
} from './pledge-rules.js'
import { isSuperAdminOnly, managesAgency, type PledgeAccess } from './pledge-scope.js'
import { whatsAppRecipientOf, type createSigningWhatsApp } from './pledge-whatsapp.js'
import * as repo from './pledges.repository.js'
import type {
  CampaignStatus,
  CoverageQuery,
  CoverageRow,
  CoverageView,
  IssuedCode,
  ListTargetsQuery,
  ReminderBody,
  ReminderResult,
  RevokeBody,
  SignatureView,
  TargetList,
} from './pledges.schema.js'

export interface PledgeTargetsDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly codes: CodeHasher
  readonly signingLink: (code: string) => string
  readonly isWhatsAppEnabled: boolean
  readonly access: PledgeAccess
  readonly queueSigningEmail: ReturnType<typeof createSigningEmail>
  readonly queueSigningWhatsApp: ReturnType<typeof createSigningWhatsApp>
  /** The campaign's agency and template version (pledges.service.ts). */
  readonly campaignContext: (
    trx: Kysely<Database>,
    campaign: repo.CampaignRow,
  ) => Promise<{ agency: { name: string; timeZone: string }; version: { title: string } }>
}

export function createPledgeTargets({
  db,
  clock,
  codes,
  signingLink,
  isWhatsAppEnabled,
  access,
  queueSigningEmail,
  queueSigningWhatsApp,
  campaignContext,
}: PledgeTargetsDeps) {
  const { loadCampaign, loadScopedUnit } = access
  return {
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
  }
}
