/**
 * Choose a Kemendagri region (kode wilayah) by name or code; the server searches the whole table (≈ 91,000 regions)
 * and offers the agency's own region and the regions below it first. Options read
 * "35.73.02 · Kecamatan Klojen, Kota Malang", so namesakes in other cities are told apart.
 */
import { Select, Text, type ComboboxItem } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/use-api-query'
import { hintOption, hintOptionValue, isHintOption } from '../../ui/nothing-found-option'
import { regionLabel, regionLevelOf, regionPlace, type NamedRegion } from './region-label'
import { regionsPath, type RegionList } from './regions.api'

export interface RegionPickerProps {
  readonly label: string
  /** The chosen code (dotted), or null. */
  readonly value: string | null
  readonly onChange: (code: string | null) => void
  /** The stored name of `value` (the unit's `regionName`), shown until the region's details have loaded. */
  readonly valueName?: string | null
  readonly description?: string
  readonly error?: string | null
  readonly required?: boolean
  readonly id?: string
}

interface RegionOption extends ComboboxItem {
  /** Null for the hint row ("loading", "no match"). */
  readonly region: NamedRegion | null
  /** The label without the code: "Kecamatan Klojen, Kota Malang". */
  readonly place: string
}

const pageSize = 20

export function RegionPicker({
  label,
  value,
  onChange,
  valueName,
  description,
  error,
  required,
  id,
}: RegionPickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [isOpen, setIsOpen] = useState(false)
  const [chosen, setChosen] = useState<NamedRegion | null>(null)
  const [debounced] = useDebouncedValue(search.trim(), 250)

  // The details of a value set from outside (editing a unit): its exact code comes first in a code search.
  const needsDetails = value !== null && chosen?.code !== value
  const details = useApiQuery<RegionList>(needsDetails ? regionsPath({ q: value, limit: 1 }) : null)
  const current = useMemo<NamedRegion | null>(() => {
    if (value === null) return null
    if (chosen?.code === value) return chosen
    const loaded = details.data?.items.find((item) => item.code === value)
    if (loaded) return loaded
    return { code: value, name: valueName ?? '', level: regionLevelOf(value) ?? 'village' }
  }, [value, chosen, details.data, valueName])
  const currentLabel = current ? (current.name ? regionLabel(t, current) : current.code) : null

  // Mantine puts the chosen label in the box (first the stored name, then the full label once the details arrive):
  // that is not a search, and the list then offers the default regions.
  const showsValue = value !== null && (debounced === currentLabel || debounced.startsWith(`${value} · `))
  const query = showsValue ? '' : debounced
  const results = useApiQuery<RegionList>(
    isOpen || query ? regionsPath({ q: query || undefined, limit: pageSize }) : null,
  )

  const options = useMemo<RegionOption[]>(() => {
    const optionOf = (region: NamedRegion): RegionOption => ({
      value: region.code,
      label: region.name ? regionLabel(t, region) : region.code,
      region,
      place: region.name ? regionPlace(t, region) : '',
    })
    const list = (results.data?.items ?? []).map(optionOf)
    if (list.length === 0) {
      // Nothing to show yet (loading) or nothing matches: say so in a disabled option, never an empty listbox.
      const hint = results.isLoading
        ? t('common.status.loading')
        : results.error
          ? t('units.region.picker.load_failed')
          : t('units.region.picker.no_match', { q: query })
      list.push({ ...hintOption(hint), region: null, place: '' })
    }
    // The chosen region stays an option (Mantine shows its label, and follows it when its details arrive): first in
    // the default list, last while searching, so that the arrow keys reach the matches first.
    if (current && !list.some((option) => option.value === current.code)) {
      if (query === '') list.unshift(optionOf(current))
      else list.push(optionOf(current))
    }
    return list
  }, [results.data, results.isLoading, results.error, current, query, t])

  return (
    <Select
      id={id}
      label={label}
      description={description}
      placeholder={t('units.region.picker.placeholder')}
      data={options}
      value={value}
      onChange={(code) => {
        if (code === hintOptionValue) return
        const option = options.find((candidate) => candidate.value === code)
        setChosen(option?.region ?? null)
        onChange(code)
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onDropdownOpen={() => setIsOpen(true)}
      onDropdownClose={() => setIsOpen(false)}
      clearable
      allowDeselect={false}
      required={required}
      error={error}
      renderOption={({ option }) => {
        const { region, place } = option as RegionOption
        if (!region || isHintOption(option))
          return (
            <Text size="sm" c="dimmed">
              {option.label}
            </Text>
          )
        return (
          <Text size="sm">
            <Text span size="sm" c="dimmed" ff="monospace">
              {region.code}
            </Text>
            {place && ` · ${place}`}
          </Text>
        )
      }}
    />
  )
}
