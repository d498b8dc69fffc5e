import { describe, expect, it } from 'vitest'
import { questionsWithoutTheirAnswer, scoreAnswers, toPublicQuestion } from './event-quiz-rules.js'

const questions = [
  { id: 'q1', options: ['A', 'B'], correctOption: 1 },
  { id: 'q2', options: ['A', 'B', 'C'], correctOption: 2 },
]

describe('scoreAnswers', () => {
  it('counts the correct answers of a complete sheet in any order', () => {
    expect(
      scoreAnswers(questions, [
        { questionId: 'q2', option: 2 },
        { questionId: 'q1', option: 0 },
      ]),
    ).toEqual({ kind: 'scored', correctCount: 1, chosen: { q1: 0, q2: 2 } })
  })

  it('names unknown, repeated, missing and impossible answers', () => {
    expect(
      scoreAnswers(questions, [
        { questionId: 'q1', option: 1 },
        { questionId: 'q1', option: 0 },
        { questionId: 'x', option: 0 },
      ]),
    ).toEqual({ kind: 'invalid', unknown: ['x'], duplicated: ['q1'], missing: ['q2'], badOption: [] })
    expect(
      scoreAnswers(questions, [
        { questionId: 'q1', option: 2 },
        { questionId: 'q2', option: 0 },
      ]),
    ).toEqual({ kind: 'invalid', unknown: [], duplicated: [], missing: [], badOption: ['q1'] })
  })
})

describe('quiz questions', () => {
  it('finds correct options that are not there, and shows the phone no answer', () => {
    expect(
      questionsWithoutTheirAnswer([
        { text: 'a', options: ['x', 'y'], correctOption: 1 },
        { text: 'b', options: ['x', 'y'], correctOption: 2 },
      ]),
    ).toEqual([1])
    expect(toPublicQuestion({ id: 'q1', text: 'a', options: ['x', 'y'] })).toEqual({
      id: 'q1',
      text: 'a',
      options: ['x', 'y'],
    })
  })
})
