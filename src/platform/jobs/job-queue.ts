/**
 * The one background-job contract. Two implementations sit behind it, chosen by database dialect in ./index.ts:
 * pg-boss on PostgreSQL (./pg-boss-queue.ts) and an in-process runner over the `local_jobs` table on SQLite
 * (./local-queue.ts). Callers never learn which one they got.
 *
 * Semantics both implementations keep:
 * - Delivery is at least once: a handler may run again after a crash or a stop that timed out, so handlers must be
 *   idempotent (compare-and-set their own rows, like the notifications outbox does).
 * - `retryLimit` counts retries after the first attempt (retryLimit 2 = at most 3 runs); the delay before retry n is
 *   `retryDelaySeconds × 2^(n-1)`, capped at an hour (pg-boss adds jitter); `retryDelaySeconds: 0` retries at once.
 * - `singletonKey` is per queue and holds while a job with that key is queued, waiting for a retry or running.
 * - A scheduled (cron) run is skipped while the previous scheduled run of that queue is still queued or running, so a
 *   slow job never piles up behind its own schedule. One schedule per queue; scheduling again replaces it.
 * - Never call `enqueue` inside a database transaction callback: on SQLite Kysely has a single connection, which the
 *   open transaction holds, so the insert would wait for the transaction that waits for it. Enqueue after commit, or
 *   use `enqueueWithin(trx, …)`: the job is written by the caller's transaction, so it exists exactly when the
 *   change that asks for it commits (no job lost between commit and enqueue, no extra commit), then `wake` the queue.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'

export interface RegisterOptions {
  /** Handlers of this queue running at once in this process (default 1). */
  readonly concurrency?: number
  /** Retries after the first failed attempt (default 3). */
  readonly retryLimit?: number
  /** Base delay before the first retry, doubled on each further retry (default 10; 0 = retry immediately). */
  readonly retryDelaySeconds?: number
}

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  readonly runAt?: Date
  /** Dedupes: while a job of this queue with the same key is queued or running, `enqueue` returns null. */
  readonly singletonKey?: string
}

export const jobStates = ['queued', 'running', 'done', 'failed'] as const
export type JobState = (typeof jobStates)[number]

/** One job as the queue sees it; for tests and operators (no payload: it may carry personal data). */
export interface JobView {
  readonly id: string
  readonly queue: string
  readonly state: JobState
  /** Runs started so far (the current one included). */
  readonly attempts: number
  readonly lastError: string | null
}

export type JobHandler<T extends object> = (payload: T) => Promise<void>

export interface JobQueue {
  /** Registers the handler for a queue. Call before `start` (registering later also works). */
  register<T extends object>(queue: string, handler: JobHandler<T>, options?: RegisterOptions): Promise<void>
  /** Enqueues a job with a JSON-serialisable payload. Returns the job id, or null when `singletonKey` deduplicated it. */
  enqueue<T extends object>(queue: string, payload: T, options?: EnqueueOptions): Promise<string | null>
  /**
   * Enqueues through the caller's open transaction (`db.transaction().execute(trx => …)`): rolled back with it,
   * visible to workers once it commits. Call `wake(queue)` after the commit so this process's worker looks at once.
   */
  enqueueWithin<T extends object>(
    trx: Kysely<Database>,
    queue: string,
    payload: T,
    options?: EnqueueOptions,
  ): Promise<string | null>
  /** `enqueueWithin` for many jobs of one queue at once (no singleton keys): one insert, whatever the count. */
  enqueueManyWithin<T extends object>(
    trx: Kysely<Database>,
    queue: string,
    payloads: readonly T[],
  ): Promise<void>
  /** Tells this process's worker of `queue` that a job may be waiting (after `enqueueWithin` committed). */
  wake(queue: string): void
  /** Runs `queue` on a 5-field cron schedule evaluated in UTC, with the given payload (default `{}`). */
  schedule(queue: string, cron: string, payload?: object): Promise<void>
  /** The job with this id, or null once housekeeping removed it (finished jobs are kept 7 days). */
  findJob(queue: string, id: string): Promise<JobView | null>
  /** Starts taking jobs and firing schedules. */
  start(): Promise<void>
  /**
   * Stops taking jobs and waits (at most `stopTimeoutMs`) for running handlers to finish. Call it on shutdown even
   * if `start` never ran: `enqueue` alone may have opened connections.
   */
  stop(): Promise<void>
}

export const defaultRetryLimit = 3
export const defaultRetryDelaySeconds = 10
/** Backoff never waits longer than this between two attempts. */
export const maxRetryDelaySeconds = 3600
export const defaultStopTimeoutMs = 10_000

/** Queue names: lower-case words joined by dots, dashes or underscores (pg-boss refuses most other characters). */
const queueNamePattern = /^[a-z0-9][a-z0-9._-]{0,99}$/

export function assertQueueName(queue: string): void {
  if (!queueNamePattern.test(queue)) throw new Error(`invalid queue name "${queue}"`)
}

/** Both runners accept exactly five cron fields (minute hour day-of-month month day-of-week), in UTC. */
export function assertFiveFieldCron(cron: string): void {
  if (cron.trim().split(/\s+/).length !== 5) throw new Error(`cron expression must have 5 fields: "${cron}"`)
}

export interface ResolvedRegisterOptions {
  readonly concurrency: number
  readonly retryLimit: number
  readonly retryDelaySeconds: number
}

export function resolveRegisterOptions(options: RegisterOptions = {}): ResolvedRegisterOptions {
  const resolved = {
    concurrency: options.concurrency ?? 1,
    retryLimit: options.retryLimit ?? defaultRetryLimit,
    retryDelaySeconds: options.retryDelaySeconds ?? defaultRetryDelaySeconds,
  }
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1)
    throw new Error('concurrency must be an integer >= 1')
  if (!Number.isInteger(resolved.retryLimit) || resolved.retryLimit < 0)
    throw new Error('retryLimit must be an integer >= 0')
  if (!Number.isInteger(resolved.retryDelaySeconds) || resolved.retryDelaySeconds < 0) {
    throw new Error('retryDelaySeconds must be an integer >= 0')
  }
  return resolved
}

/** Delay before retry number `retry` (1 = the first retry). */
export function retryDelayMs(retryDelaySeconds: number, retry: number): number {
  const seconds = retryDelaySeconds * 2 ** Math.min(Math.max(retry - 1, 0), 20)
  return Math.min(seconds, maxRetryDelaySeconds) * 1000
}

/** A short, single-line description of a handler failure (stack traces stay in the log). */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return message.replace(/\s+/g, ' ').slice(0, 500)
}
