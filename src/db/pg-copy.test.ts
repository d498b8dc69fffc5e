import { describe, expect, it } from 'vitest'
import { copyField, copyTextOf } from './pg-copy.js'

describe('COPY text', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    ['', ''],
    [42, '42'],
    ['Kepala Dinas', 'Kepala Dinas'],
    ['C:\\Arsip', 'C:\\\\Arsip'],
    ['a\tb', 'a\\tb'],
    ['baris\r\nbaru', 'baris\\r\\nbaru'],
    ['\\N', '\\\\N'],
  ])('writes %j as %j', (value, expected) => {
    expect(copyField(value)).toBe(expected)
  })

  it('turns rows into snake_case columns and tab-separated lines', () => {
    const text = copyTextOf([
      { id: 'a', unitId: 'u1', positionTitle: null },
      { id: 'b', unitId: 'u2', positionTitle: 'Analis\tData' },
    ])
    expect(text).toEqual({
      columns: ['id', 'unit_id', 'position_title'],
      text: 'a\tu1\t\\N\nb\tu2\tAnalis\\tData\n',
      rows: 2,
    })
    expect(copyTextOf([])).toEqual({ columns: [], text: '', rows: 0 })
  })
})
