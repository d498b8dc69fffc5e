import { describe, expect, it } from 'vitest'
import { normaliseDate, normalisePhone, searchNameOf, validateEmployee } from './employee-record.js'

const rules = { minAppointmentAge: 18, today: '2026-11-22' }

describe('validateEmployee', () => {
  it('cleans a SIASN-style row: NIP with spaces, grade IIIa, Indonesian date and sex, phone 08…', () => {
    const result = validateEmployee(
      {
        nip: '19860926 201505 1 001',
        name: '  Budi Santoso ',
        frontTitle: 'Drs.',
        backTitle: 'M.Si.',
        gender: 'L',
        birthDate: '26-09-1986',
        grade: 'IIIa',
        positionType: 'Fungsional Tertentu',
        positionTitle: 'Guru Ahli Muda',
        email: 'Budi@Contoh.go.id',
        phone: '0812-3456-7890',
      },
      rules,
    )
    expect(result).toEqual({
      ok: true,
      record: {
        kind: 'PNS',
        nip: '198609262015051001',
        nik: null,
        name: 'Budi Santoso',
        frontTitle: 'Drs.',
        backTitle: 'M.Si.',
        gender: 'male',
        birthDate: '1986-09-26',
        grade: 'III/a',
        positionType: 'fungsional',
        positionTitle: 'Guru Ahli Muda',
        status: 'active',
        email: 'budi@contoh.go.id',
        phone: '+6281234567890',
        whatsapp: null,
      },
    })
  })

  it('takes birth date and sex from the NIP when the row leaves them empty', () => {
    const result = validateEmployee({ nip: '199007232015112685', name: 'Siti Aminah' }, rules)
    expect(result).toMatchObject({ ok: true, record: { birthDate: '1990-07-23', gender: 'female' } })
  })

  it('reports every problem of a row at once, with codes', () => {
    const result = validateEmployee(
      { nip: '198602302015051001', name: '', grade: 'V/a', email: 'bukan-email', gender: 'X', kind: 'PNS' },
      rules,
    )
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'name', code: 'employee.field_required' },
        { field: 'nip', code: 'employee.nip_invalid', reason: 'birth_date' },
        { field: 'gender', code: 'employee.field_invalid' },
        { field: 'grade', code: 'employee.field_invalid', reason: 'unknown' },
        { field: 'email', code: 'employee.field_invalid' },
      ],
    })
  })

  it('flags a birth date or sex that contradicts the NIP', () => {
    const result = validateEmployee(
      { nip: '198609262015051001', name: 'Budi', birthDate: '1986-09-27', gender: 'P' },
      rules,
    )
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'nip', code: 'employee.nip_mismatch', reason: 'gender' },
        { field: 'nip', code: 'employee.nip_mismatch', reason: 'birth_date' },
      ],
    })
  })

  it('requires a NIP for PNS and PPPK but not for Non-ASN staff, who have no grade', () => {
    expect(validateEmployee({ name: 'Ani', kind: 'PNS' }, rules)).toMatchObject({
      ok: false,
      problems: [{ field: 'nip', code: 'employee.nip_invalid', reason: 'required' }],
    })
    expect(validateEmployee({ name: 'Ani', kind: 'honorer' }, rules)).toMatchObject({
      ok: true,
      record: { kind: 'NON_ASN', nip: null },
    })
    expect(validateEmployee({ name: 'Ani', kind: 'Non ASN', grade: 'II/a' }, rules)).toMatchObject({
      ok: false,
      problems: [{ field: 'grade', code: 'employee.field_invalid', reason: 'not_for_non_asn' }],
    })
  })

  it('accepts a PPPK grade and NI PPPK', () => {
    expect(
      validateEmployee({ name: 'Rina', kind: 'PPPK', nip: '199001012021212001', grade: '9' }, rules),
    ).toMatchObject({
      ok: true,
      record: { kind: 'PPPK', grade: 'IX', gender: 'female' },
    })
  })

  it('reads dates from spreadsheet cells given as Date objects', () => {
    const result = validateEmployee(
      { name: 'Non', kind: 'NON_ASN', birthDate: new Date(Date.UTC(1999, 0, 31)) },
      rules,
    )
    expect(result).toMatchObject({ ok: true, record: { birthDate: '1999-01-31' } })
  })
})

describe('field normalisers', () => {
  it.each([
    ['1986-09-26', '1986-09-26'],
    ['26/09/1986', '1986-09-26'],
    ['26.9.1986', '1986-09-26'],
    ['31-02-1986', null],
    ['kemarin', null],
  ])('normaliseDate(%s) → %s', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected)
  })

  it.each([
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812-3456-789', '+628123456789'],
    ['6281234567890', '+6281234567890'],
    ['021 555 1234', null],
  ])('normalisePhone(%s) → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected)
  })

  it('builds an accent-free search name with titles', () => {
    expect(searchNameOf({ name: 'Wahyu Hidayat', frontTitle: 'Dr. Ir.', backTitle: 'M.M.' })).toBe(
      'dr ir wahyu hidayat m m',
    )
  })
})
