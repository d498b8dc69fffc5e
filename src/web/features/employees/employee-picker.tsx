/**
 * Find one employee by name or NIP (the server searches; digits search the NIP): used to choose a direct superior
 * or a unit head. Options show the NIP grouped, the position and the unit, so two people of the same name are told
 * apart.
 */
import { Select, Stack, Text, type ComboboxItem } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { withQuery } from '../../api/client'
import { useApiQuery } from '../../api/use-api-query'
import { hintOption, isHintOption } from '../../ui/nothing-found-option'
import { groupedNip } from './nip-format'
import { employeesPath, type EmployeeList } from './employees.api'

/** What the picker knows about the chosen person (enough to show them before any search). */
export interface PickedEmployee {
  readonly id: string
  readonly displayName: string
  readonly nip: string | null
  readonly positionTitle: string | null
  readonly unitName: string
}

export interface EmployeePickerProps {
  readonly label: string
  readonly value: PickedEmployee | null
  readonly onChange: (employee: PickedEmployee | null) => void
  /** Only employees of this unit and the units below it. */
  readonly unitId?: string | undefined
  /** Left out of the options (the employee themself, when choosing their superior). */
  readonly excludeId?: string
  readonly description?: string
  readonly error?: string | null
  readonly required?: boolean
  readonly id?: string
  readonly 'data-autofocus'?: boolean
}

interface EmployeeOption extends ComboboxItem {
  readonly person: PickedEmployee
}

const minimumSearch = 2

export function EmployeePicker({
  label,
  value,
  onChange,
  unitId,
  excludeId,
  description,
  error,
  required,
  ...rest
}: EmployeePickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState(value?.displayName ?? '')
  const [debounced] = useDebouncedValue(search.trim(), 300)
  // The box shows the chosen name after a choice: that is not a new search.
  const query = debounced.length >= minimumSearch && debounced !== value?.displayName ? debounced : ''
  const results = useApiQuery<EmployeeList>(
    query ? withQuery(employeesPath, { q: query, unitId, status: 'active', pageSize: 20 }) : null,
  )

  const hint = query
    ? results.isLoading
      ? t('common.status.loading')
      : t('employees.picker.no_match')
    : t('employees.picker.type_to_search')

  // The server searches, so the hint ("type to search", "loading", "no match") is an option of the data
  // (ui/nothing-found-option.ts), shown as soon as the picker opens.
  const options = useMemo<ComboboxItem[]>(() => {
    const people: PickedEmployee[] = (query ? (results.latestData?.items ?? []) : []).map((item) => ({
      id: item.id,
      displayName: item.displayName,
      nip: item.nip,
      positionTitle: item.positionTitle,
      unitName: item.unitName,
    }))
    if (value && !people.some((person) => person.id === value.id)) people.unshift(value)
    const found = people
      .filter((person) => person.id !== excludeId)
      .map((person): EmployeeOption => ({ value: person.id, label: person.displayName, person }))
    const hasResults = query !== '' && !results.isLoading && (results.latestData?.items.length ?? 0) > 0
    return hasResults ? found : [...found, hintOption(hint)]
  }, [query, results.latestData, results.isLoading, value, excludeId, hint])

  return (
    <Select
      label={label}
      description={description ?? t('employees.picker.help')}
      placeholder={t('employees.picker.placeholder')}
      data={options}
      value={value?.id ?? null}
      onChange={(id) => {
        const chosen = options.find((option) => option.value === id)
        if (chosen && isHintOption(chosen)) return
        onChange(chosen ? (chosen as EmployeeOption).person : null)
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      required={required}
      error={error ?? (results.error ? t('employees.picker.load_failed') : undefined)}
      renderOption={({ option }) => {
        if (isHintOption(option))
          return (
            <Text size="sm" c="dimmed">
              {option.label}
            </Text>
          )
        const { person } = option as EmployeeOption
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {person.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                person.nip ? groupedNip(person.nip) : t('employees.detail.no_nip'),
                person.positionTitle,
                person.unitName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        )
      }}
      {...rest}
    />
  )
}
