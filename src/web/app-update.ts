/**
 * After an update replaced the build on the server, a page still running the old one cannot load its next part
 * (the old chunk names are gone: "Failed to fetch dynamically imported module"). Pages are loaded through
 * `lazyPage`: when loading fails, the page reloads once (which fetches the new build and opens the same address)
 * and the failed part never settles, so nothing renders an error in the moment before the reload. A second failure
 * within a short while goes on to the error screen instead of reloading in a loop, and so does a failure while the
 * browser is offline (a reload would only swap the app for the browser's own offline page).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

export const reloadMarkerKey = 'netra.reloaded-for-update-at'
export const reloadQuietMs = 10_000

export interface UpdateWindow {
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>
  readonly location: Pick<Location, 'reload'>
  readonly navigator: Pick<Navigator, 'onLine'>
}

/** Reloads the page unless it did so for the same reason a moment ago; true when it reloads. */
function reloadForUpdate(target: UpdateWindow = window, now: () => number = Date.now): boolean {
  if (!target.navigator.onLine) return false
  let last = 0
  try {
    last = Number(target.sessionStorage.getItem(reloadMarkerKey) ?? 0) || 0
  } catch {
    // storage disabled: no loop protection across the reload, the page still recovers
  }
  if (now() - last < reloadQuietMs) return false
  try {
    target.sessionStorage.setItem(reloadMarkerKey, String(now()))
  } catch {
    // storage disabled: reload anyway
  }
  target.location.reload()
  return true
}

/** `load()`, or, when it fails, a reload and a promise that never settles (the page is going away). */
export function loadPart<T>(
  load: () => Promise<T>,
  target: UpdateWindow = window,
  now: () => number = Date.now,
): Promise<T> {
  return load().catch((error: unknown) => {
    if (reloadForUpdate(target, now)) return new Promise<T>(() => undefined)
    throw error
  })
}

/** React.lazy for a page, recovering from a replaced build (see above). Typed as React.lazy is. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyPage<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): LazyExoticComponent<T> {
  return lazy(() => loadPart(load))
}
