/**
 * Receipt PDFs rendered on worker threads (piscina), so drawing a receipt (≈ 10–25 ms of pdf-lib, deflate and QR
 * per PDF) never blocks the event loop that answers the signing page: with the job queue in the server process (the
 * default), rendering on the main thread made every event-loop turn that long, and new connections — accepted one
 * per turn — waited seconds at a morning assembly.
 *
 * `threads: 0` renders in the calling thread (the same function, no pool); the default is one thread per spare CPU
 * core, at most four, at least one (RECEIPT_RENDER_THREADS). The threads start with the first receipt, so a process
 * that makes none (a test, a server node with RUN_JOBS=false) starts none.
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { renderReceipt, type ReceiptInput } from './receipts.render.js'

export interface ReceiptRenderer {
  render(input: ReceiptInput): Promise<Uint8Array>
  /** Threads rendering (0: the calling thread). */
  readonly threads: number
  close(): Promise<void>
}

export const defaultRenderThreads = (): number => Math.min(4, Math.max(1, availableParallelism() - 1))

export function createReceiptRenderer(options: { readonly threads?: number } = {}): ReceiptRenderer {
  const threads = options.threads ?? defaultRenderThreads()
  if (threads === 0) return { render: renderReceipt, threads, close: () => Promise.resolve() }
  let pool: Piscina<ReceiptInput, Uint8Array> | undefined
  let closed = false
  return {
    threads,
    async render(input) {
      if (closed) throw new Error('receipt renderer closed')
      pool ??= new Piscina<ReceiptInput, Uint8Array>({
        filename: new URL('./receipts.render-worker.mjs', import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        // Idle threads stay: loading the fonts is the slow part of a thread's first receipt.
        idleTimeout: Number.POSITIVE_INFINITY,
      })
      return new Uint8Array(await pool.run(input))
    },
    async close() {
      if (closed) return
      closed = true
      await pool?.destroy()
    },
  }
}
