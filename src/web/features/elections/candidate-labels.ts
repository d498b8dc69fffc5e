import {
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandTelegram,
  IconBrandTiktok,
  IconBrandWhatsapp,
  IconBrandX,
  IconBrandYoutube,
  IconWorld,
  type Icon,
} from '@tabler/icons-react'
import {
  officesByElectionType,
  pilkadaOfficeOf,
  type CandidateOffice,
  type ElectionType,
} from '../../../domain/election-stage'
import type { SocialPlatform } from '../../../domain/employee-fields'

export const platformIcons: Record<SocialPlatform, Icon> = {
  facebook: IconBrandFacebook,
  instagram: IconBrandInstagram,
  x: IconBrandX,
  tiktok: IconBrandTiktok,
  youtube: IconBrandYoutube,
  whatsapp: IconBrandWhatsapp,
  telegram: IconBrandTelegram,
  other: IconWorld,
}

/** The offices a candidate of this election may stand for: a PILKADA region elects exactly one. */
export function officesFor(election: { type: ElectionType; regionCode: string | null }): CandidateOffice[] {
  if (election.type === 'PILKADA' && election.regionCode) {
    const office = pilkadaOfficeOf(election.regionCode)
    if (office) return [office]
  }
  return [...officesByElectionType[election.type]]
}

/** Order of offices on the page: as the domain lists them. */
export const officeOrder = (office: CandidateOffice, type: ElectionType): number =>
  officesByElectionType[type].indexOf(office)

/** Ballot numbers are written with two digits, as on the ballot paper (`01`, `02`). */
export const ballotLabel = (ballotNumber: number): string => String(ballotNumber).padStart(2, '0')
