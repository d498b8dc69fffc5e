/**
 * The unit tree as an ARIA tree (WAI-ARIA APG "tree view"): one tab stop; ↑/↓ move, → opens or goes to the first
 * sub-unit, ← closes or goes to the parent, Home/End jump, Enter/Space choose the unit; a click on the arrow opens
 * or closes. Rows are flat `treeitem`s with aria-level/setsize/posinset, so nothing inside a row is focusable.
 */
import { Group, Text } from '@mantine/core'
import { IconChevronDown, IconChevronRight, IconPointFilled } from '@tabler/icons-react'
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../format/date-time'
import type { UnitRow } from './unit-forest'
import { UnitInactiveBadge, UnitKindBadge } from './unit-labels'

export interface UnitTreeViewProps {
  readonly label: string
  readonly rows: readonly UnitRow[]
  readonly selectedId: string | null
  /** The row holding the tab stop (the selected one, else the first). */
  readonly focusedId: string | null
  readonly onFocusChange: (unitId: string) => void
  readonly onSelect: (unitId: string) => void
  readonly onToggle: (unitId: string, expand: boolean) => void
  /** Show which units matched a search (their ancestors are listed to place them). */
  readonly highlightMatches?: boolean
}

export const treeItemId = (unitId: string) => `unit-tree-${unitId}`

export function UnitTreeView({
  label,
  rows,
  selectedId,
  focusedId,
  onFocusChange,
  onSelect,
  onToggle,
  highlightMatches = false,
}: UnitTreeViewProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const listRef = useRef<HTMLUListElement>(null)
  const shouldFocus = useRef(false)
  const tabStop = rows.some((row) => row.unit.id === focusedId) ? focusedId : (rows[0]?.unit.id ?? null)

  // Keyboard moves put focus on the new row once it is drawn (expanding may have added it).
  useEffect(() => {
    if (!shouldFocus.current || !tabStop) return
    shouldFocus.current = false
    document.getElementById(treeItemId(tabStop))?.focus()
  }, [tabStop, rows])

  const moveTo = (unitId: string | undefined) => {
    if (!unitId) return
    shouldFocus.current = true
    onFocusChange(unitId)
    document.getElementById(treeItemId(unitId))?.focus()
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const row = rows[index]
    if (!row) return
    switch (event.key) {
      case 'ArrowDown':
        moveTo(rows[index + 1]?.unit.id)
        break
      case 'ArrowUp':
        moveTo(rows[index - 1]?.unit.id)
        break
      case 'Home':
        moveTo(rows[0]?.unit.id)
        break
      case 'End':
        moveTo(rows[rows.length - 1]?.unit.id)
        break
      case 'ArrowRight':
        if (row.hasChildren && !row.isExpanded) onToggle(row.unit.id, true)
        else if (row.isExpanded) moveTo(rows[index + 1]?.unit.id)
        break
      case 'ArrowLeft':
        if (row.isExpanded) onToggle(row.unit.id, false)
        else if (row.parentId) moveTo(row.parentId)
        break
      case 'Enter':
      case ' ':
        onSelect(row.unit.id)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <ul role="tree" aria-label={label} className="netra-tree" ref={listRef}>
      {rows.map((row, index) => {
        const { unit } = row
        const isSelected = unit.id === selectedId
        const Chevron = row.hasChildren
          ? row.isExpanded
            ? IconChevronDown
            : IconChevronRight
          : IconPointFilled
        return (
          <li
            key={unit.id}
            id={treeItemId(unit.id)}
            role="treeitem"
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.position}
            aria-expanded={row.hasChildren ? row.isExpanded : undefined}
            aria-selected={isSelected}
            tabIndex={unit.id === tabStop ? 0 : -1}
            className="netra-tree-item"
            data-selected={isSelected || undefined}
            data-inactive={!unit.isActive || undefined}
            style={{ '--netra-tree-level': row.level - 1 } as CSSProperties}
            onClick={() => {
              onFocusChange(unit.id)
              onSelect(unit.id)
            }}
            onKeyDown={(event) => handleKeyDown(event, index)}
          >
            <span
              className="netra-tree-toggle"
              aria-hidden
              data-leaf={!row.hasChildren || undefined}
              onClick={(event) => {
                if (!row.hasChildren) return
                event.stopPropagation()
                onFocusChange(unit.id)
                onToggle(unit.id, !row.isExpanded)
              }}
            >
              <Chevron size={row.hasChildren ? 18 : 8} />
            </span>
            <Group gap={6} wrap="wrap" className="netra-tree-label">
              <Text span fw={highlightMatches && unit.matches ? 700 : 500} size="sm">
                {unit.name}
              </Text>
              {unit.code && (
                <Text span size="xs" c="dimmed">
                  {unit.code}
                </Text>
              )}
              <UnitKindBadge kind={unit.kind} />
              {!unit.isActive && <UnitInactiveBadge />}
            </Group>
            <Text span size="xs" className="netra-tree-count">
              {t('units.tree.employees', {
                count: unit.subtreeEmployeeCount,
                formatted: formatNumber(unit.subtreeEmployeeCount, language),
              })}
              {/* With sub-units the total includes them: say how many work in the unit itself. */}
              {row.hasChildren && (
                <span className="netra-tree-count-own">
                  {t('units.tree.employees_own', {
                    count: unit.employeeCount,
                    formatted: formatNumber(unit.employeeCount, language),
                  })}
                </span>
              )}
            </Text>
          </li>
        )
      })}
    </ul>
  )
}
