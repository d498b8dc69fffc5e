/**
 * Events (issue #4 points 5 and 6): sosialisasi, apel and bimtek with target units, speakers, an election; their
 * lifecycle (scheduled → held or cancelled) and the apel leader's confirmation of the record. Scope is decided in
 * event-access.ts; attendance, files, quizzes and reports have services of their own next to this one:
 * event-attendance.service.ts, event-check-in.service.ts, event-files.service.ts, event-quiz.service.ts,
 * event-reports.service.ts. Every state change is audited inside its transaction.
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { resolveRosterScope, rosterAgencyOf, type RosterScope } from '../units/units.service.js'
import { createEventAccess, inScope, type LoadedEvent, type TargetUnit } from './event-access.js'
import { eventTouchesScope, eventWithinScope, nextEventStatus, type EventTransition } from './event-rules.js'
import * as repo from './events.repository.js'
import type {
  CancelEventBody,
  CreateEventBody,
  EventKind,
  EventList,
  EventStatus,
  EventView,
  LeaderInput,
  LeaderSignatureBody,
  ListEventsQuery,
  Speaker,
  UpdateEventBody,
} from './events.schema.js'

export interface EventsServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
}

export function createEventsService({ db, clock }: EventsServiceDeps) {
  const { loadEvent } = createEventAccess(db)

  async function resolveTargets(scope: RosterScope, unitIds: readonly string[]) {
    const ids = [...new Set(unitIds)]
    const units = await repo.findUnitsByIds(db, ids)
    for (const id of ids) {
      const unit = units.find((candidate) => candidate.id === id)
      if (!unit || unit.agencyId !== scope.agencyId || !inScope(unit.path, scope))
        throw new DomainError('unit.not_found', { unitId: id })
    }
    // A unit admin's event must name units: an agency-wide event is the agency admin's.
    if (scope.unitPaths !== null && ids.length === 0)
      throw new DomainError('auth.forbidden', { reason: 'agency_wide_event' })
    return ids
  }

  async function resolveLeader(
    scope: RosterScope,
    leader: LeaderInput | null,
  ): Promise<Pick<repo.EventRow, 'leaderEmployeeId' | 'leaderName' | 'leaderPosition'>> {
    if (leader === null) return { leaderEmployeeId: null, leaderName: null, leaderPosition: null }
    if ('name' in leader)
      return { leaderEmployeeId: null, leaderName: leader.name, leaderPosition: leader.position }
    const [employee] = await repo.findEmployeesByIds(db, [leader.employeeId])
    if (!employee || employee.agencyId !== scope.agencyId || !inScope(employee.unitPath, scope))
      throw new DomainError('event.leader_invalid', { employeeId: leader.employeeId })
    return {
      leaderEmployeeId: employee.id,
      leaderName: employee.name,
      leaderPosition: employee.positionTitle,
    }
  }

  async function checkElection(agencyId: string, electionId: string | null) {
    if (electionId === null) return
    const election = await repo.findElection(db, electionId)
    if (!election || election.agencyId !== agencyId)
      throw new DomainError('event.election_invalid', { electionId })
  }

  function checkApelFields(kind: EventKind, fields: { ikrarRead: boolean; leader: LeaderInput | null }) {
    if (kind !== 'apel' && (fields.ikrarRead || fields.leader !== null))
      throw new DomainError('event.apel_only', { kind })
  }

  /* Views ------------------------------------------------------------------------------------------------- */

  const visibleTargets = (targets: readonly TargetUnit[], scope: RosterScope) =>
    targets.filter((unit) => eventTouchesScope([unit.path], scope.unitPaths))

  function toView(loaded: LoadedEvent, attendanceCount: number): EventView {
    const { event, scope, targets, canManage } = loaded
    return {
      id: event.id,
      agencyId: event.agencyId,
      kind: event.kind as EventKind,
      title: event.title,
      description: event.description,
      electionId: event.electionId,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venue: event.venue,
      speakers: JSON.parse(event.speakers) as Speaker[],
      targetUnits: visibleTargets(targets, scope).map((unit) => ({ id: unit.id, name: unit.name })),
      status: event.status as EventStatus,
      statusChangedAt: event.statusChangedAt,
      cancelReason: event.cancelReason,
      ikrarRead: Number(event.ikrarRead) === 1,
      leader:
        event.leaderName === null
          ? null
          : { employeeId: event.leaderEmployeeId, name: event.leaderName, position: event.leaderPosition },
      leaderSignature:
        event.leaderSignature === null || event.leaderSignedAt === null
          ? null
          : {
              typedName: event.leaderSignature,
              signedAt: event.leaderSignedAt,
              recordedBy: event.leaderSignedBy,
            },
      attendanceCount,
      canManage,
      createdAt: event.createdAt,
      updatedAt: event.updatedAt,
    }
  }

  async function viewOf(loaded: LoadedEvent): Promise<EventView> {
    const counts = await repo.countAttendancesByEvent(db, [loaded.event.id], loaded.scope.unitPaths)
    return toView(loaded, counts.get(loaded.event.id) ?? 0)
  }

  /** Reloads after a change (same actor, same access) and returns the view. */
  const reloadView = async (actor: Actor, eventId: string) => viewOf(await loadEvent(actor, eventId, 'read'))

  return {
    async listEvents(actor: Actor, query: ListEventsQuery): Promise<EventList> {
      const agencyId = rosterAgencyOf(actor, query.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'manage')
      const rows = await repo.listEvents(db, { ...query, agencyId })
      const targets = await repo.findEventUnits(
        db,
        rows.map((row) => row.id),
      )
      const loaded: LoadedEvent[] = rows
        .map((event) => {
          const own = targets.filter((unit) => unit.eventId === event.id)
          const paths = own.map((unit) => unit.path)
          return { event, scope, targets: own, paths }
        })
        .filter((item) => eventTouchesScope(item.paths, scope.unitPaths))
        .map(({ event, targets: own, paths }) => ({
          event,
          scope,
          targets: own,
          canManage: eventWithinScope(paths, scope.unitPaths),
        }))
      const counts = await repo.countAttendancesByEvent(
        db,
        loaded.map((item) => item.event.id),
        scope.unitPaths,
      )
      return { items: loaded.map((item) => toView(item, counts.get(item.event.id) ?? 0)) }
    },

    async getEvent(actor: Actor, eventId: string): Promise<EventView> {
      return viewOf(await loadEvent(actor, eventId, 'read'))
    },

    async createEvent(actor: Actor, body: CreateEventBody): Promise<EventView> {
      const agencyId = rosterAgencyOf(actor, body.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'manage')
      if (body.endsAt < body.startsAt) throw new DomainError('event.dates_invalid')
      checkApelFields(body.kind, body)
      await checkElection(agencyId, body.electionId)
      const targetIds = await resolveTargets(scope, body.targetUnitIds)
      const leader = await resolveLeader(scope, body.leader)
      const now = clock.now().toISOString()
      const row: repo.EventRow = {
        id: newId(),
        agencyId,
        kind: body.kind,
        title: body.title,
        description: body.description,
        electionId: body.electionId,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        venue: body.venue,
        speakers: JSON.stringify(body.speakers),
        status: 'scheduled',
        statusChangedAt: null,
        cancelReason: null,
        ikrarRead: body.ikrarRead ? 1 : 0,
        ...leader,
        leaderSignature: null,
        leaderSignedAt: null,
        leaderSignedBy: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      }
      await db.transaction().execute(async (trx) => {
        await repo.insertEvent(trx, row)
        await repo.replaceEventUnits(trx, row.id, targetIds)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.created',
          entityType: 'event',
          entityId: row.id,
          agencyId,
          summary: {
            after: { kind: row.kind, title: row.title, startsAt: row.startsAt, targetUnitIds: targetIds },
          },
        })
      })
      return reloadView(actor, row.id)
    },

    async updateEvent(actor: Actor, eventId: string, body: UpdateEventBody): Promise<EventView> {
      const { event, scope } = await loadEvent(actor, eventId, 'manage')
      if (event.status === 'cancelled') throw new DomainError('event.cancelled', { eventId })
      if (event.leaderSignedAt !== null) throw new DomainError('event.record_signed', { eventId })
      const startsAt = body.startsAt ?? event.startsAt
      const endsAt = body.endsAt ?? event.endsAt
      if (endsAt < startsAt) throw new DomainError('event.dates_invalid')
      const currentLeader: LeaderInput | null =
        event.leaderEmployeeId !== null
          ? { employeeId: event.leaderEmployeeId }
          : event.leaderName !== null
            ? { name: event.leaderName, position: event.leaderPosition ?? '' }
            : null
      checkApelFields(event.kind as EventKind, {
        ikrarRead: body.ikrarRead ?? Number(event.ikrarRead) === 1,
        leader: body.leader === undefined ? currentLeader : body.leader,
      })
      if (body.electionId !== undefined) await checkElection(event.agencyId, body.electionId)
      const targetIds =
        body.targetUnitIds === undefined ? undefined : await resolveTargets(scope, body.targetUnitIds)
      const leader = body.leader === undefined ? {} : await resolveLeader(scope, body.leader)
      const patch: Partial<repo.EventRow> = {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.electionId !== undefined ? { electionId: body.electionId } : {}),
        ...(body.venue !== undefined ? { venue: body.venue } : {}),
        ...(body.speakers !== undefined ? { speakers: JSON.stringify(body.speakers) } : {}),
        ...(body.ikrarRead !== undefined ? { ikrarRead: body.ikrarRead ? 1 : 0 } : {}),
        ...leader,
        startsAt,
        endsAt,
        updatedAt: clock.now().toISOString(),
      }
      await db.transaction().execute(async (trx) => {
        await repo.updateEvent(trx, eventId, patch)
        if (targetIds !== undefined) {
          await repo.replaceEventUnits(trx, eventId, targetIds)
          const units = await repo.findUnitsByIds(trx, targetIds)
          await repo.retargetAttendances(
            trx,
            eventId,
            units.map((unit) => unit.path),
          )
        }
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.updated',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: { changed: Object.keys(body), ...(targetIds ? { targetUnitIds: targetIds } : {}) },
        })
      })
      return reloadView(actor, eventId)
    },

    /** scheduled → held or cancelled (compare-and-set on the status; anything else is `event.status_invalid`). */
    async transitionEvent(
      actor: Actor,
      eventId: string,
      transition: EventTransition,
      body?: CancelEventBody,
    ): Promise<EventView> {
      const { event } = await loadEvent(actor, eventId, 'manage')
      const from = event.status as EventStatus
      const to = nextEventStatus(from, transition)
      if (to === null) throw new DomainError('event.status_invalid', { from, transition })
      const now = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const changed = await repo.updateEventStatusIfUnchanged(trx, eventId, from, {
          status: to,
          statusChangedAt: now,
          cancelReason: transition === 'cancel' ? (body?.reason ?? null) : null,
          updatedAt: now,
        })
        if (!changed) throw new DomainError('event.status_invalid', { from, transition })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: transition === 'cancel' ? 'event.cancelled' : 'event.held',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: { from, to, ...(body ? { reason: body.reason } : {}) },
        })
      })
      return reloadView(actor, eventId)
    },

    /** The leader confirms the apel record (typed name); the staff member recording it is kept and audited. */
    async signAsLeader(actor: Actor, eventId: string, body: LeaderSignatureBody): Promise<EventView> {
      const { event } = await loadEvent(actor, eventId, 'manage')
      if (event.kind !== 'apel') throw new DomainError('event.apel_only', { kind: event.kind })
      if (event.status === 'cancelled') throw new DomainError('event.cancelled', { eventId })
      if (event.leaderName === null) throw new DomainError('event.leader_invalid', { reason: 'no_leader' })
      if (event.leaderSignedAt !== null)
        throw new DomainError('event.already_signed', { signedAt: event.leaderSignedAt })
      const now = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const signed = await repo.signEventIfUnsigned(trx, eventId, {
          leaderSignature: body.typedName,
          leaderSignedAt: now,
          leaderSignedBy: actor.userId,
          updatedAt: now,
        })
        if (!signed) throw new DomainError('event.already_signed')
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.leader_signed',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: {
            typedName: body.typedName,
            leaderName: event.leaderName,
            ikrarRead: Number(event.ikrarRead) === 1,
          },
        })
      })
      return reloadView(actor, eventId)
    },
  }
}

export type EventsService = ReturnType<typeof createEventsService>
