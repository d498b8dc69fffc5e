import { describe, expect, it } from 'vitest'
import { insertAccount, insertAgency, insertAgencyAdmin, signIn } from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'
import { createAgency } from '../agencies/agencies.service.js'
import { systemActor } from '../audit/audit.service.js'

interface Holiday {
  fallsOn: string
  name: string
  source: string
  entryId: string | null
  electionId: string | null
}

async function adminApp(now = '2024-03-01T03:00:00.000Z') {
  const { app, context } = await createTestApp({ clock: fixedClock(now) })
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers })
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload })
  const del = (url: string) =>
    app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: session.headers })
  const dueOn = async (from: string, add: number) =>
    (await get(`/calendar/working-days?from=${from}&add=${add}`)).json().dueOn as string
  return { app, context, agency, session, get, post, del, dueOn }
}

const onDay = (holidays: Holiday[], day: string) =>
  holidays.filter((h) => h.fallsOn === day).map((h) => [h.source, h.name])

describe('GET /api/v1/calendar', () => {
  it('lists the national holidays and cuti bersama of the year with their source', async () => {
    const { get, agency } = await adminApp()
    const response = await get('/calendar?year=2024')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      agencyId: agency.id,
      year: 2024,
      timeZone: 'Asia/Jakarta',
      today: '2024-03-01',
      nationalDataAvailable: true,
      removed: [],
      entries: [],
    })
    expect(body.nationalSource).toMatch(/SKB/)
    expect(onDay(body.holidays, '2024-04-10')).toEqual([['national', 'Hari Raya Idul Fitri 1445 Hijriah']])
    expect(onDay(body.holidays, '2024-04-08')).toEqual([
      ['cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'],
    ])
    expect(body.holidays).toHaveLength(29)
  })

  it('adds the voting days of the agency’s elections, next to the national day when there is one', async () => {
    const { get, post } = await adminApp()
    const pemilu = (
      await post('/elections', { type: 'PEMILU', name: 'Pemilihan Umum 2024', votingOn: '2024-02-14' })
    ).json()
    const local = (
      await post('/elections', {
        type: 'PILKADA',
        name: 'Pemungutan Suara Ulang Kota Uji',
        regionCode: '32.73',
        votingOn: '2025-07-09',
      })
    ).json()
    const year2024 = (await get('/calendar?year=2024')).json()
    expect(year2024.holidays.filter((h: Holiday) => h.fallsOn === '2024-02-14')).toEqual([
      expect.objectContaining({ source: 'national' }),
      {
        fallsOn: '2024-02-14',
        name: 'Pemilihan Umum 2024',
        source: 'election',
        entryId: null,
        electionId: pemilu.id,
      },
    ])
    const year2025 = (await get('/calendar?year=2025')).json()
    expect(onDay(year2025.holidays, '2025-07-09')).toEqual([['election', 'Pemungutan Suara Ulang Kota Uji']])
    expect(year2025.holidays.find((h: Holiday) => h.fallsOn === '2025-07-09').electionId).toBe(local.id)
  })

  it('still answers for a year without national data, with only the agency’s own days', async () => {
    const { get, post } = await adminApp()
    await post('/calendar/entries', { fallsOn: '2027-04-01', kind: 'holiday', name: 'Hari Jadi Kota Uji' })
    const body = (await get('/calendar?year=2027')).json()
    expect(body).toMatchObject({ nationalDataAvailable: false, nationalSource: null })
    expect(body.holidays.map((h: Holiday) => [h.fallsOn, h.source])).toEqual([['2027-04-01', 'agency']])
  })

  it.each(['/calendar', '/calendar?year=1999', '/calendar?year=2024&month=1'])(
    'answers 400 for %s',
    async (url) => {
      const { get } = await adminApp()
      expect((await get(url)).statusCode).toBe(400)
    },
  )
})

describe('POST and DELETE /api/v1/calendar/entries', () => {
  it('adds an agency holiday that the calendar and the due dates then count, and audits it', async () => {
    const { get, post, del, dueOn, context } = await adminApp()
    expect(await dueOn('2025-07-14', 1)).toBe('2025-07-15')
    const created = await post('/calendar/entries', {
      fallsOn: '2025-07-15',
      kind: 'holiday',
      name: 'Hari Jadi Kota Uji',
    })
    expect(created.statusCode).toBe(201)
    const entry = created.json()
    expect(entry).toMatchObject({ fallsOn: '2025-07-15', kind: 'holiday', name: 'Hari Jadi Kota Uji' })
    const calendar = (await get('/calendar?year=2025')).json()
    expect(calendar.holidays.find((h: Holiday) => h.fallsOn === '2025-07-15')).toEqual({
      fallsOn: '2025-07-15',
      name: 'Hari Jadi Kota Uji',
      source: 'agency',
      entryId: entry.id,
      electionId: null,
    })
    expect(calendar.entries).toEqual([entry])
    expect(await dueOn('2025-07-14', 1)).toBe('2025-07-16')

    expect((await del(`/calendar/entries/${entry.id}`)).statusCode).toBe(204)
    expect(await dueOn('2025-07-14', 1)).toBe('2025-07-15')
    const actions = await context.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', entry.id)
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['calendar.entry_added', 'calendar.entry_removed'])
  })

  it('marks a cuti bersama day as a working day for the agency', async () => {
    const { get, post, dueOn } = await adminApp()
    expect(await dueOn('2024-04-05', 1)).toBe('2024-04-16')
    const created = await post('/calendar/entries', {
      fallsOn: '2024-04-12',
      kind: 'working_day',
      name: 'Pelayanan publik tetap buka',
    })
    expect(created.statusCode).toBe(201)
    const calendar = (await get('/calendar?year=2024')).json()
    expect(onDay(calendar.holidays, '2024-04-12')).toEqual([])
    expect(calendar.removed).toEqual([
      {
        fallsOn: '2024-04-12',
        name: 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah',
        source: 'cuti_bersama',
        entryId: created.json().id,
        electionId: null,
      },
    ])
    expect(await dueOn('2024-04-05', 1)).toBe('2024-04-12')
  })

  it.each([
    [{ fallsOn: '2024-04-10', kind: 'holiday', name: 'Libur Tambahan' }, 409, 'calendar.already_holiday'],
    [{ fallsOn: '2024-04-17', kind: 'working_day', name: 'Masuk' }, 422, 'calendar.not_a_holiday'],
    [{ fallsOn: '2024-06-01', kind: 'working_day', name: 'Masuk' }, 422, 'calendar.not_a_holiday'], // a Saturday
  ])('refuses %o with %i %s', async (payload, status, code) => {
    const { post } = await adminApp()
    const response = await post('/calendar/entries', payload)
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe(code)
  })

  it('allows one entry per day (409 calendar.entry_exists)', async () => {
    const { post } = await adminApp()
    const first = await post('/calendar/entries', {
      fallsOn: '2025-07-15',
      kind: 'holiday',
      name: 'Hari Jadi',
    })
    expect(first.statusCode).toBe(201)
    const second = await post('/calendar/entries', { fallsOn: '2025-07-15', kind: 'holiday', name: 'Lagi' })
    expect(second.statusCode).toBe(409)
    expect(second.json().error).toMatchObject({
      code: 'calendar.entry_exists',
      details: { entryId: first.json().id },
    })
  })

  it('hides another agency’s entries (404) and keeps readers from changing the calendar (403)', async () => {
    const { app, context, agency, post } = await adminApp()
    const entry = (
      await post('/calendar/entries', { fallsOn: '2025-07-15', kind: 'holiday', name: 'Hari Jadi' })
    ).json()
    const other = await insertAgency(context)
    const outsider = await signIn(app, context, await insertAgencyAdmin(context, other.id))
    const removal = await app.inject({
      method: 'DELETE',
      url: `/api/v1/calendar/entries/${entry.id}`,
      headers: outsider.headers,
    })
    expect(removal.statusCode).toBe(404)
    expect(removal.json().error.code).toBe('calendar.entry_not_found')
    const peek = await app.inject({
      method: 'GET',
      url: `/api/v1/calendar?year=2025&agencyId=${agency.id}`,
      headers: outsider.headers,
    })
    expect(peek.statusCode).toBe(404)
    const ownYear = await app.inject({
      method: 'GET',
      url: '/api/v1/calendar?year=2025',
      headers: outsider.headers,
    })
    expect(ownYear.json().entries).toEqual([])

    const examiner = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'examiner', agencyId: agency.id, unitId: null }],
      totp: true,
    })
    const session = await signIn(app, context, examiner)
    const read = await app.inject({
      method: 'GET',
      url: '/api/v1/calendar?year=2025',
      headers: session.headers,
    })
    expect(read.statusCode).toBe(200)
    expect(read.json().entries).toHaveLength(1)
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: session.headers,
      payload: { fallsOn: '2025-08-01', kind: 'holiday', name: 'Libur' },
    })
    expect(write.statusCode).toBe(403)
  })
})

describe('GET /api/v1/calendar/working-days', () => {
  it.each([
    ['2024-04-05', 1, '2024-04-16'],
    ['2024-12-24', 4, '2025-01-02'],
    ['2024-02-13', 1, '2024-02-15'],
    ['2024-11-26', 1, '2024-11-28'],
    ['2024-01-03', 0, '2024-01-03'],
  ])('from %s adds %i working days → %s', async (from, add, expected) => {
    const { dueOn } = await adminApp()
    expect(await dueOn(from, add)).toBe(expected)
  })

  it('lists the weekday holidays it skipped', async () => {
    const { get } = await adminApp()
    const body = (await get('/calendar/working-days?from=2024-04-05&add=1')).json()
    expect(body).toMatchObject({ from: '2024-04-05', add: 1, dueOn: '2024-04-16', timeZone: 'Asia/Jakarta' })
    expect(body.skipped.map((h: Holiday) => h.fallsOn)).toEqual([
      '2024-04-08',
      '2024-04-09',
      '2024-04-10',
      '2024-04-11',
      '2024-04-12',
      '2024-04-15',
    ])
  })

  it('starts from today in the agency’s time zone (WIB vs WIT) when no date is given', async () => {
    // 4 April 2024, 22:30 WIB = 5 April 2024, 00:30 WIT.
    const { app, context, session } = await adminApp('2024-04-04T15:30:00.000Z')
    const jakarta = await app.inject({
      method: 'GET',
      url: '/api/v1/calendar/working-days?add=1',
      headers: session.headers,
    })
    expect(jakarta.json()).toMatchObject({ from: '2024-04-04', dueOn: '2024-04-05' })

    const papua = await createAgency(context.database.db, context.clock, systemActor, {
      slug: 'kab-timur',
      name: 'Pemerintah Kabupaten Timur',
      kind: 'pemkab',
      timeZone: 'Asia/Jayapura',
    })
    const admin = await signIn(app, context, await insertAgencyAdmin(context, papua.id))
    const jayapura = await app.inject({
      method: 'GET',
      url: '/api/v1/calendar/working-days?add=1',
      headers: admin.headers,
    })
    expect(jayapura.json()).toMatchObject({
      timeZone: 'Asia/Jayapura',
      from: '2024-04-05',
      dueOn: '2024-04-16',
    })
  })

  it.each([
    '?from=2024-02-30&add=1',
    '?from=2024-01-03&add=-1',
    '?from=2024-01-03&add=1001',
    '?from=2024-01-03',
  ])('answers 400 for %s', async (query) => {
    const { get } = await adminApp()
    expect((await get(`/calendar/working-days${query}`)).statusCode).toBe(400)
  })
})

describe('calendar service dueDate', () => {
  it('counts election days of the agency and widens its window for long spans', async () => {
    const { context, agency, post } = await adminApp()
    await post('/elections', {
      type: 'PILKADA',
      name: 'PSU Kota Uji',
      regionCode: '32.73',
      votingOn: '2025-07-09',
    })
    const { calendar } = context.services
    expect(await calendar.dueDate(agency.id, '2025-07-08', 1)).toBe('2025-07-10')
    expect(await calendar.dueDate(agency.id, '2024-01-02', 500)).toBe(
      await calendar.dueDate(agency.id, await calendar.dueDate(agency.id, '2024-01-02', 250), 250),
    )
    await expect(calendar.dueDate(agency.id, '2025-02-29', 1)).rejects.toThrow('calendar.date_invalid')
    await expect(calendar.dueDate(agency.id, '2025-03-03', -2)).rejects.toThrow(
      'calendar.working_days_invalid',
    )
  })
})
