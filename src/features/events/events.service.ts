/**
 * Events (issue #4 points 5 and 6): sosialisasi, apel and bimtek with target units, speakers and files; check-in by a
 * rotating QR code (self check-in with NIP and date of birth), by operator ticks, by an uploaded sheet or by scanning
 * employees' QR cards; attendance rates per unit subtree; and the collective ikrar read at an apel, confirmed by its
 * leader, reported per unit apart from individual pledge signatures.
 *
 * Scope (decided here only):
 * - agency admins (and super admins) reach every event of the agency;
 * - a unit admin SEES an event that is agency-wide or whose target subtrees overlap their own (event-rules.ts
 *   `eventTouchesScope`), and sees in it only the attendance and rates of their own subtree; they MANAGE (edit,
 *   cancel, files, leader's signature) only events whose every target lies in their subtree, and they create only
 *   such events;
 * - operators record attendance on events they see, for employees of their own subtree only (others are "unknown");
 * - anything outside is "not found" (404), never 403.
 *
 * Attendance: one row per employee per event (unique index). A second single check-in (public or card) answers 409
 * `event.already_checked_in` and changes nothing; bulk ticks and sheets are row-wise (see `AttendanceReport`).
 * Every state change is audited inside its transaction. The public check-in never sees an IP or user agent.
 */
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf, isWithin } from '../../domain/unit-tree.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { receiveFile } from '../../platform/uploads.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { loadEmployeeFor } from '../employees/employees.service.js'
import { detectSpreadsheetType, readSheetRows, type CellValue } from '../employees/import.reader.js'
import { resolveRosterScope, rosterAgencyOf, type RosterScope } from '../units/units.service.js'
import { allowedTypes, detectFileType, maxBytesFor, maxSheetBytes, mediaTypeOf } from './event-files.js'
import {
  eventTouchesScope,
  eventWithinScope,
  isTargetedPath,
  nextEventStatus,
  percentOf,
  type EventTransition,
} from './event-rules.js'
import { checkInPeriodSeconds, createEventTokens } from './event-tokens.js'
import * as repo from './events.repository.js'
import type {
  AttendanceList,
  AttendanceMethod,
  AttendanceRateView,
  AttendanceReport,
  AttendanceView,
  BulkAttendanceBody,
  CancelEventBody,
  CardCheckInBody,
  CardTokenView,
  CheckInTokenView,
  CreateEventBody,
  EmployeeAttendanceList,
  EventFileList,
  EventFilePurpose,
  EventFileType,
  EventFileView,
  EventKind,
  EventList,
  EventStatus,
  EventView,
  IkrarCoverageQuery,
  IkrarCoverageView,
  LeaderInput,
  LeaderSignatureBody,
  ListEventsQuery,
  PublicCheckInBody,
  PublicCheckInResult,
  PublicEventView,
  RateCounts,
  RateQuery,
  Speaker,
  UpdateEventBody,
  UploadFileQuery,
} from './events.schema.js'

/** Who a self check-in is attributed to in the audit trail (no account, no IP). */
const selfCheckInActor: AuditActor = { id: null, label: 'self-check-in' }

type TargetUnit = Awaited<ReturnType<typeof repo.findEventUnits>>[number]

interface LoadedEvent {
  readonly event: repo.EventRow
  readonly scope: RosterScope
  readonly targets: readonly TargetUnit[]
  readonly canManage: boolean
}

export interface EventsServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly serverSecret: string
  readonly publicUrl: string
  /** Where event files are kept (DATA_DIR/events). */
  readonly fileDir: string
}

const notFound = (eventId: string) => new DomainError('event.not_found', { eventId })

const rateCounts = (targeted: number, attended: number, untargeted: number): RateCounts => ({
  targeted,
  attended,
  percent: percentOf(attended, targeted),
  untargeted,
})

/** A NIP as found in a sheet cell: spaces and dots removed; null when the cell is empty. */
function nipOfCell(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'string') {
    const text = cell.replace(/[\s.]/g, '').replace(/^'/, '')
    return text === '' ? null : text
  }
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : cell.toExponential()
  // Booleans, dates and error values are never a NIP.
  return typeof cell === 'boolean' ? String(cell) : 'invalid'
}

const headerText = (cell: CellValue | undefined): string =>
  typeof cell === 'string' ? cell.toLowerCase().replace(/[^a-z]/g, '') : ''

/** The safe part of an uploaded file's name (no path, no control characters). */
function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 32 && char.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200)
  return cleaned === '' ? fallback : cleaned
}

export function createEventsService({ db, clock, serverSecret, publicUrl, fileDir }: EventsServiceDeps) {
  const tokens = createEventTokens(serverSecret)
  const fileOf = (id: string) => path.join(fileDir, id)

  /* Scope ------------------------------------------------------------------------------------------------- */

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

  const inScope = (unitPath: string, scope: RosterScope) =>
    scope.unitPaths === null || scope.unitPaths.some((root) => isWithin(unitPath, root))

  async function loadEvent(actor: Actor, eventId: string, access: 'read' | 'manage'): Promise<LoadedEvent> {
    const event = await repo.findEventById(db, eventId)
    if (!event) throw notFound(eventId)
    const scope = await scopeOf(actor, event.agencyId)
    if (!scope) throw notFound(eventId)
    const targets = await repo.findEventUnits(db, [eventId])
    const targetPaths = targets.map((unit) => unit.path)
    if (!eventTouchesScope(targetPaths, scope.unitPaths)) throw notFound(eventId)
    const canManage = eventWithinScope(targetPaths, scope.unitPaths)
    // The event is visible to this actor: refusing the change reveals nothing.
    if (access === 'manage' && !canManage)
      throw new DomainError('auth.forbidden', { reason: 'event_not_yours' })
    return { event, scope, targets, canManage }
  }

  /** A unit of the agency inside the actor's reach, or `unit.not_found`. */
  async function loadScopedUnit(scope: RosterScope, unitId: string) {
    const [unit] = await repo.findUnitsByIds(db, [unitId])
    if (!unit || unit.agencyId !== scope.agencyId || !inScope(unit.path, scope))
      throw new DomainError('unit.not_found', { unitId })
    return unit
  }

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

  const toFileView = (row: repo.EventFileRow): EventFileView => ({
    id: row.id,
    eventId: row.eventId,
    purpose: row.purpose as EventFilePurpose,
    fileName: row.fileName,
    fileType: row.fileType as EventFileType,
    mediaType: mediaTypeOf[row.fileType as EventFileType],
    fileSize: Number(row.fileSize),
    sha256: row.sha256,
    createdAt: row.createdAt,
  })

  /* Attendance -------------------------------------------------------------------------------------------- */

  function assertOpenForCheckIn(event: repo.EventRow) {
    if (event.status === 'cancelled') throw new DomainError('event.cancelled', { eventId: event.id })
  }

  const attendanceRow = (
    event: repo.EventRow,
    targets: readonly TargetUnit[],
    employee: repo.EmployeeRef,
    method: AttendanceMethod,
    recordedBy: string | null,
    at: string,
  ): repo.AttendanceRow => ({
    id: newId(),
    eventId: event.id,
    employeeId: employee.id,
    unitId: employee.unitId,
    unitPath: employee.unitPath,
    method,
    isTargeted: isTargetedPath(
      employee.unitPath,
      targets.map((unit) => unit.path),
    )
      ? 1
      : 0,
    checkedInAt: at,
    recordedBy,
  })

  /** Records one attendance; 409 when the employee is already present (nothing changes). */
  async function recordOne(
    loaded: Pick<LoadedEvent, 'event' | 'targets'>,
    employee: repo.EmployeeRef,
    method: AttendanceMethod,
    auditActor: AuditActor,
  ): Promise<repo.AttendanceRow> {
    const existing = await repo.findAttendance(db, loaded.event.id, employee.id)
    if (existing) throw new DomainError('event.already_checked_in', { checkedInAt: existing.checkedInAt })
    const row = attendanceRow(
      loaded.event,
      loaded.targets,
      employee,
      method,
      auditActor.id,
      clock.now().toISOString(),
    )
    try {
      await db.transaction().execute(async (trx) => {
        await repo.insertAttendances(trx, [row])
        await recordAuditEvent(trx, clock, auditActor, {
          action: 'event.checked_in',
          entityType: 'event',
          entityId: loaded.event.id,
          agencyId: loaded.event.agencyId,
          summary: { employeeId: employee.id, method, isTargeted: row.isTargeted === 1 },
        })
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = await repo.findAttendance(db, loaded.event.id, employee.id)
        throw new DomainError('event.already_checked_in', winner ? { checkedInAt: winner.checkedInAt } : {})
      }
      throw error
    }
    return row
  }

  /**
   * Row-wise recording for ticks and sheets: reachable active employees not yet present are written in one
   * transaction with one audit event; the rest is reported.
   */
  async function recordMany(
    actor: Actor,
    loaded: LoadedEvent,
    method: 'operator' | 'sheet',
    candidates: readonly { row: number | null; ref: string; employee: repo.EmployeeRef | undefined }[],
    invalid: AttendanceReport['invalid'],
  ): Promise<AttendanceReport> {
    const { event, scope, targets } = loaded
    const unknown: AttendanceReport['unknown'] = []
    const alreadyPresent: AttendanceReport['alreadyPresent'] = []
    const reachable = candidates.filter((candidate) => {
      const employee = candidate.employee
      const ok =
        employee !== undefined &&
        employee.agencyId === event.agencyId &&
        employee.status === 'active' &&
        inScope(employee.unitPath, scope)
      if (!ok) unknown.push({ row: candidate.row, ref: candidate.ref })
      return ok
    })
    const present = await repo.findPresentEmployeeIds(
      db,
      event.id,
      reachable.map((candidate) => candidate.employee?.id ?? ''),
    )
    const now = clock.now().toISOString()
    const rows: repo.AttendanceRow[] = []
    for (const candidate of reachable) {
      const employee = candidate.employee as repo.EmployeeRef
      if (present.has(employee.id)) {
        alreadyPresent.push({ row: candidate.row, ref: candidate.ref })
        continue
      }
      present.add(employee.id)
      rows.push(attendanceRow(event, targets, employee, method, actor.userId, now))
    }
    if (rows.length > 0) {
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertAttendances(trx, rows)
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'event.attendance_recorded',
            entityType: 'event',
            entityId: event.id,
            agencyId: event.agencyId,
            summary: { method, recorded: rows.length, employeeIds: rows.map((row) => row.employeeId) },
          })
        })
      } catch (error) {
        // Someone checked in one of them meanwhile: nothing of this batch was written; the caller may resend.
        if (isUniqueViolation(error)) throw new DomainError('event.already_checked_in')
        throw error
      }
    }
    return {
      recorded: rows.length,
      recordedUntargeted: rows.filter((row) => row.isTargeted === 0).length,
      alreadyPresent,
      unknown,
      invalid,
    }
  }

  function verifiedCheckInEventId(token: string): string {
    const check = tokens.checkCheckInToken(token, clock.now())
    if (check.kind === 'invalid') throw new DomainError('event.check_in_token_invalid')
    if (check.kind === 'expired') throw new DomainError('event.check_in_token_expired')
    return check.eventId
  }

  async function publicEvent(token: string) {
    const eventId = verifiedCheckInEventId(token)
    const event = await repo.findEventById(db, eventId)
    if (!event) throw new DomainError('event.check_in_token_invalid')
    assertOpenForCheckIn(event)
    return event
  }

  /** Files go to a temporary name first; they get their own name only once accepted. */
  async function storeUpload(body: Readable, maxBytes: number, declaredBytes: number | undefined) {
    if (declaredBytes !== undefined && declaredBytes > maxBytes)
      throw new DomainError('request.too_large', { maxBytes })
    await mkdir(fileDir, { recursive: true })
    const id = newId()
    const partial = path.join(fileDir, `${id}.part`)
    try {
      const received = await receiveFile(body, partial, maxBytes)
      return { id, partial, ...received }
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
  }

  /* Rates ------------------------------------------------------------------------------------------------- */

  /** The drill-down bucket of a path: the child of `unitId`, or the top unit of the reader's reach. */
  function bucketer(scope: RosterScope, unitId: string | undefined) {
    return (unitPath: string): string | null => {
      const ids = ancestryOf(unitPath)
      if (unitId) return ids[ids.indexOf(unitId) + 1] ?? null
      if (scope.unitPaths === null) return ids[0] ?? null
      const roots = scope.unitPaths.map((root) => ancestryOf(root).at(-1))
      return ids.find((id) => roots.includes(id)) ?? null
    }
  }

  async function unitNames(ids: readonly string[]) {
    return new Map((await repo.findUnitsByIds(db, ids)).map((unit) => [unit.id, unit.name]))
  }

  const byName = (a: { unitName: string; unitId: string }, b: { unitName: string; unitId: string }) =>
    a.unitName.localeCompare(b.unitName, 'id') || a.unitId.localeCompare(b.unitId)

  /* Service ----------------------------------------------------------------------------------------------- */

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

    /* Files ----------------------------------------------------------------------------------------------- */

    /**
     * Stores a material or photo after checking its first bytes: anything the purpose does not allow is
     * `request.unsupported_media_type` (415), anything past the cap `request.too_large` (413); neither leaves a file.
     */
    async uploadFile(
      actor: Actor,
      eventId: string,
      purpose: EventFilePurpose,
      query: UploadFileQuery,
      body: Readable,
      declaredBytes?: number,
    ): Promise<EventFileView> {
      const { event } = await loadEvent(actor, eventId, 'manage')
      const upload = await storeUpload(body, maxBytesFor[purpose], declaredBytes)
      try {
        const fileType = await detectFileType(upload.partial)
        const accepted = allowedTypes[purpose]
        if (fileType === null || !accepted.includes(fileType))
          throw new DomainError('request.unsupported_media_type', {
            accepted: accepted.map((type) => mediaTypeOf[type]),
          })
        const row: repo.EventFileRow = {
          id: upload.id,
          eventId,
          purpose,
          fileName: cleanFileName(query.fileName, `${purpose === 'photo' ? 'foto' : 'materi'}.${fileType}`),
          fileType,
          fileSize: upload.size,
          sha256: upload.sha256,
          createdBy: actor.userId,
          createdAt: clock.now().toISOString(),
        }
        await rename(upload.partial, fileOf(upload.id))
        try {
          await db.transaction().execute(async (trx) => {
            await repo.insertFile(trx, row)
            await recordAuditEvent(trx, clock, auditActorOf(actor), {
              action: 'event.file_added',
              entityType: 'event',
              entityId: eventId,
              agencyId: event.agencyId,
              summary: { fileId: row.id, purpose, fileType, fileSize: row.fileSize, sha256: row.sha256 },
            })
          })
        } catch (error) {
          await rm(fileOf(upload.id), { force: true })
          throw error
        }
        return toFileView(row)
      } finally {
        await rm(upload.partial, { force: true })
      }
    },

    async listFiles(actor: Actor, eventId: string): Promise<EventFileList> {
      await loadEvent(actor, eventId, 'read')
      return { items: (await repo.listFiles(db, eventId)).map(toFileView) }
    },

    /** A file of an event the actor sees, with where it lies on disk. */
    async openFile(actor: Actor, fileId: string): Promise<{ view: EventFileView; filePath: string }> {
      const row = await repo.findFileById(db, fileId)
      if (!row) throw new DomainError('event.file_not_found', { fileId })
      try {
        await loadEvent(actor, row.eventId, 'read')
      } catch (error) {
        if (error instanceof DomainError && error.code === 'event.not_found')
          throw new DomainError('event.file_not_found', { fileId })
        throw error
      }
      return { view: toFileView(row), filePath: fileOf(row.id) }
    },

    async deleteFile(actor: Actor, fileId: string): Promise<void> {
      const row = await repo.findFileById(db, fileId)
      if (!row) throw new DomainError('event.file_not_found', { fileId })
      let loaded: LoadedEvent
      try {
        loaded = await loadEvent(actor, row.eventId, 'manage')
      } catch (error) {
        if (error instanceof DomainError && error.code === 'event.not_found')
          throw new DomainError('event.file_not_found', { fileId })
        throw error
      }
      if (loaded.event.leaderSignedAt !== null && row.purpose === 'photo')
        throw new DomainError('event.record_signed', { eventId: row.eventId })
      await db.transaction().execute(async (trx) => {
        await repo.deleteFile(trx, fileId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.file_removed',
          entityType: 'event',
          entityId: row.eventId,
          agencyId: loaded.event.agencyId,
          summary: { fileId, purpose: row.purpose, sha256: row.sha256 },
        })
      })
      await rm(fileOf(fileId), { force: true })
    },

    /* Check-in -------------------------------------------------------------------------------------------- */

    /** The token the event screen shows now (it rotates every 30 s; the previous one stays valid one period). */
    async checkInToken(actor: Actor, eventId: string): Promise<CheckInTokenView> {
      const { event } = await loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(event)
      const { token, rotatesInSeconds } = tokens.checkInToken(event.id, clock.now())
      return {
        token,
        url: `${publicUrl}/hadir/${token}`,
        periodSeconds: checkInPeriodSeconds,
        rotatesInSeconds,
      }
    },

    /** What the phone shows before the employee confirms: the event behind a (still valid) token. */
    async viewPublicEvent(token: string): Promise<PublicEventView> {
      const event = await publicEvent(token)
      return {
        title: event.title,
        kind: event.kind as EventKind,
        venue: event.venue,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      }
    },

    /**
     * Self check-in: a valid token, then NIP and date of birth of an active employee of the event's agency (an
     * unknown NIP and a wrong date give the same `event.identity_mismatch`). Untargeted employees are recorded and
     * flagged. A second check-in is 409 `event.already_checked_in`.
     */
    async checkInSelf(body: PublicCheckInBody): Promise<PublicCheckInResult> {
      const event = await publicEvent(body.token)
      const [employee] = await repo.findEmployeesByNips(db, event.agencyId, [body.nip])
      if (!employee || employee.status !== 'active' || employee.birthDate !== body.dateOfBirth)
        throw new DomainError('event.identity_mismatch')
      const targets = await repo.findEventUnits(db, [event.id])
      const row = await recordOne({ event, targets }, employee, 'qr', selfCheckInActor)
      return { eventTitle: event.title, checkedInAt: row.checkedInAt, isTargeted: row.isTargeted === 1 }
    },

    /** Operator ticks from the roster (row-wise; see `AttendanceReport`). */
    async recordAttendance(
      actor: Actor,
      eventId: string,
      body: BulkAttendanceBody,
    ): Promise<AttendanceReport> {
      const loaded = await loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(loaded.event)
      const ids = [...new Set(body.employeeIds)]
      const employees = new Map((await repo.findEmployeesByIds(db, ids)).map((row) => [row.id, row]))
      return recordMany(
        actor,
        loaded,
        'operator',
        ids.map((id) => ({ row: null, ref: id, employee: employees.get(id) })),
        [],
      )
    },

    /**
     * An attendance sheet (XLSX or CSV, at most 5 MB) with a column headed "NIP" (in the first ten rows); NIPs may be
     * written with spaces. Row-wise: each row is recorded, already present, unknown, or invalid.
     */
    async recordAttendanceSheet(
      actor: Actor,
      eventId: string,
      body: Readable,
      declaredBytes?: number,
    ): Promise<AttendanceReport> {
      const loaded = await loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(loaded.event)
      const upload = await storeUpload(body, maxSheetBytes, declaredBytes)
      const entries: { row: number; nip: string }[] = []
      const invalid: AttendanceReport['invalid'] = []
      try {
        const type = await detectSpreadsheetType(upload.partial)
        let nipColumn: number | null = null
        for await (const sheetRow of readSheetRows(upload.partial, type)) {
          if (nipColumn === null) {
            const index = sheetRow.cells.findIndex((cell) => headerText(cell).startsWith('nip'))
            if (index >= 0) nipColumn = index
            else if (sheetRow.row >= 10) break
            continue
          }
          const nip = nipOfCell(sheetRow.cells[nipColumn])
          if (nip === null) continue
          if (/^\d{18}$/.test(nip)) entries.push({ row: sheetRow.row, nip })
          else invalid.push({ row: sheetRow.row, ref: nip.slice(0, 40) })
        }
        if (nipColumn === null) throw new DomainError('event.sheet_no_nip_column')
      } finally {
        await rm(upload.partial, { force: true })
      }
      const employees = new Map(
        (
          await repo.findEmployeesByNips(
            db,
            loaded.event.agencyId,
            entries.map((entry) => entry.nip),
          )
        ).map((row) => [row.nip ?? '', row]),
      )
      return recordMany(
        actor,
        loaded,
        'sheet',
        entries.map((entry) => ({ row: entry.row, ref: entry.nip, employee: employees.get(entry.nip) })),
        invalid,
      )
    },

    /** An operator scans an employee's QR card. */
    async recordCard(actor: Actor, eventId: string, body: CardCheckInBody): Promise<AttendanceView> {
      const loaded = await loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(loaded.event)
      const employeeId = tokens.checkCardToken(body.cardToken)
      if (employeeId === null) throw new DomainError('event.card_token_invalid')
      const [employee] = await repo.findEmployeesByIds(db, [employeeId])
      if (
        !employee ||
        employee.agencyId !== loaded.event.agencyId ||
        employee.status !== 'active' ||
        !inScope(employee.unitPath, loaded.scope)
      )
        throw new DomainError('employee.not_found', { employeeId })
      const row = await recordOne(loaded, employee, 'card', auditActorOf(actor))
      const names = await unitNames([row.unitId])
      return {
        eventId,
        employeeId,
        employeeName: employee.name,
        nip: employee.nip,
        unitId: row.unitId,
        unitName: names.get(row.unitId) ?? '',
        method: 'card',
        isTargeted: row.isTargeted === 1,
        checkedInAt: row.checkedInAt,
        recordedBy: row.recordedBy,
      }
    },

    /** Removes a wrongly recorded attendance (inside the operator's scope). */
    async removeAttendance(actor: Actor, eventId: string, employeeId: string): Promise<void> {
      const { event, scope } = await loadEvent(actor, eventId, 'read')
      const attendance = await repo.findAttendance(db, eventId, employeeId)
      if (!attendance || !inScope(attendance.unitPath, scope))
        throw new DomainError('event.attendance_not_found', { eventId, employeeId })
      if (event.leaderSignedAt !== null) throw new DomainError('event.record_signed', { eventId })
      await db.transaction().execute(async (trx) => {
        await repo.deleteAttendance(trx, attendance.id)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.attendance_removed',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: { employeeId, method: attendance.method, checkedInAt: attendance.checkedInAt },
        })
      })
    },

    async listAttendance(actor: Actor, eventId: string): Promise<AttendanceList> {
      const { scope } = await loadEvent(actor, eventId, 'read')
      const rows = await repo.listAttendances(db, eventId, scope.unitPaths)
      return {
        items: rows.map((row) => ({
          ...row,
          method: row.method as AttendanceMethod,
          isTargeted: Number(row.isTargeted) === 1,
        })),
      }
    },

    /** The QR card token of an employee the actor manages. */
    async cardToken(actor: Actor, employeeId: string): Promise<CardTokenView> {
      await loadEmployeeFor(db, actor, employeeId, 'manage')
      return { employeeId, token: tokens.cardToken(employeeId) }
    },

    /* Reports --------------------------------------------------------------------------------------------- */

    /**
     * Attendance rate per unit subtree: targeted = active employees now in the target subtrees (no targets: the
     * agency); attended = attendees whose unit AT CHECK-IN lies in the targets (an employee who moved afterwards
     * counts where they checked in); untargeted attendees are counted apart. Rows: the top units of the reader's
     * reach, or the children of `unitId`.
     */
    async attendanceRate(actor: Actor, eventId: string, query: RateQuery): Promise<AttendanceRateView> {
      const { event, scope, targets } = await loadEvent(actor, eventId, 'read')
      const within = query.unitId ? (await loadScopedUnit(scope, query.unitId)).path : null
      const targetPaths = targets.map((unit) => unit.path)
      const active = await repo.countActiveByPath(
        db,
        event.agencyId,
        targetPaths.length > 0 ? targetPaths : null,
        scope.unitPaths,
      )
      const attended = await repo.countAttendedByPath(db, eventId, scope.unitPaths)
      const bucketOf = bucketer(scope, query.unitId)
      type Tally = { targeted: number; attended: number; untargeted: number }
      const empty = (): Tally => ({ targeted: 0, attended: 0, untargeted: 0 })
      const total = empty()
      const direct = empty()
      const buckets = new Map<string, Tally>()
      const add = (unitPath: string, field: keyof Tally, count: number) => {
        if (within !== null && !isWithin(unitPath, within)) return
        total[field] += count
        const key = bucketOf(unitPath)
        const bucket = key === null ? direct : (buckets.get(key) ?? empty())
        if (key !== null) buckets.set(key, bucket)
        bucket[field] += count
      }
      for (const row of active) add(row.unitPath, 'targeted', row.count)
      for (const row of attended)
        add(row.unitPath, isTargetedPath(row.unitPath, targetPaths) ? 'attended' : 'untargeted', row.count)
      const names = await unitNames([...buckets.keys()])
      return {
        eventId,
        unitId: query.unitId ?? null,
        total: rateCounts(total.targeted, total.attended, total.untargeted),
        direct: rateCounts(direct.targeted, direct.attended, direct.untargeted),
        children: [...buckets.entries()]
          .map(([unitId, tally]) => ({
            unitId,
            unitName: names.get(unitId) ?? '',
            ...rateCounts(tally.targeted, tally.attended, tally.untargeted),
          }))
          .sort(byName),
      }
    },

    /** An employee's event attendances (for the employee page). */
    async employeeAttendances(actor: Actor, employeeId: string): Promise<EmployeeAttendanceList> {
      await loadEmployeeFor(db, actor, employeeId, 'read')
      const rows = await repo.listEmployeeAttendances(db, employeeId)
      return {
        items: rows.map((row) => ({
          eventId: row.eventId,
          kind: row.kind as EventKind,
          title: row.title,
          startsAt: row.startsAt,
          status: row.status as EventStatus,
          ikrarRead: row.kind === 'apel' && Number(row.ikrarRead) === 1,
          method: row.method as AttendanceMethod,
          checkedInAt: row.checkedInAt,
        })),
      }
    },

    /**
     * "Ikrar dibacakan" per unit subtree, apart from individual pledge signatures: of the active employees now in the
     * subtree, how many attended at least one apel (not cancelled) where the ikrar was read.
     */
    async ikrarCoverage(actor: Actor, query: IkrarCoverageQuery): Promise<IkrarCoverageView> {
      const agencyId = rosterAgencyOf(actor, query.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'manage')
      const within = query.unitId ? (await loadScopedUnit(scope, query.unitId)).path : null
      const employees = await repo.countActiveByPath(db, agencyId, within ? [within] : null, scope.unitPaths)
      const read = await repo.countIkrarReadByPath(db, agencyId, scope.unitPaths, query.electionId)
      const bucketOf = bucketer(scope, query.unitId)
      type Tally = { employees: number; ikrarRead: number }
      const total: Tally = { employees: 0, ikrarRead: 0 }
      const direct: Tally = { employees: 0, ikrarRead: 0 }
      const buckets = new Map<string, Tally>()
      const add = (unitPath: string, field: keyof Tally, count: number) => {
        if (within !== null && !isWithin(unitPath, within)) return
        total[field] += count
        const key = bucketOf(unitPath)
        const bucket = key === null ? direct : (buckets.get(key) ?? { employees: 0, ikrarRead: 0 })
        if (key !== null) buckets.set(key, bucket)
        bucket[field] += count
      }
      for (const row of employees) add(row.unitPath, 'employees', row.count)
      for (const row of read) add(row.unitPath, 'ikrarRead', row.count)
      const counts = (tally: Tally) => ({ ...tally, percent: percentOf(tally.ikrarRead, tally.employees) })
      const names = await unitNames([...buckets.keys()])
      return {
        agencyId,
        unitId: query.unitId ?? null,
        total: counts(total),
        direct: counts(direct),
        children: [...buckets.entries()]
          .map(([unitId, tally]) => ({ unitId, unitName: names.get(unitId) ?? '', ...counts(tally) }))
          .sort(byName),
      }
    },
  }
}

export type EventsService = ReturnType<typeof createEventsService>
