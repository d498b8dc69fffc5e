/**
 * The notifications outbox. Features call `queueEmail` inside their own transaction, so a notification exists
 * exactly when the business change commits; the `notifications.dispatch` job delivers it later through the mailer.
 *
 * Delivery (dispatchDue): claim due rows with a compare-and-set to `sending` (holding the claim for 10 minutes in
 * nextAttemptAt), send each, then mark it `sent`, or count the failed attempt and either retry with exponential
 * backoff (1 min, 2, 4 … capped at 6 h) or, at the 8th failed attempt, mark it `failed`. A claim that lapsed (the
 * process died mid-send) counts as a failed attempt and is taken again, so delivery is at least once.
 */
import type { Kysely } from 'kysely'
import type { ZodError } from 'zod'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database, NotificationRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import type { JobQueue } from '../../platform/jobs/job-queue.js'
import type { Logger } from '../../platform/logger.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import { createWhatsAppSender, type WhatsAppSender } from '../../platform/whatsapp/whatsapp.js'
import { recordAuditEvent, systemActor } from '../audit/audit.service.js'
import {
  QueueEmailInput,
  QueueWhatsAppInput,
  type DispatchResult,
  type NotificationChannel,
  type NotificationStatus,
} from './notifications.schema.js'
import * as notificationsRepository from './notifications.repository.js'

export const maxDeliveryAttempts = 8
/** How long a claimed row may stay `sending` before another dispatcher takes it again. */
export const sendingClaimMs = 10 * 60 * 1000
const firstRetryDelayMs = 60 * 1000
const maxRetryDelayMs = 6 * 60 * 60 * 1000

/** Wait before the next attempt once `failedAttempts` attempts have failed: 1 min × 2^(failedAttempts − 1), ≤ 6 h. */
export function retryDelayAfter(failedAttempts: number): number {
  return Math.min(firstRetryDelayMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 20), maxRetryDelayMs)
}

/** One line for `lastError`: the error code and message, credentials in URLs masked, at most 300 characters. */
export function describeDeliveryError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  const text = `${typeof code === 'string' ? `${code}: ` : ''}${message}`
  return text
    .replace(/\/\/[^\s/@]*@/g, '//[redacted]@')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300)
}

function invalid(error: ZodError): DomainError {
  return new DomainError('request.invalid', {
    issues: error.issues.map((issue) => ({
      location: 'notification',
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      code: issue.code,
    })),
  })
}

/**
 * Queues one e-mail in the caller's transaction (pass the `trx`). Throws DomainError 'request.invalid' for a
 * malformed address or a blank subject or body. Call `requestNotificationDispatch` after the commit to send it now
 * rather than at the next minute.
 */
export async function queueEmail(
  trx: Kysely<Database>,
  clock: Clock,
  input: QueueEmailInput,
): Promise<{ id: string }> {
  const parsed = QueueEmailInput.safeParse(input)
  if (!parsed.success) throw invalid(parsed.error)
  const email = parsed.data
  const now = clock.now().toISOString()
  const row: NotificationRow = {
    id: newId(),
    agencyId: email.agencyId,
    channel: 'email',
    recipient: email.to,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html ?? null,
    status: 'pending' satisfies NotificationStatus,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
  }
  await notificationsRepository.insertNotification(trx, row)
  return { id: row.id }
}

/**
 * Queues one WhatsApp message in the caller's transaction, like `queueEmail`. Call it only while WhatsApp is enabled
 * (`whatsAppSender.isConfigured`): a disabled channel queues nothing, so no message waits for a gateway that may
 * never come. Throws DomainError 'request.invalid' for a number that is not E.164 or a blank text.
 */
export async function queueWhatsApp(
  trx: Kysely<Database>,
  clock: Clock,
  input: QueueWhatsAppInput,
): Promise<{ id: string }> {
  const parsed = QueueWhatsAppInput.safeParse(input)
  if (!parsed.success) throw invalid(parsed.error)
  const message = parsed.data
  const now = clock.now().toISOString()
  const row: NotificationRow = {
    id: newId(),
    agencyId: message.agencyId,
    channel: 'whatsapp' satisfies NotificationChannel,
    recipient: message.to,
    subject: message.label,
    bodyText: message.text,
    bodyHtml: null,
    status: 'pending' satisfies NotificationStatus,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
  }
  await notificationsRepository.insertNotification(trx, row)
  return { id: row.id }
}

type Outcome = 'sent' | 'retried' | 'failed'

export function createNotificationsService(deps: {
  db: Kysely<Database>
  clock: Clock
  mailer: Mailer
  logger: Logger
  /** Absent: WhatsApp disabled. */
  whatsApp?: WhatsAppSender
}) {
  const { db, clock, mailer } = deps
  const whatsApp = deps.whatsApp ?? createWhatsAppSender({})
  const logger = deps.logger.child({ component: 'notifications' })
  let hasWarnedUnconfigured = false

  /** Counts one failed attempt of a claimed row: back to pending with backoff, or failed at the last attempt. */
  async function recordFailedAttempt(
    row: NotificationRow,
    claimedAttempts: number,
    lastError: string,
  ): Promise<Outcome | null> {
    const attempts = claimedAttempts + 1
    const now = clock.now()
    if (attempts >= maxDeliveryAttempts) {
      const recorded = await db.transaction().execute(async (trx) => {
        const changed = await notificationsRepository.updateNotificationOutcome(
          trx,
          { id: row.id, attempts: claimedAttempts },
          { status: 'failed', attempts, nextAttemptAt: now.toISOString(), lastError, sentAt: null },
        )
        if (changed) {
          await recordAuditEvent(trx, clock, systemActor, {
            action: 'notification.failed',
            entityType: 'notification',
            entityId: row.id,
            agencyId: row.agencyId,
            summary: { channel: row.channel, attempts },
          })
        }
        return changed
      })
      if (recorded)
        logger.warn({ notificationId: row.id, attempts, lastError }, 'notification failed for good')
      return recorded ? 'failed' : null
    }
    const changed = await notificationsRepository.updateNotificationOutcome(
      db,
      { id: row.id, attempts: claimedAttempts },
      {
        status: 'pending',
        attempts,
        nextAttemptAt: new Date(now.getTime() + retryDelayAfter(attempts)).toISOString(),
        lastError,
        sentAt: null,
      },
    )
    if (changed) logger.info({ notificationId: row.id, attempts, lastError }, 'notification will be retried')
    return changed ? 'retried' : null
  }

  async function recordSent(row: NotificationRow, claimedAttempts: number): Promise<Outcome | null> {
    const sentAt = clock.now().toISOString()
    const recorded = await db.transaction().execute(async (trx) => {
      const changed = await notificationsRepository.updateNotificationOutcome(
        trx,
        { id: row.id, attempts: claimedAttempts },
        { status: 'sent', attempts: claimedAttempts, nextAttemptAt: sentAt, lastError: null, sentAt },
      )
      if (changed) {
        await recordAuditEvent(trx, clock, systemActor, {
          action: 'notification.sent',
          entityType: 'notification',
          entityId: row.id,
          agencyId: row.agencyId,
          summary: { channel: row.channel, attempts: claimedAttempts + 1 },
        })
      }
      return changed
    })
    return recorded ? 'sent' : null
  }

  /** Claims one due row and delivers it. Null when another dispatcher took it or the outcome could not be recorded. */
  async function deliver(row: NotificationRow, now: Date): Promise<Outcome | null> {
    const nowIso = now.toISOString()
    const isLapsedClaim = row.status === 'sending'
    let claimedAttempts = row.attempts
    if (isLapsedClaim) {
      // The previous dispatcher died mid-send: that attempt counts, and it may have been the last one.
      const lastError = 'interrupted: the send did not finish within 10 minutes'
      if (row.attempts + 1 >= maxDeliveryAttempts) return recordFailedAttempt(row, row.attempts, lastError)
      claimedAttempts = row.attempts + 1
      const claimed = await notificationsRepository.updateNotificationClaim(db, row, nowIso, {
        attempts: claimedAttempts,
        nextAttemptAt: new Date(now.getTime() + sendingClaimMs).toISOString(),
        lastError,
      })
      if (!claimed) return null
    } else {
      const claimed = await notificationsRepository.updateNotificationClaim(db, row, nowIso, {
        attempts: row.attempts,
        nextAttemptAt: new Date(now.getTime() + sendingClaimMs).toISOString(),
        lastError: row.lastError,
      })
      if (!claimed) return null
    }
    try {
      if (row.channel === 'whatsapp') await whatsApp.send(row.recipient, row.bodyText)
      else
        await mailer.send({
          to: row.recipient,
          subject: row.subject,
          text: row.bodyText,
          ...(row.bodyHtml !== null ? { html: row.bodyHtml } : {}),
        })
    } catch (error) {
      return recordFailedAttempt(row, claimedAttempts, describeDeliveryError(error))
    }
    return recordSent(row, claimedAttempts)
  }

  return {
    /**
     * Delivers up to `limit` due notifications, one after another, on the channels that are configured. Without a
     * configured mailer no e-mail is claimed: mail stays pending (a warning is logged once) and goes out once
     * SMTP_URL is set. WhatsApp messages exist only while a gateway is configured (see `queueWhatsApp`); should the
     * gateway be removed meanwhile, they wait the same way.
     */
    async dispatchDue(limit = 50): Promise<DispatchResult> {
      const result: DispatchResult = { sent: 0, failed: 0, retried: 0 }
      if (!mailer.isConfigured && !hasWarnedUnconfigured) {
        hasWarnedUnconfigured = true
        logger.warn('mail is not configured (SMTP_URL): notifications stay pending')
      }
      const channels: NotificationChannel[] = [
        ...(mailer.isConfigured ? (['email'] as const) : []),
        ...(whatsApp.isConfigured ? (['whatsapp'] as const) : []),
      ]
      if (channels.length === 0) return result
      const now = clock.now()
      const due = await notificationsRepository.listDueNotifications(db, now.toISOString(), limit, channels)
      for (const row of due) {
        const outcome = await deliver(row, now)
        if (outcome) result[outcome] += 1
      }
      if (due.length > 0) logger.info(result, 'notifications dispatched')
      return result
    },
  }
}
export type NotificationsService = ReturnType<typeof createNotificationsService>

export const notificationDispatchQueue = 'notifications.dispatch'
const dispatchBatchSize = 50
/** One job delivers at most this many batches, so a huge backlog cannot hold the worker for ever. */
const maxBatchesPerJob = 20

/** Registers the dispatch job and runs it every minute; start the job queue afterwards. */
export async function registerNotificationJobs(
  jobs: JobQueue,
  notifications: NotificationsService,
): Promise<void> {
  await jobs.register(
    notificationDispatchQueue,
    async () => {
      for (let batch = 0; batch < maxBatchesPerJob; batch++) {
        const { sent, failed, retried } = await notifications.dispatchDue(dispatchBatchSize)
        if (sent + failed + retried < dispatchBatchSize) return
      }
    },
    // A failed pass is not retried: the next minute's scheduled pass picks the same rows up.
    { concurrency: 1, retryLimit: 0 },
  )
  await jobs.schedule(notificationDispatchQueue, '* * * * *')
}

/**
 * Asks for a dispatch now instead of at the next minute. Call it after the transaction that queued mail has
 * committed (never inside it); a burst of calls coalesces into one queued job.
 */
export function requestNotificationDispatch(jobs: JobQueue): Promise<string | null> {
  return jobs.enqueue(notificationDispatchQueue, {}, { singletonKey: 'notifications.dispatch:now' })
}
