import type { Location } from 'react-router'

/** Router state carried to /masuk (and on to /daftar-autentikator) so sign-in returns the user where they were. */
export interface ReturnState {
  readonly from?: Pick<Location, 'pathname' | 'search' | 'hash'>
}

/** Where to go after signing in: the remembered page, never back to the sign-in pages, never off-site. */
export const returnPathOf = (state: unknown): string => {
  const from = (state as ReturnState | null)?.from
  if (
    !from ||
    typeof from.pathname !== 'string' ||
    !from.pathname.startsWith('/') ||
    from.pathname.startsWith('//')
  ) {
    return '/'
  }
  if (from.pathname === '/masuk' || from.pathname === '/daftar-autentikator') return '/'
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`
}
