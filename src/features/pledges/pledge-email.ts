/** The e-mail that carries a personal signing link (invitation or reminder), queued in the caller's transaction. */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { isDomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { queueEmail } from '../notifications/notifications.service.js'

/** `24 November 2026 pukul 09.00` in the agency's zone. */
export const formatLocal = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  )

export function createSigningEmail({
  clock,
  signingLink,
}: {
  clock: Clock
  signingLink: (code: string) => string
}) {
  /** Queues the personal link; false when the address is unusable (the code is still valid: print a slip). */
  async function queueSigningEmail(
    trx: Kysely<Database>,
    input: {
      agencyId: string
      agencyName: string
      timeZone: string
      campaignName: string
      templateTitle: string
      opensAt: string
      closesAt: string
      to: string | null
      name: string
      code: string
      isReminder: boolean
    },
  ): Promise<boolean> {
    if (!input.to) return false
    const intro = input.isReminder
      ? `Anda belum menandatangani "${input.templateTitle}" dalam kegiatan "${input.campaignName}" dari ${input.agencyName}. Tautan pribadi Anda yang baru (tautan sebelumnya tidak berlaku lagi):`
      : `${input.agencyName} mengundang Anda menandatangani "${input.templateTitle}" dalam kegiatan "${input.campaignName}". Tautan pribadi Anda:`
    const text = [
      `Yth. ${input.name},`,
      '',
      intro,
      signingLink(input.code),
      '',
      `Tautan hanya dapat dipakai sekali, dari ${formatLocal(input.opensAt, input.timeZone)} sampai ${formatLocal(input.closesAt, input.timeZone)}. Untuk memastikan identitas, Anda akan diminta tanggal lahir. Jangan teruskan tautan ini kepada orang lain.`,
      '',
      'Netra',
    ].join('\n')
    try {
      await queueEmail(trx, clock, {
        agencyId: input.agencyId,
        to: input.to,
        subject:
          `${input.isReminder ? 'Pengingat: ' : ''}${input.templateTitle} — ${input.campaignName}`.slice(
            0,
            255,
          ),
        text,
      })
      return true
    } catch (error) {
      // A malformed address in the roster: nothing was queued; the caller reports it as "no e-mail".
      if (isDomainError(error) && error.code === 'request.invalid') return false
      throw error
    }
  }

  return queueSigningEmail
}
