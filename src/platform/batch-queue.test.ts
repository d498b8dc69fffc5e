import { describe, expect, it } from 'vitest'
import { createBatchQueue, settle, type Settled } from './batch-queue.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createBatchQueue', () => {
  it('handles a lone item at once, and items pushed meanwhile together in the next batch', async () => {
    const seen: number[][] = []
    // The first batch is held open until the others are pushed (no sleeps: a busy machine cannot reorder this).
    let firstStarted!: () => void
    const started = new Promise<void>((resolve) => (firstStarted = resolve))
    let releaseFirst!: () => void
    const released = new Promise<void>((resolve) => (releaseFirst = resolve))
    const queue = createBatchQueue<number, number>(async (items) => {
      seen.push([...items])
      if (seen.length === 1) {
        firstStarted()
        await released
      }
      return items.map((n) => ({ ok: true, value: n * 10 }))
    })
    const first = queue.push(1)
    await started // the first batch is being handled
    const rest = [2, 3, 4].map((n) => queue.push(n))
    releaseFirst()
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40])
    expect(seen).toEqual([[1], [2, 3, 4]])
    expect(queue.stats()).toEqual({ batches: 2, items: 4 })
  })

  it('answers each item with its own outcome: one failure rejects that item alone', async () => {
    const queue = createBatchQueue<string, string>(async (items) =>
      items.map((item): Settled<string> =>
        item === 'bad' ? { ok: false, error: new Error('bad item') } : { ok: true, value: item },
      ),
    )
    const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((item) => queue.push(item)))
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      'a',
      'bad item',
      'c',
    ])
  })

  it('rejects every item of a batch whose handler throws, and goes on with the next batch', async () => {
    let calls = 0
    const queue = createBatchQueue<number, number>(async (items) => {
      calls += 1
      if (calls === 1) throw new Error('database gone')
      return items.map((n) => ({ ok: true, value: n }))
    })
    await expect(queue.push(1)).rejects.toThrow('database gone')
    expect(await queue.push(2)).toBe(2)
  })

  it('never hands more than maxBatch items to one call', async () => {
    const sizes: number[] = []
    const queue = createBatchQueue<number, number>(
      async (items) => {
        sizes.push(items.length)
        await sleep(1)
        return items.map((n) => ({ ok: true, value: n }))
      },
      { maxBatch: 4 },
    )
    await Promise.all(Array.from({ length: 13 }, (_, n) => queue.push(n)))
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(13)
  })

  it('handles up to `concurrency` batches at once, never more, and serves every item', async () => {
    let running = 0
    let most = 0
    const queue = createBatchQueue<number, number>(
      async (items) => {
        running += 1
        most = Math.max(most, running)
        await sleep(10)
        running -= 1
        return items.map((n) => ({ ok: true, value: n * 2 }))
      },
      { maxBatch: 3, concurrency: 2 },
    )
    const first = queue.push(0)
    await sleep(2) // the first batch is under way; a second may start beside it
    const rest = Array.from({ length: 11 }, (_, n) => queue.push(n + 1))
    expect(await Promise.all([first, ...rest])).toEqual(Array.from({ length: 12 }, (_, n) => n * 2))
    expect(most).toBe(2)
    expect(queue.stats().items).toBe(12)
  })
})

describe('settle', () => {
  it('records a value or an error', async () => {
    expect(await settle(async () => 1)).toEqual({ ok: true, value: 1 })
    const failed = await settle(async () => {
      throw new Error('no')
    })
    expect(failed.ok).toBe(false)
  })
})
