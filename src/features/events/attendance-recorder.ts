/**
 * Writing attendance: one row per employee per event (unique index). A second single check-in (public or card)
 * answers 409 `event.already_checked_in` and changes nothing; bulk ticks and sheets are row-wise (see
 * `AttendanceReport`). Every write is audited inside its transaction. The unit at check-in is kept on the row.
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { inScope, type LoadedEvent, type TargetUnit } from './event-access.js'
import { isTargetedPath } from './event-rules.js'
import * as repo from './events.repository.js'
import type { AttendanceMethod, AttendanceReport } from './events.schema.js'

export interface AttendanceCandidate {
  readonly row: number | null
  readonly ref: string
  readonly employee: repo.EmployeeRef | undefined
}

export function createAttendanceRecorder(db: Kysely<Database>, clock: Clock) {
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

  return {
    /** Records one attendance; 409 when the employee is already present (nothing changes). */
    async recordOne(
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
    },

    /**
     * Row-wise recording for ticks and sheets: reachable active employees not yet present are written in one
     * transaction with one audit event; the rest is reported.
     */
    async recordMany(
      actor: Actor,
      loaded: LoadedEvent,
      method: 'operator' | 'sheet',
      candidates: readonly AttendanceCandidate[],
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
    },
  }
}

export type AttendanceRecorder = ReturnType<typeof createAttendanceRecorder>
