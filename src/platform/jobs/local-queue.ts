/**
 * The in-process job runner used on SQLite: durable in `local_jobs`, polled by this process only.
 *
 * - Claiming: a due row is taken with a compare-and-set `UPDATE … SET state = 'running' WHERE id = ? AND
 *   state = 'queued'` and counts only when exactly one row changed, so it stays correct with Kysely's single SQLite
 *   connection (no SELECT … FOR UPDATE there) and with several pollers on PostgreSQL.
 * - Polling: every `pollIntervalMs`, right after an `enqueue` in this process and whenever a handler finishes.
 *   Only registered queues are polled; each has its own concurrency.
 * - Retries: a failed run goes back to `queued` with `runAt` pushed out by exponential backoff until `maxAttempts`
 *   (retryLimit + 1, fixed when the job is enqueued), then the job is `failed`.
 * - Crash recovery: at `start`, rows still `running` (a crash, or a stop that timed out) are queued again, or failed
 *   when they had no attempts left. This assumes one runner per database, which is how SQLite deployments run.
 * - Schedules: kept in memory (code registers them at boot); the next occurrence is computed with cron-parser from
 *   the injected Clock, so tests move time by hand. Missed occurrences while stopped are not replayed.
 * - Housekeeping: `done` and `failed` jobs finished more than `retentionMs` ago (7 days) are deleted, checked hourly.
 */
import { CronExpressionParser } from 'cron-parser'
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { Database, LocalJobRow } from '../../db/tables.js'
import { newId } from '../ids.js'
import type { Logger } from '../logger.js'
import {
  assertFiveFieldCron,
  assertQueueName,
  defaultRetryLimit,
  defaultStopTimeoutMs,
  describeError,
  jobStates,
  resolveRegisterOptions,
  retryDelayMs,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobState,
  type JobView,
  type RegisterOptions,
  type ResolvedRegisterOptions,
} from './job-queue.js'

export interface LocalQueueOptions {
  readonly logger: Logger
  readonly clock: Clock
  /** How often due jobs and schedules are checked (default 500 ms). */
  readonly pollIntervalMs?: number
  /** How long `stop` waits for running handlers (default 10 s). */
  readonly stopTimeoutMs?: number
  /** Finished jobs older than this are deleted (default 7 days). */
  readonly retentionMs?: number
  /** How often housekeeping runs, by the injected clock (default 1 hour). */
  readonly housekeepingIntervalMs?: number
}

const day = 24 * 60 * 60 * 1000

interface Registration {
  readonly handler: JobHandler<object>
  readonly options: ResolvedRegisterOptions
  active: number
}

interface Schedule {
  readonly cron: string
  readonly payload: object
  nextAt: Date | null
}

/** The next occurrence strictly after `after`, in UTC. */
export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: 'UTC' }).next().toDate()
}

const scheduleKey = (queue: string) => `schedule:${queue}`

const toJobState = (state: string): JobState =>
  (jobStates as readonly string[]).includes(state) ? (state as JobState) : 'failed'

export function createLocalQueue(db: Kysely<Database>, options: LocalQueueOptions): JobQueue {
  const { logger, clock } = options
  const pollIntervalMs = options.pollIntervalMs ?? 500
  const stopTimeoutMs = options.stopTimeoutMs ?? defaultStopTimeoutMs
  const retentionMs = options.retentionMs ?? 7 * day
  const housekeepingIntervalMs = options.housekeepingIntervalMs ?? 60 * 60 * 1000

  const registrations = new Map<string, Registration>()
  const schedules = new Map<string, Schedule>()
  const running = new Set<Promise<void>>()
  let started = false
  let stopping = false
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> | null = null
  let pollAgain = false
  let lastHousekeepingAt: number | null = null

  const log = logger.child({ component: 'jobs', runner: 'local' })

  function wake(): void {
    if (!started || stopping) return
    if (polling) {
      pollAgain = true
      return
    }
    polling = (async () => {
      do {
        pollAgain = false
        try {
          await pollOnce()
        } catch (error) {
          log.error({ err: error }, 'job poll failed')
        }
      } while (pollAgain && started && !stopping)
    })().finally(() => {
      polling = null
    })
  }

  async function pollOnce(): Promise<void> {
    const now = clock.now()
    await fireDueSchedules(now)
    await housekeep(now)
    for (const [queue, registration] of registrations) {
      if (stopping) return
      const free = registration.options.concurrency - registration.active
      if (free <= 0) continue
      const due = await db
        .selectFrom('localJobs')
        .selectAll()
        .where('queue', '=', queue)
        .where('state', '=', 'queued')
        .where('runAt', '<=', now.toISOString())
        .orderBy('runAt')
        .orderBy('id')
        .limit(free)
        .execute()
      for (const job of due) {
        if (stopping) return
        if (await claim(job.id)) launch(queue, registration, { ...job, attempts: job.attempts + 1 })
      }
    }
  }

  async function claim(id: string): Promise<boolean> {
    const result = await db
      .updateTable('localJobs')
      .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  function launch(queue: string, registration: Registration, job: LocalJobRow): void {
    registration.active += 1
    const run = (async () => {
      try {
        await registration.handler(JSON.parse(job.payload) as object)
        await db
          .updateTable('localJobs')
          .set({ state: 'done', finishedAt: clock.now().toISOString(), lastError: null })
          .where('id', '=', job.id)
          .where('state', '=', 'running')
          .execute()
      } catch (error) {
        await recordFailure(queue, job, error)
      }
    })()
      .catch((error: unknown) =>
        log.error({ err: error, queue, jobId: job.id }, 'could not record the job outcome'),
      )
      .finally(() => {
        registration.active -= 1
        running.delete(run)
        wake()
      })
    running.add(run)
  }

  async function recordFailure(queue: string, job: LocalJobRow, error: unknown): Promise<void> {
    const lastError = describeError(error)
    const now = clock.now()
    const isFinal = job.attempts >= job.maxAttempts
    log.warn({ err: error, queue, jobId: job.id, attempt: job.attempts, final: isFinal }, 'job failed')
    const retryDelaySeconds = registrations.get(queue)?.options.retryDelaySeconds ?? 0
    await db
      .updateTable('localJobs')
      .set(
        isFinal
          ? { state: 'failed', lastError, finishedAt: now.toISOString() }
          : {
              state: 'queued',
              lastError,
              runAt: new Date(now.getTime() + retryDelayMs(retryDelaySeconds, job.attempts)).toISOString(),
            },
      )
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .execute()
  }

  async function fireDueSchedules(now: Date): Promise<void> {
    for (const [queue, schedule] of schedules) {
      if (!schedule.nextAt || schedule.nextAt.getTime() > now.getTime()) continue
      schedule.nextAt = nextOccurrence(schedule.cron, now)
      const id = await insertJob(db, queue, schedule.payload, { singletonKey: scheduleKey(queue) }, false)
      if (!id) log.debug({ queue }, 'scheduled run skipped: the previous one has not finished')
    }
  }

  async function housekeep(now: Date): Promise<void> {
    if (lastHousekeepingAt !== null && now.getTime() - lastHousekeepingAt < housekeepingIntervalMs) return
    lastHousekeepingAt = now.getTime()
    const result = await db
      .deleteFrom('localJobs')
      .where('state', 'in', ['done', 'failed'])
      .where('finishedAt', '<', new Date(now.getTime() - retentionMs).toISOString())
      .executeTakeFirst()
    const deleted = Number(result.numDeletedRows)
    if (deleted > 0) log.info({ deleted }, 'finished jobs deleted')
  }

  /** Inserts through `executor`: the queue's own connection, or a caller's open transaction (`inTransaction`). */
  async function insertJob(
    executor: Kysely<Database>,
    queue: string,
    payload: object,
    enqueueOptions: EnqueueOptions,
    inTransaction: boolean,
  ): Promise<string | null> {
    const now = clock.now()
    const retryLimit = registrations.get(queue)?.options.retryLimit ?? defaultRetryLimit
    const row: LocalJobRow = {
      id: newId(),
      queue,
      payload: JSON.stringify(payload),
      state: 'queued',
      runAt: (enqueueOptions.runAt ?? now).toISOString(),
      attempts: 0,
      maxAttempts: retryLimit + 1,
      lastError: null,
      singletonKey: enqueueOptions.singletonKey ?? null,
      createdAt: now.toISOString(),
      finishedAt: null,
    }
    const { singletonKey } = enqueueOptions
    if (singletonKey === undefined) {
      await executor.insertInto('localJobs').values(row).execute()
      return row.id
    }
    // Check and insert in one transaction: SQLite serialises writers, so two enqueues cannot both pass the check.
    const checkAndInsert = async (trx: Kysely<Database>) => {
      const existing = await trx
        .selectFrom('localJobs')
        .select('id')
        .where('queue', '=', queue)
        .where('singletonKey', '=', singletonKey)
        .where('state', 'in', ['queued', 'running'])
        .limit(1)
        .executeTakeFirst()
      if (existing) return null
      await trx.insertInto('localJobs').values(row).execute()
      return row.id
    }
    return inTransaction ? checkAndInsert(executor) : executor.transaction().execute(checkAndInsert)
  }

  /** Jobs a crashed (or timed-out) process left `running`: queue them again, or fail them when out of attempts. */
  async function recoverInterrupted(): Promise<void> {
    const now = clock.now().toISOString()
    const lastError = 'interrupted: the process stopped while the job was running'
    const failed = await db
      .updateTable('localJobs')
      .set({ state: 'failed', lastError, finishedAt: now })
      .where('state', '=', 'running')
      .where((eb) => eb('attempts', '>=', eb.ref('maxAttempts')))
      .executeTakeFirst()
    const requeued = await db
      .updateTable('localJobs')
      .set({ state: 'queued', lastError, runAt: now })
      .where('state', '=', 'running')
      .executeTakeFirst()
    const counts = { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) }
    if (counts.requeued > 0 || counts.failed > 0)
      log.warn(counts, 'recovered jobs left running by a previous process')
  }

  return {
    async register<T extends object>(
      queue: string,
      handler: JobHandler<T>,
      registerOptions?: RegisterOptions,
    ) {
      assertQueueName(queue)
      if (registrations.has(queue)) throw new Error(`queue "${queue}" already has a handler`)
      registrations.set(queue, {
        handler: handler as JobHandler<object>,
        options: resolveRegisterOptions(registerOptions),
        active: 0,
      })
      wake()
    },

    async enqueue<T extends object>(queue: string, payload: T, enqueueOptions: EnqueueOptions = {}) {
      assertQueueName(queue)
      const id = await insertJob(db, queue, payload, enqueueOptions, false)
      if (id && started) setImmediate(wake)
      return id
    },

    async enqueueWithin<T extends object>(
      trx: Kysely<Database>,
      queue: string,
      payload: T,
      enqueueOptions: EnqueueOptions = {},
    ) {
      assertQueueName(queue)
      return insertJob(trx, queue, payload, enqueueOptions, true)
    },

    async enqueueManyWithin<T extends object>(trx: Kysely<Database>, queue: string, payloads: readonly T[]) {
      assertQueueName(queue)
      if (payloads.length === 0) return
      const now = clock.now().toISOString()
      const retryLimit = registrations.get(queue)?.options.retryLimit ?? defaultRetryLimit
      await trx
        .insertInto('localJobs')
        .values(
          payloads.map((payload) => ({
            id: newId(),
            queue,
            payload: JSON.stringify(payload),
            state: 'queued',
            runAt: now,
            attempts: 0,
            maxAttempts: retryLimit + 1,
            lastError: null,
            singletonKey: null,
            createdAt: now,
            finishedAt: null,
          })),
        )
        .execute()
    },

    wake(queue: string) {
      assertQueueName(queue)
      // One poll looks at every queue; on SQLite it runs after the caller's transaction has released the connection.
      if (started) setImmediate(wake)
    },

    async schedule(queue: string, cron: string, payload: object = {}) {
      assertQueueName(queue)
      assertFiveFieldCron(cron)
      const firstAt = nextOccurrence(cron, clock.now()) // also rejects a malformed expression now, not at start
      schedules.set(queue, { cron, payload, nextAt: started ? firstAt : null })
    },

    async findJob(queue: string, id: string): Promise<JobView | null> {
      const row = await db
        .selectFrom('localJobs')
        .select(['id', 'queue', 'state', 'attempts', 'lastError'])
        .where('queue', '=', queue)
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? { ...row, state: toJobState(row.state) } : null
    },

    async start() {
      if (started) return
      await recoverInterrupted()
      const now = clock.now()
      for (const schedule of schedules.values()) schedule.nextAt = nextOccurrence(schedule.cron, now)
      started = true
      stopping = false
      timer = setInterval(wake, pollIntervalMs)
      timer.unref()
      wake()
    },

    async stop() {
      if (!started) return
      stopping = true
      clearInterval(timer)
      timer = undefined
      await polling
      if (running.size > 0) {
        let timeout: NodeJS.Timeout | undefined
        const timedOut = await Promise.race([
          Promise.allSettled([...running]).then(() => false),
          new Promise<boolean>((resolve) => {
            timeout = setTimeout(() => resolve(true), stopTimeoutMs)
          }),
        ])
        clearTimeout(timeout)
        if (timedOut) {
          log.warn(
            { running: running.size },
            'jobs still running at stop; they will be retried at the next start',
          )
        }
      }
      started = false
    },
  }
}
