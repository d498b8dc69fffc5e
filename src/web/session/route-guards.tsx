import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import type { NavigationKey } from '../../domain/access'
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

/**
 * Staff pages: signed out → /masuk; a session still enrolling its second factor → /daftar-autentikator; a
 * temporary password not yet replaced → /ganti-kata-sandi.
 */
export function RequireFullSession({ children }: GuardProps) {
  const { state, refresh } = useSessionContext()
  const location = useLocation()
  switch (state.status) {
    case 'loading':
      return <LoaderBlock isFullPage />
    case 'unavailable':
      return <ServiceUnavailable error={state.error} onRetry={() => void refresh()} />
    case 'signed_out':
      return <Navigate to={signInPath} replace state={{ from: location } satisfies ReturnState} />
    case 'signed_in':
      if (state.session.stage === 'second_factor_enrolment') {
        return <Navigate to={enrolmentPath} replace state={{ from: location } satisfies ReturnState} />
      }
      if (state.session.stage === 'password_change') {
        return <Navigate to={passwordChangePath} replace state={{ from: location } satisfies ReturnState} />
      }
      return children
  }
}

/** The forced password change: only while the session is limited to replacing a temporary password. */
export function RequirePasswordChange({ children }: GuardProps) {
  const { state, refresh } = useSessionContext()
  const location = useLocation()
  switch (state.status) {
    case 'loading':
      return <LoaderBlock isFullPage />
    case 'unavailable':
      return <ServiceUnavailable error={state.error} onRetry={() => void refresh()} />
    case 'signed_out':
      return <Navigate to={signInPath} replace state={{ from: location } satisfies ReturnState} />
    case 'signed_in':
      if (state.session.stage === 'second_factor_enrolment') {
        return <Navigate to={enrolmentPath} replace state={location.state as ReturnState | null} />
      }
      if (state.session.stage !== 'password_change')
        return <Navigate to={returnPathOf(location.state)} replace />
      return children
  }
}

/** The enrolment page: any signed-in session without a second factor yet. */
export function RequireEnrolment({ children }: GuardProps) {
  const { state, refresh } = useSessionContext()
  const location = useLocation()
  switch (state.status) {
    case 'loading':
      return <LoaderBlock isFullPage />
    case 'unavailable':
      return <ServiceUnavailable error={state.error} onRetry={() => void refresh()} />
    case 'signed_out':
      return <Navigate to={signInPath} replace state={{ from: location } satisfies ReturnState} />
    case 'signed_in':
      if (state.session.user.totpEnabled) return <Navigate to={returnPathOf(location.state)} replace />
      return children
  }
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
