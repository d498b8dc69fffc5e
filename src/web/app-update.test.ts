import { describe, expect, it } from 'vitest'
import { reloadMarkerKey, reloadQuietMs, reloadWhenBuildReplaced, type UpdateWindow } from './app-update'

/** A window with a real EventTarget and an in-memory sessionStorage; reload() only counts (no page to reload). */
function fakeWindow(storage: Map<string, string> = new Map()) {
  const events = new EventTarget()
  const state = { reloads: 0 }
  const target: UpdateWindow = {
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    location: { reload: () => void state.reloads++ },
  }
  const failChunk = () => {
    const event = new Event('vite:preloadError', { cancelable: true })
    events.dispatchEvent(event)
    return event.defaultPrevented
  }
  return { target, state, storage, failChunk }
}

describe('reloadWhenBuildReplaced', () => {
  it('reloads once when a part of the old build cannot be loaded, and keeps the error from being thrown', () => {
    let clock = 1_000_000
    const page = fakeWindow()
    reloadWhenBuildReplaced(page.target, () => clock)
    expect(page.failChunk()).toBe(true)
    expect(page.state.reloads).toBe(1)
    expect(page.storage.get(reloadMarkerKey)).toBe('1000000')

    // The reloaded page (same tab, same sessionStorage) fails again at once: no loop, the error goes on.
    clock += 2_000
    const reloaded = fakeWindow(page.storage)
    reloadWhenBuildReplaced(reloaded.target, () => clock)
    expect(reloaded.failChunk()).toBe(false)
    expect(reloaded.state.reloads).toBe(0)

    // A later update (after the quiet time) is handled again.
    clock += reloadQuietMs
    expect(reloaded.failChunk()).toBe(true)
    expect(reloaded.state.reloads).toBe(1)
  })

  it('still reloads when the browser refuses storage', () => {
    const page = fakeWindow()
    const refusing: UpdateWindow = {
      ...page.target,
      sessionStorage: {
        getItem: () => {
          throw new DOMException('denied', 'SecurityError')
        },
        setItem: () => {
          throw new DOMException('denied', 'SecurityError')
        },
      },
    }
    reloadWhenBuildReplaced(refusing)
    expect(page.failChunk()).toBe(true)
    expect(page.state.reloads).toBe(1)
  })
})
