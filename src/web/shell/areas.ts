/**
 * Where each navigation area lives and how it is grouped in the side menu. Keyed by the domain's
 * NavigationKey, so a new area in src/domain/access.ts fails to compile here until it has a place.
 */
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconCertificate,
  IconCheckbox,
  IconHome,
  IconId,
  IconInbox,
  IconLockOpen,
  IconListSearch,
  IconPlugConnected,
  IconSitemap,
  IconUserCircle,
  IconSignature,
  IconSpeakerphone,
  IconUsers,
  type Icon,
} from '@tabler/icons-react'
import type { NavigationKey, PolicyName } from '../../domain/access'

/**
 * Menu groups in the order people think (JOURNEYS.md): their start page, the roster, elections, administration,
 * then their own account.
 */
// `intake`: Pengaduan (issue #5), after prevention and before administration.
export const areaGroups = ['start', 'roster', 'elections', 'intake', 'settings', 'personal'] as const
export type AreaGroup = (typeof areaGroups)[number]

export interface AreaPlace {
  readonly path: string
  readonly icon: Icon
  readonly group: AreaGroup
}

export const areaPlaces: Record<NavigationKey, AreaPlace> = {
  home: { path: '/', icon: IconHome, group: 'start' },
  units: { path: '/unit-kerja', icon: IconSitemap, group: 'roster' },
  employees: { path: '/pegawai', icon: IconId, group: 'roster' },
  elections: { path: '/pemilu', icon: IconCheckbox, group: 'elections' },
  users: { path: '/pengguna', icon: IconUsers, group: 'settings' },
  agencies: { path: '/instansi', icon: IconBuildingCommunity, group: 'settings' },
  calendar: { path: '/kalender-kerja', icon: IconCalendarEvent, group: 'settings' },
  audit: { path: '/jejak-audit', icon: IconListSearch, group: 'settings' },
  account: { path: '/akun', icon: IconUserCircle, group: 'personal' },
}

/**
 * Areas the server already knows but whose pages are not built yet: left out of the menu and the home cards
 * (no placeholder pages). Remove a key here when its page ships; none is pending now.
 */
export const pendingAreas: ReadonlySet<NavigationKey> = new Set<NavigationKey>()

// pledges (issue #4): menu entries decided by a policy in the browser (the domain has no navigation key for them).
export interface PolicyPlace extends AreaPlace {
  readonly key: string
  readonly policy: PolicyName
  /** i18n key of the menu label. */
  readonly labelKey:
    | 'pledges.staff.nav'
    | 'events.nav'
    | 'agencies.receipt_certificate.nav'
    // intake API for other channels (issue #5)
    | 'intakeChannels.nav'
    // staff inbox of reports (issue #5)
    | 'reportsStaff.nav'
    | 'reportsStaff.reveal_requests.nav'
}

export const policyPlaces: readonly PolicyPlace[] = [
  {
    key: 'pledges',
    path: '/ikrar',
    icon: IconSignature,
    group: 'elections',
    policy: 'pledges.read',
    labelKey: 'pledges.staff.nav',
  },
  // events (issue #4)
  {
    key: 'events',
    path: '/kegiatan',
    icon: IconSpeakerphone,
    group: 'elections',
    policy: 'events.read',
    labelKey: 'events.nav',
  },
  // receipt signing certificate of the agency (issue #4)
  {
    key: 'receipt-certificate',
    path: '/sertifikat-tanda-terima',
    icon: IconCertificate,
    group: 'settings',
    policy: 'agencies.signing',
    labelKey: 'agencies.receipt_certificate.nav',
  },
  // API keys of other complaint channels (issue #5)
  {
    key: 'intake-channels',
    path: '/kanal-pengaduan',
    icon: IconPlugConnected,
    group: 'settings',
    policy: 'intake.channels',
    labelKey: 'intakeChannels.nav',
  },
  // staff inbox of reports and the reveal requests to decide (issue #5)
  {
    key: 'reports',
    path: '/pengaduan',
    icon: IconInbox,
    group: 'intake',
    policy: 'reports.read',
    labelKey: 'reportsStaff.nav',
  },
  {
    key: 'reveal-requests',
    path: '/pengaduan/permintaan-identitas',
    icon: IconLockOpen,
    group: 'intake',
    policy: 'reports.reveal_approve',
    labelKey: 'reportsStaff.reveal_requests.nav',
  },
]
// end pledges

/** The areas to offer in the menu and on the home page: the session's areas without the pending ones. */
export const shownAreas = (keys: readonly NavigationKey[]): NavigationKey[] =>
  keys.filter((key) => !pendingAreas.has(key))
