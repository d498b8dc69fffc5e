/**
 * Signed tokens of the events feature, both HMAC-SHA256 under keys derived (HKDF-SHA256) from SESSION_SECRET with
 * labels of their own, so they differ from every other use of the secret:
 *
 * - **Check-in tokens** (`netra:event-check-in`): the screen at an event shows `<event id>.<slot>.<mac>` where slot
 *   = ⌊unix seconds / 30⌋. A token is accepted during its own slot and the next one (so a code scanned just before
 *   it rotates still works, at most 60 s in all); older slots are expired, anything not signed by us is invalid.
 *   A photo of the screen sent around therefore stops working within a minute.
 * - **Employee card tokens** (`netra:employee-card`): `<employee id>.<mac>`, printed as a QR code on the employee's
 *   card and scanned by an operator. They do not expire (a card is reprinted rarely); changing SESSION_SECRET
 *   invalidates every card.
 * - **Attendance codes** (`netra:employee-attendance-code`): the employee's "kode kehadiran", 8 Crockford base-32
 *   characters (40 bits) of the HMAC of their id, printed on the same card and typed after the NIP on a self
 *   check-in (docs/decisions/0012-event-check-in-code.md). Stateless and stable like the card token.
 * - **Quiz tickets** (`netra:event-quiz-ticket`): `<attendance id>.<expiry minute, base 36>.<mac>`, handed to the
 *   phone by a successful self check-in so the employee may answer the event's quiz once within three hours
 *   (the rotating check-in token expires after a minute; the NIP and code are not asked twice).
 *
 * Ids are written without dashes and MACs are cut to 128 bits to keep the QR codes small.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

export const checkInPeriodSeconds = 30

const macOf = (key: Buffer, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest().subarray(0, 16).toString('base64url')

const sameMac = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const compactId = (uuid: string): string => uuid.replace(/-/g, '').toLowerCase()
const uuidOf = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

export const slotAt = (at: Date): number => Math.floor(at.getTime() / 1000 / checkInPeriodSeconds)

/** Crockford base 32: no I, L, O or U, so nothing reads as another character. */
export const attendanceCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const attendanceCodeLength = 8
export const quizTicketMinutes = 180

/**
 * A typed attendance code as the server compares it: upper case, spaces and dashes dropped, and the letters people
 * confuse read as Crockford does (I and L as 1, O as 0).
 */
export const normaliseAttendanceCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')

/** `ABCD-EFGH`: how cards and staff pages show a code (the dash is ignored when typed). */
export const formatAttendanceCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`

export type CheckInTokenCheck =
  | { readonly kind: 'valid'; readonly eventId: string }
  | { readonly kind: 'expired'; readonly eventId: string }
  | { readonly kind: 'invalid' }

export interface EventTokens {
  /** The token for an event at an instant, and the seconds until the next one. */
  checkInToken(eventId: string, at: Date): { token: string; rotatesInSeconds: number }
  checkCheckInToken(token: string, at: Date): CheckInTokenCheck
  cardToken(employeeId: string): string
  /** The employee id of a genuine card token, else null. */
  checkCardToken(token: string): string | null
  /** The employee's attendance code (8 characters of `attendanceCodeAlphabet`). */
  attendanceCode(employeeId: string): string
  /** Whether a typed code (any case, dashes and spaces allowed) is the employee's; constant time. */
  checkAttendanceCode(employeeId: string, typed: string): boolean
  /** A ticket for answering the quiz of one attendance, valid `quizTicketMinutes` from `at`. */
  quizTicket(attendanceId: string, at: Date): string
  checkQuizTicket(ticket: string, at: Date): QuizTicketCheck
}

export type QuizTicketCheck =
  | { readonly kind: 'valid'; readonly attendanceId: string }
  | { readonly kind: 'expired' }
  | { readonly kind: 'invalid' }

export function createEventTokens(serverSecret: string): EventTokens {
  const checkInKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:event-check-in', 32))
  const cardKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:employee-card', 32))
  const codeKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:employee-attendance-code', 32))
  const quizKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:event-quiz-ticket', 32))

  /** 40 bits of the MAC, 5 bits per character. */
  const codeOf = (employeeId: string): string => {
    const mac = createHmac('sha256', codeKey).update(compactId(employeeId), 'utf8').digest()
    let bits = 0n
    for (const byte of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte)
    let code = ''
    for (let index = attendanceCodeLength - 1; index >= 0; index -= 1)
      code += attendanceCodeAlphabet[Number((bits >> BigInt(index * 5)) & 31n)]
    return code
  }

  const signCheckIn = (idHex: string, slot: number) => {
    const body = `${idHex}.${slot.toString(36)}`
    return `${body}.${macOf(checkInKey, body)}`
  }

  return {
    checkInToken(eventId, at) {
      const slot = slotAt(at)
      const nextSlotMs = (slot + 1) * checkInPeriodSeconds * 1000
      return {
        token: signCheckIn(compactId(eventId), slot),
        rotatesInSeconds: Math.max(1, Math.ceil((nextSlotMs - at.getTime()) / 1000)),
      }
    },

    checkCheckInToken(token, at) {
      const [idHex, slotText, mac] = token.split('.')
      if (!idHex || !slotText || !mac || !/^[0-9a-f]{32}$/.test(idHex) || !/^[0-9a-z]{1,12}$/.test(slotText))
        return { kind: 'invalid' }
      const slot = Number.parseInt(slotText, 36)
      if (!sameMac(mac, macOf(checkInKey, `${idHex}.${slotText}`))) return { kind: 'invalid' }
      const eventId = uuidOf(idHex)
      const current = slotAt(at)
      // A token from the future was never handed out by this server's clock.
      if (slot > current) return { kind: 'invalid' }
      return current - slot <= 1 ? { kind: 'valid', eventId } : { kind: 'expired', eventId }
    },

    cardToken(employeeId) {
      const idHex = compactId(employeeId)
      return `${idHex}.${macOf(cardKey, idHex)}`
    },

    checkCardToken(token) {
      const [idHex, mac] = token.split('.')
      if (!idHex || !mac || !/^[0-9a-f]{32}$/.test(idHex)) return null
      return sameMac(mac, macOf(cardKey, idHex)) ? uuidOf(idHex) : null
    },

    attendanceCode: codeOf,

    checkAttendanceCode(employeeId, typed) {
      const given = normaliseAttendanceCode(typed)
      // Compared at a fixed width (timingSafeEqual needs equal lengths); a wrong length is simply wrong.
      const width = 32
      const same = timingSafeEqual(
        Buffer.from(given.padEnd(width, '*').slice(0, width)),
        Buffer.from(codeOf(employeeId).padEnd(width, '*')),
      )
      return same && given.length === attendanceCodeLength
    },

    quizTicket(attendanceId, at) {
      const expiry = Math.floor(at.getTime() / 60_000) + quizTicketMinutes
      const body = `${compactId(attendanceId)}.${expiry.toString(36)}`
      return `${body}.${macOf(quizKey, body)}`
    },

    checkQuizTicket(ticket, at) {
      const [idHex, expiryText, mac] = ticket.split('.')
      if (
        !idHex ||
        !expiryText ||
        !mac ||
        !/^[0-9a-f]{32}$/.test(idHex) ||
        !/^[0-9a-z]{1,12}$/.test(expiryText) ||
        !sameMac(mac, macOf(quizKey, `${idHex}.${expiryText}`))
      )
        return { kind: 'invalid' }
      const expiry = Number.parseInt(expiryText, 36)
      return Math.floor(at.getTime() / 60_000) >= expiry
        ? { kind: 'expired' }
        : { kind: 'valid', attendanceId: uuidOf(idHex) }
    },
  }
}
