/**
 * Long option lists that scroll in the listbox itself, and fit the screen. Mantine's default puts a ScrollArea inside
 * the `role="listbox"`: once the list is taller than the dropdown (on a phone, nearly always), that inner scroller is
 * a scrollable region nobody can focus (axe: scrollable-region-focusable, serious). A listbox that scrolls itself is
 * the combobox popup, which keyboard users scroll with the arrow keys from the input (axe exempts it). The dropdown
 * opens where there is more room (flip) and the list never runs past the edge of the window (size).
 *
 *   <Select data={…} {...scrollingListbox} />
 */
import type { ComboboxProps } from '@mantine/core'
import './scrolling-listbox.css'

const comboboxProps: ComboboxProps = {
  withinPortal: true,
  middlewares: {
    flip: true,
    shift: true,
    size: {
      padding: 8,
      apply: ({ availableHeight, elements }) =>
        elements.floating.style.setProperty('--netra-listbox-room', `${Math.max(availableHeight, 120)}px`),
    },
  },
}

export const scrollingListbox = {
  withScrollArea: false,
  classNames: { options: 'netra-scrolling-listbox' },
  comboboxProps,
} as const
