import { Group, Paper, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export interface SectionCardProps {
  readonly title: string
  /** Id of the heading; the section is labelled by it. */
  readonly id: string
  /** Buttons beside the heading. */
  readonly actions?: ReactNode
  readonly children: ReactNode
}

/** A titled part of a detail page: a bordered section labelled by its own heading. */
export function SectionCard({ title, id, actions, children }: SectionCardProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  )
}
