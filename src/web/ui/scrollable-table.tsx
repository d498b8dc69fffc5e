import { Table } from '@mantine/core'
import type { ReactNode } from 'react'

export interface ScrollableTableProps {
  /** Names the table region for screen readers (and the table itself through its caption-less label). */
  readonly label: string
  /** Below this width the table scrolls sideways instead of squeezing columns (phones). */
  readonly minWidth: number
  readonly isBusy?: boolean
  readonly children: ReactNode
}

/**
 * A table in a keyboard-scrollable region: sideways on narrow screens, and downwards inside the region on
 * long pages so the sticky header row stays in view.
 */
export function ScrollableTable({ label, minWidth, isBusy = false, children }: ScrollableTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      maxHeight="72vh"
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      aria-busy={isBusy}
      className="netra-table-scroll"
    >
      {children}
    </Table.ScrollContainer>
  )
}
