/**
 * Self check-in by the rotating QR code (issue #4 point 6): the event screen shows a token that changes every 30 s
 * (event-tokens.ts); the employee's phone opens `/hadir/<token>`, sees the event in the agency's time zone and
 * confirms with NIP and their personal "kode kehadiran" (printed on their QR card; decision 0012). A successful
 * check-in hands back the event's quiz, if any, with a ticket to answer it once. The public routes never see an IP
 * or user agent; the audit names the actor "self-check-in".
 */
import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import type { AuditActor } from '../audit/audit.service.js'
import { createAttendanceRecorder } from './attendance-recorder.js'
import { assertOpenForCheckIn, createEventAccess } from './event-access.js'
import { toPublicQuestion } from './event-quiz-rules.js'
import { checkInPeriodSeconds, createEventTokens } from './event-tokens.js'
import * as repo from './events.repository.js'
import type {
  CheckInTokenView,
  EventKind,
  PublicCheckInBody,
  PublicCheckInResult,
  PublicEventView,
} from './events.schema.js'

/** Who a self check-in is attributed to in the audit trail (no account, no IP). */
const selfCheckInActor: AuditActor = { id: null, label: 'self-check-in' }

export interface EventCheckInServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly serverSecret: string
  readonly publicUrl: string
}

export function createEventCheckInService({ db, clock, serverSecret, publicUrl }: EventCheckInServiceDeps) {
  const access = createEventAccess(db)
  const recorder = createAttendanceRecorder(db, clock)
  const tokens = createEventTokens(serverSecret)

  function verifiedCheckInEventId(token: string): string {
    const check = tokens.checkCheckInToken(token, clock.now())
    if (check.kind === 'invalid') throw new DomainError('event.check_in_token_invalid')
    if (check.kind === 'expired') throw new DomainError('event.check_in_token_expired')
    return check.eventId
  }

  async function publicEvent(token: string) {
    const eventId = verifiedCheckInEventId(token)
    const event = await repo.findEventById(db, eventId)
    if (!event) throw new DomainError('event.check_in_token_invalid')
    assertOpenForCheckIn(event)
    return event
  }

  return {
    /** The token the event screen shows now (it rotates every 30 s; the previous one stays valid one period). */
    async checkInToken(actor: Actor, eventId: string): Promise<CheckInTokenView> {
      const { event } = await access.loadEvent(actor, eventId, 'read')
      assertOpenForCheckIn(event)
      const { token, rotatesInSeconds } = tokens.checkInToken(event.id, clock.now())
      return {
        token,
        url: `${publicUrl}/hadir/${token}`,
        periodSeconds: checkInPeriodSeconds,
        rotatesInSeconds,
      }
    },

    /** What the phone shows before the employee confirms: the event behind a (still valid) token. */
    async viewPublicEvent(token: string): Promise<PublicEventView> {
      const event = await publicEvent(token)
      const agency = await repo.findAgency(db, event.agencyId)
      const questions = await repo.listQuizQuestions(db, event.id)
      return {
        title: event.title,
        kind: event.kind as EventKind,
        venue: event.venue,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: (agency?.timeZone ?? 'Asia/Jakarta') as PublicEventView['timeZone'],
        hasQuiz: questions.length > 0,
      }
    },

    /**
     * Self check-in: a valid token, then NIP and attendance code of an active employee of the event's agency (an
     * unknown NIP and a wrong code give the same 422 `event.identity_mismatch`; the code is compared in constant
     * time). Untargeted employees are recorded and flagged. A second check-in is 409 `event.already_checked_in`.
     */
    async checkInSelf(body: PublicCheckInBody): Promise<PublicCheckInResult> {
      const event = await publicEvent(body.token)
      const [employee] = await repo.findEmployeesByNips(db, event.agencyId, [body.nip])
      // The code is checked even for an unknown NIP, so both take the same time.
      const codeMatches = tokens.checkAttendanceCode(
        employee?.id ?? '00000000-0000-0000-0000-000000000000',
        body.attendanceCode,
      )
      if (!employee || employee.status !== 'active' || !codeMatches)
        throw new DomainError('event.identity_mismatch')
      const targets = await repo.findEventUnits(db, [event.id])
      const row = await recorder.recordOne({ event, targets }, employee, 'qr', selfCheckInActor)
      const questions = await repo.listQuizQuestions(db, event.id)
      const hasQuiz = questions.length > 0
      return {
        eventTitle: event.title,
        checkedInAt: row.checkedInAt,
        isTargeted: row.isTargeted === 1,
        quiz: hasQuiz
          ? {
              questions: questions.map((question) =>
                toPublicQuestion({ ...question, options: JSON.parse(question.options) as string[] }),
              ),
            }
          : null,
        quizTicket: hasQuiz ? tokens.quizTicket(row.id, clock.now()) : null,
      }
    },
  }
}

export type EventCheckInService = ReturnType<typeof createEventCheckInService>
