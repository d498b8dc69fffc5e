/** Words and badges shared by the staff pledge pages. */
import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CampaignStatus } from '../../../features/pledges/pledges.schema'
import { formatNumber } from '../../format/date-time'
import { StatusBadge, type StatusTone } from '../../ui/status-badge'

const statusTone: Record<CampaignStatus, StatusTone> = { draft: 'neutral', open: 'due', closed: 'done' }

export function CampaignStatusBadge({ status }: { readonly status: CampaignStatus }) {
  const { t } = useTranslation()
  return <StatusBadge tone={statusTone[status]} label={t(`pledges.staff.status.${status}`)} />
}

/** The first 12 hex digits of a SHA-256, enough to compare by eye (the full value is copied). */
export const shortHash = (sha256: string): string => sha256.slice(0, 12)

export interface SignedProgressProps {
  readonly signed: number
  readonly targets: number
  readonly percent: number
  /** Names the bar for screen readers ("Cakupan Dinas Pendidikan"). */
  readonly label: string
  readonly size?: 'sm' | 'md' | 'lg'
}

/** Signed of targets as a bar with the numbers beside it (never the colour alone). */
export function SignedProgress({ signed, targets, percent, label, size = 'md' }: SignedProgressProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const text = t('pledges.staff.coverage.signed_of', {
    signed: formatNumber(signed, language),
    targets: formatNumber(targets, language),
    percent: formatNumber(percent, language),
  })
  return (
    <Stack gap={4} miw={160}>
      <Progress
        value={Math.min(100, percent)}
        size={size}
        radius="xl"
        color={percent >= 100 ? 'green' : 'netra'}
        aria-label={label}
      />
      <Group gap={4}>
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {text}
        </Text>
      </Group>
    </Stack>
  )
}
