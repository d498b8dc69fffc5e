/**
 * The unit tree as materialised paths: a unit's `path` is `/<root id>/…/<own id>/`. Pure helpers shared by the
 * roster service (moves, subtree queries) and role scopes (a unit_admin covers the subtree of their unit).
 */
export const rootPath = '/'

/** The path of a unit with this id placed under `parentPath` (`/` for a top-level unit). */
export const childPath = (parentPath: string, id: string): string => `${parentPath}${id}/`

/** Ids from the root down to the unit itself — the `unitAncestry` role scopes are checked against. */
export const ancestryOf = (path: string): string[] => path.split('/').filter(Boolean)

/** Depth of a path: 0 for a top-level unit. */
export const depthOf = (path: string): number => ancestryOf(path).length - 1

/** True when `path` is the unit at `ancestorPath` or lies below it. */
export const isWithin = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath)

/** A unit cannot move under itself or under one of its descendants. */
export const canMoveUnder = (unitPath: string, newParentPath: string | null): boolean =>
  newParentPath === null || !isWithin(newParentPath, unitPath)

/** After a move, a descendant's path keeps its tail and swaps the moved unit's old prefix for the new one. */
export const rebasePath = (path: string, oldPrefix: string, newPrefix: string): string =>
  isWithin(path, oldPrefix) ? `${newPrefix}${path.slice(oldPrefix.length)}` : path
