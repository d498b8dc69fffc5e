/** HTTP contracts of the working-day calendar: an agency's effective holidays, its own entries, due dates. */
import { z } from 'zod'
import { isIsoDate } from '../../domain/working-days.js'

const IsoDate = z.iso.date().refine(isIsoDate, { message: 'date' })

/** `holiday`: an extra day off of the agency; `working_day`: a national holiday the agency works on. */
export const calendarEntryKinds = ['holiday', 'working_day'] as const
export type CalendarEntryKind = (typeof calendarEntryKinds)[number]

/** Why a day is off: the national list (libur nasional, cuti bersama), the agency, or one of its elections. */
export const holidaySources = ['national', 'cuti_bersama', 'agency', 'election'] as const
export type HolidaySource = (typeof holidaySources)[number]

export const HolidayView = z.object({
  fallsOn: z.string(),
  name: z.string(),
  source: z.enum(holidaySources),
  /** The agency entry behind it (source `agency`), or — in `removed` — the working-day entry that cancels it. */
  entryId: z.string().nullable(),
  electionId: z.string().nullable(),
})
export type HolidayView = z.infer<typeof HolidayView>

export const CalendarEntryView = z.object({
  id: z.string(),
  agencyId: z.string(),
  fallsOn: z.string(),
  kind: z.enum(calendarEntryKinds),
  name: z.string(),
  createdAt: z.string(),
})
export type CalendarEntryView = z.infer<typeof CalendarEntryView>

export const CalendarQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Defaults to the actor's agency (required when the actor works in several). */
  agencyId: z.uuid().optional(),
})
export type CalendarQuery = z.infer<typeof CalendarQuery>

export const CalendarView = z.object({
  agencyId: z.string(),
  year: z.number(),
  timeZone: z.string(),
  /** Today in the agency's time zone. */
  today: z.string(),
  /** False for a year the repository has no national list for (only agency entries and elections count). */
  nationalDataAvailable: z.boolean(),
  /** Legal basis of the year's national list (SKB 3 Menteri and amendments). */
  nationalSource: z.string().nullable(),
  /** Every day off besides weekends, by date (a day can appear once per source). */
  holidays: z.array(HolidayView),
  /** National, cuti bersama or election days the agency marked as working days. */
  removed: z.array(HolidayView),
  /** The agency's own entries in the year. */
  entries: z.array(CalendarEntryView),
})
export type CalendarView = z.infer<typeof CalendarView>

export const CreateCalendarEntryBody = z.strictObject({
  fallsOn: IsoDate,
  kind: z.enum(calendarEntryKinds),
  /** The holiday's name (e.g. "Hari Jadi Kota Contoh") or why the agency works that day. */
  name: z.string().trim().min(2).max(200),
  agencyId: z.uuid().optional(),
})
export type CreateCalendarEntryBody = z.input<typeof CreateCalendarEntryBody>

export const CalendarEntryParams = z.strictObject({ entryId: z.uuid() })

export const WorkingDaysQuery = z.strictObject({
  /** The start day (e.g. a letter's date), not counted; defaults to today in the agency's zone. */
  from: IsoDate.optional(),
  add: z.coerce.number().int().min(0).max(1000),
  agencyId: z.uuid().optional(),
})
export type WorkingDaysQuery = z.infer<typeof WorkingDaysQuery>

export const WorkingDaysView = z.object({
  agencyId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  add: z.number(),
  /** The `add`-th working day after `from` ("N hari kerja setelah"). */
  dueOn: z.string(),
  /** Holidays on weekdays that were skipped on the way. */
  skipped: z.array(HolidayView),
})
export type WorkingDaysView = z.infer<typeof WorkingDaysView>
