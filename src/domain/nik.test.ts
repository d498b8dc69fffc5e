import { describe, expect, it } from 'vitest'
import { maskNik, parseNik } from './nik.js'

describe('parseNik', () => {
  it('reads the sex from the day (+40 for women)', () => {
    expect(parseNik('3573012609860001')).toEqual({
      ok: true,
      nik: '3573012609860001',
      gender: 'male',
      birthDayMonth: '09-26',
    })
    expect(parseNik('3573 0166 0990 0002')).toMatchObject({
      ok: true,
      gender: 'female',
      birthDayMonth: '09-26',
    })
  })

  it.each([
    ['357301260986000', 'length'],
    ['35730126098600x1', 'not_digits'],
    ['0573012609860001', 'region'],
    ['3573013209860001', 'birth_date'],
    ['3573017209860001', 'birth_date'],
    ['3573012609860000', 'sequence'],
  ])('refuses %s (%s)', (raw, problem) => {
    expect(parseNik(raw)).toEqual({ ok: false, problem })
  })
})

describe('maskNik', () => {
  it('hides the birth date', () => {
    expect(maskNik('3573012609860001')).toBe('3573••••••••0001')
  })
})
