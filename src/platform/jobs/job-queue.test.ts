/**
 * The JobQueue contract through createJobQueue, so each dialect exercises its own implementation: the local runner
 * on SQLite, pg-boss (in a throw-away schema per test) with NETRA_TEST_DB=postgres.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createTestDb, testDialect, testPostgresUrl } from '../../../test/support/test-db.js'
import type { Clock } from '../../domain/clock.js'
import { fixedClock, systemClock } from '../clock.js'
import { createLogger } from '../logger.js'
import { createJobQueue } from './index.js'
import type { JobQueue, JobView } from './job-queue.js'

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() })
  await client.connect()
  try {
    await client.query(`drop schema if exists ${schema} cascade`)
  } finally {
    await client.end()
  }
}

/** A job queue over a fresh database; stopped (and its pg-boss schema dropped) when the test ends. */
async function createQueueUnderTest(options: { clock?: Clock } = {}): Promise<JobQueue> {
  return (await createQueueAndDb(options)).queue
}

async function createQueueAndDb(options: { clock?: Clock } = {}) {
  const testDb = await createTestDb({ autoCleanup: false })
  const pgBossSchema = testDialect === 'postgres' ? `pgboss_${randomBytes(6).toString('hex')}` : undefined
  const queue = createJobQueue(testDb, {
    logger: createLogger('silent'),
    clock: options.clock ?? systemClock,
    pollIntervalMs: testDialect === 'postgres' ? 500 : 25,
    stopTimeoutMs: 3000,
    scheduleCheckIntervalSeconds: 1,
    ...(pgBossSchema ? { pgBossSchema } : {}),
  })
  onTestFinished(async () => {
    await queue.stop()
    if (pgBossSchema) await dropSchema(pgBossSchema)
    await testDb.close()
  })
  return { queue, db: testDb.db }
}

async function jobOf(queue: JobQueue, name: string, id: string | null): Promise<JobView> {
  if (!id) throw new Error('expected a job id')
  const job = await queue.findJob(name, id)
  if (!job) throw new Error(`job ${id} not found`)
  return job
}

describe(`createJobQueue (${testDialect === 'postgres' ? 'pg-boss' : 'local runner'})`, () => {
  it('runs an enqueued job with its payload and reports it done', async () => {
    const queue = await createQueueUnderTest()
    const received: unknown[] = []
    await queue.register<{ agencyId: string }>('reports.build', async (payload) => {
      received.push(payload)
    })
    await queue.start()

    const id = await queue.enqueue('reports.build', { agencyId: 'a-1' })

    await waitUntil(async () => (await jobOf(queue, 'reports.build', id)).state === 'done')
    expect(received).toEqual([{ agencyId: 'a-1' }])
    expect(await jobOf(queue, 'reports.build', id)).toMatchObject({
      queue: 'reports.build',
      attempts: 1,
      lastError: null,
    })
  })

  it('runs jobs enqueued before start once it starts', async () => {
    const queue = await createQueueUnderTest()
    const received: unknown[] = []
    await queue.register('early', async (payload) => {
      received.push(payload)
    })
    const id = await queue.enqueue('early', { n: 1 })
    await sleep(100)
    expect(received).toEqual([])

    await queue.start()

    await waitUntil(async () => (await jobOf(queue, 'early', id)).state === 'done')
    expect(received).toEqual([{ n: 1 }])
  })

  it('drains a backlog at handler speed, not one job per polling interval', async () => {
    const queue = await createQueueUnderTest()
    const pollIntervalMs = testDialect === 'postgres' ? 500 : 25
    const jobs = 60
    let done = 0
    await queue.register(
      'backlog',
      async () => {
        done += 1
      },
      { concurrency: 1 },
    )
    for (let n = 0; n < jobs; n++) await queue.enqueue('backlog', { n })

    const started = performance.now()
    await queue.start()
    await waitUntil(async () => done === jobs, 30_000)
    // One job per interval would take jobs × interval (30 s on pg-boss); half of that proves the worker does not
    // sleep between jobs while more wait (a floor of 5 s keeps the fast local runner's bound meaningful on a slow CI).
    expect(performance.now() - started).toBeLessThan(Math.max((jobs * pollIntervalMs) / 2, 5000))
  })

  it('retries a failing job retryLimit times and then reports it failed with the last error', async () => {
    const queue = await createQueueUnderTest()
    let runs = 0
    await queue.register(
      'always.fails',
      async () => {
        runs += 1
        throw new Error(`boom ${runs}`)
      },
      { retryLimit: 2, retryDelaySeconds: 0 },
    )
    await queue.start()

    const id = await queue.enqueue('always.fails', {})

    await waitUntil(async () => (await jobOf(queue, 'always.fails', id)).state === 'failed')
    expect(await jobOf(queue, 'always.fails', id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'Error: boom 3',
    })
    await sleep(700)
    expect(runs).toBe(3)
  })

  it('completes a job that fails once and then succeeds', async () => {
    const queue = await createQueueUnderTest()
    let runs = 0
    await queue.register(
      'flaky',
      async () => {
        runs += 1
        if (runs === 1) throw new Error('transient')
      },
      { retryLimit: 3, retryDelaySeconds: 0 },
    )
    await queue.start()

    const id = await queue.enqueue('flaky', {})

    await waitUntil(async () => (await jobOf(queue, 'flaky', id)).state === 'done')
    expect(await jobOf(queue, 'flaky', id)).toMatchObject({ attempts: 2, lastError: null })
  })

  it('does not run a job before its runAt', async () => {
    const queue = await createQueueUnderTest()
    let ranAt: number | null = null
    await queue.register('delayed', async () => {
      ranAt = Date.now()
    })
    await queue.start()
    const runAt = new Date(Date.now() + 2000)

    const id = await queue.enqueue('delayed', {}, { runAt })

    await sleep(1000)
    expect(ranAt).toBeNull()
    expect((await jobOf(queue, 'delayed', id)).state).toBe('queued')
    await waitUntil(async () => (await jobOf(queue, 'delayed', id)).state === 'done')
    expect(ranAt).not.toBeNull()
    expect(ranAt ?? 0).toBeGreaterThanOrEqual(runAt.getTime() - 50)
  })

  it('dedupes a singletonKey while its job is queued or running and accepts it again once done', async () => {
    const queue = await createQueueUnderTest()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    await queue.register('exports', () => gate, { concurrency: 3 })

    const first = await queue.enqueue('exports', { n: 1 }, { singletonKey: 'agency-1' })
    expect(first).not.toBeNull()
    expect(await queue.enqueue('exports', { n: 2 }, { singletonKey: 'agency-1' })).toBeNull()
    expect(await queue.enqueue('exports', { n: 3 })).not.toBeNull()
    expect(await queue.enqueue('exports', { n: 4 })).not.toBeNull()

    await queue.start()
    await waitUntil(async () => (await jobOf(queue, 'exports', first)).state === 'running')
    expect(await queue.enqueue('exports', { n: 5 }, { singletonKey: 'agency-1' })).toBeNull()

    release()
    await waitUntil(async () => (await jobOf(queue, 'exports', first)).state === 'done')
    expect(await queue.enqueue('exports', { n: 6 }, { singletonKey: 'agency-1' })).not.toBeNull()
  })

  it('enqueues within a transaction: the job runs once the transaction commits', async () => {
    const { queue, db } = await createQueueAndDb()
    const received: unknown[] = []
    await queue.register('receipts.make', async (payload) => {
      received.push(payload)
    })
    await queue.start()

    const id = await db.transaction().execute(async (trx) => {
      const jobId = await queue.enqueueWithin(trx, 'receipts.make', { signatureId: 's-1' })
      // A second job with the same key in the same transaction is deduplicated like `enqueue`.
      expect(
        await queue.enqueueWithin(trx, 'receipts.make', { signatureId: 's-1' }, { singletonKey: 'k' }),
      ).not.toBeNull()
      expect(
        await queue.enqueueWithin(trx, 'receipts.make', { signatureId: 's-1' }, { singletonKey: 'k' }),
      ).toBeNull()
      return jobId
    })
    queue.wake('receipts.make')

    await waitUntil(async () => (await jobOf(queue, 'receipts.make', id)).state === 'done')
    await waitUntil(() => received.length === 2)
    expect(received).toEqual([{ signatureId: 's-1' }, { signatureId: 's-1' }])
  })

  it('enqueues many jobs within a transaction, all of which run after the commit', async () => {
    const { queue, db } = await createQueueAndDb()
    const received: number[] = []
    await queue.register<{ n: number }>(
      'receipts.make',
      async (payload) => {
        received.push(payload.n)
      },
      { concurrency: 2 },
    )
    await queue.start()
    await db.transaction().execute(async (trx) => {
      await queue.enqueueManyWithin(
        trx,
        'receipts.make',
        [1, 2, 3, 4, 5].map((n) => ({ n })),
      )
      await queue.enqueueManyWithin(trx, 'receipts.make', [])
    })
    queue.wake('receipts.make')
    await waitUntil(() => received.length === 5)
    expect(received.sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('enqueues within a transaction: a rolled-back transaction leaves no job', async () => {
    const { queue, db } = await createQueueAndDb()
    const received: unknown[] = []
    await queue.register('receipts.make', async (payload) => {
      received.push(payload)
    })
    await queue.start()

    let id: string | null = null
    await expect(
      db.transaction().execute(async (trx) => {
        id = await queue.enqueueWithin(trx, 'receipts.make', { signatureId: 's-2' })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    queue.wake('receipts.make')

    expect(id).not.toBeNull()
    await sleep(testDialect === 'postgres' ? 1200 : 200)
    expect(received).toEqual([])
    expect(await queue.findJob('receipts.make', id ?? '')).toBeNull()
  })

  it('runs a scheduled queue with the schedule payload once its cron time comes', async () => {
    // The local runner takes time from this clock (moved across a minute boundary below); pg-boss reads the
    // database clock, where an every-minute schedule is due at its first check.
    const clock = fixedClock('2026-01-05T08:00:30.000Z')
    const queue = await createQueueUnderTest({ clock })
    const runs: unknown[] = []
    await queue.register('digest', async (payload) => {
      runs.push(payload)
    })
    await queue.schedule('digest', '* * * * *', { kind: 'digest' })
    await queue.start()

    clock.set('2026-01-05T08:01:00.000Z')

    await waitUntil(() => runs.length >= 1, 15_000)
    expect(runs[0]).toEqual({ kind: 'digest' })
  })

  it('rejects a malformed cron expression', async () => {
    const queue = await createQueueUnderTest()
    await expect(queue.schedule('digest', '61 * * * *')).rejects.toThrow()
    await expect(queue.schedule('digest', '* * * *')).rejects.toThrow('5 fields')
  })

  it('waits at stop for a running handler to finish', async () => {
    const queue = await createQueueUnderTest()
    let finished = false
    let started = false
    await queue.register('slow', async () => {
      started = true
      await sleep(300)
      finished = true
    })
    await queue.start()
    await queue.enqueue('slow', {})
    await waitUntil(() => started)

    await queue.stop()

    expect(finished).toBe(true)
  })

  it('returns null for a job id it does not know', async () => {
    const queue = await createQueueUnderTest()
    await queue.register('known', async () => undefined)
    await queue.start()
    expect(await queue.findJob('known', '0195f3c4-0000-7000-8000-000000000000')).toBeNull()
    expect(await queue.findJob('never.created', '0195f3c4-0000-7000-8000-000000000000')).toBeNull()
  })
})
