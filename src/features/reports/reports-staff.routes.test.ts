/**
 * The staff inbox (issue #5 point 4 and related reports of point 6) through the HTTP API, on SQLite and
 * PostgreSQL: scope per agency, the list and its filters and sort, the channel's ticket number, the Excel export,
 * the decrypted detail, the evidence viewer, the actions and their audit trail.
 */
import ExcelJS from 'exceljs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  insertRosterEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
} from '../../../test/support/factories.js'
import { minimalPdf, photoWithGps } from './evidence/evidence.testing.js'
import { arrangeInbox } from './reports-staff.testing.js'

type ListBody = { items: { id: string; reportNumber: string; [key: string]: unknown }[]; total: number }

describe('staff inbox', () => {
  it('lists the agency’s reports newest first with filters, and nothing of another agency', async () => {
    const t = await arrangeInbox()
    const unit = await insertUnit(t.context, t.agency.id, { name: 'Dinas Pendidikan' })
    const school = await insertUnit(t.context, t.agency.id, {
      parent: unit,
      name: 'SD Negeri 1',
      kind: 'sekolah',
    })
    const first = await t.file({
      reportedPerson: { name: 'Budi Santoso', nip: '198001012005031001', unitId: school.id },
    })
    const second = await t.file({ categoryCode: 'KE-04', reportedPerson: { name: 'Siti Aminah' } })
    t.clock.advance(3 * 86_400_000)
    const third = await t.file({ reportedPerson: { name: 'Agus Salim', unitName: 'Kecamatan Utara' } })
    await t.file({ agencySlug: 'kota-lain', reportedPerson: { name: 'Orang Kota Lain' } })
    await t.signInAgain()

    const admin = t.as(t.sessions.admin)
    const all = await admin.get('/reports')
    expect(all.statusCode).toBe(200)
    const body = all.json<ListBody>()
    expect(body.total).toBe(3)
    expect(body.items.map((i) => i.id)).toEqual([third.id, second.id, first.id])
    expect(body.items[2]).toMatchObject({
      reportNumber: first.reportNumber,
      status: 'received',
      statusLabel: 'Diterima, menunggu diperiksa petugas',
      channel: 'public_form',
      categoryCode: 'DS-06',
      identityLevel: 'anonymous',
      reportedPerson: {
        name: 'Budi Santoso',
        nip: '198001012005031001',
        unitName: 'SD Negeri 1',
        unitId: school.id,
      },
      files: 0,
      unreadMessages: 0,
      related: 0,
    })
    expect(body.items[2]?.categoryName).toEqual(expect.any(String))
    expect(JSON.stringify(body)).not.toContain('Orang Kota Lain')

    const ids = async (query: string) =>
      (await admin.get(`/reports?${query}`)).json<ListBody>().items.map((i) => i.id)
    expect(await ids('category=KE-04')).toEqual([second.id])
    expect(await ids(`unitId=${unit.id}`)).toEqual([first.id])
    expect(await ids('q=siti')).toEqual([second.id])
    expect(await ids('q=198001012005031001')).toEqual([first.id])
    expect(await ids(`q=${third.reportNumber.toLowerCase()}`)).toEqual([third.id])
    expect(await ids('from=2026-03-05')).toEqual([third.id])
    expect(await ids('to=2026-03-02')).toEqual([second.id, first.id])
    expect(await ids('status=closed')).toEqual([])
    expect(await ids('pageSize=1&page=2')).toEqual([second.id])
    expect((await admin.get('/reports?colour=red')).statusCode).toBe(400)

    // Another agency's admin, a unit-scoped examiner, a decision maker: nothing of this agency.
    const other = t.as(t.sessions.otherAdmin)
    expect((await other.get('/reports')).json<ListBody>().items.map((i) => i.reportedPerson)).toEqual([
      expect.objectContaining({ name: 'Orang Kota Lain' }),
    ])
    expect((await other.get(`/reports/${first.id}`)).statusCode).toBe(404)
    expect((await other.post(`/reports/${first.id}/status`, { status: 'in_review' })).statusCode).toBe(404)
    const unitExaminer = await insertUnitScopedAccount(t.context, t.agency.id, unit.id, 'examiner')
    const scoped = t.as(await signIn(t.app, t.context, unitExaminer))
    expect((await scoped.get('/reports')).statusCode).toBe(403)
    expect((await scoped.get(`/reports/${first.id}`)).statusCode).toBe(403)
    expect((await t.as(t.sessions.decisionMaker).get('/reports')).statusCode).toBe(403)
  })

  it('opens a report decrypted, audits the opening without content, and counts unread reporter messages', async () => {
    const t = await arrangeInbox()
    const report = await t.file({
      links: ['https://www.instagram.com/p/abc123/?igsh=xyz'],
      location: { regionCode: '35.73', place: 'Ruang guru lantai 2' },
      identityLevel: 'confidential',
      reporter: { name: 'Pelapor Rahasia', phone: '081234567890' },
    })
    const named = await t.file({
      identityLevel: 'named',
      reporter: { name: 'Warga Bernama', email: 'warga@contoh.id' },
    })
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${report.receipt}/messages`,
      payload: { body: 'Ada foto tambahan.' },
    })
    const admin = t.as(t.sessions.admin)
    const listed = (await admin.get('/reports')).json<ListBody>().items.find((i) => i.id === report.id)
    expect(listed).toMatchObject({ unreadMessages: 1, identityLevel: 'confidential' })

    const detail = await admin.get(`/reports/${report.id}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.headers['cache-control']).toBe('no-store')
    const d = detail.json()
    expect(d).toMatchObject({
      description: expect.stringContaining('grup WhatsApp'),
      links: ['https://www.instagram.com/p/abc123/?igsh=xyz'],
      location: { regionCode: '35.73', place: 'Ruang guru lantai 2' },
      messages: [{ from: 'reporter', body: 'Ada foto tambahan.', staffUser: null }],
      reporter: null,
      reporterRevealedUntil: null,
      allowedStatusChanges: ['in_review', 'rejected'],
      canAskForInfo: true,
      canMarkDuplicate: true,
      related: [{ id: named.id, reasons: ['person'] }],
      duplicates: [],
    })
    expect(detail.body).not.toContain('Pelapor Rahasia')
    expect(
      (await admin.get('/reports')).json<ListBody>().items.find((i) => i.id === report.id),
    ).toMatchObject({
      unreadMessages: 0,
    })
    // The examiner has not opened it yet.
    expect(
      (await t.as(t.sessions.examiner).get('/reports'))
        .json<ListBody>()
        .items.find((i) => i.id === report.id),
    ).toMatchObject({ unreadMessages: 1 })

    // A named reporter chose to be known.
    expect((await admin.get(`/reports/${named.id}`)).json().reporter).toEqual({
      name: 'Warga Bernama',
      email: 'warga@contoh.id',
    })

    const audit = await t.auditOf(report.id)
    expect(audit.map((a) => a.action)).toEqual([
      'report.submitted',
      'report.reporter_message',
      'report.viewed',
    ])
    expect(audit[2]?.actorLabel).toBe(t.accounts.admin.username)
    expect(JSON.stringify(audit)).not.toMatch(/WhatsApp|Ruang guru|instagram|Pelapor/)
  })

  it('serves evidence: the photo without GPS inline, originals as audited attachments', async () => {
    const t = await arrangeInbox()
    const photo = await photoWithGps('jpeg')
    const report = await t.file({}, [
      { data: photo, filename: 'foto.jpg', contentType: 'image/jpeg' },
      { data: minimalPdf(100), filename: 'surat.pdf', contentType: 'application/pdf' },
    ])
    const admin = t.as(t.sessions.admin)
    const { files } = (await admin.get(`/reports/${report.id}`)).json<{
      files: { id: string; kind: string; hasViewCopy: boolean; sha256: string; byteSize: number }[]
    }>()
    const image = files.find((f) => f.kind === 'jpg')
    const pdf = files.find((f) => f.kind === 'pdf')
    expect(image).toMatchObject({ hasViewCopy: true, byteSize: photo.length })
    expect(pdf).toMatchObject({ hasViewCopy: false })

    const view = await admin.get(`/reports/${report.id}/files/${image?.id}/view`)
    expect(view.statusCode).toBe(200)
    expect(view.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    expect(view.headers['content-disposition']).toMatch(/^inline; filename="ADU-\d{4}-\d{6}-\w+\.jpg"$/)
    const meta = await sharp(view.rawPayload).metadata()
    expect(meta.exif).toBeUndefined()
    expect(view.rawPayload.includes(Buffer.from('NetraCam'))).toBe(false)

    const original = await admin.get(`/reports/${report.id}/files/${image?.id}/original`)
    expect(original.headers['content-disposition']).toMatch(/^attachment; /)
    expect(original.rawPayload.equals(photo)).toBe(true)
    const pdfView = await admin.get(`/reports/${report.id}/files/${pdf?.id}/view`)
    expect(pdfView.headers['content-type']).toBe('application/pdf')
    expect(pdfView.headers['content-disposition']).toMatch(/^attachment; /)

    const downloads = (await t.auditOf(report.id)).filter((a) => a.action === 'report.evidence_downloaded')
    expect(downloads.map((a) => JSON.parse(a.summary).via)).toEqual(['original', 'view'])
    expect(JSON.parse(downloads[0]?.summary ?? '{}').sha256).toBe(image?.sha256)

    expect((await admin.get(`/reports/${report.id}/files/${report.id}/view`)).json().error.code).toBe(
      'report.file_not_found',
    )
    expect(
      (await t.as(t.sessions.otherAdmin).get(`/reports/${report.id}/files/${image?.id}/view`)).statusCode,
    ).toBe(404)
  })

  it('asks the reporter for information, moves the status along allowed steps only, and audits each step', async () => {
    const t = await arrangeInbox()
    const report = await t.file()
    const admin = t.as(t.sessions.admin)
    const asked = await admin.post(`/reports/${report.id}/messages`, {
      body: 'Kapan tepatnya unggahan itu dibagikan?',
      askForInfo: true,
    })
    expect(asked.statusCode).toBe(201)
    expect(asked.json()).toMatchObject({ status: 'needs_info' })
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${report.receipt}` })
    expect(status.json()).toMatchObject({
      status: 'needs_info',
      messages: [{ from: 'staff', body: 'Kapan tepatnya unggahan itu dibagikan?' }],
    })
    // The reporter answers: back in review.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${report.receipt}/messages`,
      payload: { body: 'Tanggal 20 November pagi.' },
    })
    const detail = (await admin.get(`/reports/${report.id}`)).json()
    expect(detail.status).toBe('in_review')
    expect(detail.messages[0].staffUser).toEqual({
      id: t.accounts.admin.user.id,
      displayName: t.accounts.admin.user.displayName,
    })

    const move = (to: string) => admin.post(`/reports/${report.id}/status`, { status: to, note: 'catatan' })
    const refused = await move('in_review')
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toEqual({
      error: { code: 'report.status_invalid', details: { from: 'in_review', to: 'in_review' } },
    })
    expect((await move('forwarded')).json()).toEqual({
      status: 'forwarded',
      statusLabel: 'Diteruskan ke penanganan',
    })
    expect((await move('rejected')).statusCode).toBe(409)
    expect(
      (await admin.post(`/reports/${report.id}/messages`, { body: 'Ada lagi?', askForInfo: true }))
        .statusCode,
    ).toBe(409)
    expect((await move('closed')).statusCode).toBe(200)
    expect((await move('received')).statusCode).toBe(400)
    expect(
      (await admin.post(`/reports/${report.id}/status`, { status: 'closed', extra: 1 })).statusCode,
    ).toBe(400)

    const actions = (await t.auditOf(report.id)).map((a) => a.action)
    expect(actions.filter((a) => a !== 'report.viewed')).toEqual([
      'report.submitted',
      'report.info_requested',
      'report.reporter_message',
      'report.status_changed',
      'report.status_changed',
    ])
    const sealed = await t.db.selectFrom('reportMessages').select('bodySealed').execute()
    expect(JSON.stringify(sealed)).not.toContain('Kapan')
  })

  it('merges duplicates without chains and tells the reporter', async () => {
    const t = await arrangeInbox()
    const a = await t.file()
    const b = await t.file()
    const c = await t.file()
    const foreign = await t.file({ agencySlug: 'kota-lain' })
    const admin = t.as(t.sessions.admin)
    const mark = (id: string, of: string) => admin.post(`/reports/${id}/duplicate`, { of })
    const reason = async (id: string, of: string) => (await mark(id, of)).json().error?.details?.reason
    expect(await reason(a.id, a.id)).toBe('self')
    expect(await reason(a.id, foreign.id)).toBe('target_not_found')

    expect((await mark(c.id, b.id)).json()).toMatchObject({
      status: 'duplicate',
      duplicateOf: { id: b.id, reportNumber: b.reportNumber },
    })
    // A chain is refused, naming the target and the report it was merged into (to pick instead).
    expect((await mark(a.id, c.id)).json().error).toEqual({
      code: 'report.duplicate_invalid',
      details: {
        reason: 'target_is_duplicate',
        reportNumber: c.reportNumber,
        duplicateOf: { id: b.id, reportNumber: b.reportNumber },
      },
    })
    // b merged into a: c, merged into b, now points at a (no chain).
    expect((await mark(b.id, a.id)).statusCode).toBe(200)
    const rows = await t.db
      .selectFrom('reports')
      .select(['id', 'duplicateOf', 'status'])
      .where('id', 'in', [a.id, b.id, c.id])
      .execute()
    expect(Object.fromEntries(rows.map((r) => [r.id, r.duplicateOf]))).toEqual({
      [a.id]: null,
      [b.id]: a.id,
      [c.id]: a.id,
    })
    const merged = (await admin.get(`/reports/${a.id}`)).json()
    expect(merged.duplicates.map((d: { id: string }) => d.id).sort()).toEqual([b.id, c.id].sort())
    // The merged reports (same person and unit) are listed as duplicates, not again as related.
    expect(merged.related.map((r: { id: string }) => r.id)).toEqual([])
    expect((await admin.get(`/reports/${b.id}`)).json().related.map((r: { id: string }) => r.id)).toEqual([
      c.id,
    ])
    // The inbox counts them the same way.
    const listed = (await admin.get('/reports?pageSize=100')).json<{
      items: { id: string; related: number }[]
    }>()
    expect(
      Object.fromEntries(listed.items.filter((i) => i.id !== foreign.id).map((i) => [i.id, i.related])),
    ).toEqual({
      [a.id]: 0,
      [b.id]: 1,
      [c.id]: 1,
    })
    // Merging a report into one merged into it: refused, the answer says it went into this very report.
    expect((await mark(a.id, b.id)).json().error.details).toEqual({
      reason: 'target_is_duplicate',
      reportNumber: b.reportNumber,
      duplicateOf: { id: a.id, reportNumber: a.reportNumber },
    })
    expect((await mark(b.id, a.id)).json().error.code).toBe('report.status_invalid')

    const status = await t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${c.receipt}` })
    expect(status.json()).toMatchObject({
      status: 'duplicate',
      statusLabel: 'Digabung dengan laporan lain tentang kejadian yang sama',
    })
    // Undoing a merge: back in review, no longer pointing anywhere.
    expect((await admin.post(`/reports/${c.id}/status`, { status: 'in_review' })).statusCode).toBe(200)
    expect((await admin.get(`/reports/${c.id}`)).json()).toMatchObject({
      duplicateOf: null,
      status: 'in_review',
    })
  })

  it('makes no chain when two officers merge two reports into each other at the same moment', async () => {
    const t = await arrangeInbox()
    const admin = t.as(t.sessions.admin)
    for (let round = 0; round < 3; round += 1) {
      const a = await t.file()
      const b = await t.file()
      const answers = await Promise.all([
        admin.post(`/reports/${a.id}/duplicate`, { of: b.id }),
        admin.post(`/reports/${b.id}/duplicate`, { of: a.id }),
      ])
      const refused = answers.filter((r) => r.statusCode !== 200)
      expect(refused).toHaveLength(1)
      // The second finds its target merged (422), or itself already merged into the other (409).
      expect(['report.duplicate_invalid', 'report.status_invalid']).toContain(refused[0]!.json().error.code)
      const rows = await t.db
        .selectFrom('reports')
        .select(['id', 'duplicateOf'])
        .where('id', 'in', [a.id, b.id])
        .execute()
      // Exactly one points at the other, and that one points nowhere.
      const merged = rows.filter((r) => r.duplicateOf !== null)
      expect(merged).toHaveLength(1)
      expect(rows.find((r) => r.id === merged[0]!.duplicateOf)?.duplicateOf).toBeNull()
    }
  })

  it('suggests employees by NIP, then name and unit, links one, and finds related reports', async () => {
    const t = await arrangeInbox()
    const unit = await insertUnit(t.context, t.agency.id, { name: 'Dinas Pendidikan' })
    const elsewhere = await insertUnit(t.context, t.agency.id, { name: 'Dinas Kesehatan' })
    const byNip = await insertRosterEmployee(t.context, elsewhere, { name: 'Bambang Sutrisno' })
    const sameName = await insertRosterEmployee(t.context, unit, { name: 'Budi Santoso' })
    const nameOnly = await insertRosterEmployee(t.context, elsewhere, { name: 'Budi Santoso' })
    const partial = await insertRosterEmployee(t.context, unit, { name: 'Budi Hartono' })
    const otherAgencyUnit = await insertUnit(t.context, t.otherAgency.id, { name: 'Dinas Pendidikan' })
    await insertRosterEmployee(t.context, otherAgencyUnit, { name: 'Budi Santoso' })

    const report = await t.file({
      reportedPerson: { name: 'budi  SANTOSO', nip: byNip.nip, unitName: 'Dinas Pendidikan' },
      links: ['https://www.tiktok.com/@guru.budi/video/1?utm_source=wa'],
    })
    const samePerson = await t.file({
      reportedPerson: { name: 'Budi Santoso', unitName: 'dinas pendidikan' },
    })
    const sameLink = await t.file({
      reportedPerson: { name: 'Seseorang' },
      links: ['https://tiktok.com/@guru.budi/video/1'],
    })
    t.clock.advance(100 * 86_400_000)
    const tooLate = await t.file({ reportedPerson: { name: 'Budi Santoso', unitName: 'Dinas Pendidikan' } })
    await t.signInAgain()

    const admin = t.as(t.sessions.admin)
    const suggestions = (await admin.get(`/reports/${report.id}/employee-suggestions`)).json<{
      items: { employeeId: string; reason: string }[]
    }>().items
    expect(suggestions.slice(0, 4).map((s) => [s.employeeId, s.reason])).toEqual([
      [byNip.id, 'nip'],
      [sameName.id, 'name_unit'],
      [nameOnly.id, 'name'],
      [partial.id, 'partial_name_unit'],
    ])

    const related = (await admin.get(`/reports/${report.id}`)).json<{
      related: { id: string; reasons: string[] }[]
    }>().related
    expect(related.map((r) => [r.id, r.reasons])).toEqual([
      [sameLink.id, ['link']],
      [samePerson.id, ['person']],
    ])
    const listed = (await admin.get('/reports')).json<ListBody>().items
    expect(Object.fromEntries(listed.map((i) => [i.id, i.related]))).toEqual({
      [report.id]: 2,
      [samePerson.id]: 1,
      [sameLink.id]: 1,
      [tooLate.id]: 0,
    })
    const hashes = await t.db.selectFrom('reportLinks').selectAll().execute()
    expect(hashes).toHaveLength(2)
    expect(JSON.stringify(hashes)).not.toContain('tiktok')

    // Linking the employee: tooLate is outside the window even for the same employee.
    const link = await admin.post(`/reports/${report.id}/reported-employee`, { employeeId: sameName.id })
    expect(link.json()).toEqual({
      reportedEmployee: {
        id: sameName.id,
        name: 'Budi Santoso',
        nip: sameName.nip,
        unitName: 'Dinas Pendidikan',
      },
    })
    await admin.post(`/reports/${tooLate.id}/reported-employee`, { employeeId: sameName.id })
    expect((await admin.get(`/reports/${report.id}`)).json().related).toHaveLength(2)
    const foreignEmployee = await insertRosterEmployee(t.context, otherAgencyUnit, { name: 'Asing' })
    expect(
      (await admin.post(`/reports/${report.id}/reported-employee`, { employeeId: foreignEmployee.id })).json()
        .error.code,
    ).toBe('report.employee_invalid')
    expect(
      (await admin.post(`/reports/${report.id}/reported-employee`, { employeeId: null })).json(),
    ).toEqual({
      reportedEmployee: null,
    })
    const actions = (await t.auditOf(report.id)).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['report.employee_linked', 'report.employee_unlinked']))
  })
})

describe('staff inbox: channel references, sort and Excel export', () => {
  it('shows the channel’s ticket number in the list and the detail, and finds a report by it exactly', async () => {
    const t = await arrangeInbox()
    const web = await t.file({ reportedPerson: { name: 'Budi Santoso' } })
    const lapor = await t.fileViaChannel('LAPOR-2026-0001234', { reportedPerson: { name: 'Siti Aminah' } })
    const admin = t.as(t.sessions.admin)

    const items = (await admin.get('/reports')).json<ListBody>().items
    expect(items.map((i) => [i.id, i.channel, i.externalRef])).toEqual([
      [lapor.id, 'lapor', 'LAPOR-2026-0001234'],
      [web.id, 'public_form', null],
    ])
    expect((await admin.get(`/reports/${lapor.id}`)).json()).toMatchObject({
      channel: 'lapor',
      externalRef: 'LAPOR-2026-0001234',
    })

    const ids = async (query: string) =>
      (await admin.get(`/reports?${query}`)).json<ListBody>().items.map((i) => i.id)
    expect(await ids('q=LAPOR-2026-0001234')).toEqual([lapor.id])
    expect(await ids(`q=${encodeURIComponent(' LAPOR-2026-0001234 ')}`)).toEqual([lapor.id])
    // Exact only: a part of the ticket number is not a reference anyone quotes.
    expect(await ids('q=0001234')).toEqual([])
    // Another agency never finds it, even by its exact reference.
    expect(
      (await t.as(t.sessions.otherAdmin).get('/reports?q=LAPOR-2026-0001234')).json<ListBody>().total,
    ).toBe(0)
  })

  it('sorts newest first, oldest first or by the latest reporter message, and refuses an unknown sort', async () => {
    const t = await arrangeInbox()
    const a = await t.file()
    const b = await t.file()
    const c = await t.file()
    t.clock.advance(60_000)
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${a.receipt}/messages`,
      payload: { body: 'Ada bukti baru.' },
    })
    const admin = t.as(t.sessions.admin)
    const list = async (query: string) => (await admin.get(`/reports?${query}`)).json<ListBody>().items
    const ids = async (query: string) => (await list(query)).map((i) => i.id)

    expect(await ids('')).toEqual([c.id, b.id, a.id])
    expect(await ids('sort=newest')).toEqual([c.id, b.id, a.id])
    expect(await ids('sort=oldest')).toEqual([a.id, b.id, c.id])
    expect(await ids('sort=last_reporter_message')).toEqual([a.id, c.id, b.id])
    expect(await ids('sort=oldest&pageSize=1&page=2')).toEqual([b.id])
    const byReporter = await list('sort=last_reporter_message')
    expect(byReporter[0]?.lastReporterMessageAt).toBe(t.clock.now().toISOString())
    expect(byReporter[1]?.lastReporterMessageAt).toBeNull()

    const refused = await admin.get('/reports?sort=terbaru')
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.code).toBe('request.invalid')
  })

  it('exports the filtered list as XLSX with Indonesian headers, audited, for report readers only', async () => {
    const t = await arrangeInbox()
    const unit = await insertUnit(t.context, t.agency.id, { name: 'Dinas Pendidikan' })
    const first = await t.file({
      categoryCode: 'KE-04',
      reportedPerson: { name: 'Budi Santoso', unitId: unit.id },
    })
    const lapor = await t.fileViaChannel('LAPOR-2026-0000042', {
      reportedPerson: { name: '=HYPERLINK("http://x")', unitName: 'Kecamatan Utara' },
    })
    const closed = await t.file({ reportedPerson: { name: 'Agus Salim' } })
    await t.file({ agencySlug: 'kota-lain', reportedPerson: { name: 'Orang Kota Lain' } })
    const admin = t.as(t.sessions.admin)
    expect((await admin.post(`/reports/${closed.id}/status`, { status: 'rejected' })).statusCode).toBe(200)

    const response = await admin.get('/reports/export.xlsx?sort=oldest&status=received')
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="laporan-masuk-2026-03-02.xlsx"',
    )
    expect(response.headers['x-netra-export-truncated']).toBe('false')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Laporan')
    const values = (rowNumber: number) =>
      ((sheet?.getRow(rowNumber).values ?? []) as unknown[]).slice(1).map((v) => (v === null ? '' : v))
    expect(values(1)).toEqual([
      'Nomor',
      'Tanggal masuk',
      'Status',
      'Kategori',
      'Unit',
      'Kanal',
      'No. rujukan kanal',
      'Terlapor (nama)',
    ])
    expect(sheet?.rowCount).toBe(3)
    const [number, receivedAt, status, category, unitName, channel, ref, name] = values(2)
    expect([number, status, unitName, channel, ref, name]).toEqual([
      first.reportNumber,
      'Baru diterima',
      'Dinas Pendidikan',
      'Formulir publik',
      '',
      'Budi Santoso',
    ])
    expect(category).toMatch(/^KE-04 · \S/)
    // Filed at 03:01Z = 10:01 WIB: the cell holds the agency's wall clock.
    expect((receivedAt as Date).toISOString()).toBe('2026-03-02T10:01:00.000Z')
    expect(values(3)).toEqual([
      lapor.reportNumber,
      expect.any(Date),
      'Baru diterima',
      expect.any(String),
      'Kecamatan Utara',
      'SP4N-LAPOR!',
      'LAPOR-2026-0000042',
      // Text a spreadsheet would run as a formula is marked as text.
      `'=HYPERLINK("http://x")`,
    ])
    const about = workbook.getWorksheet('Keterangan')
    expect(about?.getRow(1).values).toEqual([undefined, 'Saringan', 'status Baru diterima'])
    expect(about?.getRow(2).values).toEqual([undefined, 'Urutan', 'Terlama di atas'])
    expect(about?.getRow(3).values).toEqual([undefined, 'Jumlah laporan', 2])
    expect(JSON.stringify(about?.getSheetValues())).not.toContain('PERHATIAN')

    const exported = await t.db
      .selectFrom('auditEvents')
      .select(['actorLabel', 'agencyId', 'entityId', 'summary'])
      .where('action', '=', 'report.list_exported')
      .execute()
    expect(exported).toHaveLength(1)
    expect(exported[0]).toMatchObject({
      actorLabel: t.accounts.admin.username,
      agencyId: t.agency.id,
      entityId: null,
    })
    expect(JSON.parse(exported[0]?.summary ?? '{}')).toEqual({
      format: 'xlsx',
      filters: { status: 'received', sort: 'oldest' },
      rows: 2,
      total: 2,
      truncated: false,
    })

    // Same filters as the list: the reference search, another agency's reports never.
    const search = await admin.get('/reports/export.xlsx?q=LAPOR-2026-0000042')
    const searched = new ExcelJS.Workbook()
    await searched.xlsx.load(search.rawPayload as unknown as ArrayBuffer)
    expect(searched.getWorksheet('Laporan')?.getColumn(1).values.slice(1)).toEqual([
      'Nomor',
      lapor.reportNumber,
    ])
    const all = new ExcelJS.Workbook()
    await all.xlsx.load((await admin.get('/reports/export.xlsx')).rawPayload as unknown as ArrayBuffer)
    expect(all.getWorksheet('Laporan')?.rowCount).toBe(4)
    expect(JSON.stringify(all.getWorksheet('Laporan')?.getSheetValues())).not.toContain('Orang Kota Lain')

    const badSort = await admin.get('/reports/export.xlsx?sort=acak')
    expect(badSort.statusCode).toBe(400)
    expect(badSort.json().error.code).toBe('request.invalid')
    expect((await admin.get('/reports/export.xlsx?page=2')).statusCode).toBe(400)
    const forbidden = await t.as(t.sessions.decisionMaker).get('/reports/export.xlsx')
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().error.code).toBe('auth.forbidden')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/export.xlsx' })).statusCode).toBe(401)

    const docs = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json()
    expect(docs.paths['/api/v1/reports/export.xlsx']?.get?.summary).toContain('Excel')
  })
})
