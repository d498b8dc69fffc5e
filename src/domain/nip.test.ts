import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatNip, parseNip } from './nip.js'

const rules = { minAppointmentAge: 18, today: '2026-11-22' }

describe('parseNip', () => {
  it.each([
    ['198609262015051001', { birthDate: '1986-09-26', appointment: '2015-05', gender: 'male', sequence: 1 }],
    [
      '19900723 201511 2 685',
      { birthDate: '1990-07-23', appointment: '2015-11', gender: 'female', sequence: 685 },
    ],
    [
      '19640229.198903.1.004',
      { birthDate: '1964-02-29', appointment: '1989-03', gender: 'male', sequence: 4 },
    ],
  ])('reads PNS number %s', (raw, expected) => {
    expect(parseNip(raw, 'PNS', rules)).toEqual({
      ok: true,
      value: { nip: raw.replace(/[\s.]/g, ''), layout: 'pns', ...expected },
    })
  })

  it.each([
    ['19860926201505100', 'length'],
    ['1986092620150510011', 'length'],
    ['19860926201505A001', 'not_digits'],
    ['198602302015051001', 'birth_date'], // 30 February
    ['198613012015051001', 'birth_date'], // month 13
    ['202705012045051001', 'birth_date'], // born in the future
    ['198609262015131001', 'appointment'], // month 13
    ['198609262000051001', 'appointment_before_adulthood'], // appointed at 13
    ['198609262027011001', 'appointment_in_future'],
    ['198609262015053001', 'gender_digit'],
    ['198609262015050001', 'gender_digit'],
    ['198609262015051000', 'sequence'],
  ])('refuses PNS number %s (%s)', (raw, problem) => {
    expect(parseNip(raw, 'PNS', rules)).toEqual({ ok: false, problem })
  })

  it('accepts a PPPK number in the PPPK layout (year + cohort code) and in the PNS-like layout', () => {
    expect(parseNip('199001012021211001', 'PPPK', rules)).toMatchObject({
      ok: true,
      value: { layout: 'pppk', birthDate: '1990-01-01', appointment: '2021', gender: 'male', sequence: 1 },
    })
    // 202402 would be cohort "02" in the PPPK layout too; both readings are valid, the PPPK one is taken.
    expect(parseNip('199001012024241002', 'PPPK', rules)).toMatchObject({
      ok: true,
      value: { layout: 'pppk', gender: 'male' },
    })
  })

  it('refuses a PPPK number whose sex digit is wrong in both layouts', () => {
    expect(parseNip('199001012021213001', 'PPPK', rules)).toEqual({ ok: false, problem: 'gender_digit' })
  })

  it('never throws and always answers ok or a known problem, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = parseNip(raw, 'PNS', rules)
        expect(typeof result.ok).toBe('boolean')
      }),
    )
  })

  it('accepts every generated valid PNS number', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1960-01-01'), max: new Date('1995-12-31'), noInvalidDate: true }),
        fc.integer({ min: 18, max: 26 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('1', '2'),
        fc.integer({ min: 1, max: 999 }),
        (birth, age, month, sex, sequence) => {
          const appointmentYear = birth.getUTCFullYear() + age + 1
          const nip = `${birth.toISOString().slice(0, 10).replace(/-/g, '')}${appointmentYear}${String(month).padStart(2, '0')}${sex}${String(sequence).padStart(3, '0')}`
          expect(parseNip(nip, 'PNS', rules).ok).toBe(true)
        },
      ),
    )
  })
})

describe('formatNip', () => {
  it('groups a NIP the way letters print it', () => {
    expect(formatNip('199007232015112685')).toBe('19900723 201511 2 685')
    expect(formatNip('199001012021211001', 'pppk')).toBe('19900101 2021 21 1 001')
  })
})
