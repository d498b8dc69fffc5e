import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../format/date-time'

export interface ProgressBlockProps {
  /** What is happening, in words ("Membaca berkas…"). */
  readonly label: string
  /** 0–100, or null while the share is unknown (the bar then moves without a number). */
  readonly percent: number | null
  /** Extra words under the bar ("1.200 dari 48.000 baris"). */
  readonly detail?: string
}

/** A long job's progress: bar, words and percentage together, announced politely to screen readers. */
export function ProgressBlock({ label, percent, detail }: ProgressBlockProps) {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const rounded = percent === null ? null : Math.floor(percent)
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="sm">
        <Text fw={600} aria-live="polite">
          {label}
        </Text>
        {rounded !== null && (
          <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatNumber(rounded, language)}%
          </Text>
        )}
      </Group>
      {/* The ARIA attributes go on the section, which is the role="progressbar" element (on `Progress` they would
          land on its role-less root: axe aria-allowed-attr). */}
      <Progress.Root size="lg" radius="xl">
        <Progress.Section
          value={rounded ?? 100}
          animated={rounded === null || rounded < 100}
          striped={rounded === null}
          aria-label={label}
          aria-valuetext={rounded === null ? label : `${rounded}%`}
        />
      </Progress.Root>
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
    </Stack>
  )
}
