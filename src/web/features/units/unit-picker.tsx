/**
 * A searchable unit select: every unit the reader may see, found by words of its name or the start of its code,
 * each option with the units above it (names repeat: many OPD have a "Sekretariat").
 */
import { Group, Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/use-api-query'
import { isHintOption, nothingFoundOption } from '../../ui/nothing-found-option'
import { ancestryLabel, buildUnitForest, unitMatches } from './unit-forest'
import { UnitInactiveBadge } from './unit-labels'
import { unitTreePath, type UnitTree, type UnitTreeItem } from './units.api'

export interface UnitPickerProps {
  readonly label: string
  readonly value: string | null
  readonly onChange: (unitId: string | null) => void
  /** The units to offer; loaded when absent. */
  readonly units?: readonly UnitTreeItem[]
  /** Units shown but not choosable (a unit and its subtree when moving it), with the reason. */
  readonly isDisabled?: (unit: UnitTreeItem) => boolean
  readonly disabledReason?: string
  /** Leave inactive units out (placing people or units needs an active unit). */
  readonly activeOnly?: boolean
  readonly description?: string
  readonly placeholder?: string
  readonly error?: string | null
  readonly required?: boolean
  readonly clearable?: boolean
  readonly disabled?: boolean
  readonly w?: string | number | Record<string, string | number>
  readonly id?: string
  readonly 'data-autofocus'?: boolean
}

interface UnitOption extends ComboboxItem {
  readonly ancestry: string
  readonly isActive: boolean
  readonly name: string
  readonly code: string | null
}

export function UnitPicker({
  label,
  value,
  onChange,
  units,
  isDisabled,
  disabledReason,
  activeOnly = false,
  description,
  placeholder,
  error,
  required,
  clearable = true,
  disabled,
  w,
  ...rest
}: UnitPickerProps) {
  const { t } = useTranslation()
  const loaded = useApiQuery<UnitTree>(units ? null : unitTreePath({ includeInactive: !activeOnly }))
  const items = units ?? loaded.data?.items

  const options = useMemo<UnitOption[]>(() => {
    if (!items) return []
    const forest = buildUnitForest(items)
    return items
      .filter((unit) => !activeOnly || unit.isActive || unit.id === value)
      .map((unit) => {
        const ancestry = ancestryLabel(forest, unit.id)
        const parentName = unit.parentId ? forest.byId.get(unit.parentId)?.name : undefined
        return {
          value: unit.id,
          label: parentName ? `${unit.name} (${parentName})` : unit.name,
          name: unit.name,
          code: unit.code,
          ancestry,
          isActive: unit.isActive,
          disabled: isDisabled?.(unit) ?? false,
        }
      })
  }, [items, activeOnly, value, isDisabled])

  const filter: OptionsFilter = ({ options: all, search }) => {
    // Mantine shows the chosen label in the box: searching with it would hide every other unit.
    const chosen = all.find((option) => 'value' in option && option.value === value)
    const query = chosen && 'label' in chosen && chosen.label === search ? '' : search
    return (all as UnitOption[]).filter((option) => unitMatches(option, query))
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('units.picker.placeholder')}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled || (!items && !loaded.error)}
      error={error ?? (loaded.error ? t('units.picker.load_failed') : undefined)}
      {...nothingFoundOption(t('common.list.no_match'), filter)}
      limit={300}
      w={w}
      renderOption={({ option }) => {
        if (isHintOption(option))
          return (
            <Text size="sm" c="dimmed">
              {option.label}
            </Text>
          )
        const unit = option as UnitOption
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500}>
                {unit.name}
              </Text>
              {unit.code && (
                <Text size="xs" c="dimmed">
                  {unit.code}
                </Text>
              )}
              {!unit.isActive && <UnitInactiveBadge />}
            </Group>
            {unit.ancestry && (
              <Text size="xs" c="dimmed">
                {unit.ancestry}
              </Text>
            )}
            {unit.disabled && disabledReason && (
              <Text size="xs" c="dimmed">
                {disabledReason}
              </Text>
            )}
          </Stack>
        )
      }}
      {...rest}
    />
  )
}
