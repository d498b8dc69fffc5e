import { describe, expect, it } from 'vitest'
import { loadPart, reloadMarkerKey, reloadQuietMs, type UpdateWindow } from './app-update'

/** A window with an in-memory sessionStorage; reload() only counts (there is no page to reload). */
function fakeWindow(storage: Map<string, string> = new Map(), onLine = true) {
  const state = { reloads: 0 }
  const target: UpdateWindow = {
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    location: { reload: () => void state.reloads++ },
    navigator: { onLine },
  }
  return { target, state, storage }
}

const chunkGone = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js'))

/** Whether the promise settled within a few turns of the event loop. */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending')
  const outcome = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    new Promise((resolve) => setTimeout(() => resolve(pending), 20)),
  ])
  return outcome !== pending
}

describe('loadPart', () => {
  it('passes a part that loads through, without reloading', async () => {
    const page = fakeWindow()
    await expect(loadPart(() => Promise.resolve({ default: 'page' }), page.target)).resolves.toEqual({
      default: 'page',
    })
    expect(page.state.reloads).toBe(0)
  })

  it('reloads once when a part of the old build is gone, and shows nothing meanwhile', async () => {
    let clock = 1_000_000
    const page = fakeWindow()
    expect(await settles(loadPart(chunkGone, page.target, () => clock))).toBe(false)
    expect(page.state.reloads).toBe(1)
    expect(page.storage.get(reloadMarkerKey)).toBe('1000000')

    // The reloaded page (same tab, same sessionStorage) fails again at once: no loop, the error goes on.
    clock += 2_000
    const reloaded = fakeWindow(page.storage)
    await expect(loadPart(chunkGone, reloaded.target, () => clock)).rejects.toThrow(
      /dynamically imported module/,
    )
    expect(reloaded.state.reloads).toBe(0)

    // A later update (after the quiet time) is handled again.
    clock += reloadQuietMs
    expect(await settles(loadPart(chunkGone, reloaded.target, () => clock))).toBe(false)
    expect(reloaded.state.reloads).toBe(1)
  })

  it('still reloads when the browser refuses storage', async () => {
    const page = fakeWindow()
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError')
    }
    const refusing: UpdateWindow = { ...page.target, sessionStorage: { getItem: refuse, setItem: refuse } }
    expect(await settles(loadPart(chunkGone, refusing))).toBe(false)
    expect(page.state.reloads).toBe(1)
  })

  it('does not reload while the browser is offline: the error screen (with its retry) stays', async () => {
    const page = fakeWindow(new Map(), false)
    await expect(loadPart(chunkGone, page.target)).rejects.toThrow(/dynamically imported module/)
    expect(page.state.reloads).toBe(0)
    expect(page.storage.has(reloadMarkerKey)).toBe(false)
  })
})
