import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import {
  changedFields,
  checkRecord,
  formValuesOf,
  messagesByField,
  problemMessageKey,
  problemsOfError,
} from './employee-record-form'

const empty = formValuesOf(null)
const valid = {
  ...empty,
  kind: 'PNS',
  nip: '19880217 201203 1 905',
  name: 'Rizky Pratama',
  backTitle: 'S.Kom.',
  birthDate: '1988-02-17',
  gender: 'male',
  grade: 'III/c',
}

describe('changedFields', () => {
  it('sends only what changed, trimmed, with null for a cleared field', () => {
    const initial = { ...valid, email: 'rizky@kotacontoh.go.id' }
    const values = { ...initial, name: ' Rizky Pratama Putra ', email: '' }
    expect(changedFields(initial, values)).toEqual({ name: 'Rizky Pratama Putra', email: null })
  })

  it('does not clear a NIK the reader only sees masked', () => {
    expect(changedFields(valid, valid, { nikIsMasked: true })).toEqual({})
    expect(changedFields(valid, { ...valid, nik: '3573011702880001' }, { nikIsMasked: true })).toEqual({
      nik: '3573011702880001',
    })
  })
})

describe('checkRecord', () => {
  const today = '2026-11-23'

  it('accepts a consistent PNS record', () => {
    expect(checkRecord(valid, today)).toEqual([])
  })

  it('names each problem by field, as the server would', () => {
    const problems = checkRecord(
      { ...valid, nip: '19870230 201203 1 914', grade: 'III/f', email: 'x' },
      today,
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'nip', code: 'employee.nip_invalid', reason: 'birth_date' },
        { field: 'grade', code: 'employee.field_invalid', reason: 'unknown' },
        { field: 'email', code: 'employee.field_invalid' },
      ]),
    )
  })

  it('puts a birth date that contradicts the NIP on the birth-date field', () => {
    const problems = checkRecord({ ...valid, birthDate: '1988-02-18' }, today)
    expect(messagesByField(problems, (key) => key)).toEqual({
      birthDate: 'employees.problem.nip_mismatch.birth_date',
    })
  })
})

describe('problemsOfError', () => {
  it('reads every problem of a refused save', () => {
    const error = new ApiError(422, 'employee.nip_invalid', {
      field: 'nip',
      reason: 'length',
      problems: [
        { field: 'nip', code: 'employee.nip_invalid', reason: 'length' },
        { field: 'email', code: 'employee.field_invalid' },
      ],
    })
    expect(messagesByField(problemsOfError(error), (key) => key)).toEqual({
      nip: 'employees.problem.nip_invalid.length',
      email: 'employees.problem.field_invalid.email',
    })
  })

  it('marks the NIP field when the NIP belongs to someone else', () => {
    const error = new ApiError(409, 'employee.nip_taken', { nip: '198802172012031905' })
    expect(problemsOfError(error).map(problemMessageKey)).toEqual(['employees.problem.field_invalid.taken'])
  })

  it('finds no field problem in other errors', () => {
    expect(problemsOfError(new ApiError(403, 'auth.forbidden'))).toEqual([])
  })
})
