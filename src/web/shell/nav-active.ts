/**
 * Which menu entry is the current page's: among the entries shown, the most specific one whose path is the page or
 * one of its ancestors. A prefix match alone lit both "Laporan masuk" (/pengaduan) and "Permintaan identitas"
 * (/pengaduan/permintaan-identitas) on the latter.
 */
const covers = (path: string, pathname: string) =>
  path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)

/** The path of the one active entry, or null when no shown entry covers the page. */
export function activeNavPath(paths: readonly string[], pathname: string): string | null {
  let best: string | null = null
  for (const path of paths)
    if (covers(path, pathname) && (best === null || path.length > best.length)) best = path
  return best
}
