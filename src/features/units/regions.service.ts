/**
 * Kemendagri regions for pickers (GET /api/v1/regions): the whole area-code table, searched in memory, with the
 * agency's own region (`agencies.region_code`) as the context: its matches come first and, without a query, it and the
 * regions directly below it are offered.
 */
import type { Actor } from '../../domain/access.js'
import { DomainError } from '../../domain/errors.js'
import type { AgenciesService } from '../agencies/agencies.service.js'
import { searchRegions } from './region-codes.js'
import type { ListRegionsQuery, RegionList } from './regions.schema.js'
import { rosterAgencyOf } from './units.service.js'

export function createRegionsService({ agencies }: { agencies: Pick<AgenciesService, 'listAgencies'> }) {
  /** The region code of the agency whose roster the actor reads, if it has one. */
  async function agencyRegionOf(actor: Actor): Promise<string | null> {
    let agencyId: string
    try {
      agencyId = rosterAgencyOf(actor, undefined)
    } catch (error) {
      // A super admin outside any agency: no context, the search still works.
      if (error instanceof DomainError) return null
      throw error
    }
    const agency = (await agencies.listAgencies(actor)).find((candidate) => candidate.id === agencyId)
    return agency?.regionCode ?? null
  }

  return {
    async listRegions(actor: Actor, query: ListRegionsQuery): Promise<RegionList> {
      const near = await agencyRegionOf(actor)
      const found = await searchRegions({ q: query.q, parent: query.parent, near, limit: query.limit })
      return {
        items: found.map(({ code, name, level, parentName }) => ({
          code,
          name,
          level,
          ...(parentName !== null ? { parentName } : {}),
        })),
      }
    },
  }
}
export type RegionsService = ReturnType<typeof createRegionsService>
