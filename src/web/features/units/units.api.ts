import type {
  CreateUnitBody,
  MoveUnitBody,
  UnitCrumb,
  UnitDetail,
  UnitTree,
  UnitTreeItem,
  UpdateUnitBody,
} from '../../../features/units/units.schema'
import { apiPost, apiRequest, withQuery } from '../../api/client'

export type { UnitCrumb, UnitDetail, UnitTree, UnitTreeItem }

const unitsPath = '/api/v1/units'

/** The unit tree the session may read (the server scopes a unit admin to their subtree). */
export const unitTreePath = (query: { q?: string | undefined; includeInactive?: boolean } = {}) =>
  withQuery(unitsPath, { q: query.q, includeInactive: query.includeInactive ? 'true' : undefined })

export const unitPath = (unitId: string) => `${unitsPath}/${encodeURIComponent(unitId)}`

export const createUnit = (body: CreateUnitBody) => apiPost<UnitDetail>(unitsPath, body)

export const updateUnit = (unitId: string, body: UpdateUnitBody) =>
  apiRequest<UnitDetail>('PATCH', unitPath(unitId), { body })

export const moveUnit = (unitId: string, body: MoveUnitBody) =>
  apiPost<UnitDetail>(`${unitPath(unitId)}/move`, body)

export const deactivateUnit = (unitId: string) => apiPost<UnitDetail>(`${unitPath(unitId)}/deactivate`)

export const reactivateUnit = (unitId: string) => apiPost<UnitDetail>(`${unitPath(unitId)}/reactivate`)
