/**
 * Personal signing links by WhatsApp (issue #4: codes are "sent through the outbox by e-mail and through a WhatsApp
 * adapter interface"). Queued in the caller's transaction next to the e-mail, only while a WhatsApp gateway is
 * configured, to the employee's WhatsApp number or else their phone number, normalised to E.164.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { normalisePhone } from '../../domain/employee-record.js'
import type { Database } from '../../db/tables.js'
import { queueWhatsApp } from '../notifications/notifications.service.js'

/** Where a WhatsApp message can go: the WhatsApp number first, else the phone number (`08…`, `+62…`, `62…`). */
export function whatsAppRecipientOf(contact: {
  readonly whatsapp?: string | null
  readonly phone?: string | null
}): { readonly kind: 'none' } | { readonly kind: 'invalid' } | { readonly kind: 'ok'; readonly to: string } {
  const raw = contact.whatsapp?.trim() || contact.phone?.trim() || ''
  if (raw === '') return { kind: 'none' }
  const to = normalisePhone(raw)
  return to ? { kind: 'ok', to } : { kind: 'invalid' }
}

export interface WhatsAppTally {
  whatsAppQueued: number
  phoneInvalid: number
}

export interface SigningWhatsAppInput {
  readonly agencyId: string
  readonly agencyName: string
  readonly campaignName: string
  readonly templateTitle: string
  /** The end of the signing window, already formatted in the agency's time zone. */
  readonly untilText: string
  readonly name: string
  readonly code: string
  readonly isReminder: boolean
  readonly whatsapp: string | null
  readonly phone: string | null
}

/** The message: shorter than the e-mail, same facts (who invites, what, the link, until when, do not forward). */
export function signingWhatsAppText(input: SigningWhatsAppInput & { readonly link: string }): string {
  const intro = input.isReminder
    ? `Anda belum menandatangani "${input.templateTitle}" (${input.campaignName}) dari ${input.agencyName}. Tautan pribadi Anda yang baru (tautan sebelumnya tidak berlaku lagi):`
    : `${input.agencyName} mengundang Anda menandatangani "${input.templateTitle}" (${input.campaignName}). Tautan pribadi Anda:`
  return [
    `Yth. ${input.name},`,
    intro,
    input.link,
    `Berlaku sekali pakai sampai ${input.untilText}. Jangan teruskan tautan ini kepada orang lain.`,
    '— Netra',
  ].join('\n')
}

/**
 * Builds the queueing function the pledges service uses. It queues nothing when WhatsApp is disabled; otherwise it
 * counts a number that is not a valid Indonesian mobile number in `tally.phoneInvalid` and skips it.
 */
export function createSigningWhatsApp(deps: {
  readonly clock: Clock
  readonly isEnabled: boolean
  readonly signingLink: (code: string) => string
}) {
  return async function queueSigningWhatsApp(
    trx: Kysely<Database>,
    input: SigningWhatsAppInput,
    tally: WhatsAppTally,
  ): Promise<boolean> {
    if (!deps.isEnabled) return false
    const recipient = whatsAppRecipientOf(input)
    if (recipient.kind === 'none') return false
    if (recipient.kind === 'invalid') {
      tally.phoneInvalid += 1
      return false
    }
    await queueWhatsApp(trx, deps.clock, {
      agencyId: input.agencyId,
      to: recipient.to,
      text: signingWhatsAppText({ ...input, link: deps.signingLink(input.code) }),
      label: `${input.isReminder ? 'Pengingat: ' : ''}${input.templateTitle} — ${input.campaignName}`.slice(
        0,
        255,
      ),
    })
    tally.whatsAppQueued += 1
    return true
  }
}
