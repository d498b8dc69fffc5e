import { describe, expect, it } from 'vitest'
import {
  ancestorIds,
  ancestryLabel,
  buildUnitForest,
  descendantIds,
  filterUnits,
  scopeSize,
  unitMatches,
  visibleRows,
} from './unit-forest'
import type { UnitTreeItem } from './units.api'

function unit(id: string, parentId: string | null, extra: Partial<UnitTreeItem> = {}): UnitTreeItem {
  return {
    id,
    agencyId: 'a',
    parentId,
    code: null,
    name: id,
    kind: 'opd',
    regionCode: null,
    regionName: null,
    headEmployeeId: null,
    path: `/${id}/`,
    depth: 0,
    isActive: true,
    deactivatedAt: null,
    employeeCount: 0,
    subtreeEmployeeCount: 0,
    matches: true,
    ...extra,
  }
}

// dinkes ─┬─ yankes ── puskesmas
//         └─ p2p
// disdik
const items = [
  unit('dinkes', null, { subtreeEmployeeCount: 40, name: 'Dinas Kesehatan', code: 'DINKES' }),
  unit('yankes', 'dinkes', { subtreeEmployeeCount: 25, name: 'Bidang Pelayanan Kesehatan' }),
  unit('puskesmas', 'yankes', { subtreeEmployeeCount: 12 }),
  unit('p2p', 'dinkes', { subtreeEmployeeCount: 5, isActive: false }),
  unit('disdik', null, { subtreeEmployeeCount: 60 }),
]

describe('buildUnitForest', () => {
  it('treats units whose parent is not listed as roots (a unit admin sees their subtree only)', () => {
    const forest = buildUnitForest(items.slice(1, 3))
    expect(forest.roots).toEqual(['yankes'])
    expect(forest.children.get('yankes')).toEqual(['puskesmas'])
  })
})

describe('visibleRows', () => {
  const forest = buildUnitForest(items)

  it('shows only the roots when nothing is expanded', () => {
    expect(visibleRows(forest, new Set()).map((row) => row.unit.id)).toEqual(['dinkes', 'disdik'])
  })

  it('shows the children of expanded units with their level and place among siblings', () => {
    const rows = visibleRows(forest, new Set(['dinkes']))
    expect(rows.map((row) => [row.unit.id, row.level, row.position, row.setSize, row.hasChildren])).toEqual([
      ['dinkes', 1, 1, 2, true],
      ['yankes', 2, 1, 2, true],
      ['p2p', 2, 2, 2, false],
      ['disdik', 1, 2, 2, false],
    ])
    expect(rows[0]?.isExpanded).toBe(true)
    expect(rows[1]?.isExpanded).toBe(false)
  })

  it('hides the children of a collapsed unit even when a unit below it is expanded', () => {
    const rows = visibleRows(forest, new Set(['yankes']))
    expect(rows.map((row) => row.unit.id)).toEqual(['dinkes', 'disdik'])
  })
})

describe('descendantIds and ancestorIds', () => {
  const forest = buildUnitForest(items)

  it('lists every unit below a unit', () => {
    expect([...descendantIds(forest, 'dinkes')].sort()).toEqual(['p2p', 'puskesmas', 'yankes'])
    expect(descendantIds(forest, 'disdik').size).toBe(0)
  })

  it('lists the ancestors top first', () => {
    expect(ancestorIds(forest, 'puskesmas')).toEqual(['dinkes', 'yankes'])
    expect(ancestryLabel(forest, 'puskesmas')).toBe('Dinas Kesehatan › Bidang Pelayanan Kesehatan')
    expect(ancestorIds(forest, 'dinkes')).toEqual([])
  })
})

describe('scopeSize', () => {
  it('counts listed units and the employees of the top subtrees once', () => {
    expect(scopeSize(items)).toEqual({ units: 5, activeUnits: 4, employees: 100 })
  })

  it('counts a unit admin’s subtree from its own top unit', () => {
    expect(scopeSize(items.slice(1, 3))).toEqual({ units: 2, activeUnits: 2, employees: 25 })
  })
})

describe('unitMatches', () => {
  const dinkes = { name: 'Dinas Kesehatan', code: 'DINKES' }

  it.each([
    ['', true],
    ['kes', true],
    ['din kes', true],
    ['dinkes', true],
    ['DIN', true],
    ['sehat', false],
    ['pendidikan', false],
  ])('matches "%s": %s', (query, expected) => {
    expect(unitMatches(dinkes, query)).toBe(expected)
  })
})

describe('filterUnits', () => {
  it('keeps the matches and the units above them, in tree order', () => {
    const { items: found, matchIds } = filterUnits(items, 'pelayanan')
    expect(found.map((unit) => unit.id)).toEqual(['dinkes', 'yankes'])
    expect([...matchIds]).toEqual(['yankes'])
  })

  it('keeps everything for an empty search', () => {
    expect(filterUnits(items, '  ').items).toHaveLength(items.length)
  })
})
