import { describe, expect, it } from 'vitest'
import type { PublicCheckInResult, QuizAnswerResult, QuizScoresView, QuizView } from './events.schema.js'
import {
  api,
  arrangeEvents,
  checkInTokenOf,
  createEvent,
  selfCheckIn,
  type EventsFixture,
} from './events.testing.js'

const quizBody = {
  questions: [
    {
      text: 'Bolehkah ASN menghadiri kampanye dengan atribut partai?',
      options: ['Boleh', 'Tidak boleh'],
      correctOption: 1,
    },
    {
      text: 'Ke mana pelanggaran netralitas dilaporkan?',
      options: ['Bawaslu', 'KPU', 'Partai politik'],
      correctOption: 0,
    },
  ],
}

const putQuiz = (f: EventsFixture, eventId: string, body: unknown = quizBody, session = f.session) =>
  api(f.app, session, 'PUT', `/events/${eventId}/quiz`, body)

/** Checks an employee in on the phone and returns what the phone receives. */
async function checkIn(f: EventsFixture, eventId: string, employee: { id: string; nip: string | null }) {
  const { token } = await checkInTokenOf(f, eventId)
  const response = await selfCheckIn(f, token, employee)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<PublicCheckInResult>()
}

const answer = (f: EventsFixture, ticket: string | null, answers: unknown) =>
  api(f.app, null, 'POST', '/public/events/quiz', { ticket, answers })

const results = (f: EventsFixture, eventId: string) =>
  f.db
    .selectFrom('eventQuizResults')
    .select(['employeeId', 'correctCount', 'questionCount'])
    .where('eventId', '=', eventId)
    .orderBy('answeredAt')
    .execute()

describe('PUT/GET /api/v1/events/:id/quiz', () => {
  it('replaces the questions as a whole, audited; refuses a correct option that does not exist', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const empty = await api(f.app, f.session, 'GET', `/events/${event.id}/quiz`)
    expect(empty.json<QuizView>()).toEqual({
      eventId: event.id,
      questions: [],
      answerCount: 0,
      isLocked: false,
    })

    const saved = await putQuiz(f, event.id)
    expect(saved.statusCode, saved.body).toBe(200)
    const quiz = saved.json<QuizView>()
    expect(
      quiz.questions.map((question) => [question.text, question.options, question.correctOption]),
    ).toEqual(quizBody.questions.map((question) => [question.text, question.options, question.correctOption]))
    expect((await api(f.app, f.session, 'GET', `/events/${event.id}/quiz`)).json()).toEqual(quiz)

    const wrong = await putQuiz(f, event.id, {
      questions: [{ text: 'Pertanyaan', options: ['A', 'B'], correctOption: 3 }],
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json()).toEqual({ error: { code: 'event.quiz_invalid', details: { questions: [0] } } })
    // 2–5 options, no unknown fields.
    for (const body of [
      { questions: [{ text: 'Satu', options: ['A'], correctOption: 0 }] },
      { questions: [{ text: 'Enam', options: ['A', 'B', 'C', 'D', 'E', 'F'], correctOption: 0 }] },
      { questions: [{ text: 'Lain', options: ['A', 'B'], correctOption: 0, points: 5 }] },
    ])
      expect((await putQuiz(f, event.id, body)).statusCode).toBe(400)
    // Nothing of the refused bodies was written.
    expect((await api(f.app, f.session, 'GET', `/events/${event.id}/quiz`)).json()).toEqual(quiz)
    const audit = await f.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', event.id)
      .where('action', '=', 'event.quiz_saved')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('gives a unit admin 404 for an event outside their subtree, and 403 to change one they only see', async () => {
    const f = await arrangeEvents()
    const disdikOnly = await createEvent(f, { targetUnitIds: [f.disdik.id] })
    await putQuiz(f, disdikOnly.id)
    for (const url of [`/events/${disdikOnly.id}/quiz`, `/events/${disdikOnly.id}/quiz-scores`])
      expect((await api(f.app, f.unitSession, 'GET', url)).statusCode).toBe(404)
    expect((await putQuiz(f, disdikOnly.id, quizBody, f.unitSession)).statusCode).toBe(404)
    const agencyWide = await createEvent(f, { targetUnitIds: [] })
    expect((await api(f.app, f.unitSession, 'GET', `/events/${agencyWide.id}/quiz`)).statusCode).toBe(200)
    expect((await putQuiz(f, agencyWide.id, quizBody, f.unitSession)).statusCode).toBe(403)
    const own = await createEvent(f, { targetUnitIds: [f.puskesmas.id] })
    expect((await putQuiz(f, own.id, quizBody, f.unitSession)).statusCode).toBe(200)
  })
})

describe('POST /api/v1/public/events/quiz', () => {
  it('hands the quiz to the phone after check-in, scores one answer sheet, and locks the questions', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f, { targetUnitIds: [] })
    await putQuiz(f, event.id)
    const { token } = await checkInTokenOf(f, event.id)
    expect((await api(f.app, null, 'GET', `/public/events/check-in/${token}`)).json()).toMatchObject({
      hasQuiz: true,
    })
    const phone = await checkIn(f, event.id, f.perawat)
    expect(phone.quizTicket).toEqual(expect.any(String))
    const questions = phone.quiz?.questions ?? []
    expect(questions.map((question) => question.options)).toEqual([
      ['Boleh', 'Tidak boleh'],
      ['Bawaslu', 'KPU', 'Partai politik'],
    ])
    // The phone never sees which option is correct.
    expect(JSON.stringify(phone)).not.toContain('correctOption')
    const [first, second] = questions.map((question) => question.id)

    const scored = await answer(f, phone.quizTicket, [
      { questionId: first, option: 1 },
      { questionId: second, option: 2 },
    ])
    expect(scored.statusCode, scored.body).toBe(200)
    expect(scored.json<QuizAnswerResult>()).toEqual({ correctCount: 1, questionCount: 2, score: 50 })

    const twice = await answer(f, phone.quizTicket, [
      { questionId: first, option: 1 },
      { questionId: second, option: 0 },
    ])
    expect(twice.statusCode).toBe(409)
    expect(twice.json()).toMatchObject({ error: { code: 'event.quiz_already_answered' } })
    expect(await results(f, event.id)).toEqual([
      { employeeId: f.perawat.id, correctCount: 1, questionCount: 2 },
    ])

    const locked = await putQuiz(f, event.id, { questions: [] })
    expect(locked.statusCode).toBe(409)
    expect(locked.json()).toMatchObject({ error: { code: 'event.quiz_locked', details: { answerCount: 1 } } })
    expect((await api(f.app, f.session, 'GET', `/events/${event.id}/quiz`)).json()).toMatchObject({
      answerCount: 1,
      isLocked: true,
    })
  })

  it('refuses answers that do not fit the event’s questions (422) and tickets that are forged or old', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    await putQuiz(f, event.id)
    const other = await createEvent(f, { title: 'Bimtek lain' })
    const otherQuiz = (await putQuiz(f, other.id)).json<QuizView>()
    const phone = await checkIn(f, event.id, f.perawat)
    const [first, second] = (phone.quiz?.questions ?? []).map((question) => question.id)
    const foreign = otherQuiz.questions[0]?.id

    const cases: [unknown, Record<string, unknown>][] = [
      [
        [
          { questionId: first, option: 1 },
          { questionId: foreign, option: 0 },
        ],
        { unknown: [foreign], missing: [second] },
      ],
      [
        [
          { questionId: first, option: 1 },
          { questionId: first, option: 0 },
          { questionId: second, option: 0 },
        ],
        { duplicated: [first] },
      ],
      [[{ questionId: first, option: 1 }], { missing: [second] }],
      [
        [
          { questionId: first, option: 4 },
          { questionId: second, option: 0 },
        ],
        { badOption: [first] },
      ],
    ]
    for (const [answers, details] of cases) {
      const refused = await answer(f, phone.quizTicket, answers)
      expect(refused.statusCode, refused.body).toBe(422)
      expect(refused.json()).toMatchObject({ error: { code: 'event.quiz_answers_invalid', details } })
    }
    expect(await results(f, event.id)).toEqual([])

    const valid = [
      { questionId: first, option: 1 },
      { questionId: second, option: 0 },
    ]
    const ticket = phone.quizTicket ?? ''
    const forged = `${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`
    const forgedAnswer = await answer(f, forged, valid)
    expect(forgedAnswer.statusCode).toBe(404)
    expect(forgedAnswer.json()).toMatchObject({ error: { code: 'event.quiz_ticket_invalid' } })
    f.clock.advance(3 * 3600_000)
    const late = await answer(f, ticket, valid)
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({ error: { code: 'event.quiz_ticket_expired' } })
    expect(await results(f, event.id)).toEqual([])
  })

  it('gives no quiz without questions, and forgets the answers when staff remove the attendance', async () => {
    const f = await arrangeEvents()
    const plain = await createEvent(f)
    expect(await checkIn(f, plain.id, f.bidan)).toMatchObject({ quiz: null, quizTicket: null })

    const event = await createEvent(f, { title: 'Dengan kuis' })
    await putQuiz(f, event.id)
    const phone = await checkIn(f, event.id, f.perawat)
    const answers = (phone.quiz?.questions ?? []).map((question) => ({ questionId: question.id, option: 0 }))
    expect((await answer(f, phone.quizTicket, answers)).statusCode).toBe(200)
    const removed = await api(f.app, f.session, 'DELETE', `/events/${event.id}/attendance/${f.perawat.id}`)
    expect(removed.statusCode).toBe(204)
    expect(await results(f, event.id)).toEqual([])
    // The ticket stood for that attendance: it is gone.
    expect((await answer(f, phone.quizTicket, answers)).statusCode).toBe(404)
  })
})

describe('GET /api/v1/events/:id/quiz-scores', () => {
  it('averages scores overall and per unit (unit at check-in), inside the reader’s subtree', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f, { targetUnitIds: [] })
    await putQuiz(f, event.id)
    const sheets: [typeof f.perawat, number[]][] = [
      [f.perawat, [1, 0]], // 100
      [f.bidan, [1, 1]], // 50
      [f.guru, [0, 1]], // 0
    ]
    for (const [employee, options] of sheets) {
      const phone = await checkIn(f, event.id, employee)
      const questions = phone.quiz?.questions ?? []
      const sent = await answer(
        f,
        phone.quizTicket,
        questions.map((question, index) => ({ questionId: question.id, option: options[index] })),
      )
      expect(sent.statusCode, sent.body).toBe(200)
    }
    // Kadisdik checked in but did not answer.
    await checkIn(f, event.id, f.kadisdik)

    const all = await api(f.app, f.session, 'GET', `/events/${event.id}/quiz-scores`)
    expect(all.json<QuizScoresView>()).toEqual({
      eventId: event.id,
      questionCount: 2,
      answered: 3,
      averageScore: 50,
      units: [
        { unitId: f.dinkes.id, unitName: 'Dinas Kesehatan', answered: 2, averageScore: 75 },
        { unitId: f.disdik.id, unitName: 'Dinas Pendidikan', answered: 1, averageScore: 0 },
      ],
    })
    const unitAdmin = await api(f.app, f.unitSession, 'GET', `/events/${event.id}/quiz-scores`)
    expect(unitAdmin.json<QuizScoresView>()).toEqual({
      eventId: event.id,
      questionCount: 2,
      answered: 2,
      averageScore: 75,
      units: [{ unitId: f.dinkes.id, unitName: 'Dinas Kesehatan', answered: 2, averageScore: 75 }],
    })
    const none = await createEvent(f, { title: 'Tanpa kuis' })
    expect((await api(f.app, f.session, 'GET', `/events/${none.id}/quiz-scores`)).json()).toEqual({
      eventId: none.id,
      questionCount: 0,
      answered: 0,
      averageScore: null,
      units: [],
    })
  })
})
