/**
 * Attendance over HTTP: the rotating check-in token for the event screen, operator ticks, sheets and QR cards, the
 * paginated attendance list and rates, an employee's attendances and card, and the public self check-in (NIP and
 * attendance code). Registered inside eventsRoutes (which reads raw upload bodies for the sheet route).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { EventAttendanceService } from './event-attendance.service.js'
import type { EventCheckInService } from './event-check-in.service.js'
import type { EventReportsService } from './event-reports.service.js'
import { rawUpload, sheetContentTypes, type PublicRouteConfig } from './event-route-helpers.js'
import {
  AttendanceList,
  AttendanceParams,
  AttendanceQuery,
  AttendanceRateView,
  AttendanceReport,
  AttendanceView,
  BulkAttendanceBody,
  CardCheckInBody,
  CardTokenView,
  CheckInTokenView,
  EmployeeAttendanceList,
  EmployeeParams,
  IdParams,
  PublicCheckInBody,
  PublicCheckInParams,
  PublicCheckInResult,
  PublicEventView,
  RateQuery,
} from './events.schema.js'

export interface EventAttendanceRoutesDeps {
  readonly attendance: EventAttendanceService
  readonly checkIn: EventCheckInService
  readonly reports: EventReportsService
  readonly publicConfig: PublicRouteConfig
}

export const eventAttendanceRoutes: FastifyPluginAsyncZod<EventAttendanceRoutesDeps> = async (
  app,
  { attendance, checkIn, reports, publicConfig },
) => {
  const read = { policy: 'events.read' } as const
  const manage = { policy: 'events.manage' } as const
  const tags = ['events']

  /* Attendance ------------------------------------------------------------------------------------------- */

  app.get(
    '/events/:id/check-in-token',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'The rotating check-in QR for the event screen (changes every 30 s; the previous one stays valid)',
        params: IdParams,
        response: { 200: CheckInTokenView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return checkIn.checkInToken(actorOf(request), request.params.id)
    },
  )

  app.get(
    '/events/:id/attendance',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Who attended (inside the reader’s subtree), by the unit they were in at check-in; paginated, check-in order',
        params: IdParams,
        querystring: AttendanceQuery,
        response: { 200: AttendanceList },
      },
    },
    (request) => attendance.listAttendance(actorOf(request), request.params.id, request.query),
  )

  app.post(
    '/events/:id/attendance',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Tick employees from the roster (row-wise report: recorded, already present, unknown)',
        params: IdParams,
        body: BulkAttendanceBody,
        response: { 200: AttendanceReport },
      },
    },
    (request) => attendance.recordAttendance(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/events/:id/attendance/sheet',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Upload an attendance sheet (XLSX or CSV with a NIP column; raw body, at most 5 MB)',
        consumes: sheetContentTypes,
        params: IdParams,
        response: { 200: AttendanceReport },
      },
    },
    async (request) => {
      const { body, declared } = rawUpload(request, sheetContentTypes)
      return attendance.recordAttendanceSheet(actorOf(request), request.params.id, body, declared)
    },
  )

  app.post(
    '/events/:id/attendance/card',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record an employee by scanning their QR card (409 when already present)',
        params: IdParams,
        body: CardCheckInBody,
        response: { 201: AttendanceView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attendance.recordCard(actorOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/events/:id/attendance/:employeeId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a wrongly recorded attendance',
        params: AttendanceParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await attendance.removeAttendance(actorOf(request), request.params.id, request.params.employeeId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/events/:id/attendance-rate',
    {
      config: read,
      schema: {
        tags,
        summary: 'Targeted, attended and percent per unit subtree (drill down with unitId)',
        params: IdParams,
        querystring: RateQuery,
        response: { 200: AttendanceRateView },
      },
    },
    (request) => reports.attendanceRate(actorOf(request), request.params.id, request.query),
  )

  /* Employees -------------------------------------------------------------------------------------------- */

  app.get(
    '/employees/:employeeId/event-attendances',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events an employee attended (apels with the ikrar read are marked)',
        params: EmployeeParams,
        response: { 200: EmployeeAttendanceList },
      },
    },
    (request) => reports.employeeAttendances(actorOf(request), request.params.employeeId),
  )

  app.get(
    '/employees/:employeeId/qr-card-token',
    {
      config: manage,
      schema: {
        tags,
        summary: "The token printed as a QR code on the employee's card, and their attendance code",
        params: EmployeeParams,
        response: { 200: CardTokenView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return attendance.cardToken(actorOf(request), request.params.employeeId)
    },
  )

  /* Public: no session, no client address or user agent logged, rate-limited ----------------------------- */

  app.get(
    '/public/events/check-in/:id',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'The event behind a check-in token still valid',
        params: PublicCheckInParams,
        response: { 200: PublicEventView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return checkIn.viewPublicEvent(request.params.id)
    },
  )

  app.post(
    '/public/events/check-in',
    {
      config: publicConfig,
      schema: {
        tags,
        summary:
          'Self check-in: the scanned token, NIP and the employee’s attendance code (returns the quiz, if any)',
        body: PublicCheckInBody,
        response: { 200: PublicCheckInResult },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return checkIn.checkInSelf(request.body)
    },
  )
}
