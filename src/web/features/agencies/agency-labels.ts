import type { agencyTimeZones } from '../../../features/agencies/agencies.schema'

/** i18n key part of each civil time zone (`agencies.time_zone.wib` …). */
export const timeZoneKey: Record<(typeof agencyTimeZones)[number], 'wib' | 'wita' | 'wit'> = {
  'Asia/Jakarta': 'wib',
  'Asia/Makassar': 'wita',
  'Asia/Jayapura': 'wit',
}
