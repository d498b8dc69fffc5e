import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export interface FactProps {
  readonly label: string
  readonly children: ReactNode
}

/** One term and its value inside a `<dl>` (a grid of facts about a record). */
export function Fact({ label, children }: FactProps) {
  return (
    <Box>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0} mt={2} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  )
}
