import type {
  CalendarEntryView,
  CalendarView,
  CreateCalendarEntryBody,
  HolidaySource,
  HolidayView,
  WorkingDaysView,
} from '../../../features/calendar/calendar.schema'
import { apiGet, apiPost, apiRequest, withQuery } from '../../api/client'

export type { CalendarEntryView, CalendarView, HolidaySource, HolidayView, WorkingDaysView }

const calendarPath = '/api/v1/calendar'

/** The agency's effective holidays of a year (the session's agency unless one is named). */
export const calendarYearPath = (year: number, agencyId?: string | null) =>
  withQuery(calendarPath, { year, agencyId: agencyId ?? undefined })

export const workingDaysPath = (query: { from: string; add: number; agencyId?: string | null }) =>
  withQuery(`${calendarPath}/working-days`, {
    from: query.from,
    add: query.add,
    agencyId: query.agencyId ?? undefined,
  })

export const addCalendarEntry = (body: CreateCalendarEntryBody) =>
  apiPost<CalendarEntryView>(`${calendarPath}/entries`, body)

export const removeCalendarEntry = (entryId: string) =>
  apiRequest<null>('DELETE', `${calendarPath}/entries/${encodeURIComponent(entryId)}`)

export const countWorkingDays = (query: { from: string; add: number; agencyId?: string | null }) =>
  apiGet<WorkingDaysView>(workingDaysPath(query))
