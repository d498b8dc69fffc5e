import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import type { Actor } from '../../domain/access.js'
import { searchRegions } from './region-codes.js'
import { createRegionsService } from './regions.service.js'

const actorIn = (agencyId: string | null, role: 'agency_admin' | 'super_admin' = 'agency_admin'): Actor => ({
  userId: 'u1',
  username: 'penguji',
  agencyId,
  stage: 'full',
  assignments: [{ role, agencyId: role === 'super_admin' ? null : agencyId, unitId: null }],
})

describe('regions service', () => {
  it('takes the context from the agency of the reader, and none for a super admin outside any agency', async () => {
    const context = await createTestContext()
    const agency = await insertAgency(context)
    await context.database.db
      .updateTable('agencies')
      .set({ regionCode: '35.73' })
      .where('id', '=', agency.id)
      .execute()
    const regions = createRegionsService({ agencies: context.services.agencies })

    const inMalang = await regions.listRegions(actorIn(agency.id), { limit: 3 })
    expect(inMalang.items.map((item) => item.code)).toEqual(['35.73', '35.73.01', '35.73.03'])

    const platform = await regions.listRegions(actorIn(null, 'super_admin'), { limit: 2 })
    expect(platform.items).toEqual([
      { code: '11', name: 'Aceh', level: 'province' },
      { code: '51', name: 'Bali', level: 'province' },
    ])
  })
})

describe('region index', () => {
  /**
   * After the one-off build, a search is synchronous array work. Measured on a 2-core machine with other tests
   * running: median ≈ 0.25 ms, 95th percentile ≈ 1 ms over all the queries below (one letter near a province is the
   * slowest, ≈ 1–2 ms). The best of five runs of each must stay under 5 ms.
   */
  it('answers a query in under 5 ms once built', async () => {
    await searchRegions({ q: 'warm', limit: 1 })
    const queries = [
      { q: 'k' },
      { q: 's', near: '35.73' },
      { q: 'b', near: '35' },
      { q: 'ma' },
      { q: 'kota malang' },
      { q: 'kauman klojen', near: '35.73' },
      { q: 'sumber', near: '33' },
      { q: '3' },
      { q: '35.73' },
      { q: '3573021007' },
      { parent: '35.73' },
      { parent: '35.73.02' },
      { near: '35.73' },
      {},
    ]
    const samples: number[] = []
    for (const query of queries) {
      const runs: number[] = []
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now()
        const found = await searchRegions({ ...query, limit: 50 })
        runs.push(performance.now() - started)
        expect(found.length).toBeGreaterThan(0)
      }
      samples.push(...runs)
      expect(Math.min(...runs), JSON.stringify(query)).toBeLessThan(5)
    }
    samples.sort((a, b) => a - b)
    expect(samples[Math.floor(samples.length / 2)]).toBeLessThan(5)
  })
})
