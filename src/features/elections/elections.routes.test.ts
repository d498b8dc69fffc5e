import { describe, expect, it } from 'vitest'
import {
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  insertUnit,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'

/** 1 Feb 2024, 10:00 WIB: Pemilu 2024 is in its campaign period. */
const duringPemilu = '2024-02-01T03:00:00.000Z'

const pemiluBody = {
  type: 'PEMILU',
  name: 'Pemilihan Umum 2024',
  votingOn: '2024-02-14',
  campaignStartsOn: '2023-11-28',
  campaignEndsOn: '2024-02-10',
  quietStartsOn: '2024-02-11',
  quietEndsOn: '2024-02-13',
  candidateDesignatedOn: '2023-11-13',
  stages: [
    {
      name: 'Pendaftaran pasangan calon',
      kind: 'registration',
      startsOn: '2023-10-19',
      endsOn: '2023-10-25',
    },
    { name: 'Masa kampanye', kind: 'campaign', startsOn: '2023-11-28', endsOn: '2024-02-10' },
    { name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-02-14', endsOn: '2024-02-14' },
  ],
}

const pilkadaBody = {
  type: 'PILKADA',
  name: 'Pilkada Kota Uji 2024',
  regionCode: '32.73',
  votingOn: '2024-11-27',
  campaignStartsOn: '2024-09-25',
  campaignEndsOn: '2024-11-23',
  candidateDesignatedOn: '2024-09-22',
}

async function adminApp(now = duringPemilu) {
  const { app, context } = await createTestApp({ clock: fixedClock(now) })
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.headers, payload })
  const patch = (url: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: session.headers, payload })
  const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers })
  const del = (url: string) =>
    app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: session.headers })
  return { app, context, agency, admin, session, post, patch, get, del }
}

describe('POST /api/v1/elections', () => {
  it('creates an election with its stages in the admin’s agency, tells its phase today, and audits it', async () => {
    const { context, agency, post } = await adminApp()
    const response = await post('/elections', pemiluBody)
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({
      agencyId: agency.id,
      type: 'PEMILU',
      regionCode: null,
      votingOn: '2024-02-14',
      today: '2024-02-01',
      phase: 'running',
      isCurrent: true,
      currentStage: { name: 'Masa kampanye', kind: 'campaign', position: 1 },
      candidateStatusToday: 'calon',
      parties: [],
      candidates: [],
    })
    expect(body.stages.map((s: { kind: string }) => s.kind)).toEqual(['registration', 'campaign', 'voting'])
    const audit = await context.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'election.created')
      .where('entityId', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(audit.agencyId).toBe(agency.id)
    expect(JSON.parse(audit.summary)).toMatchObject({
      after: { name: 'Pemilihan Umum 2024', votingOn: '2024-02-14' },
    })
  })

  it('answers 422 election.dates_invalid naming each inconsistent field, and writes nothing', async () => {
    const { context, post } = await adminApp()
    const response = await post('/elections', {
      ...pemiluBody,
      campaignEndsOn: '2024-02-20',
      stages: [{ name: 'Tahap terbalik', kind: 'other', startsOn: '2023-05-02', endsOn: '2023-05-01' }],
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({
      code: 'election.dates_invalid',
      details: {
        issues: expect.arrayContaining([
          { field: 'campaignEndsOn', problem: 'not_before_voting' },
          { field: 'stages.0.endsOn', problem: 'ends_before_start' },
        ]),
      },
    })
    expect(await context.database.db.selectFrom('elections').select('id').execute()).toEqual([])
  })

  it.each([
    [{ regionCode: null }, 'required'],
    [{ regionCode: '3273' }, 'format'],
  ])('answers 422 election.region_invalid for a PILKADA with region %o', async (patch, problem) => {
    const { post } = await adminApp()
    const response = await post('/elections', { ...pilkadaBody, ...patch })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({ code: 'election.region_invalid', details: { problem } })
  })

  it.each([
    ['an unknown field', { ...pemiluBody, year: 2024 }],
    ['an impossible date', { ...pemiluBody, votingOn: '2024-02-30' }],
    [
      'an unknown stage kind',
      { ...pemiluBody, stages: [{ name: 'X', kind: 'party', startsOn: '2024-01-01', endsOn: '2024-01-02' }] },
    ],
  ])('answers 400 for %s', async (_label, payload) => {
    const { post } = await adminApp()
    const response = await post('/elections', payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('request.invalid')
  })
})

describe('GET /api/v1/elections', () => {
  it('lists the agency’s elections, marks the current one, and filters with current=true', async () => {
    const { post, get } = await adminApp('2024-06-01T03:00:00.000Z')
    await post('/elections', pemiluBody)
    await post('/elections', pilkadaBody)
    const all = await get('/elections')
    expect(all.statusCode).toBe(200)
    expect(
      all
        .json()
        .items.map((e: { name: string; phase: string; isCurrent: boolean }) => [
          e.name,
          e.phase,
          e.isCurrent,
        ]),
    ).toEqual([
      ['Pilkada Kota Uji 2024', 'upcoming', true],
      ['Pemilihan Umum 2024', 'finished', false],
    ])
    const current = await get('/elections?current=true')
    expect(current.json().items.map((e: { name: string }) => e.name)).toEqual(['Pilkada Kota Uji 2024'])
    const byType = await get('/elections?type=PEMILU&year=2024')
    expect(byType.json().items.map((e: { name: string }) => e.name)).toEqual(['Pemilihan Umum 2024'])
  })
})

describe('GET /api/v1/elections/:electionId/candidate-status', () => {
  it.each([
    ['2023-11-12', 'bakal_calon'],
    ['2023-11-13', 'calon'],
  ])('on %s says %s', async (on, status) => {
    const { post, get } = await adminApp()
    const election = (await post('/elections', pemiluBody)).json()
    const response = await get(`/elections/${election.id}/candidate-status?on=${on}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      electionId: election.id,
      on,
      candidateDesignatedOn: '2023-11-13',
      status,
    })
  })

  it('uses today in the agency’s time zone without a date', async () => {
    const { post, get } = await adminApp('2023-11-12T17:30:00.000Z') // 13 Nov 00:30 WIB
    const election = (await post('/elections', pemiluBody)).json()
    const response = await get(`/elections/${election.id}/candidate-status`)
    expect(response.json()).toMatchObject({ on: '2023-11-13', status: 'calon' })
  })
})

describe('PATCH /api/v1/elections/:electionId', () => {
  it('replaces the stages when given and keeps the other fields', async () => {
    const { post, patch } = await adminApp()
    const election = (await post('/elections', pemiluBody)).json()
    const response = await patch(`/elections/${election.id}`, {
      name: 'Pemilu Serentak 2024',
      stages: [{ name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-02-14', endsOn: '2024-02-14' }],
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ name: 'Pemilu Serentak 2024', campaignStartsOn: '2023-11-28' })
    expect(response.json().stages).toHaveLength(1)
  })

  it('validates the merged election (a voting day moved before the campaign end is refused)', async () => {
    const { post, patch, get } = await adminApp()
    const election = (await post('/elections', pemiluBody)).json()
    const response = await patch(`/elections/${election.id}`, { votingOn: '2024-02-05' })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('election.dates_invalid')
    expect((await get(`/elections/${election.id}`)).json().votingOn).toBe('2024-02-14')
  })

  it('refuses to turn an election into one its candidates do not fit', async () => {
    const { post, patch } = await adminApp()
    const election = (await post('/elections', pilkadaBody)).json()
    await post(`/elections/${election.id}/candidates`, {
      office: 'wali_kota',
      ballotNumber: 1,
      name: 'Calon Wali Kota',
      runningMateName: 'Calon Wakil',
    })
    const response = await patch(`/elections/${election.id}`, { regionCode: '32' })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({
      code: 'election.candidate_office_invalid',
      details: { problem: 'office_not_in_region' },
    })
  })
})

describe('parties and candidates', () => {
  async function withPemilu() {
    const setup = await adminApp()
    const election = (await setup.post('/elections', pemiluBody)).json()
    const party = async (ballotNumber: number, abbreviation: string) =>
      (
        await setup.post(`/elections/${election.id}/parties`, {
          ballotNumber,
          name: `Partai ${abbreviation}`,
          abbreviation,
        })
      ).json()
    return { ...setup, election, party }
  }

  it('adds a pair with its coalition, normalising hashtags and handles, and shows it in the detail', async () => {
    const { election, party, post, get, context } = await withPemilu()
    const a = await party(1, 'A')
    const b = await party(2, 'B')
    const response = await post(`/elections/${election.id}/candidates`, {
      office: 'presiden',
      ballotNumber: 1,
      name: 'Calon Presiden Satu',
      runningMateName: 'Calon Wakil Satu',
      partyIds: [b.id, a.id],
      slogans: ['Maju bersama'],
      hashtags: ['SatuMaju', '#satumaju', '#Pemilu2024'],
      socialAccounts: [
        { platform: 'instagram', handle: '@calonsatu', url: 'https://instagram.com/calonsatu' },
      ],
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      isPair: true,
      status: 'calon', // designation (13 Nov 2023) is before today (1 Feb 2024)
      partyIds: [b.id, a.id],
      hashtags: ['#SatuMaju', '#Pemilu2024'],
      socialAccounts: [
        { platform: 'instagram', handle: 'calonsatu', url: 'https://instagram.com/calonsatu' },
      ],
    })
    const detail = (await get(`/elections/${election.id}`)).json()
    expect(detail.parties.map((p: { abbreviation: string }) => p.abbreviation)).toEqual(['A', 'B'])
    expect(detail.candidates).toHaveLength(1)
    expect(detail.candidates[0].partyIds).toEqual([b.id, a.id])
    const actions = await context.database.db.selectFrom('auditEvents').select('action').execute()
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining(['election.party_added', 'election.candidate_added']),
    )
  })

  it('answers 409 for a ballot number taken in the same office, for parties and candidates', async () => {
    const { election, party, post } = await withPemilu()
    await party(1, 'A')
    const partyAgain = await post(`/elections/${election.id}/parties`, {
      ballotNumber: 1,
      name: 'Partai Lain',
      abbreviation: 'L',
    })
    expect(partyAgain.statusCode).toBe(409)
    expect(partyAgain.json().error.code).toBe('election.party_ballot_number_taken')
    const pair = { office: 'presiden', ballotNumber: 1, name: 'Calon Satu', runningMateName: 'Wakil Satu' }
    expect((await post(`/elections/${election.id}/candidates`, pair)).statusCode).toBe(201)
    const again = await post(`/elections/${election.id}/candidates`, { ...pair, name: 'Calon Lain' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'election.candidate_ballot_number_taken',
      details: { office: 'presiden', ballotNumber: 1 },
    })
    const otherOffice = await post(`/elections/${election.id}/candidates`, {
      office: 'dpd',
      ballotNumber: 1,
      name: 'Calon DPD',
    })
    expect(otherOffice.statusCode).toBe(201)
  })

  it.each([
    [{ office: 'wali_kota', runningMateName: 'Wakil' }, 'election.candidate_office_invalid'],
    [{ office: 'presiden', runningMateName: null }, 'election.candidate_office_invalid'],
    [{ office: 'presiden', runningMateName: 'Wakil', hashtags: ['dua kata'] }, 'election.hashtag_invalid'],
    [
      { office: 'presiden', runningMateName: 'Wakil', partyIds: ['0190a4c2-0000-7000-8000-000000000000'] },
      'election.coalition_invalid',
    ],
  ])('answers 422 for a candidate %o', async (patch, code) => {
    const { election, post } = await withPemilu()
    const response = await post(`/elections/${election.id}/candidates`, {
      ballotNumber: 1,
      name: 'Calon',
      ...patch,
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe(code)
  })

  it('refuses a coalition party of another election', async () => {
    const { election, post, party } = await withPemilu()
    const other = (await post('/elections', pilkadaBody)).json()
    const foreign = (
      await post(`/elections/${other.id}/parties`, { name: 'Partai Lokal', abbreviation: 'PL' })
    ).json()
    await party(1, 'A')
    const response = await post(`/elections/${election.id}/candidates`, {
      office: 'presiden',
      ballotNumber: 1,
      name: 'Calon',
      runningMateName: 'Wakil',
      partyIds: [foreign.id],
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error).toMatchObject({
      code: 'election.coalition_invalid',
      details: { partyId: foreign.id },
    })
  })

  it('keeps a party while a coalition names it, and removes it once the candidate is gone', async () => {
    const { election, party, post, del, patch } = await withPemilu()
    const a = await party(1, 'A')
    const candidate = (
      await post(`/elections/${election.id}/candidates`, {
        office: 'presiden',
        ballotNumber: 1,
        name: 'Calon',
        runningMateName: 'Wakil',
        partyIds: [a.id],
      })
    ).json()
    const blocked = await del(`/elections/${election.id}/parties/${a.id}`)
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json().error).toMatchObject({ code: 'election.party_in_use', details: { candidates: 1 } })
    const changed = await patch(`/elections/${election.id}/candidates/${candidate.id}`, {
      status: 'terpilih',
      partyIds: [],
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ status: 'terpilih', partyIds: [], name: 'Calon' })
    expect((await del(`/elections/${election.id}/parties/${a.id}`)).statusCode).toBe(204)
    expect((await del(`/elections/${election.id}/candidates/${candidate.id}`)).statusCode).toBe(204)
    expect((await del(`/elections/${election.id}/candidates/${candidate.id}`)).statusCode).toBe(404)
  })

  it('deletes an election with everything under it', async () => {
    const { election, party, post, del, get, context } = await withPemilu()
    const a = await party(1, 'A')
    await post(`/elections/${election.id}/candidates`, {
      office: 'presiden',
      ballotNumber: 1,
      name: 'Calon',
      runningMateName: 'Wakil',
      partyIds: [a.id],
      socialAccounts: [{ platform: 'x', handle: 'calon' }],
    })
    expect((await del(`/elections/${election.id}`)).statusCode).toBe(204)
    expect((await get(`/elections/${election.id}`)).statusCode).toBe(404)
    const db = context.database.db
    for (const table of [
      'electionStages',
      'electionParties',
      'electionCandidates',
      'electionCandidateParties',
      'electionCandidateSocialAccounts',
    ] as const)
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([])
  })
})

describe('scoping', () => {
  it('hides another agency’s elections: 404 on every route, absent from the list', async () => {
    const { app, context, post } = await adminApp()
    const election = (await post('/elections', pemiluBody)).json()
    const party = (
      await post(`/elections/${election.id}/parties`, {
        ballotNumber: 1,
        name: 'Partai A',
        abbreviation: 'A',
      })
    ).json()
    const otherAgency = await insertAgency(context)
    const outsider = await signIn(app, context, await insertAgencyAdmin(context, otherAgency.id))
    const as = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url: `/api/v1${url}`, headers: outsider.headers, ...(payload ? { payload } : {}) })
    const attempts = [
      await as('GET', `/elections/${election.id}`),
      await as('GET', `/elections/${election.id}/candidate-status`),
      await as('PATCH', `/elections/${election.id}`, { name: 'Diambil alih' }),
      await as('DELETE', `/elections/${election.id}`),
      await as('POST', `/elections/${election.id}/parties`, { name: 'Partai B', abbreviation: 'B' }),
      await as('PATCH', `/elections/${election.id}/parties/${party.id}`, { name: 'Partai C' }),
      await as('DELETE', `/elections/${election.id}/parties/${party.id}`),
      await as('POST', `/elections/${election.id}/candidates`, {
        office: 'dpd',
        ballotNumber: 9,
        name: 'Calon',
      }),
    ]
    for (const response of attempts) {
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('election.not_found')
    }
    expect((await as('GET', '/elections')).json().items).toEqual([])
    const named = await as('GET', `/elections?agencyId=${election.agencyId}`)
    expect(named.statusCode).toBe(404)
    expect(named.json().error.code).toBe('agency.not_found')
  })

  it('lets a unit admin and an examiner read their agency’s elections but not change them', async () => {
    const { app, context, agency, post } = await adminApp()
    const election = (await post('/elections', pemiluBody)).json()
    const unit = await insertUnit(context, agency.id)
    const unitAdmin = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'unit_admin', agencyId: agency.id, unitId: unit.id }],
      totp: true,
    })
    const examiner = await insertAccount(context, {
      agencyId: agency.id,
      assignments: [{ role: 'examiner', agencyId: agency.id, unitId: null }],
      totp: true,
    })
    for (const account of [unitAdmin, examiner]) {
      const session = await signIn(app, context, account)
      const read = await app.inject({
        method: 'GET',
        url: `/api/v1/elections/${election.id}`,
        headers: session.headers,
      })
      expect(read.statusCode).toBe(200)
      const change = await app.inject({
        method: 'PATCH',
        url: `/api/v1/elections/${election.id}`,
        headers: session.headers,
        payload: { name: 'Diubah' },
      })
      expect(change.statusCode).toBe(403)
    }
  })

  it('lets a super admin create an election in a named agency', async () => {
    const { app, context } = await createTestApp({ clock: fixedClock(duringPemilu) })
    const agency = await insertAgency(context)
    const superAdmin = await insertAccount(context, {
      agencyId: null,
      assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
      totp: true,
    })
    const session = await signIn(app, context, superAdmin)
    const missingAgency = await app.inject({
      method: 'POST',
      url: '/api/v1/elections',
      headers: session.headers,
      payload: pemiluBody,
    })
    expect(missingAgency.statusCode).toBe(400)
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/elections',
      headers: session.headers,
      payload: { ...pemiluBody, agencyId: agency.id },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json().agencyId).toBe(agency.id)
  })
})
