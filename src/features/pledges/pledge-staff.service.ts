/**
 * Staff views of pledges beside the campaign pages: the XLSX of non-signers for unit heads (scoped exactly like the
 * coverage: a unit admin exports their subtree only, a unit outside is "not found") and, on the employee page, the
 * campaigns an employee was targeted by with what became of it. Reads only: nothing here changes state.
 */
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { holdsRoleOver, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { displayName } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { xlsxContentType } from '../../domain/spreadsheet.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { loadEmployeeFor } from '../employees/employees.service.js'
import * as staffRepo from './pledge-staff.repository.js'
import type { EmployeePledgeList, EmployeePledgeStatus, NonSignersQuery } from './pledge-staff.schema.js'
import { localIsoWithOffset } from './pledge-rules.js'
import * as repo from './pledges.repository.js'
import type { CampaignStatus, TemplateKind } from './pledges.schema.js'
import { pledgeStaffRoles, resolveScope } from './pledge-scope.js'

/** `Ikrar Netralitas Pilkada 2026` → `ikrar-netralitas-pilkada-2026` (ASCII, safe in a Content-Disposition). */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'tanpa-nama'
}

/** `+6281234567890` → `081234567890`, the way people write and dial it. */
const nationalPhone = (phone: string): string => (phone.startsWith('+62') ? `0${phone.slice(3)}` : phone)

/** E-mail and phone numbers of a non-signer, for the "Kontak" column. */
function contactOf(row: { email: string | null; phone: string | null; whatsapp: string | null }): string {
  const parts: string[] = []
  if (row.email) parts.push(row.email)
  if (row.phone) parts.push(nationalPhone(row.phone))
  if (row.whatsapp && row.whatsapp !== row.phone) parts.push(`WA ${nationalPhone(row.whatsapp)}`)
  return parts.join('; ')
}

export interface NonSignersFile {
  readonly fileName: string
  readonly contentType: string
  readonly body: Buffer
  readonly rowCount: number
}

export function createPledgeStaffService({
  db,
  clock,
  publicUrl,
}: {
  db: Kysely<Database>
  clock: Clock
  publicUrl: string
}) {
  const verifyLink = (code: string) => `${publicUrl}/verify/${code}`

  /** As the coverage does: the campaign when the reader works with pledges in its agency, else "not found". */
  async function loadReadableCampaign(actor: Actor, campaignId: string) {
    const campaign = await repo.findCampaignById(db, campaignId)
    const scope = campaign ? await resolveScope(db, actor, campaign.agencyId) : null
    if (!campaign || !scope) throw new DomainError('pledge.campaign_not_found', { campaignId })
    return { campaign, scope }
  }

  /** A unit the reader reaches inside the campaign's agency, else `unit.not_found`. */
  async function loadScopedUnit(actor: Actor, agencyId: string, unitId: string) {
    const [unit] = await repo.findUnitsByIds(db, [unitId])
    if (
      !unit ||
      unit.agencyId !== agencyId ||
      !holdsRoleOver(actor, pledgeStaffRoles, { agencyId, unitAncestry: ancestryOf(unit.path) })
    )
      throw new DomainError('unit.not_found', { unitId })
    return unit
  }

  return {
    /**
     * The non-signers of a campaign in the reader's scope (optionally one unit subtree) as one XLSX sheet with
     * NIP, Nama, Jabatan, Unit (as targeted when the campaign opened), Kontak and Catatan (moved since), plus a
     * "Keterangan" sheet naming the campaign, the unit, the time and the counts.
     */
    async nonSignersXlsx(actor: Actor, campaignId: string, query: NonSignersQuery): Promise<NonSignersFile> {
      const { campaign, scope } = await loadReadableCampaign(actor, campaignId)
      const unit = query.unitId ? await loadScopedUnit(actor, campaign.agencyId, query.unitId) : null
      const rows = await staffRepo.listNonSigners(db, {
        campaignId,
        scopeUnitIds: scope.unitIds,
        unitId: query.unitId,
      })
      const agency = await repo.findAgency(db, campaign.agencyId)
      const timeZone = agency?.timeZone ?? 'Asia/Jakarta'

      const workbook = new ExcelJS.Workbook()
      workbook.creator = 'Netra'
      workbook.created = clock.now()
      const sheet = workbook.addWorksheet('Belum menandatangani', {
        views: [{ state: 'frozen', ySplit: 1 }],
      })
      sheet.columns = [
        { header: 'NIP', key: 'nip', width: 22 },
        { header: 'Nama', key: 'name', width: 36 },
        { header: 'Jabatan', key: 'position', width: 32 },
        { header: 'Unit', key: 'unit', width: 32 },
        { header: 'Kontak', key: 'contact', width: 40 },
        { header: 'Catatan', key: 'note', width: 44 },
      ]
      sheet.getRow(1).font = { bold: true }
      sheet.getColumn('nip').numFmt = '@'
      for (const row of rows) {
        sheet.addRow({
          nip: row.nip ?? '',
          name: displayName(row),
          position: row.positionTitle ?? '',
          unit: row.unitName,
          contact: contactOf(row),
          note:
            row.currentUnitId !== row.unitId
              ? `Pindah ke ${row.currentUnitName} setelah kampanye dibuka (dihitung di unit semula)`
              : '',
        })
      }
      sheet.autoFilter = { from: 'A1', to: 'F1' }

      const about = workbook.addWorksheet('Keterangan')
      about.columns = [
        { key: 'label', width: 24 },
        { key: 'value', width: 60 },
      ]
      about.addRows([
        { label: 'Kampanye', value: campaign.name },
        { label: 'Unit', value: unit?.name ?? 'Seluruh cakupan Anda' },
        { label: 'Belum menandatangani', value: rows.length },
        { label: 'Dibuat', value: localIsoWithOffset(clock.now().toISOString(), timeZone) },
      ])
      about.getColumn('label').font = { bold: true }

      const body = Buffer.from(await workbook.xlsx.writeBuffer())
      return {
        fileName: `belum-menandatangani-${fileSlug(campaign.name)}-${unit ? fileSlug(unit.name) : 'semua-unit'}.xlsx`,
        contentType: xlsxContentType,
        body,
        rowCount: rows.length,
      }
    },

    /**
     * The campaigns that targeted an employee (readable like the employee detail: anything outside the reader's
     * roster scope is `employee.not_found`), each with the template, the employee's status and the receipt link.
     */
    async employeePledges(actor: Actor, employeeId: string): Promise<EmployeePledgeList> {
      await loadEmployeeFor(db, actor, employeeId, 'read')
      const [targets, signatures] = await Promise.all([
        staffRepo.listTargetCampaignsOfEmployee(db, employeeId),
        staffRepo.listSignaturesOfEmployee(db, employeeId),
      ])
      const now = clock.now().getTime()
      return {
        items: targets.map((target) => {
          const mine = signatures.filter((s) => s.campaignId === target.campaignId)
          // An active signature wins; else the latest revoked one (signatures are newest first).
          const shown = mine.find((s) => s.revokedAt === null) ?? mine[0]
          const hasEnded = target.status === 'closed' || Date.parse(target.closesAt) <= now
          const status: EmployeePledgeStatus = shown
            ? shown.revokedAt === null
              ? 'signed'
              : 'revoked'
            : hasEnded
              ? 'campaign_closed'
              : 'not_signed'
          return {
            campaignId: target.campaignId,
            campaignName: target.campaignName,
            campaignStatus: target.status as CampaignStatus,
            opensAt: target.opensAt,
            closesAt: target.closesAt,
            templateKind: target.kind as TemplateKind,
            templateTitle: target.templateTitle,
            templateVersion: Number(target.templateVersion),
            unitName: target.unitName,
            status,
            signedAt: shown?.signedAt ?? null,
            revokedAt: shown?.revokedAt ?? null,
            revokeReason: shown?.revokeReason ?? null,
            verifyUrl: shown ? verifyLink(shown.verifyCode) : null,
          }
        }),
      }
    },
  }
}

export type PledgeStaffService = ReturnType<typeof createPledgeStaffService>
