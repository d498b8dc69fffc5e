/**
 * Long option lists that scroll in the listbox itself, and fit the screen. Mantine's default puts a ScrollArea inside
 * the `role="listbox"`: once the list is taller than the dropdown (on a phone, nearly always), that inner scroller is
 * a scrollable region nobody can focus (axe: scrollable-region-focusable, serious). A listbox that scrolls itself is
 * the combobox popup, which keyboard users scroll with the arrow keys from the input (axe exempts it). The dropdown
 * opens where there is more room (flip) and the list never runs past the edge of the window (size).
 *
 * The theme (src/web/theme.ts) makes this the default of every Select, MultiSelect, Autocomplete and TagsInput:
 * nothing to spread on a select. A select may still set its own `comboboxProps` (a width, a position): the placement
 * rules are default props of the Combobox underneath, so they stay.
 */
import type { ComboboxProps } from '@mantine/core'
import './scrolling-listbox.css'

/** Placement of every combobox dropdown (theme: `Combobox` default props). */
export const scrollingListboxMiddlewares: NonNullable<ComboboxProps['middlewares']> = {
  flip: true,
  shift: true,
  size: {
    padding: 8,
    apply: ({ availableHeight, elements }) =>
      elements.floating.style.setProperty('--netra-listbox-room', `${Math.max(availableHeight, 120)}px`),
  },
}

/**
 * Theme extension of the select-like components: no ScrollArea in the listbox, which scrolls itself instead
 * (scrolling-listbox.css). Theme class names add to those a component sets; they do not replace them.
 */
export const scrollingListboxDefaults = {
  defaultProps: { withScrollArea: false },
  classNames: { options: 'netra-scrolling-listbox' },
} as const
