/**
 * The working-day calendar of an agency: the national list (libur nasional and cuti bersama, src/domain/data),
 * plus the agency's own holidays, minus the national days it works on, plus the voting days of its elections.
 * `dueDate` turns "N hari kerja setelah <date>" into a date for other features (cases, pledges).
 *
 * Every staff role of the agency reads the calendar; agency admins change it; other agencies' entries answer
 * `calendar.entry_not_found`.
 */
import type { Kysely } from 'kysely'
import {
  administeredAgencyIds,
  canAdministerAgency,
  isSuperAdmin,
  type Actor,
  type Role,
} from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { nationalHolidaysOf } from '../../domain/data/holidays-id.js'
import { DomainError } from '../../domain/errors.js'
import {
  addCalendarDays,
  addWorkingDays,
  holidaySet,
  isIsoDate,
  isWeekend,
  localDateOf,
  maxWorkingDaysToAdd,
  yearsBetween,
} from '../../domain/working-days.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import type { AgencyView } from '../agencies/agencies.schema.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { listVotingDays } from '../elections/elections.service.js'
import * as repository from './calendar.repository.js'
import type { CalendarEntryRow } from './calendar.repository.js'
import {
  CreateCalendarEntryBody,
  type CalendarEntryKind,
  type CalendarEntryView,
  type CalendarQuery,
  type CalendarView,
  type HolidaySource,
  type HolidayView,
  type WorkingDaysQuery,
  type WorkingDaysView,
} from './calendar.schema.js'

/** Staff roles that read their agency's calendar (the `calendar.read` policy's roles). */
const calendarReaders: readonly Role[] = [
  'agency_admin',
  'unit_admin',
  'examiner',
  'decision_maker',
  'external_liaison',
]

function readableAgencyIds(actor: Actor): readonly string[] | 'all' {
  if (isSuperAdmin(actor)) return 'all'
  return [
    ...new Set(
      actor.assignments
        .filter((a) => calendarReaders.includes(a.role) && a.agencyId !== null)
        .map((a) => a.agencyId as string),
    ),
  ]
}

const canRead = (actor: Actor, agencyId: string): boolean => {
  const ids = readableAgencyIds(actor)
  return ids === 'all' || ids.includes(agencyId)
}

const sourceOrder: Record<HolidaySource, number> = { national: 0, cuti_bersama: 1, election: 2, agency: 3 }

const toEntryView = (row: CalendarEntryRow): CalendarEntryView => ({
  id: row.id,
  agencyId: row.agencyId,
  fallsOn: row.fallsOn,
  kind: row.kind as CalendarEntryKind,
  name: row.name,
  createdAt: row.createdAt,
})

export interface EffectiveHolidays {
  readonly holidays: HolidayView[]
  readonly removed: HolidayView[]
  readonly entries: CalendarEntryRow[]
}

/** The agency's days off in [fromOn, toOn] (weekends aside), with the national days it cancelled. */
export async function effectiveHolidays(
  db: Kysely<Database>,
  agencyId: string,
  fromOn: string,
  toOn: string,
): Promise<EffectiveHolidays> {
  const inRange = (date: string) => date >= fromOn && date <= toOn
  const base: HolidayView[] = []
  for (const year of yearsBetween(fromOn, toOn)) {
    for (const holiday of nationalHolidaysOf(year)?.holidays ?? []) {
      if (inRange(holiday.on))
        base.push({
          fallsOn: holiday.on,
          name: holiday.name,
          source: holiday.kind,
          entryId: null,
          electionId: null,
        })
    }
  }
  for (const election of await listVotingDays(db, agencyId, fromOn, toOn)) {
    base.push({
      fallsOn: election.votingOn,
      // The election's own name (data); the client words the source ("Hari pemungutan suara").
      name: election.name,
      source: 'election',
      entryId: null,
      electionId: election.electionId,
    })
  }
  const entries = await repository.listEntries(db, agencyId, fromOn, toOn)
  const workingDays = new Map(entries.filter((e) => e.kind === 'working_day').map((e) => [e.fallsOn, e.id]))
  const holidays = base.filter((h) => !workingDays.has(h.fallsOn))
  const removed = base
    .filter((h) => workingDays.has(h.fallsOn))
    .map((h) => ({ ...h, entryId: workingDays.get(h.fallsOn) ?? null }))
  for (const entry of entries.filter((e) => e.kind === 'holiday'))
    holidays.push({
      fallsOn: entry.fallsOn,
      name: entry.name,
      source: 'agency',
      entryId: entry.id,
      electionId: null,
    })
  const byDate = (a: HolidayView, b: HolidayView) =>
    a.fallsOn.localeCompare(b.fallsOn) || sourceOrder[a.source] - sourceOrder[b.source]
  return { holidays: holidays.sort(byDate), removed: removed.sort(byDate), entries }
}

/**
 * The `n`-th working day of the agency after `fromOn` (which is not counted): "N hari kerja setelah". Loads the
 * holidays of a window that surely holds the answer and widens it in the rare case it did not.
 */
export async function dueDate(
  db: Kysely<Database>,
  agencyId: string,
  fromOn: string,
  n: number,
): Promise<string> {
  if (!isIsoDate(fromOn)) throw new DomainError('calendar.date_invalid', { date: fromOn })
  if (!Number.isInteger(n) || n < 0 || n > maxWorkingDaysToAdd)
    throw new DomainError('calendar.working_days_invalid', { problem: 'count', n })
  let window = n * 2 + 60
  for (;;) {
    const toOn = addCalendarDays(fromOn, window)
    const { holidays } = await effectiveHolidays(db, agencyId, addCalendarDays(fromOn, 1), toOn)
    const due = addWorkingDays(fromOn, n, holidaySet(holidays.map((h) => h.fallsOn)))
    // Days after `toOn` were taken as working days without looking: only an answer inside the window is sure.
    if (due <= toOn) return due
    window *= 2
  }
}

export function createCalendarService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /** The agency a read applies to: the one named, else the actor's only (or own) agency. */
  async function readableAgency(actor: Actor, requested: string | undefined): Promise<AgencyView> {
    let agencyId: string | undefined = requested
    if (agencyId) {
      if (!canRead(actor, agencyId)) throw new DomainError('agency.not_found', { agencyId })
    } else {
      const ids = readableAgencyIds(actor)
      if (ids !== 'all' && ids.length === 1) agencyId = ids[0]
      else if (actor.agencyId && canRead(actor, actor.agencyId)) agencyId = actor.agencyId
    }
    if (!agencyId)
      throw new DomainError('request.invalid', { issues: [{ path: ['agencyId'], code: 'required' }] })
    const agency = await findAgencyById(db, agencyId)
    if (!agency) throw new DomainError('agency.not_found', { agencyId })
    return agency
  }

  function managedAgencyId(actor: Actor, requested: string | undefined): string {
    if (requested) {
      if (!canRead(actor, requested)) throw new DomainError('agency.not_found', { agencyId: requested })
      if (!canAdministerAgency(actor, requested)) throw new DomainError('auth.forbidden')
      return requested
    }
    const own = administeredAgencyIds(actor)
    if (own.length === 1 && own[0]) return own[0]
    if (actor.agencyId && canAdministerAgency(actor, actor.agencyId)) return actor.agencyId
    throw new DomainError('request.invalid', { issues: [{ path: ['agencyId'], code: 'required' }] })
  }

  return {
    /** For other features: the due date of "n hari kerja setelah fromOn" in the agency's calendar. */
    dueDate: (agencyId: string, fromOn: string, n: number) => dueDate(db, agencyId, fromOn, n),

    /** For other features: today's date in the agency's time zone. */
    async agencyToday(agencyId: string): Promise<string> {
      const agency = await findAgencyById(db, agencyId)
      if (!agency) throw new DomainError('agency.not_found', { agencyId })
      return localDateOf(clock.now(), agency.timeZone)
    },

    async getCalendar(actor: Actor, query: CalendarQuery): Promise<CalendarView> {
      const agency = await readableAgency(actor, query.agencyId)
      const { holidays, removed, entries } = await effectiveHolidays(
        db,
        agency.id,
        `${query.year}-01-01`,
        `${query.year}-12-31`,
      )
      const national = nationalHolidaysOf(query.year)
      return {
        agencyId: agency.id,
        year: query.year,
        timeZone: agency.timeZone,
        today: localDateOf(clock.now(), agency.timeZone),
        nationalDataAvailable: national !== null,
        nationalSource: national?.source ?? null,
        holidays,
        removed,
        entries: entries.map(toEntryView),
      }
    },

    async addEntry(actor: Actor, input: CreateCalendarEntryBody): Promise<CalendarEntryView> {
      const body = CreateCalendarEntryBody.parse(input)
      const agencyId = managedAgencyId(actor, body.agencyId)
      return db.transaction().execute(async (trx) => {
        const existing = await repository.findEntryByDate(trx, agencyId, body.fallsOn)
        if (existing)
          throw new DomainError('calendar.entry_exists', { fallsOn: body.fallsOn, entryId: existing.id })
        const { holidays } = await effectiveHolidays(trx, agencyId, body.fallsOn, body.fallsOn)
        if (body.kind === 'holiday' && holidays[0])
          throw new DomainError('calendar.already_holiday', { fallsOn: body.fallsOn, name: holidays[0].name })
        if (body.kind === 'working_day') {
          if (holidays.length === 0)
            throw new DomainError('calendar.not_a_holiday', { fallsOn: body.fallsOn, problem: 'no_holiday' })
          if (isWeekend(body.fallsOn))
            throw new DomainError('calendar.not_a_holiday', { fallsOn: body.fallsOn, problem: 'weekend' })
        }
        const row: CalendarEntryRow = {
          id: newId(),
          agencyId,
          fallsOn: body.fallsOn,
          kind: body.kind,
          name: body.name,
          createdAt: clock.now().toISOString(),
        }
        try {
          await repository.insertEntry(trx, row)
        } catch (error) {
          if (repository.isUniqueViolation(error))
            throw new DomainError('calendar.entry_exists', { fallsOn: body.fallsOn })
          throw error
        }
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'calendar.entry_added',
          entityType: 'calendar_entry',
          entityId: row.id,
          agencyId,
          summary: {
            after: {
              fallsOn: row.fallsOn,
              kind: row.kind,
              name: row.name,
              ...(body.kind === 'working_day' ? { cancels: holidays.map((h) => h.name) } : {}),
            },
          },
        })
        return toEntryView(row)
      })
    },

    async removeEntry(actor: Actor, entryId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const entry = await repository.findEntryById(trx, entryId)
        if (!entry || !canRead(actor, entry.agencyId))
          throw new DomainError('calendar.entry_not_found', { entryId })
        if (!canAdministerAgency(actor, entry.agencyId)) throw new DomainError('auth.forbidden')
        await repository.deleteEntry(trx, entryId)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'calendar.entry_removed',
          entityType: 'calendar_entry',
          entityId: entryId,
          agencyId: entry.agencyId,
          summary: { before: { fallsOn: entry.fallsOn, kind: entry.kind, name: entry.name } },
        })
      })
    },

    async workingDays(actor: Actor, query: WorkingDaysQuery): Promise<WorkingDaysView> {
      const agency = await readableAgency(actor, query.agencyId)
      const from = query.from ?? localDateOf(clock.now(), agency.timeZone)
      const dueOn = await dueDate(db, agency.id, from, query.add)
      const skipped =
        dueOn > from
          ? (await effectiveHolidays(db, agency.id, addCalendarDays(from, 1), dueOn)).holidays.filter(
              (h) => !isWeekend(h.fallsOn),
            )
          : []
      return { agencyId: agency.id, timeZone: agency.timeZone, from, add: query.add, dueOn, skipped }
    },
  }
}
export type CalendarService = ReturnType<typeof createCalendarService>
