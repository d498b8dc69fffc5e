/**
 * The job queue on PostgreSQL: pg-boss 12 in its own schema (default `pgboss`), with its own small pool on the same
 * connection string as the application.
 *
 * - Queues are created with pg-boss's `exclusive` policy: at most one job per (queue, singleton key) is queued, in
 *   retry or active, which is exactly the `singletonKey` contract. A job enqueued without a key gets a unique one, so
 *   plain jobs never collide; scheduled runs carry no key, so a schedule never piles up behind a slow run.
 * - Retries: `retryLimit`, `retryDelay` and `retryBackoff` (with `retryDelayMax` one hour) are set on the queue, by
 *   `createQueue` and then `updateQueue` so a changed registration reaches an existing queue.
 * - Workers poll every `pollIntervalMs`; an `enqueue` in this process also wakes its queue's worker at once, and a
 *   worker that just ran a job fetches again without waiting (a backlog drains at handler speed).
 * - Schedules are pg-boss schedules (UTC), checked every `scheduleCheckIntervalSeconds`. pg-boss reads time from the
 *   database, not from the injected Clock.
 * - `stop` is pg-boss's graceful stop: no new fetches, running handlers get `stopTimeoutMs`, then what is still
 *   running is failed back to retry and the pool is closed.
 */
import type { Kysely } from 'kysely'
import { fromKysely, PgBoss, type Queue } from 'pg-boss'
import type { Database } from '../../db/tables.js'
import { newId } from '../ids.js'
import type { Logger } from '../logger.js'
import {
  assertFiveFieldCron,
  assertQueueName,
  defaultStopTimeoutMs,
  describeError,
  maxRetryDelaySeconds,
  resolveRegisterOptions,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobState,
  type JobView,
  type RegisterOptions,
  type ResolvedRegisterOptions,
} from './job-queue.js'

export interface PgBossQueueOptions {
  readonly connectionString: string
  readonly logger: Logger
  /** PostgreSQL schema pg-boss installs itself in (default `pgboss`). */
  readonly schema?: string
  /** Worker polling interval (default 2000 ms, at least 500). */
  readonly pollIntervalMs?: number
  /** How long `stop` waits for running handlers (default 10 s). */
  readonly stopTimeoutMs?: number
  /** How often schedules are evaluated (default 30 s, 1–45). */
  readonly scheduleCheckIntervalSeconds?: number
  /** Connections pg-boss may open (default 4). */
  readonly poolSize?: number
}

interface Registration {
  readonly handler: JobHandler<object>
  readonly options: ResolvedRegisterOptions
}

interface Schedule {
  readonly cron: string
  readonly payload: object
}

function queueSettings(options: ResolvedRegisterOptions) {
  const retryBackoff = options.retryDelaySeconds > 0
  return { retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff }
}

function toJobState(state: string): JobState {
  switch (state) {
    case 'created':
    case 'retry':
      return 'queued'
    case 'active':
      return 'running'
    case 'completed':
      return 'done'
    default:
      return 'failed'
  }
}

export function createPgBossQueue(options: PgBossQueueOptions): JobQueue {
  const log = options.logger.child({ component: 'jobs', runner: 'pg-boss' })
  const pollIntervalMs = Math.max(options.pollIntervalMs ?? 2000, 500)
  const stopTimeoutMs = options.stopTimeoutMs ?? defaultStopTimeoutMs
  const scheduleCheck = Math.min(Math.max(Math.round(options.scheduleCheckIntervalSeconds ?? 30), 1), 45)
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    max: options.poolSize ?? 4,
    application_name: 'netra-jobs',
    cronMonitorIntervalSeconds: scheduleCheck,
    cronWorkerIntervalSeconds: Math.min(scheduleCheck, 5),
  })
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'))
  boss.on('warning', (warning) => log.warn({ warning: warning.data }, warning.message))

  const registrations = new Map<string, Registration>()
  const schedules = new Map<string, Schedule>()
  /** Queue → id of its first worker in this process (to wake it after an enqueue). */
  const workers = new Map<string, string>()
  /** Queues this process has created or updated since it opened pg-boss. */
  const configured = new Map<string, Promise<void>>()
  let isStarted = false
  let isStopped = false

  async function open(): Promise<void> {
    if (isStopped) throw new Error('the job queue is stopped')
    await boss.start() // idempotent; concurrent callers share one start
  }

  async function configureQueue(queue: string): Promise<void> {
    const settings = queueSettings(resolveRegisterOptions(registrations.get(queue)?.options))
    const created: Omit<Queue, 'name'> = {
      policy: 'exclusive',
      ...settings,
      ...(settings.retryBackoff ? { retryDelayMax: maxRetryDelaySeconds } : {}),
    }
    await boss.createQueue(queue, created) // does nothing when the queue exists
    await boss.updateQueue(queue, {
      ...settings,
      retryDelayMax: settings.retryBackoff ? maxRetryDelaySeconds : null,
    })
  }

  function ensureQueue(queue: string): Promise<void> {
    let pending = configured.get(queue)
    if (!pending) {
      pending = configureQueue(queue)
      pending.catch(() => configured.delete(queue))
      configured.set(queue, pending)
    }
    return pending
  }

  async function startWorker(queue: string, registration: Registration): Promise<void> {
    configured.delete(queue) // the registration's settings win over defaults an earlier enqueue may have used
    await ensureQueue(queue)
    // Known once `work` answers; the first fetch may run before that.
    const worker: { id?: string } = {}
    worker.id = await boss.work<object>(
      queue,
      {
        pollingIntervalSeconds: pollIntervalMs / 1000,
        localConcurrency: registration.options.concurrency,
        batchSize: 1,
      },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await registration.handler(job.data)
          } catch (error) {
            log.warn({ err: error, queue, jobId: job.id, attempt: job.retryCount + 1 }, 'job failed')
            throw error
          }
        }
        // A job was there, so more may wait: fetch again at once instead of sleeping a polling interval (with one
        // job per fetch a backlog would otherwise drain at one job per interval and worker). An empty fetch sleeps.
        if (jobs.length > 0 && worker.id) boss.notifyWorker(worker.id)
      },
    )
    workers.set(queue, worker.id)
  }

  async function applySchedule(queue: string, schedule: Schedule): Promise<void> {
    await ensureQueue(queue)
    await boss.schedule(queue, schedule.cron, schedule.payload, { tz: 'UTC' })
  }

  return {
    async register<T extends object>(
      queue: string,
      handler: JobHandler<T>,
      registerOptions?: RegisterOptions,
    ) {
      assertQueueName(queue)
      if (registrations.has(queue)) throw new Error(`queue "${queue}" already has a handler`)
      const registration = {
        handler: handler as JobHandler<object>,
        options: resolveRegisterOptions(registerOptions),
      }
      registrations.set(queue, registration)
      if (isStarted) await startWorker(queue, registration)
    },

    async enqueue<T extends object>(queue: string, payload: T, enqueueOptions: EnqueueOptions = {}) {
      assertQueueName(queue)
      await open()
      await ensureQueue(queue)
      const id = await boss.send(queue, payload, {
        singletonKey: enqueueOptions.singletonKey ?? `job:${newId()}`,
        ...(enqueueOptions.runAt ? { startAfter: enqueueOptions.runAt } : {}),
      })
      const workId = workers.get(queue)
      if (id && workId && !enqueueOptions.runAt) boss.notifyWorker(workId)
      return id
    },

    async enqueueWithin<T extends object>(
      trx: Kysely<Database>,
      queue: string,
      payload: T,
      enqueueOptions: EnqueueOptions = {},
    ) {
      assertQueueName(queue)
      await open()
      await ensureQueue(queue) // on pg-boss's own pool: queue creation is not part of the caller's transaction
      return boss.send(queue, payload, {
        singletonKey: enqueueOptions.singletonKey ?? `job:${newId()}`,
        ...(enqueueOptions.runAt ? { startAfter: enqueueOptions.runAt } : {}),
        // pg-boss's SQL on the caller's transaction, without the camelCase plugin (pg-boss reads its own columns).
        db: fromKysely(trx.withoutPlugins()),
      })
    },

    async enqueueManyWithin<T extends object>(trx: Kysely<Database>, queue: string, payloads: readonly T[]) {
      assertQueueName(queue)
      if (payloads.length === 0) return
      await open()
      await ensureQueue(queue)
      await boss.insert(
        queue,
        payloads.map((data) => ({ data, singletonKey: `job:${newId()}` })),
        { db: fromKysely(trx.withoutPlugins()) },
      )
    },

    wake(queue: string) {
      const workId = workers.get(queue)
      if (workId) boss.notifyWorker(workId)
    },

    async schedule(queue: string, cron: string, payload: object = {}) {
      assertQueueName(queue)
      assertFiveFieldCron(cron)
      boss.previewSchedule(cron, { tz: 'UTC', from: new Date(0), count: 1 }) // rejects a malformed expression now
      const schedule = { cron, payload }
      schedules.set(queue, schedule)
      if (isStarted) await applySchedule(queue, schedule)
    },

    async findJob(queue: string, id: string): Promise<JobView | null> {
      assertQueueName(queue)
      await open()
      if (!(await boss.getQueue(queue))) return null
      const [job] = await boss.findJobs<object>(queue, { id })
      if (!job) return null
      const output = job.output as { name?: unknown; message?: unknown } | null
      const failure =
        job.state !== 'completed' && output && typeof output.message === 'string'
          ? `${typeof output.name === 'string' ? output.name : 'Error'}: ${output.message}`
          : null
      return {
        id: job.id,
        queue,
        state: toJobState(job.state),
        attempts: job.state === 'created' ? job.retryCount : job.retryCount + 1,
        lastError: failure === null ? null : failure.replace(/\s+/g, ' ').slice(0, 500),
      }
    },

    async start() {
      if (isStarted) return
      isStopped = false
      await open()
      for (const [queue, registration] of registrations) await startWorker(queue, registration)
      for (const [queue, schedule] of schedules) await applySchedule(queue, schedule)
      isStarted = true
      log.info({ queues: [...registrations.keys()], schedules: [...schedules.keys()] }, 'job queue started')
    },

    async stop() {
      isStopped = true
      isStarted = false
      try {
        await boss.stop({ graceful: true, timeout: stopTimeoutMs, close: true })
      } catch (error) {
        log.error({ err: error, detail: describeError(error) }, 'pg-boss did not stop cleanly')
      } finally {
        workers.clear()
        configured.clear()
      }
    },
  }
}
