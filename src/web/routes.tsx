/**
 * The URL map. Indonesian paths (people read and share them); pages load on demand (React.lazy) so the
 * first screen only carries the frame.
 */
import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import {
  RequireArea,
  RequireEnrolment,
  RequireFullSession,
  RequirePasswordChange,
} from './session/route-guards'
import { useSessionContext } from './session/session-context'
import { NoAccessPage } from './shell/no-access-page'
import { NotFoundPage } from './shell/not-found-page'
import { PublicFrame } from './shell/public-frame'
import { StaffLayout } from './shell/staff-layout'
import { LoaderBlock } from './ui/full-page-loader'

const LoginPage = lazy(() => import('./features/auth/login-page').then((m) => ({ default: m.LoginPage })))
const TotpEnrolmentPage = lazy(() =>
  import('./features/auth/totp-enrolment-page').then((m) => ({ default: m.TotpEnrolmentPage })),
)
const PasswordChangeRequiredPage = lazy(() =>
  import('./features/auth/password-change-required-page').then((m) => ({
    default: m.PasswordChangeRequiredPage,
  })),
)
const HomePage = lazy(() => import('./features/home/home-page').then((m) => ({ default: m.HomePage })))
const UserListPage = lazy(() =>
  import('./features/users/user-list-page').then((m) => ({ default: m.UserListPage })),
)
const UserDetailPage = lazy(() =>
  import('./features/users/user-detail-page').then((m) => ({ default: m.UserDetailPage })),
)
const AgencyListPage = lazy(() =>
  import('./features/agencies/agency-list-page').then((m) => ({ default: m.AgencyListPage })),
)
const AuditTrailPage = lazy(() =>
  import('./features/audit/audit-trail-page').then((m) => ({ default: m.AuditTrailPage })),
)
const AccountPage = lazy(() =>
  import('./features/account/account-page').then((m) => ({ default: m.AccountPage })),
)

/** 404 inside the staff frame when signed in, in the plain frame otherwise. */
function NotFoundRoute() {
  const { state } = useSessionContext()
  if (state.status === 'loading') return <LoaderBlock isFullPage />
  if (state.status === 'signed_in' && state.session.stage === 'full') {
    return (
      <StaffLayout>
        <NotFoundPage />
      </StaffLayout>
    )
  }
  return (
    <PublicFrame size="sm">
      <NotFoundPage />
    </PublicFrame>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
      <Route
        path="/daftar-autentikator"
        element={
          <RequireEnrolment>
            <TotpEnrolmentPage />
          </RequireEnrolment>
        }
      />
      <Route
        path="/ganti-kata-sandi"
        element={
          <RequirePasswordChange>
            <PasswordChangeRequiredPage />
          </RequirePasswordChange>
        }
      />
      <Route
        element={
          <RequireFullSession>
            <StaffLayout />
          </RequireFullSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="pengguna"
          element={
            <RequireArea area="users" fallback={<NoAccessPage />}>
              <UserListPage />
            </RequireArea>
          }
        />
        <Route
          path="pengguna/:userId"
          element={
            <RequireArea area="users" fallback={<NoAccessPage />}>
              <UserDetailPage />
            </RequireArea>
          }
        />
        <Route
          path="instansi"
          element={
            <RequireArea area="agencies" fallback={<NoAccessPage />}>
              <AgencyListPage />
            </RequireArea>
          }
        />
        <Route
          path="jejak-audit"
          element={
            <RequireArea area="audit" fallback={<NoAccessPage />}>
              <AuditTrailPage />
            </RequireArea>
          }
        />
        <Route path="akun" element={<AccountPage />} />
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  )
}
