/**
 * Attendance recorded by staff (issue #4 point 6): operator ticks from the roster, an uploaded attendance sheet, an
 * employee's QR card scanned at the door; removing a wrong record; the paginated attendance list; and the card
 * itself (QR token and "kode kehadiran"). Operators reach only employees of their own subtree (others are
 * "unknown"); see event-access.ts for who sees which event.
 */
import { rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { loadEmployeeFor } from '../employees/employees.service.js'
import { createAttendanceRecorder } from './attendance-recorder.js'
import { readAttendanceSheet } from './attendance-sheet.js'
import { assertOpenForCheckIn, createEventAccess, inScope } from './event-access.js'
import { maxSheetBytes, storeUpload } from './event-files.js'
import { createEventTokens, formatAttendanceCode } from './event-tokens.js'
import * as repo from './events.repository.js'
import type {
  AttendanceList,
  AttendanceMethod,
  AttendanceQuery,
  AttendanceReport,
  AttendanceView,
  BulkAttendanceBody,
  CardCheckInBody,
  CardTokenView,
} from './events.schema.js'

export interface EventAttendanceServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly serverSecret: string
  /** Where uploaded sheets wait while they are read (DATA_DIR/events). */
  readonly fileDir: string
}

export function createEventAttendanceService({
  db,
  clock,
  serverSecret,
  fileDir,
}: EventAttendanceServiceDeps) {
  const access = createEventAccess(db)
  const recorder = createAttendanceRecorder(db, clock)
  const tokens = createEventTokens(serverSecret)

  return {
    /** Operator ticks from the roster (row-wise; see `AttendanceReport`). */
    async recordAttendance(
      actor: Actor,
      eventId: string,
      body: BulkAttendanceBody,
    ): Promise<AttendanceReport> {
      const loaded = await access.loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(loaded.event)
      const ids = [...new Set(body.employeeIds)]
      const employees = new Map((await repo.findEmployeesByIds(db, ids)).map((row) => [row.id, row]))
      return recorder.recordMany(
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
      const loaded = await access.loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(loaded.event)
      const upload = await storeUpload(fileDir, body, maxSheetBytes, declaredBytes)
      let sheet: Awaited<ReturnType<typeof readAttendanceSheet>>
      try {
        sheet = await readAttendanceSheet(upload.partial)
      } finally {
        await rm(upload.partial, { force: true })
      }
      const employees = new Map(
        (
          await repo.findEmployeesByNips(
            db,
            loaded.event.agencyId,
            sheet.entries.map((entry) => entry.nip),
          )
        ).map((row) => [row.nip ?? '', row]),
      )
      return recorder.recordMany(
        actor,
        loaded,
        'sheet',
        sheet.entries.map((entry) => ({
          row: entry.row,
          ref: entry.nip,
          employee: employees.get(entry.nip),
        })),
        sheet.invalid,
      )
    },

    /** An operator scans an employee's QR card. */
    async recordCard(actor: Actor, eventId: string, body: CardCheckInBody): Promise<AttendanceView> {
      const loaded = await access.loadEvent(actor, eventId, 'read')
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
      const row = await recorder.recordOne(loaded, employee, 'card', auditActorOf(actor))
      const names = await access.unitNames([row.unitId])
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

    /** Removes a wrongly recorded attendance (inside the operator's scope), with its quiz answers if any. */
    async removeAttendance(actor: Actor, eventId: string, employeeId: string): Promise<void> {
      const { event, scope } = await access.loadEvent(actor, eventId, 'read')
      const attendance = await repo.findAttendance(db, eventId, employeeId)
      if (!attendance || !inScope(attendance.unitPath, scope))
        throw new DomainError('event.attendance_not_found', { eventId, employeeId })
      if (event.leaderSignedAt !== null) throw new DomainError('event.record_signed', { eventId })
      await db.transaction().execute(async (trx) => {
        const quiz = await repo.findQuizResultByAttendance(trx, attendance.id)
        if (quiz) await repo.deleteQuizResultsOfAttendance(trx, attendance.id)
        await repo.deleteAttendance(trx, attendance.id)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.attendance_removed',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: {
            employeeId,
            method: attendance.method,
            checkedInAt: attendance.checkedInAt,
            ...(quiz ? { quizAnsweredAt: quiz.answeredAt } : {}),
          },
        })
      })
    },

    /** One page of the attendance inside the reader's subtree, in check-in order. */
    async listAttendance(actor: Actor, eventId: string, query: AttendanceQuery): Promise<AttendanceList> {
      const { scope } = await access.loadEvent(actor, eventId, 'read')
      const counts = await repo.countAttendancesByEvent(db, [eventId], scope.unitPaths)
      const rows = await repo.listAttendances(db, eventId, scope.unitPaths, {
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      })
      return {
        items: rows.map((row) => ({
          ...row,
          method: row.method as AttendanceMethod,
          isTargeted: Number(row.isTargeted) === 1,
        })),
        total: counts.get(eventId) ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    /** The QR card token and attendance code of an employee the actor manages. */
    async cardToken(actor: Actor, employeeId: string): Promise<CardTokenView> {
      await loadEmployeeFor(db, actor, employeeId, 'manage')
      return {
        employeeId,
        token: tokens.cardToken(employeeId),
        attendanceCode: formatAttendanceCode(tokens.attendanceCode(employeeId)),
      }
    },
  }
}

export type EventAttendanceService = ReturnType<typeof createEventAttendanceService>
