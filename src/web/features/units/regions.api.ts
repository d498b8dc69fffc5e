import type { RegionLevel, RegionList, RegionView } from '../../../features/units/regions.schema'
import { withQuery } from '../../api/client'

export type { RegionLevel, RegionList, RegionView }

/**
 * Kemendagri regions: `q` = words of the name or the start of the code; `parent` = only below that region. Without
 * either, the agency's own region and the regions directly below it.
 */
export const regionsPath = (query: { q?: string | undefined; parent?: string | undefined; limit?: number }) =>
  withQuery('/api/v1/regions', { q: query.q, parent: query.parent, limit: query.limit })
