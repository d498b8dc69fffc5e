import { describe, expect, it } from 'vitest'
import { CellError } from './import.cells.js'
import { plainCellValue } from './import-xlsx.js'

describe('plainCellValue', () => {
  const date = new Date(Date.UTC(1986, 8, 26))
  it.each([
    ['text', ' Budi ', ' Budi '],
    ['blank text', '   ', null],
    ['a number', 42, 42],
    ['a date', date, date],
    ['a formula → its cached result', { formula: 'A1&B1', result: 'Budi Santoso' }, 'Budi Santoso'],
    ['a shared formula → its cached result', { sharedFormula: 'A2', result: 7 }, 7],
    ['a formula without a cached result', { formula: 'A1' }, null],
    ['rich text', { richText: [{ text: 'Bu' }, { text: 'di' }] }, 'Budi'],
    [
      'a hyperlink → its text',
      { text: 'budi@contoh.go.id', hyperlink: 'mailto:budi@contoh.go.id' },
      'budi@contoh.go.id',
    ],
    ['nothing', undefined, null],
  ])('%s', (_label, value, expected) => expect(plainCellValue(value)).toEqual(expected))

  it('turns error values and formulas cached as errors into CellError', () => {
    expect(plainCellValue({ error: '#REF!' })).toEqual(new CellError('#REF!'))
    // The streaming reader hands a formula cached as an error (`<c t="e">`) over as NaN.
    expect(plainCellValue({ formula: '1/0', result: Number.NaN })).toBeInstanceOf(CellError)
  })
})
