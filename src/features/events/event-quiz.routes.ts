/**
 * Event quizzes over HTTP: staff read and replace an event's questions and read the scores (inside their subtree);
 * the employee's phone answers once with the ticket from its self check-in (public, rate-limited, no client
 * address logged). Registered inside eventsRoutes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { EventQuizService } from './event-quiz.service.js'
import type { PublicRouteConfig } from './event-route-helpers.js'
import {
  IdParams,
  PutQuizBody,
  QuizAnswerBody,
  QuizAnswerResult,
  QuizScoresView,
  QuizView,
} from './events.schema.js'

export interface EventQuizRoutesDeps {
  readonly quiz: EventQuizService
  readonly publicConfig: PublicRouteConfig
}

export const eventQuizRoutes: FastifyPluginAsyncZod<EventQuizRoutesDeps> = async (
  app,
  { quiz, publicConfig },
) => {
  const read = { policy: 'events.read' } as const
  const manage = { policy: 'events.manage' } as const
  const tags = ['events']

  app.get(
    '/events/:id/quiz',
    {
      config: read,
      schema: {
        tags,
        summary: "The event's quiz with its correct options (empty: no quiz)",
        params: IdParams,
        response: { 200: QuizView },
      },
    },
    (request) => quiz.getQuiz(actorOf(request), request.params.id),
  )

  app.put(
    '/events/:id/quiz',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace the quiz (2–5 options per question, one correct); 409 once anyone answered',
        params: IdParams,
        body: PutQuizBody,
        response: { 200: QuizView },
      },
    },
    (request) => quiz.putQuiz(actorOf(request), request.params.id, request.body),
  )

  app.get(
    '/events/:id/quiz-scores',
    {
      config: read,
      schema: {
        tags,
        summary: 'Average quiz score inside the reader’s subtree, overall and per unit (unit at check-in)',
        params: IdParams,
        response: { 200: QuizScoresView },
      },
    },
    (request) => quiz.quizScores(actorOf(request), request.params.id),
  )

  app.post(
    '/public/events/quiz',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Answer the quiz once, with the ticket from the self check-in; returns the score',
        body: QuizAnswerBody,
        response: { 200: QuizAnswerResult },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return quiz.answerQuiz(request.body)
    },
  )
}
