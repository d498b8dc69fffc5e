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
}

export function createEventTokens(serverSecret: string): EventTokens {
  const checkInKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:event-check-in', 32))
  const cardKey = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:employee-card', 32))

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
  }
}
