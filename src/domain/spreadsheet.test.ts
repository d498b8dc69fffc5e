import { describe, expect, it } from 'vitest'
import { spreadsheetText } from './spreadsheet.js'

describe('spreadsheetText', () => {
  it('marks formula starts with an apostrophe and leaves other text alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(spreadsheetText(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`)
    expect(spreadsheetText('Budi = Santoso')).toBe('Budi = Santoso')
    expect(spreadsheetText('')).toBe('')
  })
})
