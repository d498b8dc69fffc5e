/**
 * The flat, depth-first unit list of GET /units turned into what the tree view and the unit pickers need: children
 * per unit, the rows currently visible given which units are expanded, descendants (a unit cannot move below
 * them) and the size of the reader's scope. Pure, so it is tested without a browser.
 */
import type { UnitTreeItem } from './units.api'

export interface UnitForest {
  readonly byId: ReadonlyMap<string, UnitTreeItem>
  /** Units whose parent is not listed (the top of what the reader may see), in the server's order. */
  readonly roots: readonly string[]
  readonly children: ReadonlyMap<string, readonly string[]>
}

export function buildUnitForest(items: readonly UnitTreeItem[]): UnitForest {
  const byId = new Map(items.map((unit) => [unit.id, unit]))
  const roots: string[] = []
  const children = new Map<string, string[]>()
  for (const unit of items) {
    if (unit.parentId !== null && byId.has(unit.parentId)) {
      const siblings = children.get(unit.parentId)
      if (siblings) siblings.push(unit.id)
      else children.set(unit.parentId, [unit.id])
    } else {
      roots.push(unit.id)
    }
  }
  return { byId, roots, children }
}

export interface UnitRow {
  readonly unit: UnitTreeItem
  /** 1 for a root (aria-level). */
  readonly level: number
  /** Position among its siblings, from 1 (aria-posinset), and how many siblings there are (aria-setsize). */
  readonly position: number
  readonly setSize: number
  readonly hasChildren: boolean
  readonly isExpanded: boolean
  readonly parentId: string | null
}

/** The rows to draw, depth first: every root, and the children of every expanded unit. */
export function visibleRows(forest: UnitForest, expanded: ReadonlySet<string>): UnitRow[] {
  const rows: UnitRow[] = []
  const visit = (ids: readonly string[], level: number, parentId: string | null) => {
    ids.forEach((id, index) => {
      const unit = forest.byId.get(id)
      if (!unit) return
      const kids = forest.children.get(id) ?? []
      const isExpanded = kids.length > 0 && expanded.has(id)
      rows.push({
        unit,
        level,
        position: index + 1,
        setSize: ids.length,
        hasChildren: kids.length > 0,
        isExpanded,
        parentId,
      })
      if (isExpanded) visit(kids, level + 1, id)
    })
  }
  visit(forest.roots, 1, null)
  return rows
}

/** Every unit below `unitId` (not the unit itself). */
export function descendantIds(forest: UnitForest, unitId: string): Set<string> {
  const found = new Set<string>()
  const stack = [...(forest.children.get(unitId) ?? [])]
  while (stack.length > 0) {
    const id = stack.pop() as string
    found.add(id)
    stack.push(...(forest.children.get(id) ?? []))
  }
  return found
}

/** The listed ancestors of a unit, top first (not the unit itself). */
export function ancestorIds(forest: UnitForest, unitId: string): string[] {
  const path: string[] = []
  let current = forest.byId.get(unitId)?.parentId ?? null
  while (current !== null && forest.byId.has(current) && !path.includes(current)) {
    path.unshift(current)
    current = forest.byId.get(current)?.parentId ?? null
  }
  return path
}

/** Units that have children: "expand all" (and what a search result opens). */
export const parentIds = (forest: UnitForest): Set<string> => new Set(forest.children.keys())

export interface ScopeSize {
  readonly units: number
  readonly activeUnits: number
  /** Active employees in every unit the reader may see. */
  readonly employees: number
}

/** How much of the roster the reader covers: every listed unit, and the employees of the subtrees at the top. */
export function scopeSize(items: readonly UnitTreeItem[]): ScopeSize {
  const forest = buildUnitForest(items)
  return {
    units: items.length,
    activeUnits: items.filter((unit) => unit.isActive).length,
    employees: forest.roots.reduce((sum, id) => sum + (forest.byId.get(id)?.subtreeEmployeeCount ?? 0), 0),
  }
}

const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/**
 * Does a unit match what someone typed into a unit picker? Every typed word must begin a word of the name (as the
 * server's search does), or the text must begin the unit's code.
 */
export function unitMatches(unit: Pick<UnitTreeItem, 'name' | 'code'>, query: string): boolean {
  const typed = query.trim().toLowerCase()
  if (typed === '') return true
  if (unit.code?.toLowerCase().startsWith(typed)) return true
  const nameWords = words(unit.name)
  return words(typed).every((word) => nameWords.some((candidate) => candidate.startsWith(word)))
}

/** `Dinas Kesehatan › Bidang Pelayanan Kesehatan`: the listed ancestors of a unit, for picker options. */
export function ancestryLabel(forest: UnitForest, unitId: string): string {
  return ancestorIds(forest, unitId)
    .map((id) => forest.byId.get(id)?.name ?? '')
    .join(' › ')
}

export interface FilteredUnits {
  /** The matching units and every ancestor needed to place them, in the original order. */
  readonly items: readonly UnitTreeItem[]
  readonly matchIds: ReadonlySet<string>
}

/** Search the tree in the browser (the list is already here): matches plus their ancestors, as GET /units?q= does. */
export function filterUnits(items: readonly UnitTreeItem[], query: string): FilteredUnits {
  if (query.trim() === '') return { items, matchIds: new Set(items.map((unit) => unit.id)) }
  const forest = buildUnitForest(items)
  const matchIds = new Set(items.filter((unit) => unitMatches(unit, query)).map((unit) => unit.id))
  const keep = new Set(matchIds)
  for (const id of matchIds) for (const ancestor of ancestorIds(forest, id)) keep.add(ancestor)
  return { items: items.filter((unit) => keep.has(unit.id)), matchIds }
}
