/**
 * The in-process runner against the `local_jobs` table of a real migrated database (SQLite by default, PostgreSQL
 * with NETRA_TEST_DB=postgres). Time is a hand-moved clock wherever due times matter.
 */
import { onTestFinished, describe, expect, it } from 'vitest'
import { createTestDb, type TestDatabase } from '../../../test/support/test-db.js'
import type { Clock } from '../../domain/clock.js'
import type { LocalJobRow } from '../../db/tables.js'
import { fixedClock, systemClock } from '../clock.js'
import { newId } from '../ids.js'
import { createLogger } from '../logger.js'
import type { JobQueue } from './job-queue.js'
import { createLocalQueue, nextOccurrence } from './local-queue.js'

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function setup(options: { clock?: Clock; stopTimeoutMs?: number } = {}) {
  const testDb = await createTestDb({ autoCleanup: false })
  const queues: JobQueue[] = []
  const newQueue = () => {
    const queue = createLocalQueue(testDb.db, {
      logger: createLogger('silent'),
      clock: options.clock ?? systemClock,
      pollIntervalMs: 20,
      stopTimeoutMs: options.stopTimeoutMs ?? 2000,
    })
    queues.push(queue)
    return queue
  }
  onTestFinished(async () => {
    for (const queue of queues) await queue.stop()
    await testDb.close()
  })
  return { testDb, queue: newQueue(), newQueue }
}

const findRow = (testDb: TestDatabase, id: string) =>
  testDb.db.selectFrom('localJobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

function jobRow(overrides: Partial<LocalJobRow> & Pick<LocalJobRow, 'queue' | 'state'>): LocalJobRow {
  return {
    id: newId(),
    payload: '{}',
    runAt: '2026-01-05T08:00:00.000Z',
    attempts: 0,
    maxAttempts: 3,
    lastError: null,
    singletonKey: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    finishedAt: null,
    ...overrides,
  }
}

describe('createLocalQueue', () => {
  it('runs an enqueued job with its payload and marks it done', async () => {
    const { testDb, queue } = await setup()
    const received: unknown[] = []
    await queue.register<{ caseId: string }>('cases.reminder', async (payload) => {
      received.push(payload)
    })
    await queue.start()

    const id = await queue.enqueue('cases.reminder', { caseId: 'c-1' })

    await waitUntil(async () => (await findRow(testDb, id ?? '')).state === 'done')
    expect(received).toEqual([{ caseId: 'c-1' }])
    const row = await findRow(testDb, id ?? '')
    expect(row).toMatchObject({ attempts: 1, lastError: null, maxAttempts: 4 })
    expect(row.finishedAt).not.toBeNull()
  })

  it('retries a failing job with exponential backoff and marks it failed after the last attempt', async () => {
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const { testDb, queue } = await setup({ clock })
    let runs = 0
    await queue.register(
      'flaky',
      async () => {
        runs += 1
        throw new Error('smtp down')
      },
      { retryLimit: 2, retryDelaySeconds: 10 },
    )
    await queue.start()
    const id = (await queue.enqueue('flaky', {})) ?? ''

    await waitUntil(async () => (await findRow(testDb, id)).attempts === 1 && runs === 1)
    await waitUntil(async () => (await findRow(testDb, id)).state === 'queued')
    expect(await findRow(testDb, id)).toMatchObject({
      state: 'queued',
      runAt: '2026-01-05T08:00:10.000Z',
      lastError: 'Error: smtp down',
    })

    clock.advance(9_999)
    await sleep(100)
    expect(runs).toBe(1)

    clock.advance(1)
    await waitUntil(
      async () =>
        (await findRow(testDb, id)).attempts === 2 && (await findRow(testDb, id)).state === 'queued',
    )
    expect((await findRow(testDb, id)).runAt).toBe('2026-01-05T08:00:30.000Z') // second retry waits twice as long

    clock.advance(20_000)
    await waitUntil(async () => (await findRow(testDb, id)).state === 'failed')
    expect(await findRow(testDb, id)).toMatchObject({
      attempts: 3,
      maxAttempts: 3,
      lastError: 'Error: smtp down',
    })

    clock.advance(60 * 60 * 1000)
    await sleep(100)
    expect(runs).toBe(3)
  })

  it('does not run a job before its runAt', async () => {
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const { testDb, queue } = await setup({ clock })
    let runs = 0
    await queue.register('later', async () => {
      runs += 1
    })
    await queue.start()

    const id = (await queue.enqueue('later', {}, { runAt: new Date('2026-01-05T09:00:00.000Z') })) ?? ''
    await sleep(100)
    expect(runs).toBe(0)
    expect((await findRow(testDb, id)).state).toBe('queued')

    clock.set('2026-01-05T09:00:00.000Z')
    await waitUntil(async () => (await findRow(testDb, id)).state === 'done')
    expect(runs).toBe(1)
  })

  it('dedupes a singletonKey while its job is queued or running and accepts it again once done', async () => {
    const { testDb, queue } = await setup()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    await queue.register('exports', () => gate)

    const first = await queue.enqueue('exports', { n: 1 }, { singletonKey: 'agency-1' })
    expect(first).not.toBeNull()
    expect(await queue.enqueue('exports', { n: 2 }, { singletonKey: 'agency-1' })).toBeNull()
    expect(await queue.enqueue('exports', { n: 3 }, { singletonKey: 'agency-2' })).not.toBeNull()

    await queue.start()
    await waitUntil(async () => (await findRow(testDb, first ?? '')).state === 'running')
    expect(await queue.enqueue('exports', { n: 4 }, { singletonKey: 'agency-1' })).toBeNull()

    release()
    await waitUntil(async () => (await findRow(testDb, first ?? '')).state === 'done')
    expect(await queue.enqueue('exports', { n: 5 }, { singletonKey: 'agency-1' })).not.toBeNull()
  })

  it('queues again, at start, jobs a crashed process left running, and fails those that had no attempts left', async () => {
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const { testDb, queue } = await setup({ clock })
    const interrupted = jobRow({
      queue: 'imports',
      state: 'running',
      attempts: 1,
      maxAttempts: 3,
      payload: '{"file":"a.csv"}',
    })
    const exhausted = jobRow({ queue: 'imports', state: 'running', attempts: 3, maxAttempts: 3 })
    await testDb.db.insertInto('localJobs').values([interrupted, exhausted]).execute()
    const received: unknown[] = []
    await queue.register('imports', async (payload) => {
      received.push(payload)
    })

    await queue.start()

    await waitUntil(async () => (await findRow(testDb, interrupted.id)).state === 'done')
    expect(received).toEqual([{ file: 'a.csv' }])
    expect(await findRow(testDb, interrupted.id)).toMatchObject({ attempts: 2 })
    expect(await findRow(testDb, exhausted.id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'interrupted: the process stopped while the job was running',
      finishedAt: '2026-01-05T08:00:00.000Z',
    })
  })

  it('fires a cron schedule when the clock reaches the next occurrence, not before', async () => {
    const clock = fixedClock('2026-01-05T08:00:30.000Z')
    const { queue } = await setup({ clock })
    const runs: unknown[] = []
    await queue.register('digest', async (payload) => {
      runs.push(payload)
    })
    await queue.schedule('digest', '*/5 * * * *', { kind: 'digest' })
    await queue.start()

    clock.set('2026-01-05T08:04:59.999Z')
    await sleep(100)
    expect(runs).toEqual([])

    clock.set('2026-01-05T08:05:00.000Z')
    await waitUntil(() => runs.length === 1)
    expect(runs).toEqual([{ kind: 'digest' }])

    clock.set('2026-01-05T08:09:00.000Z')
    await sleep(100)
    expect(runs).toHaveLength(1)

    clock.set('2026-01-05T08:10:00.000Z')
    await waitUntil(() => runs.length === 2)
  })

  it('rejects a cron expression that does not have five fields', async () => {
    const { queue } = await setup()
    await expect(queue.schedule('digest', '0 */5 * * * *')).rejects.toThrow('5 fields')
    await expect(queue.schedule('digest', 'every minute')).rejects.toThrow()
  })

  it('runs at most `concurrency` handlers of a queue at once', async () => {
    const { testDb, queue } = await setup()
    let active = 0
    let peak = 0
    await queue.register(
      'thumbnails',
      async () => {
        active += 1
        peak = Math.max(peak, active)
        await sleep(50)
        active -= 1
      },
      { concurrency: 2 },
    )
    for (let i = 0; i < 6; i++) await queue.enqueue('thumbnails', { i })
    await queue.start()

    await waitUntil(async () => {
      const rows = await testDb.db.selectFrom('localJobs').select('state').execute()
      return rows.every((row) => row.state === 'done')
    })
    expect(peak).toBe(2)
  })

  it('deletes finished jobs older than seven days and keeps recent and unfinished ones', async () => {
    const clock = fixedClock('2026-01-20T00:00:00.000Z')
    const { testDb, queue } = await setup({ clock })
    const old = jobRow({ queue: 'misc', state: 'done', finishedAt: '2026-01-12T23:59:59.000Z' })
    const oldFailure = jobRow({ queue: 'misc', state: 'failed', finishedAt: '2026-01-01T00:00:00.000Z' })
    const recent = jobRow({ queue: 'misc', state: 'done', finishedAt: '2026-01-13T00:00:01.000Z' })
    const waiting = jobRow({ queue: 'unregistered', state: 'queued', runAt: '2026-01-01T00:00:00.000Z' })
    await testDb.db.insertInto('localJobs').values([old, oldFailure, recent, waiting]).execute()

    await queue.start()

    await waitUntil(async () => (await testDb.db.selectFrom('localJobs').select('id').execute()).length === 2)
    const left = await testDb.db.selectFrom('localJobs').select('id').orderBy('id').execute()
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, waiting.id].sort())
  })

  it('waits at stop for a running handler to finish', async () => {
    const { testDb, queue } = await setup()
    let finished = false
    await queue.register('slow', async () => {
      await sleep(200)
      finished = true
    })
    await queue.start()
    const id = (await queue.enqueue('slow', {})) ?? ''
    await waitUntil(async () => (await findRow(testDb, id)).state === 'running')

    await queue.stop()

    expect(finished).toBe(true)
    expect((await findRow(testDb, id)).state).toBe('done')
  })

  it('stops waiting after stopTimeoutMs and runs the interrupted job again at the next start', async () => {
    const { testDb, queue, newQueue } = await setup({ stopTimeoutMs: 100 })
    const id = (await queue.enqueue('stuck', {})) ?? ''
    await queue.register('stuck', () => new Promise<void>(() => undefined)) // never settles
    await queue.start()
    await waitUntil(async () => (await findRow(testDb, id)).state === 'running')

    const stoppedAt = Date.now()
    await queue.stop()
    expect(Date.now() - stoppedAt).toBeLessThan(1000)
    expect((await findRow(testDb, id)).state).toBe('running')

    const next = newQueue()
    let reran = false
    await next.register('stuck', async () => {
      reran = true
    })
    await next.start()
    await waitUntil(async () => (await findRow(testDb, id)).state === 'done')
    expect(reran).toBe(true)
    expect((await findRow(testDb, id)).attempts).toBe(2)
  })
})

describe('nextOccurrence', () => {
  it.each([
    ['* * * * *', '2026-01-05T08:00:30.000Z', '2026-01-05T08:01:00.000Z'],
    ['0 2 * * *', '2026-01-05T08:00:00.000Z', '2026-01-06T02:00:00.000Z'],
    ['0 0 1 * *', '2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z'],
  ])('%s after %s is %s (UTC)', (cron, after, expected) => {
    expect(nextOccurrence(cron, new Date(after)).toISOString()).toBe(expected)
  })
})
