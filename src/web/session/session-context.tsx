/**
 * The signed-in session, loaded once from GET /api/v1/auth/session and replaced by whatever sign-in, TOTP
 * enrolment or a refresh returns. Keeps the CSRF token of the API client in step, and turns an API 401 into
 * "signed out" so the route guards send the user to /masuk (remembering where they were).
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SessionView } from '../../features/auth/auth.schema'
import {
  apiGet,
  apiPost,
  isApiError,
  setCsrfToken,
  subscribeToAuthFailures,
  type ApiError,
} from '../api/client'

/** Why nobody is signed in: shown as a notice on the sign-in page. */
export type SignedOutReason = 'none' | 'signed_out' | 'session_expired' | 'session_ended'

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'unavailable'; readonly error: ApiError }
  | { readonly status: 'signed_out'; readonly reason: SignedOutReason }
  | { readonly status: 'signed_in'; readonly session: SessionView }

export interface SessionContextValue {
  readonly state: SessionState
  /** Adopts a session returned by the API (sign-in, TOTP confirmation). */
  readonly applySession: (session: SessionView) => void
  readonly signOut: () => Promise<void>
  readonly refresh: () => Promise<void>
}

const SessionContext = createContext<SessionContextValue | null>(null)

const sessionPath = '/api/v1/auth/session'

function reasonOf(error: ApiError, wasSignedIn: boolean): SignedOutReason {
  if (error.details.reason === 'session_expired') return 'session_expired'
  return wasSignedIn ? 'session_ended' : 'none'
}

export interface SessionProviderProps {
  readonly children: ReactNode
}

export function SessionProvider({ children }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  const applySession = useCallback((session: SessionView) => {
    setCsrfToken(session.csrfToken)
    setState({ status: 'signed_in', session })
  }, [])

  const endSession = useCallback((reason: SignedOutReason) => {
    setCsrfToken(null)
    setState({ status: 'signed_out', reason })
  }, [])

  const load = useCallback(
    (wasSignedIn: boolean): Promise<void> =>
      apiGet<SessionView>(sessionPath, { announceAuthFailure: false }).then(
        applySession,
        (error: unknown) => {
          if (isApiError(error) && error.status === 401) endSession(reasonOf(error, wasSignedIn))
          else if (isApiError(error)) setState({ status: 'unavailable', error })
          else throw error
        },
      ),
    [applySession, endSession],
  )

  useEffect(() => {
    void load(false)
  }, [load])

  const isSignedIn = state.status === 'signed_in'
  useEffect(
    () =>
      subscribeToAuthFailures((error) => {
        if (error.code === 'auth.unauthenticated') endSession(reasonOf(error, isSignedIn))
        // The session still needs its second factor (e.g. the TOTP was reset meanwhile): reload it; the route
        // guard then sends the user to enrolment.
        else void load(isSignedIn)
      }),
    [endSession, load, isSignedIn],
  )

  // Coming back to a tab after a break: ask the server at once, so an idle-expired session shows the sign-in
  // page with its notice instead of a stale screen that fails on the next click.
  useEffect(() => {
    if (!isSignedIn) return
    const handleVisibilityChange = () => {
      if (document.visibilityState === 'visible') void load(true)
    }
    document.addEventListener('visibilitychange', handleVisibilityChange)
    return () => document.removeEventListener('visibilitychange', handleVisibilityChange)
  }, [isSignedIn, load])

  const signOut = useCallback(async () => {
    try {
      await apiPost<null>('/api/v1/auth/logout', undefined, { announceAuthFailure: false })
    } catch (error) {
      // Already signed out on the server (expired, revoked): the outcome the user wanted.
      if (!isApiError(error) || error.status !== 401) throw error
    }
    endSession('signed_out')
  }, [endSession])

  const refresh = useCallback(() => load(isSignedIn), [load, isSignedIn])

  const value = useMemo(
    () => ({ state, applySession, signOut, refresh }),
    [state, applySession, signOut, refresh],
  )
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSessionContext(): SessionContextValue {
  const context = use(SessionContext)
  if (!context) throw new Error('useSessionContext must be used inside <SessionProvider>')
  return context
}

/** The signed-in session; only for components rendered behind <RequireSignedIn>. */
export function useSession(): SessionView {
  const { state } = useSessionContext()
  if (state.status !== 'signed_in') throw new Error('useSession must be used behind <RequireSignedIn>')
  return state.session
}
