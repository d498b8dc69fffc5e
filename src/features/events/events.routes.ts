/**
 * Events over HTTP: staff routes (`events.read`, `events.manage`; services narrow unit admins to their subtree) and
 * the public self check-in behind the rotating QR code. This plugin holds the events and their files and registers
 * attendance (event-attendance.routes.ts) and quiz (event-quiz.routes.ts) routes inside itself. Uploads
 * (materials, photos, attendance sheets) are raw bodies streamed to disk by the services with their own size caps;
 * their kind is decided by their first bytes.
 */
import { createReadStream } from 'node:fs'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../server/plugins/authorize.js'
import { eventAttendanceRoutes } from './event-attendance.routes.js'
import type { EventAttendanceService } from './event-attendance.service.js'
import type { EventCheckInService } from './event-check-in.service.js'
import type { EventFilesService } from './event-files.service.js'
import { eventQuizRoutes } from './event-quiz.routes.js'
import type { EventQuizService } from './event-quiz.service.js'
import type { EventReportsService } from './event-reports.service.js'
import {
  contentDisposition,
  materialContentTypes,
  photoContentTypes,
  publicRouteConfig,
  rawContentTypes,
  rawUpload,
} from './event-route-helpers.js'
import type { EventsService } from './events.service.js'
import {
  CancelEventBody,
  CreateEventBody,
  EventFileList,
  EventFileView,
  EventList,
  EventView,
  IdParams,
  IkrarCoverageQuery,
  IkrarCoverageView,
  LeaderSignatureBody,
  ListEventsQuery,
  UpdateEventBody,
  UploadFileQuery,
} from './events.schema.js'

export interface EventsRoutesDeps {
  readonly events: EventsService
  readonly attendance: EventAttendanceService
  readonly checkIn: EventCheckInService
  readonly files: EventFilesService
  readonly quiz: EventQuizService
  readonly reports: EventReportsService
  /** Requests per minute per client on the public check-in and quiz routes. */
  readonly publicRateLimitPerMinute: number
}

export const eventsRoutes: FastifyPluginAsyncZod<EventsRoutesDeps> = async (
  app,
  { events, attendance, checkIn, files, quiz, reports, publicRateLimitPerMinute },
) => {
  const read = { policy: 'events.read' } as const
  const manage = { policy: 'events.manage' } as const
  const tags = ['events']
  const publicConfig = publicRouteConfig(publicRateLimitPerMinute)

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
    (request) => reports.ikrarCoverage(actorOf(request), request.query),
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
        const view = await files.uploadFile(
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
    (request) => files.listFiles(actorOf(request), request.params.id),
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
      const { view, filePath } = await files.openFile(actorOf(request), request.params.id)
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
      await files.deleteFile(actorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )

  await app.register(eventAttendanceRoutes, { attendance, checkIn, reports, publicConfig })
  await app.register(eventQuizRoutes, { quiz, publicConfig })
}
