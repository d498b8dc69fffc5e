/**
 * One calm primary (dark teal) and status colours dark enough for 4.5:1 text contrast on white (WCAG AA):
 * Mantine's default palettes fail axe at their usual shades, so shade 8 of each palette we use is the one
 * filled buttons and light badges take (`primaryShade: 8`).
 */
import {
  Autocomplete,
  Combobox,
  createTheme,
  MultiSelect,
  Select,
  TagsInput,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core'
import { scrollingListboxDefaults, scrollingListboxMiddlewares } from './ui/scrolling-listbox'

const netra: MantineColorsTuple = [
  '#e6f3f3',
  '#cce5e6',
  '#99cbcd',
  '#66b0b3',
  '#3a989c',
  '#1f878b',
  '#137478',
  '#0f6a6e',
  '#0b5f63',
  '#084a4d',
]

// Status colours: red = overdue / disabled, green = done / active, orange (amber) = due soon / pending.
const red: MantineColorsTuple = [
  '#fff0f0',
  '#ffdede',
  '#ffbdbd',
  '#f79494',
  '#ee6a6a',
  '#e04848',
  '#cc3333',
  '#bd2b2b',
  '#b02525',
  '#8f1c1c',
]
const green: MantineColorsTuple = [
  '#ebf8ee',
  '#d3efd9',
  '#a8deb4',
  '#79cb8d',
  '#52b86b',
  '#3aa457',
  '#2d8c46',
  '#277d3d',
  '#1f6f2f',
  '#185a25',
]
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe4c2',
  '#ffc987',
  '#ffab4a',
  '#f58f1a',
  '#e07a00',
  '#b86400',
  '#9e5700',
  '#8a4b00',
  '#6e3c00',
]

export const theme = createTheme({
  primaryColor: 'netra',
  primaryShade: 8,
  colors: { netra, red, green, orange },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    // A modal's title bar is not the page banner: a second <header> landmark confuses screen-reader navigation.
    ModalHeader: { defaultProps: { component: 'div' } },
    // Mantine's focus placeholder (`role="presentation"`) inside `role="menu"` is an ARIA error (axe:
    // aria-required-children, critical) for as long as a menu is open.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    // Option lists scroll in the listbox itself and fit the window (axe: scrollable-region-focusable, serious, on
    // phones): see ui/scrolling-listbox.ts. The placement sits on the Combobox so that a select passing its own
    // `comboboxProps` keeps it.
    Combobox: Combobox.extend({ defaultProps: { middlewares: scrollingListboxMiddlewares } }),
    Select: Select.extend(scrollingListboxDefaults),
    MultiSelect: MultiSelect.extend(scrollingListboxDefaults),
    Autocomplete: Autocomplete.extend(scrollingListboxDefaults),
    TagsInput: TagsInput.extend(scrollingListboxDefaults),
  },
})

/** Dimmed and placeholder text darker than Mantine's defaults (gray.6 is 3.3:1 on white). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545e68',
    '--mantine-color-placeholder': '#6b7580',
    '--mantine-color-anchor': 'var(--mantine-color-netra-8)',
  },
  dark: {},
})
