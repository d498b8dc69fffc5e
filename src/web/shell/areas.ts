/**
 * Where each navigation area lives and how it is grouped in the side menu. Keyed by the domain's
 * NavigationKey, so a new area in src/domain/access.ts fails to compile here until it has a place.
 */
import {
  IconBuildingCommunity,
  IconHome,
  IconListSearch,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react'
import type { NavigationKey } from '../../domain/access'

/** Menu groups in the order people think: their start page, then administration, then their own account. */
export const areaGroups = ['start', 'settings', 'personal'] as const
export type AreaGroup = (typeof areaGroups)[number]

export interface AreaPlace {
  readonly path: string
  readonly icon: Icon
  readonly group: AreaGroup
}

export const areaPlaces: Record<NavigationKey, AreaPlace> = {
  home: { path: '/', icon: IconHome, group: 'start' },
  users: { path: '/pengguna', icon: IconUsers, group: 'settings' },
  agencies: { path: '/instansi', icon: IconBuildingCommunity, group: 'settings' },
  audit: { path: '/jejak-audit', icon: IconListSearch, group: 'settings' },
  account: { path: '/akun', icon: IconUserCircle, group: 'personal' },
}
