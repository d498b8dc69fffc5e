/**
 * Who reaches which event — the one place the events services decide scope (agency + unit subtree):
 * - agency admins (and super admins) reach every event of the agency;
 * - a unit admin SEES an event that is agency-wide or whose target subtrees overlap their own (event-rules.ts
 *   `eventTouchesScope`), and sees in it only the attendance, rates and scores of their own subtree; they MANAGE
 *   (edit, cancel, files, quiz, leader's signature) only events whose every target lies in their subtree;
 * - operators record attendance on events they see, for employees of their own subtree only;
 * - anything outside is "not found" (404), never 403.
 * Also the small helpers every events service shares (unit names, drill-down buckets).
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf, isWithin } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { resolveRosterScope, type RosterScope } from '../units/units.service.js'
import { eventTouchesScope, eventWithinScope } from './event-rules.js'
import * as repo from './events.repository.js'

export type TargetUnit = Awaited<ReturnType<typeof repo.findEventUnits>>[number]

export interface LoadedEvent {
  readonly event: repo.EventRow
  readonly scope: RosterScope
  readonly targets: readonly TargetUnit[]
  readonly canManage: boolean
}

export const eventNotFound = (eventId: string) => new DomainError('event.not_found', { eventId })

export function assertOpenForCheckIn(event: repo.EventRow): void {
  if (event.status === 'cancelled') throw new DomainError('event.cancelled', { eventId: event.id })
}

export const byUnitName = (
  a: { unitName: string; unitId: string },
  b: { unitName: string; unitId: string },
) => a.unitName.localeCompare(b.unitName, 'id') || a.unitId.localeCompare(b.unitId)

export const inScope = (unitPath: string, scope: RosterScope) =>
  scope.unitPaths === null || scope.unitPaths.some((root) => isWithin(unitPath, root))

/** The drill-down bucket of a path: the child of `unitId`, or the top unit of the reader's reach. */
export function bucketer(scope: RosterScope, unitId: string | undefined) {
  return (unitPath: string): string | null => {
    const ids = ancestryOf(unitPath)
    if (unitId) return ids[ids.indexOf(unitId) + 1] ?? null
    if (scope.unitPaths === null) return ids[0] ?? null
    const roots = scope.unitPaths.map((root) => ancestryOf(root).at(-1))
    return ids.find((id) => roots.includes(id)) ?? null
  }
}

export function createEventAccess(db: Kysely<Database>) {
  /** The actor's reach in an agency (agency or unit admin), or null when they hold no such role there. */
  async function scopeOf(actor: Actor, agencyId: string): Promise<RosterScope | null> {
    try {
      return await resolveRosterScope(db, actor, agencyId, 'manage')
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'auth.forbidden' || error.code === 'agency.not_found')
      )
        return null
      throw error
    }
  }

  const loadEvent = async (
    actor: Actor,
    eventId: string,
    access: 'read' | 'manage',
  ): Promise<LoadedEvent> => {
    const event = await repo.findEventById(db, eventId)
    if (!event) throw eventNotFound(eventId)
    const scope = await scopeOf(actor, event.agencyId)
    if (!scope) throw eventNotFound(eventId)
    const targets = await repo.findEventUnits(db, [eventId])
    const targetPaths = targets.map((unit) => unit.path)
    if (!eventTouchesScope(targetPaths, scope.unitPaths)) throw eventNotFound(eventId)
    const canManage = eventWithinScope(targetPaths, scope.unitPaths)
    // The event is visible to this actor: refusing the change reveals nothing.
    if (access === 'manage' && !canManage)
      throw new DomainError('auth.forbidden', { reason: 'event_not_yours' })
    return { event, scope, targets, canManage }
  }

  /** A unit of the agency inside the actor's reach, or `unit.not_found`. */
  const loadScopedUnit = async (scope: RosterScope, unitId: string) => {
    const [unit] = await repo.findUnitsByIds(db, [unitId])
    if (!unit || unit.agencyId !== scope.agencyId || !inScope(unit.path, scope))
      throw new DomainError('unit.not_found', { unitId })
    return unit
  }

  const unitNames = async (ids: readonly string[]): Promise<Map<string, string>> =>
    new Map((await repo.findUnitsByIds(db, ids)).map((unit) => [unit.id, unit.name]))

  return { loadEvent, loadScopedUnit, unitNames }
}

export type EventAccess = ReturnType<typeof createEventAccess>
