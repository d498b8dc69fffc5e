/**
 * Events over HTTP: staff routes (`events.read`, `events.manage`; services narrow unit admins to their subtree) and
 * the public self check-in behind the rotating QR code. Uploads (materials, photos, attendance sheets) are raw
 * bodies streamed to disk by the service with their own size caps; their kind is decided by their first bytes.
 */
import { createReadStream } from 'node:fs'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { DomainError } from '../../domain/errors.js'
import { actorOf } from '../../server/plugins/authorize.js'
import type { EventsService } from './events.service.js'
import {
  AttendanceList,
  AttendanceParams,
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
  EmployeeParams,
  EventFileList,
  EventFileView,
  EventList,
  EventView,
  IdParams,
  IkrarCoverageQuery,
  IkrarCoverageView,
  LeaderSignatureBody,
  ListEventsQuery,
  PublicCheckInBody,
  PublicCheckInParams,
  PublicCheckInResult,
  PublicEventView,
  RateQuery,
  UpdateEventBody,
  UploadFileQuery,
} from './events.schema.js'

const imageContentTypes = ['image/jpeg', 'image/png', 'image/webp']
/** What browsers send for the accepted materials (the bytes decide, not this header). */
export const materialContentTypes = [
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ...imageContentTypes,
]
export const photoContentTypes = ['application/octet-stream', ...imageContentTypes]
/** Spreadsheets (Windows labels .csv as application/vnd.ms-excel). */
export const sheetContentTypes = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
]
const rawContentTypes = [...new Set([...materialContentTypes, ...sheetContentTypes])]

/**
 * The raw body of an upload route, refused with 415 when its declared type is not one the route takes (a JSON or
 * form body was already read by its own parser: the stream would never end).
 */
function rawUpload(request: FastifyRequest, accepted: readonly string[]) {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!accepted.includes(mediaType)) throw new DomainError('request.unsupported_media_type', { accepted })
  const declared = Number(request.headers['content-length'])
  return { body: request.raw, declared: Number.isFinite(declared) ? declared : undefined }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

export interface EventsRoutesDeps {
  readonly events: EventsService
  /** Requests per minute per client on the public check-in routes. */
  readonly publicRateLimitPerMinute: number
}

export const eventsRoutes: FastifyPluginAsyncZod<EventsRoutesDeps> = async (
  app,
  { events, publicRateLimitPerMinute },
) => {
  const read = { policy: 'events.read' } as const
  const manage = { policy: 'events.manage' } as const
  const tags = ['events']

  // Left unread here: the service streams uploads to disk with its own caps.
  app.addContentTypeParser(rawContentTypes, (_request, _payload, done) => done(null))

  /* Events ----------------------------------------------------------------------------------------------- */

  app.get(
    '/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events of an agency, newest first (a unit admin sees those touching their subtree)',
        querystring: ListEventsQuery,
        response: { 200: EventList },
      },
    },
    (request) => events.listEvents(actorOf(request), request.query),
  )

  app.post(
    '/events',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Schedule an event (sosialisasi, apel, bimtek)',
        body: CreateEventBody,
        response: { 201: EventView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await events.createEvent(actorOf(request), request.body)),
  )

  app.get(
    '/events/ikrar-coverage',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Employees who had the ikrar read at an apel, per unit subtree (apart from pledge signatures)',
        querystring: IkrarCoverageQuery,
        response: { 200: IkrarCoverageView },
      },
    },
    (request) => events.ikrarCoverage(actorOf(request), request.query),
  )

  app.get(
    '/events/:id',
    { config: read, schema: { tags, summary: 'One event', params: IdParams, response: { 200: EventView } } },
    (request) => events.getEvent(actorOf(request), request.params.id),
  )

  app.patch(
    '/events/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an event (not once cancelled, nor an apel record its leader signed)',
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: EventView },
      },
    },
    (request) => events.updateEvent(actorOf(request), request.params.id, request.body),
  )

  app.post(
    '/events/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel a scheduled event, with a reason',
        params: IdParams,
        body: CancelEventBody,
        response: { 200: EventView },
      },
    },
    (request) => events.transitionEvent(actorOf(request), request.params.id, 'cancel', request.body),
  )

  app.post(
    '/events/:id/held',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mark a scheduled event as held',
        params: IdParams,
        response: { 200: EventView },
      },
    },
    (request) => events.transitionEvent(actorOf(request), request.params.id, 'hold'),
  )

  app.post(
    '/events/:id/leader-signature',
    {
      config: manage,
      schema: {
        tags,
        summary: "Record the apel leader's confirmation of the record (typed name), once",
        params: IdParams,
        body: LeaderSignatureBody,
        response: { 200: EventView },
      },
    },
    (request) => events.signAsLeader(actorOf(request), request.params.id, request.body),
  )

  /* Files ------------------------------------------------------------------------------------------------ */

  const uploadRoute = (url: string, purpose: 'material' | 'photo', accepted: string[], summary: string) =>
    app.post(
      url,
      {
        config: manage,
        schema: {
          tags,
          summary,
          consumes: accepted,
          params: IdParams,
          querystring: UploadFileQuery,
          response: { 201: EventFileView },
        },
      },
      async (request, reply) => {
        const { body, declared } = rawUpload(request, accepted)
        const view = await events.uploadFile(
          actorOf(request),
          request.params.id,
          purpose,
          request.query,
          body,
          declared,
        )
        return reply.status(201).send(view)
      },
    )
  uploadRoute(
    '/events/:id/materials',
    'material',
    materialContentTypes,
    'Upload a material (PDF, PPTX, DOCX, JPEG, PNG or WebP by its bytes; raw body, at most 25 MB)',
  )
  uploadRoute(
    '/events/:id/photos',
    'photo',
    photoContentTypes,
    'Upload a photo (JPEG, PNG or WebP by its bytes; raw body, at most 10 MB)',
  )

  app.get(
    '/events/:id/files',
    {
      config: read,
      schema: { tags, summary: 'Materials and photos', params: IdParams, response: { 200: EventFileList } },
    },
    (request) => events.listFiles(actorOf(request), request.params.id),
  )

  app.get(
    '/event-files/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download a material or photo',
        params: IdParams,
        response: { 200: z.any().describe('the file (binary)') },
      },
    },
    async (request, reply) => {
      const { view, filePath } = await events.openFile(actorOf(request), request.params.id)
      return reply
        .header('content-type', view.mediaType)
        .header('content-disposition', contentDisposition(view.fileName))
        .header('cache-control', 'private, no-store')
        .send(createReadStream(filePath))
    },
  )

  app.delete(
    '/event-files/:id',
    {
      config: manage,
      schema: { tags, summary: 'Remove a material or photo', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await events.deleteFile(actorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )

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
      return events.checkInToken(actorOf(request), request.params.id)
    },
  )

  app.get(
    '/events/:id/attendance',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who attended (inside the reader’s subtree), by the unit they were in at check-in',
        params: IdParams,
        response: { 200: AttendanceList },
      },
    },
    (request) => events.listAttendance(actorOf(request), request.params.id),
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
    (request) => events.recordAttendance(actorOf(request), request.params.id, request.body),
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
      return events.recordAttendanceSheet(actorOf(request), request.params.id, body, declared)
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
      reply.status(201).send(await events.recordCard(actorOf(request), request.params.id, request.body)),
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
      await events.removeAttendance(actorOf(request), request.params.id, request.params.employeeId)
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
    (request) => events.attendanceRate(actorOf(request), request.params.id, request.query),
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
    (request) => events.employeeAttendances(actorOf(request), request.params.employeeId),
  )

  app.get(
    '/employees/:employeeId/qr-card-token',
    {
      config: manage,
      schema: {
        tags,
        summary: "The token printed as a QR code on the employee's card",
        params: EmployeeParams,
        response: { 200: CardTokenView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return events.cardToken(actorOf(request), request.params.employeeId)
    },
  )

  /* Public: no session, no client address or user agent logged, rate-limited ----------------------------- */

  const publicConfig = {
    policy: 'public',
    privacy: 'reporter',
    rateLimit: { max: publicRateLimitPerMinute, timeWindow: 60_000 },
  } as const

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
      return events.viewPublicEvent(request.params.id)
    },
  )

  app.post(
    '/public/events/check-in',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Self check-in: the scanned token, NIP and date of birth',
        body: PublicCheckInBody,
        response: { 200: PublicCheckInResult },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return events.checkInSelf(request.body)
    },
  )
}
