import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { describe, expect, it } from 'vitest'
import { hintOption, hintOptionValue, isHintOption, nothingFoundOption } from './nothing-found-option'

const options: ComboboxParsedItem[] = [
  { value: 'a', label: 'Badan Kepegawaian' },
  { value: 'b', label: 'Dinas Kesehatan' },
]

describe('nothingFoundOption', () => {
  it('keeps what the filter finds', () => {
    const { filter } = nothingFoundOption('Tidak ada yang cocok')
    expect(filter({ options, search: 'dinas', limit: Infinity })).toEqual([options[1]])
  })

  it('gives one disabled hint option when nothing matches, so the listbox is never empty', () => {
    const { filter } = nothingFoundOption('Tidak ada yang cocok')
    const found = filter({ options, search: 'kominfo', limit: Infinity })
    expect(found).toEqual([{ value: hintOptionValue, label: 'Tidak ada yang cocok', disabled: true }])
    expect(found.every((option) => 'value' in option && isHintOption(option))).toBe(true)
  })

  it('wraps a custom filter, and treats groups left empty as nothing found', () => {
    const grouped: OptionsFilter = () => [{ group: 'OPD', items: [] }]
    expect(nothingFoundOption('Kosong', grouped).filter({ options, search: 'x', limit: 10 })).toEqual([
      hintOption('Kosong'),
    ])
    const prefix: OptionsFilter = ({ options: all, search }) =>
      all.filter((option) => 'label' in option && option.label.startsWith(search))
    expect(nothingFoundOption('Kosong', prefix).filter({ options, search: 'Dinas', limit: 10 })).toEqual([
      options[1],
    ])
  })
})
