/**
 * Pure rules of events: the status lifecycle, who an event targets, which events a unit-scoped admin reaches, and
 * how rates are rounded. No I/O.
 */
import { isWithin } from '../../domain/unit-tree.js'
import type { EventStatus } from './events.schema.js'

export type EventTransition = 'hold' | 'cancel'

const transitions: Record<EventStatus, Partial<Record<EventTransition, EventStatus>>> = {
  scheduled: { hold: 'held', cancel: 'cancelled' },
  held: {},
  cancelled: {},
}

/** The status after a transition, or null when the transition is not allowed from `from`. */
export const nextEventStatus = (from: EventStatus, transition: EventTransition): EventStatus | null =>
  transitions[from][transition] ?? null

/** Is an employee whose unit sits at `unitPath` targeted? No target units = the whole agency. */
export const isTargetedPath = (unitPath: string, targetPaths: readonly string[]): boolean =>
  targetPaths.length === 0 || targetPaths.some((target) => isWithin(unitPath, target))

/**
 * Does an event concern an admin whose reach is `scopePaths` (null = the whole agency)? Yes when the event is
 * agency-wide, or a target subtree overlaps a scope subtree (one lies within the other).
 */
export function eventTouchesScope(
  targetPaths: readonly string[],
  scopePaths: readonly string[] | null,
): boolean {
  if (scopePaths === null || targetPaths.length === 0) return true
  return targetPaths.some((target) =>
    scopePaths.some((scope) => isWithin(target, scope) || isWithin(scope, target)),
  )
}

/**
 * May an admin whose reach is `scopePaths` change the event (edit, cancel, files, leader's signature)? Agency-wide
 * admins always; a unit admin only when every target lies inside their reach (agency-wide events are not theirs).
 */
export function eventWithinScope(
  targetPaths: readonly string[],
  scopePaths: readonly string[] | null,
): boolean {
  if (scopePaths === null) return true
  if (targetPaths.length === 0) return false
  return targetPaths.every((target) => scopePaths.some((scope) => isWithin(target, scope)))
}

/** part / whole × 100 with one decimal; 0 when there is no whole. */
export const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
