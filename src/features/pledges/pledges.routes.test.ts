import { describe, expect, it } from 'vitest'
import {
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { logCapture } from '../../../test/support/test-context.js'
import { templateSha256 } from './pledge-templates.service.js'
import type {
  CampaignView,
  CoverageView,
  IssuedCode,
  PublicPledgeView,
  ReminderResult,
  SignatureView,
  SignPledgeResult,
  TargetList,
  TemplateVersionList,
  TemplateView,
  VerifyView,
} from './pledges.schema.js'
import { apiOf, arrangePledges, countRows, hour, sign } from './pledges.testing.js'

describe('pledge templates', () => {
  it('adds a version on edit with a new SHA-256 and leaves the old version intact', async () => {
    const f = await arrangePledges()
    const v1 = f.ikrar.currentVersion
    expect(v1).toMatchObject({ version: 1, title: 'Ikrar Netralitas ASN' })
    expect(v1.sha256).toBe(templateSha256({ title: v1.title, body: v1.body }))
    expect(v1.body).toContain('politik uang')

    const edited = await f.api.ok<TemplateView>(
      'POST',
      `/api/v1/pledge-templates/${f.ikrar.id}/versions`,
      { title: 'Ikrar Netralitas ASN', body: `${v1.body}\n5. Menjaga persatuan bangsa.` },
      201,
    )
    expect(edited.currentVersion.version).toBe(2)
    expect(edited.currentVersion.sha256).not.toBe(v1.sha256)
    expect(edited.currentVersion.sha256).toMatch(/^[0-9a-f]{64}$/)

    // The same text again (up to trailing spaces) makes no version 3.
    const same = await f.api.ok<TemplateView>(
      'POST',
      `/api/v1/pledge-templates/${f.ikrar.id}/versions`,
      { title: 'Ikrar Netralitas ASN  ', body: `${v1.body}\n5. Menjaga persatuan bangsa.   ` },
      201,
    )
    expect(same.currentVersion.id).toBe(edited.currentVersion.id)

    const versions = await f.api.ok<TemplateVersionList>(
      'GET',
      `/api/v1/pledge-templates/${f.ikrar.id}/versions`,
    )
    expect(versions.items.map((v) => v.version)).toEqual([2, 1])
    expect(versions.items[1]).toEqual(v1)
    const audit = await f.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', f.ikrar.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['pledge_template.created', 'pledge_template.version_added'])
  })

  it('seeds the defaults once and refuses campaigns on an archived template', async () => {
    const f = await arrangePledges()
    const again = await f.api.ok<{ items: TemplateView[] }>('POST', '/api/v1/pledge-templates/defaults', {})
    expect(again.items.map((t) => t.kind).sort()).toEqual(['ikrar', 'pakta_integritas'])
    await f.api.ok('PATCH', `/api/v1/pledge-templates/${f.ikrar.id}`, { archived: true })
    const response = await f.api.call('POST', '/api/v1/pledge-campaigns', {
      templateVersionId: f.ikrar.currentVersion.id,
      name: 'Kampanye',
      target: { scope: 'agency' },
      opensAt: '2026-11-24T08:00:00+07:00',
      closesAt: '2026-11-30T08:00:00+07:00',
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('pledge.template_archived')
  })
})

describe('opening a campaign', () => {
  it('snapshots the active employees of the whole agency and e-mails those with an address', async () => {
    const f = await arrangePledges()
    const { opened } = await f.openCampaign({ scope: 'agency' })
    const p = f.people
    expect(opened.codes.map((c) => c.employeeId).sort()).toEqual(
      [p.kadis.id, p.kapus.id, p.perawat.id, p.honorer.id, p.guru.id].sort(),
    )
    expect(opened.targetCount).toBe(5)
    expect(opened.emailQueued).toBe(3)
    expect(opened.campaign.status).toBe('open')
    const first = opened.codes[0] as IssuedCode
    expect(first.code).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(first.link).toBe(`https://netra.contoh.go.id/ikrar/${first.code}`)
    // Only HMACs are stored: no code appears anywhere in the targets table.
    const stored = JSON.stringify(await f.db.selectFrom('pledgeTargets').selectAll().execute())
    expect(opened.codes.some((c) => stored.includes(c.code))).toBe(false)
    const outbox = await f.db.selectFrom('notificationOutbox').select(['recipient', 'bodyText']).execute()
    expect(outbox.map((o) => o.recipient).sort()).toEqual([
      'budi@contoh.go.id',
      'siti.r@contoh.go.id',
      'wahyu@contoh.go.id',
    ])
    const budi = outbox.find((o) => o.recipient === 'budi@contoh.go.id')
    expect(budi?.bodyText).toContain(opened.codes.find((c) => c.employeeId === p.perawat.id)?.link)
  })

  it.each([
    ['a unit subtree', { scope: 'units', unitIds: ['puskesmas'] }, ['kapus', 'perawat', 'honorer']],
    [
      'several subtrees',
      { scope: 'units', unitIds: ['puskesmas', 'sd'] },
      ['kapus', 'perawat', 'honorer', 'guru'],
    ],
    ['Non-ASN only', { scope: 'agency', employeeKinds: ['NON_ASN'] }, ['honorer']],
    [
      'PNS and PPPK',
      { scope: 'agency', employeeKinds: ['PNS', 'PPPK'] },
      ['kadis', 'kapus', 'perawat', 'guru'],
    ],
    ['unit heads only', { scope: 'agency', onlyUnitHeads: true }, ['kadis', 'kapus']],
    ['position types', { scope: 'units', unitIds: ['dinkes'], positionTypes: ['fungsional'] }, ['perawat']],
  ] as const)('targets %s', async (_label, rule, expected) => {
    const f = await arrangePledges()
    const units = f.units as Record<string, { id: string }>
    const target = {
      ...rule,
      ...('unitIds' in rule ? { unitIds: rule.unitIds.map((key) => units[key]?.id) } : {}),
    }
    const { opened } = await f.openCampaign(target)
    const people = f.people as Record<string, { id: string }>
    expect(opened.codes.map((c) => c.employeeId).sort()).toEqual(
      expected.map((key) => people[key]?.id).sort(),
    )
  })

  it('answers 409 when the campaign is opened again, and 422 when nobody matches', async () => {
    const f = await arrangePledges()
    const { campaign } = await f.openCampaign({ scope: 'agency' })
    const again = await f.api.call('POST', `/api/v1/pledge-campaigns/${campaign.id}/open`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('pledge.campaign_already_open')
    expect(await countRows(f.context, 'pledgeTargets')).toBe(5)

    const empty = await f.createCampaign({
      scope: 'units',
      unitIds: [f.units.disdik.id],
      employeeKinds: ['NON_ASN'],
    })
    const refused = await f.api.call('POST', `/api/v1/pledge-campaigns/${empty.id}/open`)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('pledge.target_empty')
    const still = await f.api.ok<CampaignView>('GET', `/api/v1/pledge-campaigns/${empty.id}`)
    expect(still.status).toBe('draft')
  })

  it('edits only drafts and refuses unknown units in the target', async () => {
    const f = await arrangePledges()
    const draft = await f.createCampaign()
    const renamed = await f.api.ok<CampaignView>('PATCH', `/api/v1/pledge-campaigns/${draft.id}`, {
      name: 'Pakta Kepala Unit',
      target: { scope: 'agency', onlyUnitHeads: true },
    })
    expect(renamed).toMatchObject({ name: 'Pakta Kepala Unit', target: { onlyUnitHeads: true } })
    const unknown = await f.api.call('PATCH', `/api/v1/pledge-campaigns/${draft.id}`, {
      target: { scope: 'units', unitIds: ['0190a000-0000-7000-8000-000000000000'] },
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error.code).toBe('pledge.target_invalid')
    await f.api.ok('POST', `/api/v1/pledge-campaigns/${draft.id}/open`)
    const late = await f.api.call('PATCH', `/api/v1/pledge-campaigns/${draft.id}`, { name: 'Terlambat' })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('pledge.campaign_not_draft')
  })
})

describe('public signing', () => {
  it('shows the text with a masked name, signs once, and the code cannot be used again', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const { code } = codeOf(f.people.perawat.id)
    const page = await f.app.inject({ method: 'GET', url: `/api/v1/public/pledges/${code}` })
    expect(page.statusCode).toBe(200)
    const view = page.json<PublicPledgeView>()
    expect(view).toMatchObject({
      state: 'open',
      title: 'Ikrar Netralitas ASN',
      signerNameMasked: 'B*** S******',
      sha256: f.ikrar.currentVersion.sha256,
      witnesses: [{ institution: 'Bawaslu Kota Contoh' }],
    })
    expect(page.body).not.toContain('Budi Santoso')

    const signed = await sign(f.app, code, { dateOfBirth: '1990-05-17', typedName: 'budi santoso' })
    expect(signed.statusCode).toBe(200)
    const result = signed.json<SignPledgeResult>()
    expect(result.verifyCode).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(result.verifyUrl).toBe(`https://netra.contoh.go.id/verify/${result.verifyCode}`)
    expect(result.receiptStatus).toBe('pending')

    const row = await f.db.selectFrom('pledgeSignatures').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      employeeId: f.people.perawat.id,
      templateVersionId: f.ikrar.currentVersion.id,
      templateSha256: f.ikrar.currentVersion.sha256,
      typedName: 'budi santoso',
      receiptStatus: 'pending',
      receiptSha256: null,
    })

    const again = await sign(f.app, code, { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('pledge.already_signed')
    const reread = await f.app.inject({ method: 'GET', url: `/api/v1/public/pledges/${code}` })
    expect(reread.json<PublicPledgeView>().state).toBe('used')
    expect(await countRows(f.context, 'pledgeSignatures')).toBe(1)

    const verify = await f.app.inject({ method: 'GET', url: `/api/v1/public/verify/${result.verifyCode}` })
    expect(verify.json<VerifyView>()).toEqual({
      valid: true,
      name: 'Budi Santoso',
      unit: 'Puskesmas Kauman',
      campaign: 'Ikrar Netralitas Pilkada 2026',
      signedAt: '2026-11-24T08:00:00+07:00',
    })
  })

  it('refuses a wrong date of birth, an unlike name, a bad drawing and an unknown code, recording nothing', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const { code } = codeOf(f.people.perawat.id)
    const auditBefore = await f.db.selectFrom('auditEvents').select('id').execute()
    const attempts = [
      [code, { dateOfBirth: '1990-05-18', typedName: 'Budi Santoso' }, 422, 'pledge.identity_mismatch'],
      [code, { dateOfBirth: '1990-05-17', typedName: 'Agus Salim' }, 422, 'pledge.name_mismatch'],
      [
        code,
        {
          dateOfBirth: '1990-05-17',
          typedName: 'Budi Santoso',
          drawnSignature: 'data:image/png;base64,PHN2Zz4=',
        },
        422,
        'pledge.signature_image_invalid',
      ],
      [
        'AAAAAAAAAAAAAAAAAAAAAA',
        { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' },
        404,
        'pledge.code_invalid',
      ],
    ] as const
    for (const [used, body, status, errorCode] of attempts) {
      const response = await sign(f.app, used, body)
      expect(response.statusCode, errorCode).toBe(status)
      expect(response.json().error.code).toBe(errorCode)
    }
    expect(await countRows(f.context, 'pledgeSignatures')).toBe(0)
    const target = await f.db
      .selectFrom('pledgeTargets')
      .select('codeUsedAt')
      .where('employeeId', '=', f.people.perawat.id)
      .executeTakeFirstOrThrow()
    expect(target.codeUsedAt).toBeNull()
    expect(await f.db.selectFrom('auditEvents').select('id').execute()).toEqual(auditBefore)
  })

  it('locks a code after five wrong dates of birth until staff issue a new one', async () => {
    const f = await arrangePledges()
    const { campaign, codeOf } = await f.openCampaign()
    const { code } = codeOf(f.people.perawat.id)
    const wrong = { dateOfBirth: '1990-01-01', typedName: 'Budi Santoso' }
    const right = { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' }
    const left: unknown[] = []
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await sign(f.app, code, wrong)
      expect(response.statusCode).toBe(422)
      left.push(response.json().error)
    }
    expect(left).toEqual(
      [4, 3, 2, 1].map((n) => ({ code: 'pledge.identity_mismatch', details: { attemptsLeft: n } })),
    )

    const fifth = await sign(f.app, code, wrong)
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().error.code).toBe('pledge.code_locked')
    // Locked: even the right date of birth is refused, and the page says so.
    expect((await sign(f.app, code, right)).json().error.code).toBe('pledge.code_locked')
    const page = await f.app.inject({ method: 'GET', url: `/api/v1/public/pledges/${code}` })
    expect(page.json<PublicPledgeView>().state).toBe('locked')
    expect(await countRows(f.context, 'pledgeSignatures')).toBe(0)

    // Another target's code is untouched; a new code for this target starts from zero.
    expect(
      (
        await sign(f.app, codeOf(f.people.kadis.id).code, {
          dateOfBirth: '1970-01-01',
          typedName: 'Wahyu Hidayat',
        })
      ).statusCode,
    ).toBe(200)
    const fresh = await f.api.ok<IssuedCode>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.perawat.id}/code`,
    )
    expect((await sign(f.app, fresh.code, wrong)).json().error.details).toEqual({ attemptsLeft: 4 })
    expect((await sign(f.app, fresh.code, right)).statusCode).toBe(200)
  })

  it('accepts a real PNG drawing', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    const response = await sign(f.app, codeOf(f.people.kadis.id).code, {
      dateOfBirth: '1970-01-01',
      typedName: 'Wahyu Hidayat',
      drawnSignature: png,
    })
    expect(response.statusCode).toBe(200)
    const row = await f.db.selectFrom('pledgeSignatures').select('drawnSignature').executeTakeFirstOrThrow()
    expect(row.drawnSignature).toBe(png)
  })

  it('refuses signing before the window, after it, and once the campaign is closed', async () => {
    const f = await arrangePledges()
    const now = f.clock.now().getTime()
    const future = await f.createCampaign(
      { scope: 'agency' },
      { opensAt: new Date(now + hour).toISOString() },
    )
    const opened = await f.api.ok<{ codes: IssuedCode[] }>(
      'POST',
      `/api/v1/pledge-campaigns/${future.id}/open`,
    )
    const code = opened.codes.find((c) => c.employeeId === f.people.perawat.id)?.code ?? ''
    const body = { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' }
    const early = await sign(f.app, code, body)
    expect(early.statusCode).toBe(409)
    expect(early.json().error).toEqual({ code: 'pledge.window_closed', details: { state: 'not_yet_open' } })

    f.clock.advance(8 * 24 * hour)
    const late = await sign(f.app, code, body)
    expect(late.json().error).toEqual({ code: 'pledge.window_closed', details: { state: 'ended' } })

    f.clock.set(now + 2 * hour)
    await (await f.freshApi()).ok('POST', `/api/v1/pledge-campaigns/${future.id}/close`)
    const closed = await sign(f.app, code, body)
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error).toEqual({ code: 'pledge.window_closed', details: { state: 'closed' } })
    expect(await countRows(f.context, 'pledgeSignatures')).toBe(0)
  })

  it('gives exactly one signature to two concurrent submits: one 200, one 409', async () => {
    const f = await arrangePledges()
    const { codeOf } = await f.openCampaign()
    const { code } = codeOf(f.people.perawat.id)
    const body = { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' }
    const responses = await Promise.all([sign(f.app, code, body), sign(f.app, code, body)])
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const refused = responses.find((r) => r.statusCode === 409)
    expect(refused?.json().error.code).toBe('pledge.already_signed')
    expect(await countRows(f.context, 'pledgeSignatures')).toBe(1)
  })

  it('stores and logs no IP address, user agent or code of a public request', async () => {
    const capture = logCapture()
    const f = await arrangePledges({ logStream: capture.stream })
    const { codeOf } = await f.openCampaign()
    const { code } = codeOf(f.people.perawat.id)
    const userAgent = 'Mozilla/5.0 (Linux; Android 14) PonselUjiNetra/1.0'
    const headers = { 'user-agent': userAgent, 'x-forwarded-for': '203.0.113.77' }
    await f.app.inject({
      method: 'GET',
      url: `/api/v1/public/pledges/${code}`,
      headers,
      remoteAddress: '198.51.100.23',
    })
    const signed = await f.app.inject({
      method: 'POST',
      url: `/api/v1/public/pledges/${code}/sign`,
      payload: { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' },
      headers,
      remoteAddress: '198.51.100.23',
    })
    expect(signed.statusCode).toBe(200)
    const verifyCode = signed.json<SignPledgeResult>().verifyCode
    await f.app.inject({
      method: 'GET',
      url: `/api/v1/public/verify/${verifyCode}`,
      headers,
      remoteAddress: '198.51.100.23',
    })

    const audit = await f.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'pledge_signature.signed')
      .executeTakeFirstOrThrow()
    expect(audit.actorLabel).toBe('pledge-signer')
    const signature = await f.db.selectFrom('pledgeSignatures').selectAll().executeTakeFirstOrThrow()
    const stored = JSON.stringify([audit, signature])
    for (const secret of ['198.51.100.23', '203.0.113.77', 'PonselUjiNetra', code])
      expect(stored).not.toContain(secret)

    const publicLines = capture.lines.filter((line) => line.includes('/public/'))
    expect(publicLines.length).toBeGreaterThanOrEqual(3)
    for (const secret of ['198.51.100.23', '203.0.113.77', 'PonselUjiNetra', code, verifyCode])
      expect(capture.text()).not.toContain(secret)
  })
})

describe('revocation', () => {
  it('lets only the agency admin revoke, with a reason, audited; the employee can sign again with a new code', async () => {
    const f = await arrangePledges()
    const { campaign, codeOf } = await f.openCampaign()
    const body = { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' }
    const first = (await sign(f.app, codeOf(f.people.perawat.id).code, body)).json<SignPledgeResult>()
    const signature = await f.db.selectFrom('pledgeSignatures').selectAll().executeTakeFirstOrThrow()

    const unitAdmin = apiOf(
      f.app,
      await signIn(
        f.app,
        f.context,
        await insertUnitScopedAccount(f.context, f.agency.id, f.units.dinkes.id),
      ),
    )
    const byUnitAdmin = await unitAdmin.call('POST', `/api/v1/pledge-signatures/${signature.id}/revoke`, {
      reason: 'Ditandatangani orang lain',
    })
    expect(byUnitAdmin.statusCode).toBe(403)
    const superAdmin = await insertAccount(f.context, {
      agencyId: null,
      assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
      totp: true,
    })
    const bySuperAdmin = await apiOf(f.app, await signIn(f.app, f.context, superAdmin)).call(
      'POST',
      `/api/v1/pledge-signatures/${signature.id}/revoke`,
      { reason: 'Ditandatangani orang lain' },
    )
    expect(bySuperAdmin.statusCode).toBe(403)
    const noReason = await f.api.call('POST', `/api/v1/pledge-signatures/${signature.id}/revoke`, {
      reason: ' ',
    })
    expect(noReason.statusCode).toBe(400)

    const revoked = await f.api.ok<SignatureView>(
      'POST',
      `/api/v1/pledge-signatures/${signature.id}/revoke`,
      {
        reason: 'Ditandatangani orang lain',
      },
    )
    expect(revoked).toMatchObject({ id: signature.id, revokeReason: 'Ditandatangani orang lain' })
    expect(revoked.revokedAt).not.toBeNull()
    const twice = await f.api.call('POST', `/api/v1/pledge-signatures/${signature.id}/revoke`, {
      reason: 'Ditandatangani orang lain',
    })
    expect(twice.json().error.code).toBe('pledge.already_revoked')
    const audit = await f.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'pledge_signature.revoked')
      .executeTakeFirstOrThrow()
    expect(audit.actorId).toBe(f.admin.user.id)
    expect(JSON.parse(audit.summary)).toMatchObject({ reason: 'Ditandatangani orang lain' })

    const oldVerify = await f.app.inject({ method: 'GET', url: `/api/v1/public/verify/${first.verifyCode}` })
    expect(oldVerify.json<VerifyView>().valid).toBe(false)
    // The used code stays used; a new code lets the employee sign again.
    const stale = await sign(f.app, codeOf(f.people.perawat.id).code, body)
    expect(stale.json().error.code).toBe('pledge.code_used')
    const fresh = await f.api.ok<IssuedCode>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.perawat.id}/code`,
    )
    expect((await sign(f.app, fresh.code, body)).statusCode).toBe(200)
    const rows = await f.db.selectFrom('pledgeSignatures').select(['revokedAt']).execute()
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1)
    expect(rows).toHaveLength(2)
    const reissueSigned = await f.api.call(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.perawat.id}/code`,
    )
    expect(reissueSigned.json().error.code).toBe('pledge.already_signed')
  })
})

describe('coverage and targets', () => {
  it('counts a unit subtree by the snapshot unit, also after an employee moved, with drill-down', async () => {
    const f = await arrangePledges()
    const { campaign, codeOf } = await f.openCampaign()
    const p = f.people
    await sign(f.app, codeOf(p.perawat.id).code, { dateOfBirth: '1990-05-17', typedName: 'Budi Santoso' })
    await sign(f.app, codeOf(p.kadis.id).code, { dateOfBirth: '1970-01-01', typedName: 'Wahyu Hidayat' })
    await sign(f.app, codeOf(p.guru.id).code, { dateOfBirth: '1980-08-17', typedName: 'Agus Salim' })
    // The nurse moves to the school after the snapshot: still counted in Puskesmas Kauman.
    await f.db
      .updateTable('employees')
      .set({ unitId: f.units.sd.id })
      .where('id', '=', p.perawat.id)
      .execute()

    const all = await f.api.ok<CoverageView>('GET', `/api/v1/pledge-campaigns/${campaign.id}/coverage`)
    expect(all.total).toEqual({ targets: 5, signed: 3, unsigned: 2, percent: 60 })
    expect(all.children.map((c) => [c.unitName, c.targets, c.signed])).toEqual([
      ['Dinas Kesehatan', 4, 2],
      ['Dinas Pendidikan', 1, 1],
    ])

    const dinkes = await f.api.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/coverage?unitId=${f.units.dinkes.id}`,
    )
    expect(dinkes.total).toEqual({ targets: 4, signed: 2, unsigned: 2, percent: 50 })
    expect(dinkes.direct).toEqual({ targets: 1, signed: 1, unsigned: 0, percent: 100 })
    expect(dinkes.children).toEqual([
      {
        unitId: f.units.puskesmas.id,
        unitName: 'Puskesmas Kauman',
        targets: 3,
        signed: 1,
        unsigned: 2,
        percent: 33.3,
      },
    ])

    const sd = await f.api.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/coverage?unitId=${f.units.sd.id}`,
    )
    expect(sd.total).toEqual({ targets: 1, signed: 1, unsigned: 0, percent: 100 })

    const list = await f.api.ok<TargetList>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/targets?unitId=${f.units.puskesmas.id}`,
    )
    expect(list.total).toBe(3)
    const moved = list.items.find((t) => t.employeeId === p.perawat.id)
    expect(moved).toMatchObject({ signed: true, movedSinceSnapshot: true, unitName: 'Puskesmas Kauman' })
    expect(list.items.filter((t) => t.movedSinceSnapshot)).toHaveLength(1)
    const unsigned = await f.api.ok<TargetList>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/targets?status=unsigned&pageSize=1&page=2`,
    )
    expect(unsigned).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(unsigned.items).toHaveLength(1)
  })

  it('reminds non-signers with an e-mail at most once per 24 hours', async () => {
    const f = await arrangePledges()
    const { campaign, codeOf } = await f.openCampaign()
    await sign(f.app, codeOf(f.people.perawat.id).code, {
      dateOfBirth: '1990-05-17',
      typedName: 'Budi Santoso',
    })
    const before = await f.db.selectFrom('notificationOutbox').select('id').execute()
    const first = await f.api.ok<ReminderResult>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/reminders`,
      {},
    )
    // Non-signers: kadis and kapus (e-mail), honorer and guru (none).
    expect(first).toEqual({
      queued: 2,
      skippedRecent: 0,
      withoutEmail: 2,
      whatsAppQueued: 0,
      phoneInvalid: 0,
    })
    const second = await f.api.ok<ReminderResult>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/reminders`,
      {},
    )
    expect(second).toEqual({
      queued: 0,
      skippedRecent: 2,
      withoutEmail: 2,
      whatsAppQueued: 0,
      phoneInvalid: 0,
    })
    const after = await f.db.selectFrom('notificationOutbox').select(['subject']).execute()
    expect(after.length - before.length).toBe(2)
    // The reminded link replaces the first one.
    const stale = await sign(f.app, codeOf(f.people.kadis.id).code, {
      dateOfBirth: '1970-01-01',
      typedName: 'Wahyu Hidayat',
    })
    expect(stale.json().error.code).toBe('pledge.code_invalid')
    f.clock.advance(24 * hour)
    const third = await (
      await f.freshApi()
    ).ok<ReminderResult>('POST', `/api/v1/pledge-campaigns/${campaign.id}/reminders`, {
      unitId: f.units.puskesmas.id,
    })
    expect(third).toEqual({
      queued: 1,
      skippedRecent: 0,
      withoutEmail: 1,
      whatsAppQueued: 0,
      phoneInvalid: 0,
    })
  })
})

describe('unit admin scope', () => {
  it('sees targets and coverage of their subtree only; other units and their employees are not found', async () => {
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
    const list = await unitAdmin.ok<TargetList>('GET', `/api/v1/pledge-campaigns/${campaign.id}/targets`)
    expect(list.items.map((t) => t.employeeId).sort()).toEqual(
      [f.people.kadis.id, f.people.kapus.id, f.people.perawat.id, f.people.honorer.id].sort(),
    )
    const coverage = await unitAdmin.ok<CoverageView>(
      'GET',
      `/api/v1/pledge-campaigns/${campaign.id}/coverage`,
    )
    expect(coverage.total.targets).toBe(4)
    expect(coverage.children.map((c) => c.unitName)).toEqual(['Dinas Kesehatan'])

    const outside = [
      unitAdmin.call('GET', `/api/v1/pledge-campaigns/${campaign.id}/coverage?unitId=${f.units.sd.id}`),
      unitAdmin.call('GET', `/api/v1/pledge-campaigns/${campaign.id}/targets?unitId=${f.units.disdik.id}`),
      unitAdmin.call('POST', `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.guru.id}/code`),
      unitAdmin.call('POST', `/api/v1/pledge-campaigns/${campaign.id}/reminders`, { unitId: f.units.sd.id }),
    ]
    const responses = await Promise.all(outside)
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404])
    expect(responses.map((r) => r.body).join()).not.toContain('Agus Salim')

    const forbidden = await unitAdmin.call('POST', `/api/v1/pledge-campaigns/${campaign.id}/close`)
    expect(forbidden.statusCode).toBe(403)
    const own = await unitAdmin.ok<IssuedCode>(
      'POST',
      `/api/v1/pledge-campaigns/${campaign.id}/targets/${f.people.perawat.id}/code`,
    )
    expect(own.unitName).toBe('Puskesmas Kauman')
  })

  it('hides campaigns of another agency', async () => {
    const f = await arrangePledges()
    const { campaign } = await f.openCampaign()
    const otherAgency = await insertAgency(f.context)
    const otherAdmin = await insertAgencyAdmin(f.context, otherAgency.id)
    const other = apiOf(f.app, await signIn(f.app, f.context, otherAdmin))
    const response = await other.call('GET', `/api/v1/pledge-campaigns/${campaign.id}`)
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('pledge.campaign_not_found')
  })
})
