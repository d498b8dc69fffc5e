import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { fixedClock } from '../../platform/clock.js'
import { createAgency } from '../agencies/agencies.service.js'
import { systemActor } from '../audit/audit.service.js'
import { fictionalCityCode, seedDemoElections } from './elections.demo.js'

const superAdmin = {
  userId: '0190a4c2-0000-7000-8000-000000000001',
  username: 'root',
  agencyId: null,
  stage: 'full',
  assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
} as const

describe('seedDemoElections', () => {
  it('seeds Pemilu 2024 and Pilkada 2024 once, however often it runs', async () => {
    const context = await createTestContext({ clock: fixedClock('2026-11-23T03:00:00.000Z') })
    const agency = await insertAgency(context, { slug: 'kota-contoh' })
    const db = context.database.db

    expect(await seedDemoElections(db, context.clock, agency.id)).toEqual({ created: 2, existing: 0 })
    const counts = async () => ({
      elections: (await db.selectFrom('elections').select('id').execute()).length,
      parties: (await db.selectFrom('electionParties').select('id').execute()).length,
      candidates: (await db.selectFrom('electionCandidates').select('id').execute()).length,
      coalitions: (await db.selectFrom('electionCandidateParties').select('partyId').execute()).length,
      audit: (await db.selectFrom('auditEvents').select('id').execute()).length,
    })
    const first = await counts()
    expect(first).toMatchObject({ elections: 2, parties: 18 + 10, candidates: 6 })
    expect(await seedDemoElections(db, context.clock, agency.id)).toEqual({ created: 0, existing: 2 })
    expect(await counts()).toEqual(first)
  })

  it('gives the Pemilu its three presidential tickets with their coalitions', async () => {
    const context = await createTestContext({ clock: fixedClock('2026-11-23T03:00:00.000Z') })
    const agency = await insertAgency(context)
    await seedDemoElections(context.database.db, context.clock, agency.id)
    const { items } = await context.services.elections.listElections(superAdmin, { agencyId: agency.id })
    expect(items.map((e) => [e.type, e.votingOn, e.candidateDesignatedOn, e.regionCode])).toEqual([
      ['PILKADA', '2024-11-27', '2024-09-22', fictionalCityCode],
      ['PEMILU', '2024-02-14', '2023-11-13', null],
    ])
    const pemilu = await context.services.elections.getElection(superAdmin, items[1]?.id ?? '')
    const abbreviationOf = new Map(pemilu.parties.map((p) => [p.id, p.abbreviation]))
    expect(
      pemilu.candidates.map((c) => [
        c.ballotNumber,
        c.name,
        c.runningMateName,
        c.partyIds.map((id) => abbreviationOf.get(id)),
      ]),
    ).toEqual([
      [1, 'Anies Rasyid Baswedan', 'Abdul Muhaimin Iskandar', ['NasDem', 'PKB', 'PKS', 'Ummat']],
      [
        2,
        'Prabowo Subianto',
        'Gibran Rakabuming Raka',
        ['Gerindra', 'Golkar', 'PAN', 'Demokrat', 'PBB', 'Gelora', 'Garuda', 'PSI'],
      ],
      [3, 'Ganjar Pranowo', 'Mohammad Mahfud MD', ['PDI Perjuangan', 'PPP', 'Hanura', 'Perindo']],
    ])
    const pilkada = await context.services.elections.getElection(superAdmin, items[0]?.id ?? '')
    expect(pilkada.description).toContain('fiktif')
    expect(pilkada.candidates.map((c) => c.office)).toEqual(['wali_kota', 'wali_kota', 'wali_kota'])
    expect(pilkada.candidates[2]?.partyIds).toEqual([]) // the independent pair
  })

  it('uses the agency’s own city code for the Pilkada when it has one', async () => {
    const context = await createTestContext()
    const agency = await createAgency(context.database.db, context.clock, systemActor, {
      slug: 'kota-bertanda',
      name: 'Pemerintah Kota Bertanda',
      kind: 'pemkot',
      regionCode: '35.73',
    })
    await seedDemoElections(context.database.db, context.clock, agency.id)
    const pilkada = await context.database.db
      .selectFrom('elections')
      .select('regionCode')
      .where('type', '=', 'PILKADA')
      .executeTakeFirstOrThrow()
    expect(pilkada.regionCode).toBe('35.73')
  })
})
