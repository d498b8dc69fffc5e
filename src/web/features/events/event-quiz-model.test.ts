import { describe, expect, it } from 'vitest'
import { emptyQuestion, quizInputOf } from './event-quiz-model'

describe('quizInputOf', () => {
  it('trims a complete draft into the API body', () => {
    expect(
      quizInputOf([{ text: ' Boleh kampanye? ', options: [' Ya', 'Tidak '], correctOption: 1 }]),
    ).toEqual([{ text: 'Boleh kampanye?', options: ['Ya', 'Tidak'], correctOption: 1 }])
  })

  it('gives null while a question or option is empty, or the correct option is gone', () => {
    expect(quizInputOf([emptyQuestion()])).toBeNull()
    expect(quizInputOf([{ text: 'Soal', options: ['A', ' '], correctOption: 0 }])).toBeNull()
    expect(quizInputOf([{ text: 'Soal', options: ['A', 'B'], correctOption: 2 }])).toBeNull()
  })
})
