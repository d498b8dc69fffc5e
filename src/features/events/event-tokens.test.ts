import { describe, expect, it } from 'vitest'
import {
  attendanceCodeAlphabet,
  createEventTokens,
  formatAttendanceCode,
  normaliseAttendanceCode,
} from './event-tokens.js'

const secret = 'rahasia-uji-yang-cukup-panjang-untuk-hkdf-0123456789'
const employeeId = '0190a000-0000-7000-8000-000000000001'
const otherId = '0190a000-0000-7000-8000-000000000002'

describe('attendance codes', () => {
  it('are 8 Crockford characters, stable per employee and secret, different between employees', () => {
    const tokens = createEventTokens(secret)
    const code = tokens.attendanceCode(employeeId)
    expect(code).toHaveLength(8)
    expect([...code].every((char) => attendanceCodeAlphabet.includes(char))).toBe(true)
    expect(createEventTokens(secret).attendanceCode(employeeId)).toBe(code)
    expect(tokens.attendanceCode(otherId)).not.toBe(code)
    expect(createEventTokens(`${secret}-lain`).attendanceCode(employeeId)).not.toBe(code)
  })

  it('accept what people type (case, dashes, spaces, O/I/L) and nothing else', () => {
    const tokens = createEventTokens(secret)
    const code = tokens.attendanceCode(employeeId)
    const typed = formatAttendanceCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'i')
    expect(tokens.checkAttendanceCode(employeeId, ` ${typed} `)).toBe(true)
    expect(tokens.checkAttendanceCode(otherId, code)).toBe(false)
    expect(tokens.checkAttendanceCode(employeeId, code.slice(0, 7))).toBe(false)
    expect(tokens.checkAttendanceCode(employeeId, `${code}0`)).toBe(false)
    expect(tokens.checkAttendanceCode(employeeId, '')).toBe(false)
    expect(normaliseAttendanceCode('ab-cd efgh')).toBe('ABCDEFGH')
  })
})

describe('quiz tickets', () => {
  it('name their attendance for three hours; forged or older tickets are refused', () => {
    const tokens = createEventTokens(secret)
    const at = new Date('2026-11-24T01:00:00.000Z')
    const ticket = tokens.quizTicket(employeeId, at)
    expect(tokens.checkQuizTicket(ticket, at)).toEqual({ kind: 'valid', attendanceId: employeeId })
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000)
    expect(tokens.checkQuizTicket(ticket, later(179)).kind).toBe('valid')
    expect(tokens.checkQuizTicket(ticket, later(180)).kind).toBe('expired')
    expect(tokens.checkQuizTicket(`${ticket.slice(0, -1)}x`, at).kind).toBe('invalid')
    expect(createEventTokens(`${secret}-lain`).checkQuizTicket(ticket, at).kind).toBe('invalid')
    // A check-in token is no quiz ticket (its own key).
    expect(tokens.checkQuizTicket(tokens.checkInToken(employeeId, at).token, at).kind).toBe('invalid')
  })
})
