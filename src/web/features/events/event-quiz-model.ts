/** The quiz editor's draft: questions with 2–5 options (lettered A–E) and the index of the correct one. */
import type { QuizQuestionInput } from './events.api'

export const optionLetters = ['A', 'B', 'C', 'D', 'E'] as const

export interface DraftQuestion {
  readonly text: string
  readonly options: readonly string[]
  readonly correctOption: number
}

export const emptyQuestion = (): DraftQuestion => ({ text: '', options: ['', ''], correctOption: 0 })

/** The draft as the API takes it, or null when a text or option is still empty. */
export function quizInputOf(draft: readonly DraftQuestion[]): QuizQuestionInput[] | null {
  const questions = draft.map((question) => ({
    text: question.text.trim(),
    options: question.options.map((option) => option.trim()),
    correctOption: question.correctOption,
  }))
  const complete = questions.every(
    (question) =>
      question.text !== '' &&
      question.options.length >= 2 &&
      question.options.every((option) => option !== '') &&
      question.correctOption < question.options.length,
  )
  return complete ? questions : null
}
