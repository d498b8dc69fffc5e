/**
 * createJobQueue: pg-boss when the database is PostgreSQL, the in-process `local_jobs` runner on SQLite. Both
 * implement ./job-queue.ts; see each file for how it claims, retries, schedules and stops.
 */
import type { DatabaseHandle } from '../../db/database.js'
import type { Clock } from '../../domain/clock.js'
import type { Logger } from '../logger.js'
import type { JobQueue } from './job-queue.js'
import { createLocalQueue } from './local-queue.js'
import { createPgBossQueue } from './pg-boss-queue.js'

export interface CreateJobQueueOptions {
  readonly logger: Logger
  /** Drives due times, backoff and cron on SQLite; pg-boss reads the database clock instead. */
  readonly clock: Clock
  /** PostgreSQL only: schema pg-boss installs itself in (default `pgboss`; tests pass a unique one). */
  readonly pgBossSchema?: string
  /** How often workers look for due jobs (default 500 ms on SQLite, 2 s with pg-boss). */
  readonly pollIntervalMs?: number
  /** How long `stop` waits for running handlers (default 10 s). */
  readonly stopTimeoutMs?: number
  /** PostgreSQL only: how often pg-boss evaluates schedules (default 30 s). SQLite checks them on every poll. */
  readonly scheduleCheckIntervalSeconds?: number
}

export function createJobQueue(database: DatabaseHandle, options: CreateJobQueueOptions): JobQueue {
  const { logger, clock } = options
  const timing = {
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
  }
  switch (database.dialect) {
    case 'postgres': {
      const connectionString = database.pool?.options.connectionString
      if (!connectionString) throw new Error('the PostgreSQL pool has no connection string for pg-boss')
      return createPgBossQueue({
        connectionString,
        logger,
        ...timing,
        ...(options.pgBossSchema !== undefined ? { schema: options.pgBossSchema } : {}),
        ...(options.scheduleCheckIntervalSeconds !== undefined
          ? { scheduleCheckIntervalSeconds: options.scheduleCheckIntervalSeconds }
          : {}),
      })
    }
    case 'sqlite':
      return createLocalQueue(database.db, { logger, clock, ...timing })
  }
}

export type { EnqueueOptions, JobQueue, JobState, JobView, RegisterOptions } from './job-queue.js'
