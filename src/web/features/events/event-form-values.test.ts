import { describe, expect, it } from 'vitest'
import {
  emptyEventForm,
  eventBodyOf,
  formProblems,
  instantOf,
  localOf,
  zoneOffset,
  type EventFormValues,
} from './event-form-values'

const filled = (changes: Partial<EventFormValues> = {}): EventFormValues => ({
  ...emptyEventForm(),
  title: '  Sosialisasi netralitas ASN ',
  startsAt: '2026-11-24T08:00',
  endsAt: '2026-11-24T10:00',
  ...changes,
})

describe('instants and wall-clock times', () => {
  it('knows the offsets of the Indonesian zones', () => {
    const at = new Date('2026-11-24T00:00:00Z')
    expect(zoneOffset('Asia/Jakarta', at)).toBe('+07:00')
    expect(zoneOffset('Asia/Makassar', at)).toBe('+08:00')
    expect(zoneOffset('Asia/Jayapura', at)).toBe('+09:00')
  })

  it('turns a field value into an instant with the zone offset and back', () => {
    expect(instantOf('2026-11-24T08:00', 'Asia/Makassar')).toBe('2026-11-24T08:00:00+08:00')
    expect(localOf('2026-11-24T00:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-24T07:00')
    expect(instantOf('', 'Asia/Jakarta')).toBeNull()
  })
})

describe('formProblems', () => {
  it('asks for a title and both times, and refuses an end before the start', () => {
    expect(formProblems(emptyEventForm(), 'Asia/Jakarta')).toEqual({
      title: 'validation.issue.required',
      startsAt: 'validation.issue.required',
      endsAt: 'validation.issue.required',
    })
    expect(formProblems(filled({ endsAt: '2026-11-24T07:00' }), 'Asia/Jakarta')).toEqual({
      endsAt: 'errors.event.dates_invalid',
    })
  })

  it('asks for the leader of an apel in the chosen form only', () => {
    expect(formProblems(filled({ kind: 'apel', leaderMode: 'free' }), 'Asia/Jakarta')).toEqual({
      leaderName: 'validation.issue.required',
      leaderPosition: 'validation.issue.required',
    })
    expect(formProblems(filled({ kind: 'sosialisasi', leaderMode: 'free' }), 'Asia/Jakarta')).toEqual({})
  })
})

describe('eventBodyOf', () => {
  it('trims, drops empty speakers and sends apel fields only for an apel', () => {
    const body = eventBodyOf(
      filled({
        speakers: [
          { name: ' Budi ', role: '', institution: 'Bawaslu' },
          { name: ' ', role: 'x', institution: '' },
        ],
        ikrarRead: true,
        leaderMode: 'free',
        leaderName: 'Wali Kota',
        leaderPosition: 'Wali Kota Contoh',
      }),
      'Asia/Jakarta',
    )
    expect(body).toMatchObject({
      title: 'Sosialisasi netralitas ASN',
      startsAt: '2026-11-24T08:00:00+07:00',
      speakers: [{ name: 'Budi', role: null, institution: 'Bawaslu' }],
      ikrarRead: false,
      leader: null,
    })
  })

  it('sends the leader of an apel as an employee or as a name and position', () => {
    const apel = filled({ kind: 'apel', ikrarRead: true, leaderMode: 'employee', leaderEmployeeId: 'e-1' })
    expect(eventBodyOf(apel, 'Asia/Jakarta')).toMatchObject({
      ikrarRead: true,
      leader: { employeeId: 'e-1' },
    })
    expect(
      eventBodyOf({ ...apel, leaderMode: 'free', leaderName: ' A ', leaderPosition: ' B ' }, 'Asia/Jakarta')
        .leader,
    ).toEqual({ name: 'A', position: 'B' })
  })
})
