/**
 * Revealing a confidential reporter (issue #5 point 3): a reasoned request, a second officer's decision, the
 * identity shown to the requester only and only until the approval expires; every step audited.
 */
import { describe, expect, it } from 'vitest'
import { arrangeInbox } from './reports-staff.testing.js'

const reason = 'Pelapor perlu dimintai keterangan sebagai saksi dalam pemeriksaan.'

describe('reveal requests', () => {
  it('shows a confidential reporter to the requester only after a second officer approves, for 7 days', async () => {
    const t = await arrangeInbox()
    const report = await t.file({
      identityLevel: 'confidential',
      reporter: { name: 'Pelapor Rahasia', phone: '081234567890' },
    })
    const examiner = t.as(t.sessions.examiner)
    const admin = t.as(t.sessions.admin)
    const decisionMaker = t.as(t.sessions.decisionMaker)

    expect(
      (await examiner.post(`/reports/${report.id}/reveal-requests`, { reason: 'terlalu pendek' })).statusCode,
    ).toBe(400)
    const asked = await examiner.post(`/reports/${report.id}/reveal-requests`, { reason })
    expect(asked.statusCode).toBe(201)
    const request = asked.json<{ id: string }>()
    expect(asked.json()).toMatchObject({
      status: 'pending',
      reason,
      reportNumber: report.reportNumber,
      requestedBy: { id: t.accounts.examiner.user.id },
      canDecide: false,
    })
    expect((await examiner.post(`/reports/${report.id}/reveal-requests`, { reason })).json().error.code).toBe(
      'report.reveal_pending',
    )
    // The examiner cannot decide at all; the requester's own decision is refused even with the right role.
    expect((await examiner.post(`/reveal-requests/${request.id}/approve`)).statusCode).toBe(403)
    const ownAsk = await admin.post(`/reports/${report.id}/reveal-requests`, { reason })
    expect((await admin.post(`/reveal-requests/${ownAsk.json().id}/approve`)).json().error.code).toBe(
      'report.reveal_self_approval',
    )
    // Another agency's approver does not see it.
    expect(
      (await t.as(t.sessions.otherAdmin).post(`/reveal-requests/${request.id}/approve`)).statusCode,
    ).toBe(404)

    const pending = (await decisionMaker.get('/reveal-requests')).json<{
      items: { id: string; canDecide: boolean }[]
    }>()
    expect(pending.items.map((i) => [i.id, i.canDecide])).toEqual([
      [ownAsk.json().id, true],
      [request.id, true],
    ])
    const approved = await decisionMaker.post(`/reveal-requests/${request.id}/approve`, {
      note: 'Disetujui.',
    })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: t.accounts.decisionMaker.user.id },
      decisionNote: 'Disetujui.',
      expiresAt: '2026-03-09T03:01:00.000Z',
    })
    expect((await decisionMaker.post(`/reveal-requests/${request.id}/reject`)).json().error.code).toBe(
      'report.reveal_not_pending',
    )
    expect((await decisionMaker.post(`/reveal-requests/${ownAsk.json().id}/reject`)).json().status).toBe(
      'rejected',
    )

    const seen = (await examiner.get(`/reports/${report.id}`)).json()
    expect(seen.reporter).toEqual({ name: 'Pelapor Rahasia', phone: '081234567890' })
    expect(seen.reporterRevealedUntil).toBe('2026-03-09T03:01:00.000Z')
    // Nobody else: not the admin (rejected), not the approver.
    expect((await admin.get(`/reports/${report.id}`)).body).not.toContain('Pelapor Rahasia')
    expect((await t.as(t.sessions.decisionMaker).get(`/reports/${report.id}`)).statusCode).toBe(403)

    const listed = (await examiner.get(`/reports/${report.id}/reveal-requests`)).json<{
      items: { status: string }[]
    }>()
    expect(listed.items.map((i) => i.status)).toEqual(['rejected', 'approved'])

    // Seven days later the approval has run out.
    t.clock.advance(7 * 86_400_000)
    await t.signInAgain()
    const later = (await t.as(t.sessions.examiner).get(`/reports/${report.id}`)).json()
    expect(later.reporter).toBeNull()
    expect(
      (await t.as(t.sessions.examiner).get(`/reports/${report.id}/reveal-requests`)).json().items[1].status,
    ).toBe('expired')

    const audit = await t.auditOf(report.id)
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('report.reveal'))).toEqual([
      'report.reveal_requested',
      'report.reveal_requested',
      'report.reveal_approved',
      'report.reveal_rejected',
    ])
    const views = audit
      .filter((a) => a.action === 'report.viewed')
      .map((a) => JSON.parse(a.summary).reporterShown)
    expect(views).toEqual([true, false, false])
    expect(JSON.stringify(audit)).not.toMatch(/Pelapor|saksi|0812/)
    const stored = await t.db.selectFrom('reportRevealRequests').selectAll().execute()
    expect(JSON.stringify(stored)).not.toMatch(/saksi|Disetujui/)
  })

  it('refuses a reveal for anonymous and named reports, and for reports of another agency', async () => {
    const t = await arrangeInbox()
    const anonymous = await t.file()
    const named = await t.file({ identityLevel: 'named', reporter: { name: 'Warga Bernama' } })
    const admin = t.as(t.sessions.admin)
    for (const id of [anonymous.id, named.id])
      expect((await admin.post(`/reports/${id}/reveal-requests`, { reason })).json().error.code).toBe(
        'report.reveal_not_confidential',
      )
    expect(
      (await t.as(t.sessions.otherAdmin).post(`/reports/${anonymous.id}/reveal-requests`, { reason }))
        .statusCode,
    ).toBe(404)
    expect(
      (await t.as(t.sessions.otherAdmin).get(`/reports/${anonymous.id}/reveal-requests`)).statusCode,
    ).toBe(404)
    expect((await t.as(t.sessions.otherAdmin).get('/reveal-requests')).json()).toEqual({ items: [] })
  })
})
