/**
 * "Nothing matches" for searchable Mantine selects (Select, MultiSelect) as one disabled option, instead of Mantine's
 * `nothingFoundMessage`. That message is drawn inside the open `role="listbox"` with no option in it, an ARIA error
 * (axe: aria-required-children, critical) for as long as the dropdown is open. A disabled option keeps the listbox
 * valid, is read out by screen readers like any option, and cannot be chosen by mouse or keyboard.
 *
 *   <Select searchable data={…} {...nothingFoundOption(t('common.list.no_match'))} />
 *
 * Selects that build their own options (server-side search) add `hintOption(text)` to their data instead, and a
 * custom `renderOption` draws it with `isHintOption`.
 */
import {
  defaultOptionsFilter,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core'
import './nothing-found-option.css'

/** The value of a hint option; never a real value (ids are UUIDs, codes have no underscores). */
export const hintOptionValue = '__netra_hint__'

/** A disabled option that only informs ("nothing matches", "loading…", "type to search"). */
export const hintOption = (label: string): ComboboxItem => ({ value: hintOptionValue, label, disabled: true })

export const isHintOption = (option: { readonly value: unknown }): boolean => option.value === hintOptionValue

const isEmpty = (options: readonly ComboboxParsedItem[]): boolean =>
  options.every((option) => 'group' in option && option.items.length === 0)

/**
 * Props for a searchable select: its filter (Mantine's default when none is given) followed, when it leaves nothing,
 * by one hint option with `message`.
 */
export function nothingFoundOption(message: string, filter?: OptionsFilter): { filter: OptionsFilter } {
  const base: OptionsFilter = filter ?? ((input) => defaultOptionsFilter(input) as ComboboxParsedItem[])
  return {
    filter: (input) => {
      const found = base(input)
      return isEmpty(found) ? [hintOption(message)] : found
    },
  }
}
