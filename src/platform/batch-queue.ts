/**
 * Natural batching for a hot path: items pushed while a batch is being handled wait, and the next call of `handle`
 * gets all of them (up to `maxBatch`). A lone item is handled after one turn of the event loop, so latency at low
 * load is unchanged; under load it grows by at most one batch, while the per-batch cost (a commit, an fsync, a lock)
 * is paid once for many.
 * With `concurrency` above 1, up to that many batches are handled at once (PostgreSQL: the next batch's first
 * statements run while the previous one commits).
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
  options: { readonly maxBatch?: number; readonly concurrency?: number } = {},
): BatchQueue<I, O> {
  const maxBatch = options.maxBatch ?? defaultMaxBatch
  const concurrency = options.concurrency ?? 1
  const waiting: Waiting<I, O>[] = []
  let running = 0
  let scheduled = false
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

  function schedule(): void {
    if (scheduled || running >= concurrency || waiting.length === 0) return
    scheduled = true
    // One turn of the event loop first: requests already read from their sockets join this batch. (On SQLite a
    // batch runs without yielding, so without this turn a batch would only hold what came before the last one.)
    setImmediate(() => {
      scheduled = false
      if (running >= concurrency || waiting.length === 0) return
      running += 1
      void handleBatch(waiting.splice(0, maxBatch)).finally(() => {
        running -= 1
        schedule()
      })
      schedule()
    })
  }

  return {
    push(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject })
        schedule()
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
