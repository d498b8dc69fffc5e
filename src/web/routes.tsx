/**
 * The URL map. Indonesian paths (people read and share them); pages load on demand (React.lazy) so the
 * first screen only carries the frame.
 */
import { lazy, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import type { PolicyName } from '../domain/access'
import { mayUse } from './session/actor'
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
const ElectionListPage = lazy(() =>
  import('./features/elections/election-list-page').then((m) => ({ default: m.ElectionListPage })),
)
const ElectionDetailPage = lazy(() =>
  import('./features/elections/election-detail-page').then((m) => ({ default: m.ElectionDetailPage })),
)
const ElectionCreatePage = lazy(() =>
  import('./features/elections/election-form-page').then((m) => ({ default: m.ElectionCreatePage })),
)
const ElectionEditPage = lazy(() =>
  import('./features/elections/election-form-page').then((m) => ({ default: m.ElectionEditPage })),
)
const WorkingCalendarPage = lazy(() =>
  import('./features/calendar/working-calendar-page').then((m) => ({ default: m.WorkingCalendarPage })),
)
const UnitTreePage = lazy(() =>
  import('./features/units/unit-tree-page').then((m) => ({ default: m.UnitTreePage })),
)
const EmployeeListPage = lazy(() =>
  import('./features/employees/employee-list-page').then((m) => ({ default: m.EmployeeListPage })),
)
const EmployeeDetailPage = lazy(() =>
  import('./features/employees/employee-detail-page').then((m) => ({ default: m.EmployeeDetailPage })),
)
const EmployeeCreatePage = lazy(() =>
  import('./features/employees/employee-form-page').then((m) => ({ default: m.EmployeeCreatePage })),
)
const EmployeeEditPage = lazy(() =>
  import('./features/employees/employee-form-page').then((m) => ({ default: m.EmployeeEditPage })),
)
const EmployeeImportPage = lazy(() =>
  import('./features/employees/employee-import-page').then((m) => ({ default: m.EmployeeImportPage })),
)
const AccountPage = lazy(() =>
  import('./features/account/account-page').then((m) => ({ default: m.AccountPage })),
)

/** Pages inside an area that need more than reading it (importing, editing): a "no access" page otherwise. */
function RequirePolicy({
  policy,
  fallback,
  children,
}: {
  readonly policy: PolicyName
  readonly fallback: ReactNode
  readonly children: ReactNode
}) {
  const { state } = useSessionContext()
  if (state.status !== 'signed_in' || !mayUse(state.session, policy)) return fallback
  return children
}

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
          path="unit-kerja"
          element={
            <RequireArea area="units" fallback={<NoAccessPage />}>
              <UnitTreePage />
            </RequireArea>
          }
        />
        <Route
          path="pegawai"
          element={
            <RequireArea area="employees" fallback={<NoAccessPage />}>
              <EmployeeListPage />
            </RequireArea>
          }
        />
        <Route
          path="pegawai/impor"
          element={
            <RequireArea area="employees" fallback={<NoAccessPage />}>
              <RequirePolicy policy="roster.import" fallback={<NoAccessPage />}>
                <EmployeeImportPage />
              </RequirePolicy>
            </RequireArea>
          }
        />
        <Route
          path="pegawai/baru"
          element={
            <RequireArea area="employees" fallback={<NoAccessPage />}>
              <RequirePolicy policy="roster.manage" fallback={<NoAccessPage />}>
                <EmployeeCreatePage />
              </RequirePolicy>
            </RequireArea>
          }
        />
        <Route
          path="pegawai/:employeeId"
          element={
            <RequireArea area="employees" fallback={<NoAccessPage />}>
              <EmployeeDetailPage />
            </RequireArea>
          }
        />
        <Route
          path="pegawai/:employeeId/ubah"
          element={
            <RequireArea area="employees" fallback={<NoAccessPage />}>
              <RequirePolicy policy="roster.manage" fallback={<NoAccessPage />}>
                <EmployeeEditPage />
              </RequirePolicy>
            </RequireArea>
          }
        />
        <Route
          path="pemilu"
          element={
            <RequireArea area="elections" fallback={<NoAccessPage />}>
              <ElectionListPage />
            </RequireArea>
          }
        />
        <Route
          path="pemilu/baru"
          element={
            <RequireArea area="elections" fallback={<NoAccessPage />}>
              <ElectionCreatePage />
            </RequireArea>
          }
        />
        <Route
          path="pemilu/:electionId"
          element={
            <RequireArea area="elections" fallback={<NoAccessPage />}>
              <ElectionDetailPage />
            </RequireArea>
          }
        />
        <Route
          path="pemilu/:electionId/ubah"
          element={
            <RequireArea area="elections" fallback={<NoAccessPage />}>
              <ElectionEditPage />
            </RequireArea>
          }
        />
        <Route
          path="kalender-kerja"
          element={
            <RequireArea area="calendar" fallback={<NoAccessPage />}>
              <WorkingCalendarPage />
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
