/**
 * Worker-thread entry of the receipt renderer pool (receipts.render-pool.ts). Plain JavaScript because a worker
 * thread starts without the TypeScript loader the server runs under: it registers tsx here, then loads the
 * renderer from its TypeScript source. Piscina calls the default export once per receipt.
 */
import { setPriority } from 'node:os'
import { register } from 'tsx/esm/api'

// Receipts are background work: this thread yields the CPU to the threads that answer requests (Linux keeps a nice
// value per thread, so this lowers only this one). On an idle machine it still runs at full speed.
try {
  setPriority(10)
} catch {
  // not permitted here (some containers): render at normal priority
}
register()
const { renderReceipt } = await import('./receipts.render.ts')

/** @param {import('./receipts.render.ts').ReceiptInput} input */
export default async function render(input) {
  return renderReceipt(input)
}
