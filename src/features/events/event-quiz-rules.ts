/**
 * Pure rules of event quizzes: a question's correct option must exist, an answer sheet names every question of the
 * event exactly once with an option it has, and the score is the share of correct answers. No I/O.
 */
import type { PublicQuizQuestion, QuizAnswerBody, QuizQuestionInput } from './events.schema.js'

export interface QuizQuestion {
  readonly id: string
  readonly options: readonly string[]
  readonly correctOption: number
}

/** Indexes (0-based) of questions whose correct option is not one of theirs. */
export const questionsWithoutTheirAnswer = (questions: readonly QuizQuestionInput[]): number[] =>
  questions.flatMap((question, index) => (question.correctOption < question.options.length ? [] : [index]))

export type AnswerCheck =
  | { readonly kind: 'scored'; readonly correctCount: number; readonly chosen: Record<string, number> }
  | {
      readonly kind: 'invalid'
      /** Question ids not of this event, or answered twice. */
      readonly unknown: readonly string[]
      readonly duplicated: readonly string[]
      /** Questions of the event left unanswered. */
      readonly missing: readonly string[]
      /** Questions answered with an option they do not have. */
      readonly badOption: readonly string[]
    }

/** Checks an answer sheet against the event's questions and counts the correct answers. */
export function scoreAnswers(
  questions: readonly QuizQuestion[],
  answers: QuizAnswerBody['answers'],
): AnswerCheck {
  const byId = new Map(questions.map((question) => [question.id, question]))
  const chosen: Record<string, number> = {}
  const unknown: string[] = []
  const duplicated: string[] = []
  const badOption: string[] = []
  for (const answer of answers) {
    const question = byId.get(answer.questionId)
    if (!question) unknown.push(answer.questionId)
    else if (answer.questionId in chosen) duplicated.push(answer.questionId)
    else if (answer.option >= question.options.length) badOption.push(answer.questionId)
    else chosen[answer.questionId] = answer.option
  }
  const missing = questions
    .filter((question) => !(question.id in chosen) && !badOption.includes(question.id))
    .map((question) => question.id)
  if (unknown.length + duplicated.length + missing.length + badOption.length > 0)
    return { kind: 'invalid', unknown, duplicated, missing, badOption }
  const correctCount = questions.filter((question) => chosen[question.id] === question.correctOption).length
  return { kind: 'scored', correctCount, chosen }
}

/** What the phone may see of a question: never its correct option. */
export const toPublicQuestion = (question: {
  readonly id: string
  readonly text: string
  readonly options: readonly string[]
}): PublicQuizQuestion => ({ id: question.id, text: question.text, options: [...question.options] })
