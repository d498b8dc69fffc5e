/**
 * Natural batching for a hot path: items pushed while a batch is being handled wait, and the next call of `handle`
 * gets all of them (up to `maxBatch`). A lone item is handled after one turn of the event loop, so latency at low
 * load is unchanged; under load it grows by at most one batch, while the per-batch cost (a commit, an fsync, a lock)
 * is paid once for many.
 * `handle` answers each item separately: one item's failure is that item's alone. If `handle` itself throws, every
 * item of that batch gets the error.
 */
export type Settled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }

export interface BatchQueue<I, O> {
  push(item: I): Promise<O>
  /** Batches handled and items served so far (tests and benchmarks). */
  stats(): { readonly batches: number; readonly items: number }
}

interface Waiting<I, O> {
  readonly item: I
  readonly resolve: (value: O) => void
  readonly reject: (error: unknown) => void
}

export const defaultMaxBatch = 100

export function createBatchQueue<I, O>(
  handle: (items: readonly I[]) => Promise<readonly Settled<O>[]>,
  options: { readonly maxBatch?: number } = {},
): BatchQueue<I, O> {
  const maxBatch = options.maxBatch ?? defaultMaxBatch
  const waiting: Waiting<I, O>[] = []
  let draining = false
  let batches = 0
  let items = 0

  async function handleBatch(batch: readonly Waiting<I, O>[]): Promise<void> {
    batches += 1
    items += batch.length
    try {
      const outcomes = await handle(batch.map((entry) => entry.item))
      batch.forEach((entry, index) => {
        const outcome = outcomes[index]
        if (outcome?.ok) entry.resolve(outcome.value)
        else entry.reject(outcome ? outcome.error : new Error('batch handler gave no outcome for an item'))
      })
    } catch (error) {
      for (const entry of batch) entry.reject(error)
    }
  }

  async function drain(): Promise<void> {
    draining = true
    try {
      while (waiting.length > 0) {
        // One turn of the event loop first: requests already read from their sockets join this batch. (On SQLite a
        // batch runs without yielding, so without this turn a batch would only hold what came before the last one.)
        await new Promise((resolve) => setImmediate(resolve))
        await handleBatch(waiting.splice(0, maxBatch))
      }
    } finally {
      draining = false
    }
  }

  return {
    push(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        if (!draining) void drain()
      })
    },
    stats: () => ({ batches, items }),
  }
}

/** Runs `work` and records its outcome instead of throwing. */
export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    return { ok: false, error }
  }
}
