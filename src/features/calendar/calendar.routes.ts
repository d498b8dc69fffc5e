import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { CalendarService } from './calendar.service.js'
import {
  CalendarEntryParams,
  CalendarEntryView,
  CalendarQuery,
  CalendarView,
  CreateCalendarEntryBody,
  WorkingDaysQuery,
  WorkingDaysView,
} from './calendar.schema.js'

export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (
  app,
  { calendar },
) => {
  const read = { policy: 'calendar.read' } as const
  const manage = { policy: 'calendar.manage' } as const
  const tags = ['calendar']

  app.get(
    '/calendar',
    {
      config: read,
      schema: {
        tags,
        summary: 'The agency’s holidays of a year: national, cuti bersama, its own and its election days',
        querystring: CalendarQuery,
        response: { 200: CalendarView },
      },
    },
    (request) => calendar.getCalendar(actorOf(request), request.query),
  )

  app.get(
    '/calendar/working-days',
    {
      config: read,
      schema: {
        tags,
        summary: 'The N-th working day after a date ("N hari kerja setelah"; the start day is not counted)',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysView },
      },
    },
    (request) => calendar.workingDays(actorOf(request), request.query),
  )

  app.post(
    '/calendar/entries',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an agency holiday, or mark a national holiday as a working day',
        body: CreateCalendarEntryBody,
        response: { 201: CalendarEntryView },
      },
    },
    async (request, reply) => reply.status(201).send(await calendar.addEntry(actorOf(request), request.body)),
  )

  app.delete(
    '/calendar/entries/:entryId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove an agency entry (the national calendar applies again)',
        params: CalendarEntryParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await calendar.removeEntry(actorOf(request), request.params.entryId)
      return reply.status(204).send(null)
    },
  )
}
