/** Phase of an election and status of a candidate: colour, icon and word together (never colour alone). */
import { Badge } from '@mantine/core'
import {
  IconCalendarTime,
  IconCircleCheck,
  IconHourglass,
  IconPlayerPlay,
  IconStar,
  IconStarFilled,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CandidateStatus } from '../../../domain/election-stage'
import type { ElectionView } from './elections.api'

type Phase = ElectionView['phase']

interface BadgeStyle {
  readonly color: string
  readonly Icon: Icon
}

const phaseStyle: Record<Phase, BadgeStyle> = {
  upcoming: { color: 'gray', Icon: IconCalendarTime },
  running: { color: 'netra', Icon: IconPlayerPlay },
  finished: { color: 'gray', Icon: IconCircleCheck },
}

const statusStyle: Record<CandidateStatus, BadgeStyle> = {
  bakal_calon: { color: 'gray', Icon: IconHourglass },
  calon: { color: 'netra', Icon: IconUserCheck },
  terpilih: { color: 'green', Icon: IconStar },
}

function LabelledBadge({ style, label }: { readonly style: BadgeStyle; readonly label: string }) {
  return (
    <Badge
      color={style.color}
      variant="light"
      radius="sm"
      tt="none"
      className="netra-status-badge"
      leftSection={<style.Icon size={14} aria-hidden />}
      c={style.color === 'gray' ? 'dark.6' : undefined}
    >
      {label}
    </Badge>
  )
}

export function PhaseBadge({ phase }: { readonly phase: Phase }) {
  const { t } = useTranslation()
  return <LabelledBadge style={phaseStyle[phase]} label={t(`elections.phase.${phase}`)} />
}

export function CandidateStatusBadge({ status }: { readonly status: CandidateStatus }) {
  const { t } = useTranslation()
  return <LabelledBadge style={statusStyle[status]} label={t(`elections.candidate_status.${status}`)} />
}

/** Marks the election the header selector starts from (running, else the next, else the latest). */
export function CurrentElectionBadge() {
  const { t } = useTranslation()
  return (
    <LabelledBadge
      style={{ color: 'netra', Icon: IconStarFilled }}
      label={t('elections.detail.is_current')}
    />
  )
}
