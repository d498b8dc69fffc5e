/**
 * Reports of events: the attendance rate per unit subtree of one event, the events an employee attended, and the
 * "ikrar dibacakan" coverage per unit subtree (apels where the ikrar was read, apart from pledge signatures).
 * Readers see only their own subtree (event-access.ts).
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import { isWithin } from '../../domain/unit-tree.js'
import type { Database } from '../../db/tables.js'
import { loadEmployeeFor } from '../employees/employees.service.js'
import { resolveRosterScope, rosterAgencyOf } from '../units/units.service.js'
import { bucketer, byUnitName, createEventAccess } from './event-access.js'
import { isTargetedPath, percentOf } from './event-rules.js'
import * as repo from './events.repository.js'
import type {
  AttendanceMethod,
  AttendanceRateView,
  EmployeeAttendanceList,
  EventKind,
  EventStatus,
  IkrarCoverageQuery,
  IkrarCoverageView,
  RateCounts,
  RateQuery,
} from './events.schema.js'

const rateCounts = (targeted: number, attended: number, untargeted: number): RateCounts => ({
  targeted,
  attended,
  percent: percentOf(attended, targeted),
  untargeted,
})

export function createEventReportsService({ db }: { readonly db: Kysely<Database> }) {
  const access = createEventAccess(db)

  return {
    /**
     * Attendance rate per unit subtree: targeted = active employees now in the target subtrees (no targets: the
     * agency); attended = attendees whose unit AT CHECK-IN lies in the targets (an employee who moved afterwards
     * counts where they checked in); untargeted attendees are counted apart. Rows: the top units of the reader's
     * reach, or the children of `unitId`.
     */
    async attendanceRate(actor: Actor, eventId: string, query: RateQuery): Promise<AttendanceRateView> {
      const { event, scope, targets } = await access.loadEvent(actor, eventId, 'read')
      const within = query.unitId ? (await access.loadScopedUnit(scope, query.unitId)).path : null
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
      const names = await access.unitNames([...buckets.keys()])
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
          .sort(byUnitName),
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
      const within = query.unitId ? (await access.loadScopedUnit(scope, query.unitId)).path : null
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
      const names = await access.unitNames([...buckets.keys()])
      return {
        agencyId,
        unitId: query.unitId ?? null,
        total: counts(total),
        direct: counts(direct),
        children: [...buckets.entries()]
          .map(([unitId, tally]) => ({ unitId, unitName: names.get(unitId) ?? '', ...counts(tally) }))
          .sort(byUnitName),
      }
    },
  }
}

export type EventReportsService = ReturnType<typeof createEventReportsService>
