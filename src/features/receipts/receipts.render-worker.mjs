/**
 * Worker-thread entry of the receipt renderer pool (receipts.render-pool.ts). Plain JavaScript because a worker
 * thread starts without the TypeScript loader the server runs under: it registers tsx here, then loads the
 * renderer from its TypeScript source. Piscina calls the default export once per receipt.
 */
import { register } from 'tsx/esm/api'

register()
const { renderReceipt } = await import('./receipts.render.ts')

/** @param {import('./receipts.render.ts').ReceiptInput} input */
export default async function render(input) {
  return renderReceipt(input)
}
