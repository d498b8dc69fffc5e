import type { ReactNode } from 'react'
import { Navigate, useLocation, type Location } from 'react-router'
import type { NavigationKey } from '../../domain/access'
import type { SessionView } from '../../features/auth/auth.schema'
import { LoaderBlock } from '../ui/full-page-loader'
import { ServiceUnavailable } from '../ui/service-unavailable'
import { returnPathOf, type ReturnState } from './return-path'
import { useSessionContext } from './session-context'

export const signInPath = '/masuk'
export const enrolmentPath = '/daftar-autentikator'
export const passwordChangePath = '/ganti-kata-sandi'

export interface GuardProps {
  readonly children: ReactNode
}

/** Where a signed-in session must go instead of the guarded page, or null to show the page. */
type Redirect = (session: SessionView, location: Location) => string | null

interface SessionGateProps extends GuardProps {
  readonly redirect: Redirect
  /** Carry the original destination along (true), or pass on the one the current page was given (false). */
  readonly remembersDestination: boolean
}

/** Loading, service trouble and signed-out are handled alike by every guard; each guard adds its redirect. */
function SessionGate({ children, redirect, remembersDestination }: SessionGateProps) {
  const { state, refresh } = useSessionContext()
  const location = useLocation()
  switch (state.status) {
    case 'loading':
      return <LoaderBlock isFullPage />
    case 'unavailable':
      return <ServiceUnavailable error={state.error} onRetry={() => void refresh()} />
    case 'signed_out':
      return <Navigate to={signInPath} replace state={{ from: location } satisfies ReturnState} />
    case 'signed_in': {
      const target = redirect(state.session, location)
      if (target === null) return children
      const carried = remembersDestination
        ? ({ from: location } satisfies ReturnState)
        : (location.state as ReturnState | null)
      return <Navigate to={target} replace state={carried} />
    }
  }
}

/** The step a session still has to finish before the staff pages, if any. */
function pendingStep(session: SessionView): string | null {
  if (session.stage === 'second_factor_enrolment') return enrolmentPath
  if (session.stage === 'password_change') return passwordChangePath
  return null
}

/**
 * Staff pages: signed out → /masuk; a session still enrolling its second factor → /daftar-autentikator; a
 * temporary password not yet replaced → /ganti-kata-sandi.
 */
export function RequireFullSession({ children }: GuardProps) {
  return (
    <SessionGate redirect={(session) => pendingStep(session)} remembersDestination>
      {children}
    </SessionGate>
  )
}

/** The enrolment page: any signed-in session without a second factor yet. */
export function RequireEnrolment({ children }: GuardProps) {
  return (
    <SessionGate
      redirect={(session, location) => (session.user.totpEnabled ? returnPathOf(location.state) : null)}
      remembersDestination={false}
    >
      {children}
    </SessionGate>
  )
}

/** The forced password change: only while the session is limited to replacing a temporary password. */
export function RequirePasswordChange({ children }: GuardProps) {
  return (
    <SessionGate
      redirect={(session, location) =>
        session.stage === 'password_change' ? null : (pendingStep(session) ?? returnPathOf(location.state))
      }
      remembersDestination={false}
    >
      {children}
    </SessionGate>
  )
}

export interface RequireAreaProps extends GuardProps {
  readonly area: NavigationKey
  readonly fallback: ReactNode
}

/** Shows `fallback` (a "no access" page) when the session's navigation does not list the area. */
export function RequireArea({ area, fallback, children }: RequireAreaProps) {
  const { state } = useSessionContext()
  if (state.status !== 'signed_in' || !state.session.navigation.includes(area)) return fallback
  return children
}
