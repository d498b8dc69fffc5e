import { describe, expect, it } from 'vitest'
import { insertAgency, insertEmployee, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'

describe('purgeEndedSessions', () => {
  it('forgets sessions that ended more than a day ago, keeps live ones, and audits the run', async () => {
    const clock = fixedClock('2026-03-03T01:00:00.000Z')
    const { app, context } = await createTestApp({ clock })
    const agency = await insertAgency(context)
    const account = await insertEmployee(context, agency.id)
    const old = await signIn(app, context, account)
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: old.cookie } })
    clock.advance(25 * 3_600_000)
    const live = await signIn(app, context, account)

    expect(await context.services.auth.purgeEndedSessions()).toBe(1)
    expect(await context.services.auth.purgeEndedSessions()).toBe(0)
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: live.headers })).statusCode,
    ).toBe(200)
    const purges = await context.database.db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'auth.sessions_purged')
      .execute()
    expect(purges.map((row) => JSON.parse(row.summary).deleted)).toEqual([1])
  })
})
