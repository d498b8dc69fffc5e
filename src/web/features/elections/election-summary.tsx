/** Small pieces both election pages use: the type line, the "bakal calon / calon" explanation, a labelled fact. */
import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { i18next } from '../../i18n/i18n'
import { formatDay } from '../calendar/calendar-date'
import type { ElectionView } from './elections.api'

// Called while rendering components that use useTranslation, so they follow a language switch.
const t = i18next.t.bind(i18next)

/** `Pilkada · wilayah 32.73` or `Pemilu`. */
export function electionTypeLine(election: ElectionView): string {
  const type = t(`elections.type.${election.type}`)
  return election.regionCode ? t('elections.type_with_region', { type, region: election.regionCode }) : type
}

/** Why people standing in the election are "bakal calon" or "calon" today. */
export function candidateStatusExplanation(election: ElectionView, language: string): string {
  if (!election.candidateDesignatedOn) return t('elections.detail.status_no_designation')
  const date = formatDay(election.candidateDesignatedOn, language)
  return election.candidateStatusToday === 'calon'
    ? t('elections.detail.status_calon', { date })
    : t('elections.detail.status_bakal_calon', { date })
}

export interface FactProps {
  readonly label: string
  readonly children: ReactNode
}

/** One term and its value inside a `<dl>` (a SimpleGrid or Stack rendered as `dl`). */
export function Fact({ label, children }: FactProps) {
  return (
    <Box>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0} mt={2}>
        {children}
      </Text>
    </Box>
  )
}
