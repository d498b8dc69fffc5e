import { afterEach, describe, expect, it } from 'vitest'
import { createReceiptRenderer, type ReceiptRenderer } from './receipts.render-pool.js'
import { renderReceipt } from './receipts.render.js'
import { sampleReceiptInput } from './receipts.testing.js'

const open: ReceiptRenderer[] = []
afterEach(async () => {
  for (const renderer of open.splice(0)) await renderer.close()
})

describe('createReceiptRenderer', () => {
  it('renders on a worker thread the same bytes as in the calling thread, several receipts at once', async () => {
    const renderer = createReceiptRenderer({ threads: 2 })
    open.push(renderer)
    const inputs = ['Ahmad Fauzi', 'Siti Rahmawati', 'I Gusti Ayu Putri'].map((name, i) =>
      sampleReceiptInput({
        signer: { ...sampleReceiptInput().signer, name },
        signedAt: new Date(Date.UTC(2026, 10, 24, 1, i)),
        signaturePng: null,
      }),
    )
    const threaded = await Promise.all(inputs.map((input) => renderer.render(input)))
    const local = await Promise.all(inputs.map((input) => renderReceipt(input)))
    expect(threaded.map((pdf) => Buffer.from(pdf).subarray(0, 5).toString('latin1'))).toEqual(
      inputs.map(() => '%PDF-'),
    )
    expect(threaded.map((pdf, i) => Buffer.from(pdf).equals(Buffer.from(local[i] ?? [])))).toEqual([
      true,
      true,
      true,
    ])
    expect(renderer.threads).toBe(2)
  })

  it('passes a renderer error back to the caller, and refuses work once closed', async () => {
    const renderer = createReceiptRenderer({ threads: 1 })
    open.push(renderer)
    await expect(renderer.render(sampleReceiptInput({ timeZone: 'Mars/Olympus_Mons' }))).rejects.toThrow()
    await renderer.close()
    await expect(renderer.render(sampleReceiptInput())).rejects.toThrow('receipt renderer closed')
  })

  it('renders in the calling thread with threads: 0', async () => {
    const renderer = createReceiptRenderer({ threads: 0 })
    const pdf = await renderer.render(sampleReceiptInput())
    expect(Buffer.from(pdf).equals(Buffer.from(await renderReceipt(sampleReceiptInput())))).toBe(true)
  })
})
