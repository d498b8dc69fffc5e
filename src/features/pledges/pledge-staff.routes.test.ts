import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import type { EmployeePledgeList } from './pledge-staff.schema.js'
import { fileSlug } from './pledge-staff.service.js'
import type { CampaignList, CoverageView, SignatureView, TargetList } from './pledges.schema.js'
import { apiOf, arrangePledges, hour, sign, type PledgeFixture } from './pledges.testing.js'

async function readSheet(body: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('Belum menandatangani')
  if (!sheet) throw new Error('sheet missing')
  const rows: string[][] = []
  sheet.eachRow((row) => {
    // Every cell is written as text or a number; an empty cell reads back as undefined.
    const values = row.values as (string | number | null | undefined)[]
    rows.push(values.slice(1).map((value) => (value === null || value === undefined ? '' : String(value))))
  })
  return { workbook, header: rows[0] ?? [], rows: rows.slice(1) }
}

async function signAs(f: PledgeFixture, code: string, person: { name: string; birthDate: string | null }) {
  const response = await sign(f.app, code, { dateOfBirth: person.birthDate, typedName: person.name })
  expect(response.statusCode, response.body).toBe(200)
}

describe('GET /api/v1/pledge-campaigns/:id/non-signers.xlsx', () => {
  it('lists exactly the non-signers counted by the coverage, per subtree, with contacts and moves noted', async () => {
    const f = await arrangePledges()
    const p = f.people
    await f.db.updateTable('employees').set({ phone: '+6281234567890' }).where('id', '=', p.guru.id).execute()
    const { campaign, codeOf } = await f.openCampaign({ scope: 'agency' })
    await signAs(f, codeOf(p.kapus.id).code, p.kapus)
    // Budi moves to the school after the snapshot: still listed (and counted) under Puskesmas Kauman.
    await f.db
      .updateTable('employees')
      .set({ unitId: f.units.sd.id })
      .where('id', '=', p.perawat.id)
      .execute()

    const whole = await f.api.call('GET', `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx`)
    expect(whole.statusCode).toBe(200)
    expect(whole.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(whole.headers['content-disposition']).toBe(
      'attachment; filename="belum-menandatangani-ikrar-netralitas-pilkada-2026-semua-unit.xlsx"',
    )
    const coverage = await f.api.ok<CoverageView>('GET', `/api/v1/pledge-campaigns/${campaign.id}/coverage`)
    const sheet = await readSheet(whole.rawPayload)
    expect(sheet.header).toEqual(['NIP', 'Nama', 'Jabatan', 'Unit', 'Kontak', 'Catatan'])
    expect(sheet.rows).toHaveLength(coverage.total.unsigned)
    expect(sheet.rows.map((row) => row[1]).sort()).toEqual(
      ['Agus Salim', 'Budi Santoso', 'Rina Marlina', 'Wahyu Hidayat'].sort(),
    )
    const byName = new Map(sheet.rows.map((row) => [row[1], row]))
    expect(byName.get('Budi Santoso')).toEqual([
      p.perawat.nip,
      'Budi Santoso',
      'Pengadministrasi Umum',
      'Puskesmas Kauman',
      'budi@contoh.go.id',
      'Pindah ke SD Negeri 1 setelah kampanye dibuka (dihitung di unit semula)',
    ])
    expect(byName.get('Agus Salim')?.[4]).toBe('081234567890')
    expect(byName.get('Rina Marlina')?.[0]).toBe('')

    // One child unit: the rows match that unit's coverage row.
    const puskesmas = await f.api.call(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx?unitId=${f.units.puskesmas.id}`,
    )
    expect(puskesmas.headers['content-disposition']).toContain(
      'belum-menandatangani-ikrar-netralitas-pilkada-2026-puskesmas-kauman.xlsx',
    )
    const dinkesCoverage = await f.api.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/coverage?unitId=${f.units.dinkes.id}`,
    )
    const puskesmasRow = dinkesCoverage.children.find((row) => row.unitId === f.units.puskesmas.id)
    const puskesmasSheet = await readSheet(puskesmas.rawPayload)
    expect(puskesmasSheet.rows).toHaveLength(puskesmasRow?.unsigned ?? -1)
    expect(puskesmasSheet.rows.map((row) => row[1]).sort()).toEqual(['Budi Santoso', 'Rina Marlina'])
    const about = puskesmasSheet.workbook.getWorksheet('Keterangan')
    expect(about?.getRow(2).getCell(2).value).toBe('Puskesmas Kauman')
    expect(about?.getRow(3).getCell(2).value).toBe(2)
  })

  it('gives a unit admin their subtree only and answers 404 for a unit outside it', async () => {
    const f = await arrangePledges()
    const { campaign } = await f.openCampaign({ scope: 'agency' })
    const unitAdmin = apiOf(
      f.app,
      await signIn(
        f.app,
        f.context,
        await insertUnitScopedAccount(f.context, f.agency.id, f.units.dinkes.id),
      ),
    )
    const own = await unitAdmin.call('GET', `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx`)
    expect(own.statusCode).toBe(200)
    const coverage = await unitAdmin.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/coverage`,
    )
    const sheet = await readSheet(own.rawPayload)
    expect(sheet.rows).toHaveLength(coverage.total.unsigned)
    expect(sheet.rows.map((row) => row[1]).sort()).toEqual([
      'Budi Santoso',
      'Rina Marlina',
      'Siti Rahmawati',
      'Wahyu Hidayat',
    ])

    const outside = await unitAdmin.call(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx?unitId=${f.units.sd.id}`,
    )
    expect(outside.statusCode).toBe(404)
    expect(outside.json().error.code).toBe('unit.not_found')
  })

  it('answers 404 for a campaign of another agency and 400 for an unknown query field', async () => {
    const f = await arrangePledges()
    const { campaign } = await f.openCampaign({ scope: 'agency' })
    const otherAgency = await insertAgency(f.context)
    const stranger = apiOf(
      f.app,
      await signIn(f.app, f.context, await insertAgencyAdmin(f.context, otherAgency.id)),
    )
    const foreign = await stranger.call('GET', `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx`)
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json().error.code).toBe('pledge.campaign_not_found')

    const unknownField = await f.api.call(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/non-signers.xlsx?status=unsigned`,
    )
    expect(unknownField.statusCode).toBe(400)
    expect(unknownField.json().error.code).toBe('request.invalid')
  })

  it('turns a campaign name into a safe file name', () => {
    expect(fileSlug('Pakta Integritas — Pemilu & Pilkada 2026 (Tahap 2)')).toBe(
      'pakta-integritas-pemilu-pilkada-2026-tahap-2',
    )
    expect(fileSlug('Ikrar Netralitas ASN Kecamatan Cibinong')).toBe(
      'ikrar-netralitas-asn-kecamatan-cibinong',
    )
    expect(fileSlug('«»')).toBe('tanpa-nama')
  })
})

describe('GET /api/v1/employees/:employeeId/pledges', () => {
  it('shows signed, revoked with its reason, not signed and ended campaigns with the receipt link', async () => {
    const f = await arrangePledges()
    const p = f.people
    const first = await f.openCampaign({ scope: 'agency' })
    const second = await f.openCampaign({ scope: 'units', unitIds: [f.units.puskesmas.id] })
    await signAs(f, first.codeOf(p.kapus.id).code, p.kapus)
    await signAs(f, second.codeOf(p.kapus.id).code, p.kapus)
    const targets = await f.api.ok<TargetList>(
      'GET',
      `/api/v1/pledge-campaigns/${second.campaign.id}/targets?status=signed`,
    )
    const signatureId = targets.items[0]?.signatureId
    await f.api.ok<SignatureView>('POST', `/api/v1/pledge-signatures/${signatureId}/revoke`, {
      reason: 'Ditandatangani oleh orang lain',
    })

    const kapus = await f.api.ok<EmployeePledgeList>('GET', `/api/v1/employees/${p.kapus.id}/pledges`)
    expect(kapus.items).toHaveLength(2)
    const byCampaign = new Map(kapus.items.map((item) => [item.campaignId, item]))
    expect(byCampaign.get(first.campaign.id)).toMatchObject({
      campaignName: 'Ikrar Netralitas Pilkada 2026',
      campaignStatus: 'open',
      templateKind: 'ikrar',
      templateTitle: 'Ikrar Netralitas ASN',
      templateVersion: 1,
      unitName: 'Puskesmas Kauman',
      status: 'signed',
      signedAt: f.clock.now().toISOString(),
      revokedAt: null,
    })
    expect(byCampaign.get(first.campaign.id)?.verifyUrl).toMatch(
      /^https:\/\/netra\.contoh\.go\.id\/verify\/[A-Za-z0-9_-]{20,32}$/,
    )
    expect(byCampaign.get(second.campaign.id)).toMatchObject({
      status: 'revoked',
      revokeReason: 'Ditandatangani oleh orang lain',
    })
    expect(byCampaign.get(second.campaign.id)?.verifyUrl).not.toBeNull()

    const guru = await f.api.ok<EmployeePledgeList>('GET', `/api/v1/employees/${p.guru.id}/pledges`)
    expect(guru.items.map((item) => [item.campaignId, item.status, item.verifyUrl])).toEqual([
      [first.campaign.id, 'not_signed', null],
    ])
    await f.api.ok('POST', `/api/v1/pledge-campaigns/${first.campaign.id}/close`)
    const afterClose = await f.api.ok<EmployeePledgeList>('GET', `/api/v1/employees/${p.guru.id}/pledges`)
    expect(afterClose.items[0]).toMatchObject({ status: 'campaign_closed', campaignStatus: 'closed' })

    const untargeted = await f.api.ok<EmployeePledgeList>('GET', `/api/v1/employees/${p.pensiun.id}/pledges`)
    expect(untargeted.items).toEqual([])
  })

  it('counts a campaign whose window passed as ended even before it is closed', async () => {
    const f = await arrangePledges()
    await f.openCampaign({ scope: 'agency' })
    f.clock.advance(8 * 24 * hour)
    const api = await f.freshApi()
    const guru = await api.ok<EmployeePledgeList>('GET', `/api/v1/employees/${f.people.guru.id}/pledges`)
    expect(guru.items[0]).toMatchObject({ status: 'campaign_closed', campaignStatus: 'open' })
  })

  it('answers 404 employee.not_found for an employee outside a unit admin’s subtree', async () => {
    const f = await arrangePledges()
    await f.openCampaign({ scope: 'agency' })
    const unitAdmin = apiOf(
      f.app,
      await signIn(
        f.app,
        f.context,
        await insertUnitScopedAccount(f.context, f.agency.id, f.units.dinkes.id),
      ),
    )
    const inside = await unitAdmin.ok<EmployeePledgeList>(
      'GET',
      `/api/v1/employees/${f.people.perawat.id}/pledges`,
    )
    expect(inside.items).toHaveLength(1)
    const outside = await unitAdmin.call('GET', `/api/v1/employees/${f.people.guru.id}/pledges`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json().error.code).toBe('employee.not_found')
    const malformed = await unitAdmin.call('GET', '/api/v1/employees/bukan-uuid/pledges')
    expect(malformed.statusCode).toBe(400)
  })
})

describe('campaign counts in GET /api/v1/pledge-campaigns', () => {
  it('carries targets, signed and percent per campaign in the reader’s scope (zero for a draft)', async () => {
    const f = await arrangePledges()
    const p = f.people
    const open = await f.openCampaign({ scope: 'agency' })
    const draft = await f.createCampaign({ scope: 'agency' })
    await signAs(f, open.codeOf(p.kapus.id).code, p.kapus)
    await signAs(f, open.codeOf(p.guru.id).code, p.guru)

    const list = await f.api.ok<CampaignList>('GET', '/api/v1/pledge-campaigns')
    const byId = new Map(list.items.map((c) => [c.id, c]))
    expect(byId.get(open.campaign.id)?.counts).toEqual({ targets: 5, signed: 2, percent: 40 })
    expect(byId.get(draft.id)?.counts).toEqual({ targets: 0, signed: 0, percent: 0 })
    const coverage = await f.api.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${open.campaign.id}/coverage`,
    )
    expect(byId.get(open.campaign.id)?.counts).toEqual({
      targets: coverage.total.targets,
      signed: coverage.total.signed,
      percent: coverage.total.percent,
    })

    const unitAdmin = apiOf(
      f.app,
      await signIn(
        f.app,
        f.context,
        await insertUnitScopedAccount(f.context, f.agency.id, f.units.dinkes.id),
      ),
    )
    const scoped = await unitAdmin.ok<CampaignList>('GET', '/api/v1/pledge-campaigns')
    expect(scoped.items.find((c) => c.id === open.campaign.id)?.counts).toEqual({
      targets: 4,
      signed: 1,
      percent: 25,
    })
  })
})
