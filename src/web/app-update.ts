/**
 * After an update replaced the build on the server, a page still running the old one cannot load its next part
 * (the old chunk names are gone: "Failed to fetch dynamically imported module"). Vite announces that as
 * `vite:preloadError`; the page then reloads once, which fetches the new build and opens the same address.
 * A second failure within a short while is left to the error screen instead of reloading in a loop.
 */
export const reloadMarkerKey = 'netra.reloaded-for-update-at'
export const reloadQuietMs = 10_000

export interface UpdateWindow {
  addEventListener(type: 'vite:preloadError', listener: (event: Event) => void): void
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>
  readonly location: Pick<Location, 'reload'>
}

function lastReload(storage: UpdateWindow['sessionStorage']): number {
  try {
    return Number(storage.getItem(reloadMarkerKey) ?? 0) || 0
  } catch {
    return 0 // storage disabled: no loop protection across the reload, the page still recovers
  }
}

export function reloadWhenBuildReplaced(target: UpdateWindow = window, now: () => number = Date.now): void {
  target.addEventListener('vite:preloadError', (event) => {
    if (now() - lastReload(target.sessionStorage) < reloadQuietMs) return
    try {
      target.sessionStorage.setItem(reloadMarkerKey, String(now()))
    } catch {
      // storage disabled: reload anyway
    }
    event.preventDefault()
    target.location.reload()
  })
}
