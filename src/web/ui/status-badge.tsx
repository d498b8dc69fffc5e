import { Badge } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconClock, IconCircleMinus } from '@tabler/icons-react'

export type StatusTone = 'done' | 'due' | 'overdue' | 'neutral'

const toneStyle = {
  done: { color: 'green', Icon: IconCircleCheck },
  due: { color: 'orange', Icon: IconClock },
  overdue: { color: 'red', Icon: IconAlertTriangle },
  neutral: { color: 'gray', Icon: IconCircleMinus },
} as const

export interface StatusBadgeProps {
  readonly tone: StatusTone
  readonly label: string
}

/** A status in colour, icon and word together: never colour alone. */
export function StatusBadge({ tone, label }: StatusBadgeProps) {
  const { color, Icon } = toneStyle[tone]
  return (
    <Badge
      color={color}
      variant="light"
      radius="sm"
      tt="none"
      className="netra-status-badge"
      leftSection={<Icon size={14} aria-hidden />}
      c={tone === 'neutral' ? 'dark.6' : undefined}
    >
      {label}
    </Badge>
  )
}
