/**
 * The optional short quiz of an event (issue #4 point 6, "kuis singkat opsional dengan skor"). Staff who manage the
 * event replace its questions as a whole (2–5 options, one correct) until the first answer arrives; after a self
 * check-in the phone receives the questions and a ticket (event-tokens.ts) to answer once; the score is stored per
 * attendance; the event page reads the average score overall and per unit (the unit at check-in, inside the
 * reader's subtree).
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import { isUniqueViolation } from '../../db/errors.js'
import type { Database } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent, type AuditActor } from '../audit/audit.service.js'
import { assertOpenForCheckIn, bucketer, byUnitName, createEventAccess } from './event-access.js'
import { questionsWithoutTheirAnswer, scoreAnswers } from './event-quiz-rules.js'
import { percentOf } from './event-rules.js'
import { createEventTokens } from './event-tokens.js'
import * as repo from './events.repository.js'
import type {
  PutQuizBody,
  QuizAnswerBody,
  QuizAnswerResult,
  QuizScoresView,
  QuizView,
} from './events.schema.js'

/** Who answers on the phone (no account, no IP). */
const selfQuizActor: AuditActor = { id: null, label: 'self-check-in' }

export interface EventQuizServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly serverSecret: string
}

const optionsOf = (row: repo.QuizQuestionRow): string[] => JSON.parse(row.options) as string[]

/** The mean of answer sheets as a percent with one decimal; null without any. */
const averageOf = (correct: number, asked: number, answered: number): number | null =>
  answered === 0 ? null : percentOf(correct, asked)

export function createEventQuizService({ db, clock, serverSecret }: EventQuizServiceDeps) {
  const access = createEventAccess(db)
  const tokens = createEventTokens(serverSecret)

  async function quizView(eventId: string): Promise<QuizView> {
    const questions = await repo.listQuizQuestions(db, eventId)
    const answerCount = await repo.countQuizResults(db, eventId)
    return {
      eventId,
      questions: questions.map((row) => ({
        id: row.id,
        text: row.text,
        options: optionsOf(row),
        correctOption: Number(row.correctOption),
      })),
      answerCount,
      isLocked: answerCount > 0,
    }
  }

  return {
    /** The questions with their correct options, for staff who see the event. */
    async getQuiz(actor: Actor, eventId: string): Promise<QuizView> {
      await access.loadEvent(actor, eventId, 'read')
      return quizView(eventId)
    },

    /**
     * Replaces the questions (none = no quiz). 409 `event.quiz_locked` once anyone answered; 422
     * `event.quiz_invalid` when a correct option is not one of the question's options.
     */
    async putQuiz(actor: Actor, eventId: string, body: PutQuizBody): Promise<QuizView> {
      const { event } = await access.loadEvent(actor, eventId, 'manage')
      if (event.status === 'cancelled') throw new DomainError('event.cancelled', { eventId })
      const wrong = questionsWithoutTheirAnswer(body.questions)
      if (wrong.length > 0) throw new DomainError('event.quiz_invalid', { questions: wrong })
      const now = clock.now().toISOString()
      const rows: repo.QuizQuestionRow[] = body.questions.map((question, position) => ({
        id: newId(),
        eventId,
        position,
        text: question.text,
        options: JSON.stringify(question.options),
        correctOption: question.correctOption,
        createdAt: now,
      }))
      await db.transaction().execute(async (trx) => {
        // Checked inside the transaction, under the event's lock: an answer sheet refers to these questions' ids.
        await repo.lockEvent(trx, eventId)
        const answered = await repo.countQuizResults(trx, eventId)
        if (answered > 0) throw new DomainError('event.quiz_locked', { answerCount: answered })
        await repo.replaceQuizQuestions(trx, eventId, rows)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'event.quiz_saved',
          entityType: 'event',
          entityId: eventId,
          agencyId: event.agencyId,
          summary: { questionCount: rows.length, questionIds: rows.map((row) => row.id) },
        })
      })
      return quizView(eventId)
    },

    /**
     * The employee's one answer sheet, with the ticket their self check-in gave them: every question of the event
     * exactly once (otherwise 422 `event.quiz_answers_invalid`, naming the faulty ids); a second sheet is 409
     * `event.quiz_already_answered`. Returns the score.
     */
    async answerQuiz(body: QuizAnswerBody): Promise<QuizAnswerResult> {
      const ticket = tokens.checkQuizTicket(body.ticket, clock.now())
      if (ticket.kind === 'invalid') throw new DomainError('event.quiz_ticket_invalid')
      if (ticket.kind === 'expired') throw new DomainError('event.quiz_ticket_expired')
      const attendance = await repo.findAttendanceById(db, ticket.attendanceId)
      // The attendance was removed by staff meanwhile: the ticket no longer stands for anything.
      if (!attendance) throw new DomainError('event.quiz_ticket_invalid')
      const event = await repo.findEventById(db, attendance.eventId)
      if (!event) throw new DomainError('event.quiz_ticket_invalid')
      assertOpenForCheckIn(event)
      const earlier = await repo.findQuizResultByAttendance(db, attendance.id)
      if (earlier) throw new DomainError('event.quiz_already_answered', { answeredAt: earlier.answeredAt })
      const questions = (await repo.listQuizQuestions(db, event.id)).map((row) => ({
        id: row.id,
        options: optionsOf(row),
        correctOption: Number(row.correctOption),
      }))
      if (questions.length === 0) throw new DomainError('event.quiz_not_found', { eventId: event.id })
      const check = scoreAnswers(questions, body.answers)
      if (check.kind === 'invalid') {
        const { unknown, duplicated, missing, badOption } = check
        throw new DomainError('event.quiz_answers_invalid', { unknown, duplicated, missing, badOption })
      }
      const row: repo.QuizResultRow = {
        id: newId(),
        eventId: event.id,
        attendanceId: attendance.id,
        employeeId: attendance.employeeId,
        unitPath: attendance.unitPath,
        answers: JSON.stringify(check.chosen),
        correctCount: check.correctCount,
        questionCount: questions.length,
        answeredAt: clock.now().toISOString(),
      }
      try {
        await db.transaction().execute(async (trx) => {
          // The quiz may have been saved anew since the questions were read: score against what stands now.
          await repo.lockEvent(trx, event.id)
          const now = (await repo.listQuizQuestions(trx, event.id)).map((question) => question.id)
          if (now.length !== questions.length || questions.some((question) => !now.includes(question.id)))
            throw new DomainError('event.quiz_answers_invalid', {
              unknown: [],
              duplicated: [],
              missing: now,
              badOption: [],
            })
          await repo.insertQuizResult(trx, row)
          await recordAuditEvent(trx, clock, selfQuizActor, {
            action: 'event.quiz_answered',
            entityType: 'event',
            entityId: event.id,
            agencyId: event.agencyId,
            summary: {
              employeeId: attendance.employeeId,
              correctCount: row.correctCount,
              questionCount: row.questionCount,
            },
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('event.quiz_already_answered')
        throw error
      }
      return {
        correctCount: row.correctCount,
        questionCount: row.questionCount,
        score: percentOf(row.correctCount, row.questionCount),
      }
    },

    /** Average scores inside the reader's subtree: overall and per top unit of their reach. */
    async quizScores(actor: Actor, eventId: string): Promise<QuizScoresView> {
      const { scope } = await access.loadEvent(actor, eventId, 'read')
      const questions = await repo.listQuizQuestions(db, eventId)
      const sums = await repo.sumQuizScoresByPath(db, eventId, scope.unitPaths)
      const bucketOf = bucketer(scope, undefined)
      type Tally = { answered: number; correct: number; asked: number }
      const total: Tally = { answered: 0, correct: 0, asked: 0 }
      const buckets = new Map<string, Tally>()
      for (const sum of sums) {
        total.answered += sum.answered
        total.correct += sum.correct
        total.asked += sum.asked
        const key = bucketOf(sum.unitPath)
        if (key === null) continue
        const bucket = buckets.get(key) ?? { answered: 0, correct: 0, asked: 0 }
        bucket.answered += sum.answered
        bucket.correct += sum.correct
        bucket.asked += sum.asked
        buckets.set(key, bucket)
      }
      const names = await access.unitNames([...buckets.keys()])
      return {
        eventId,
        questionCount: questions.length,
        answered: total.answered,
        averageScore: averageOf(total.correct, total.asked, total.answered),
        units: [...buckets.entries()]
          .map(([unitId, tally]) => ({
            unitId,
            unitName: names.get(unitId) ?? '',
            answered: tally.answered,
            averageScore: averageOf(tally.correct, tally.asked, tally.answered),
          }))
          .sort(byUnitName),
      }
    },
  }
}

export type EventQuizService = ReturnType<typeof createEventQuizService>
