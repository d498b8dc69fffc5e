/**
 * Arrange helpers of the staff inbox tests: two agencies with their officers, reports filed through the public API
 * or the channel API (so they are sealed, numbered and stored exactly as a reporter's or a channel's), on a clock
 * the test moves.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { insertAccount, insertAgency, insertAgencyAdmin, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'
import { multipart, validReport } from './reports.testing.js'

export async function arrangeInbox() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-inbox-'))
  const clock = fixedClock('2026-03-02T03:00:00.000Z')
  const t = await createTestApp({ env: { DATA_DIR: dataDir }, clock })
  const { app, context } = t
  const agency = await insertAgency(context, { slug: 'kota-contoh', name: 'Pemerintah Kota Contoh' })
  const otherAgency = await insertAgency(context, { slug: 'kota-lain', name: 'Pemerintah Kota Lain' })
  const staff = (role: 'examiner' | 'decision_maker', agencyId = agency.id) =>
    insertAccount(context, { agencyId, assignments: [{ role, agencyId, unitId: null }], totp: true })
  const accounts = {
    admin: await insertAgencyAdmin(context, agency.id),
    examiner: await staff('examiner'),
    decisionMaker: await staff('decision_maker'),
    otherAdmin: await insertAgencyAdmin(context, otherAgency.id),
  }
  const sessions = {
    admin: await signIn(app, context, accounts.admin),
    examiner: await signIn(app, context, accounts.examiner),
    decisionMaker: await signIn(app, context, accounts.decisionMaker),
    otherAdmin: await signIn(app, context, accounts.otherAdmin),
  }
  const db = context.database.db
  /** Signs everyone in again (after the clock moved past the session lifetime). */
  async function signInAgain() {
    for (const key of Object.keys(accounts) as (keyof typeof accounts)[])
      sessions[key] = await signIn(app, context, accounts[key])
  }

  /** Files a report (JSON or with files) one minute after the previous one; returns its id, number and receipt. */
  async function file(
    overrides: Record<string, unknown> = {},
    files: readonly { data: Buffer; filename: string; contentType: string }[] = [],
  ) {
    clock.advance(60_000)
    const body = validReport(overrides)
    const response =
      files.length === 0
        ? await app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: body })
        : await app.inject({
            method: 'POST',
            url: '/api/v1/public/reports',
            ...(() => {
              const m = multipart([
                { name: 'report', value: JSON.stringify(body), contentType: 'application/json' },
                ...files.map((f) => ({ name: 'files', ...f })),
              ])
              return { payload: m.payload, headers: m.headers }
            })(),
          })
    if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`)
    const { receipt, reportNumber } = response.json<{ receipt: string; reportNumber: string }>()
    const row = await db
      .selectFrom('reports')
      .select('id')
      .where('reportNumber', '=', reportNumber)
      .where(
        'agencyId',
        '=',
        (
          await db
            .selectFrom('agencies')
            .select('id')
            .where(
              'slug',
              '=',
              typeof overrides.agencySlug === 'string' ? overrides.agencySlug : 'kota-contoh',
            )
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow()
    return { id: row.id, reportNumber, receipt }
  }

  let channelToken: string | null = null
  /** Files a report through the channel API (SP4N-LAPOR!) with the channel's ticket number, one minute later. */
  async function fileViaChannel(externalRef: string, overrides: Record<string, unknown> = {}) {
    clock.advance(60_000)
    if (channelToken === null) {
      const key = await app.inject({
        method: 'POST',
        url: '/api/v1/intake/channel-keys',
        headers: sessions.admin.headers,
        payload: { channel: 'lapor', label: 'Integrasi LAPOR!' },
      })
      if (key.statusCode !== 201) throw new Error(`channel key failed: ${key.statusCode} ${key.body}`)
      channelToken = key.json<{ token: string }>().token
    }
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/intake/reports',
      headers: { authorization: `Bearer ${channelToken}`, 'idempotency-key': externalRef },
      payload: validReport({ externalRef, ...overrides }),
    })
    if (response.statusCode !== 201)
      throw new Error(`handover failed: ${response.statusCode} ${response.body}`)
    return response.json<{ id: string; reportNumber: string }>()
  }

  const as = (session: { headers: Record<string, string> }) => ({
    get: (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers }),
    post: (url: string, payload: object = {}) =>
      app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload }),
  })

  const auditOf = (entityId: string) =>
    db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel', 'summary'])
      .where('entityId', '=', entityId)
      .orderBy('seq')
      .execute()

  return {
    ...t,
    db,
    clock,
    dataDir,
    agency,
    otherAgency,
    accounts,
    sessions,
    signInAgain,
    file,
    fileViaChannel,
    as,
    auditOf,
  }
}
