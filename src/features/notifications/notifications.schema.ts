/** Contracts of the notifications outbox: what a feature may queue, and the states a queued message goes through. */
import { z } from 'zod'

export const notificationChannels = ['email', 'whatsapp'] as const
export type NotificationChannel = (typeof notificationChannels)[number]

/** pending → sending → sent; a failed send goes back to pending (with backoff) until the last attempt → failed. */
export const notificationStatuses = ['pending', 'sending', 'sent', 'failed'] as const
export type NotificationStatus = (typeof notificationStatuses)[number]

const nonBlank = (max: number) => z.string().trim().min(1).max(max)

export const QueueEmailInput = z.object({
  /** The agency the mail is about (null for platform mail such as a super-admin notice). */
  agencyId: z.string().min(1).nullable(),
  to: z.email().max(254),
  /** One line: header injection is impossible, and a blank subject is refused. */
  subject: nonBlank(255).regex(/^[^\r\n]*$/, { message: 'single_line' }),
  text: nonBlank(100_000),
  html: nonBlank(500_000).optional(),
})
export type QueueEmailInput = z.input<typeof QueueEmailInput>

/** A WhatsApp text message (queued only while a gateway is configured: see `queueWhatsApp`). */
export const QueueWhatsAppInput = z.object({
  agencyId: z.string().min(1).nullable(),
  /** E.164, e.g. `+6281234567890`. */
  to: z.string().regex(/^\+[1-9]\d{7,14}$/),
  text: nonBlank(4096),
  /** A short label kept in the outbox row's `subject` (not sent). */
  label: nonBlank(255).regex(/^[^\r\n]*$/, { message: 'single_line' }),
})
export type QueueWhatsAppInput = z.input<typeof QueueWhatsAppInput>

export const DispatchResult = z.object({
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  retried: z.number().int().nonnegative(),
})
export type DispatchResult = z.infer<typeof DispatchResult>
