/**
 * The URL map. Indonesian paths (people read and share them); pages load on demand (`lazyPage`: React.lazy that
 * survives a replaced build, src/web/app-update.ts) so the first screen only carries the frame.
 */
import { type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import type { PolicyName } from '../domain/access'
import { lazyPage } from './app-update'
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

const LoginPage = lazyPage(() => import('./features/auth/login-page').then((m) => ({ default: m.LoginPage })))
const TotpEnrolmentPage = lazyPage(() =>
  import('./features/auth/totp-enrolment-page').then((m) => ({ default: m.TotpEnrolmentPage })),
)
const PasswordChangeRequiredPage = lazyPage(() =>
  import('./features/auth/password-change-required-page').then((m) => ({
    default: m.PasswordChangeRequiredPage,
  })),
)
const HomePage = lazyPage(() => import('./features/home/home-page').then((m) => ({ default: m.HomePage })))
const UserListPage = lazyPage(() =>
  import('./features/users/user-list-page').then((m) => ({ default: m.UserListPage })),
)
const UserDetailPage = lazyPage(() =>
  import('./features/users/user-detail-page').then((m) => ({ default: m.UserDetailPage })),
)
const AgencyListPage = lazyPage(() =>
  import('./features/agencies/agency-list-page').then((m) => ({ default: m.AgencyListPage })),
)
const AuditTrailPage = lazyPage(() =>
  import('./features/audit/audit-trail-page').then((m) => ({ default: m.AuditTrailPage })),
)
const ElectionListPage = lazyPage(() =>
  import('./features/elections/election-list-page').then((m) => ({ default: m.ElectionListPage })),
)
const ElectionDetailPage = lazyPage(() =>
  import('./features/elections/election-detail-page').then((m) => ({ default: m.ElectionDetailPage })),
)
const ElectionCreatePage = lazyPage(() =>
  import('./features/elections/election-form-page').then((m) => ({ default: m.ElectionCreatePage })),
)
const ElectionEditPage = lazyPage(() =>
  import('./features/elections/election-form-page').then((m) => ({ default: m.ElectionEditPage })),
)
const WorkingCalendarPage = lazyPage(() =>
  import('./features/calendar/working-calendar-page').then((m) => ({ default: m.WorkingCalendarPage })),
)
const UnitTreePage = lazyPage(() =>
  import('./features/units/unit-tree-page').then((m) => ({ default: m.UnitTreePage })),
)
const EmployeeListPage = lazyPage(() =>
  import('./features/employees/employee-list-page').then((m) => ({ default: m.EmployeeListPage })),
)
const EmployeeDetailPage = lazyPage(() =>
  import('./features/employees/employee-detail-page').then((m) => ({ default: m.EmployeeDetailPage })),
)
const EmployeeCreatePage = lazyPage(() =>
  import('./features/employees/employee-form-page').then((m) => ({ default: m.EmployeeCreatePage })),
)
const EmployeeEditPage = lazyPage(() =>
  import('./features/employees/employee-form-page').then((m) => ({ default: m.EmployeeEditPage })),
)
const EmployeeImportPage = lazyPage(() =>
  import('./features/employees/employee-import-page').then((m) => ({ default: m.EmployeeImportPage })),
)
const AccountPage = lazyPage(() =>
  import('./features/account/account-page').then((m) => ({ default: m.AccountPage })),
)
// pledges (issue #4): the public signing and receipt verification pages
const PledgeSignPage = lazyPage(() =>
  import('./features/pledges/pledge-sign-page').then((m) => ({ default: m.PledgeSignPage })),
)
const PledgeVerifyPage = lazyPage(() =>
  import('./features/pledges/pledge-verify-page').then((m) => ({ default: m.PledgeVerifyPage })),
)
// end pledges
// events (issue #4): staff pages, the check-in screen and the public self check-in
const EventListPage = lazyPage(() =>
  import('./features/events/event-list-page').then((m) => ({ default: m.EventListPage })),
)
const EventCreatePage = lazyPage(() =>
  import('./features/events/event-form-page').then((m) => ({ default: m.EventCreatePage })),
)
const EventEditPage = lazyPage(() =>
  import('./features/events/event-form-page').then((m) => ({ default: m.EventEditPage })),
)
const EventDetailPage = lazyPage(() =>
  import('./features/events/event-detail-page').then((m) => ({ default: m.EventDetailPage })),
)
const EventScreenPage = lazyPage(() =>
  import('./features/events/event-screen-page').then((m) => ({ default: m.EventScreenPage })),
)
const CheckInPage = lazyPage(() =>
  import('./features/events/check-in-page').then((m) => ({ default: m.CheckInPage })),
)
// end events
// pledges (issue #4): the staff pages for templates, campaigns, coverage and code slips
const CampaignListPage = lazyPage(() =>
  import('./features/pledges/campaign-list-page').then((m) => ({ default: m.CampaignListPage })),
)
const CampaignDetailPage = lazyPage(() =>
  import('./features/pledges/campaign-detail-page').then((m) => ({ default: m.CampaignDetailPage })),
)
const CampaignCreatePage = lazyPage(() =>
  import('./features/pledges/campaign-form-page').then((m) => ({ default: m.CampaignCreatePage })),
)
const CampaignEditPage = lazyPage(() =>
  import('./features/pledges/campaign-form-page').then((m) => ({ default: m.CampaignEditPage })),
)
const CodeSlipsPage = lazyPage(() =>
  import('./features/pledges/code-slips-page').then((m) => ({ default: m.CodeSlipsPage })),
)
const TemplateListPage = lazyPage(() =>
  import('./features/pledges/template-list-page').then((m) => ({ default: m.TemplateListPage })),
)
const TemplateDetailPage = lazyPage(() =>
  import('./features/pledges/template-detail-page').then((m) => ({ default: m.TemplateDetailPage })),
)
// end pledges staff pages
// receipt signing certificate of the agency (issue #4)
const ReceiptCertificatePage = lazyPage(() =>
  import('./features/agencies/receipt-certificate-page').then((m) => ({ default: m.ReceiptCertificatePage })),
)
// API keys of other complaint channels (issue #5)
const IntakeChannelsPage = lazyPage(() =>
  import('./features/agencies/intake-channels-page').then((m) => ({ default: m.IntakeChannelsPage })),
)
// staff inbox of reports (issue #5)
const ReportInboxPage = lazyPage(() =>
  import('./features/reports-staff/report-inbox-page').then((m) => ({ default: m.ReportInboxPage })),
)
const ReportDetailPage = lazyPage(() =>
  import('./features/reports-staff/report-detail-page').then((m) => ({ default: m.ReportDetailPage })),
)
const RevealRequestsPage = lazyPage(() =>
  import('./features/reports-staff/reveal-requests-page').then((m) => ({ default: m.RevealRequestsPage })),
)
// end staff inbox

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
      {/* pledges (issue #4): public, no session */}
      <Route path="/ikrar/:code" element={<PledgeSignPage />} />
      <Route path="/verify/:verifyCode" element={<PledgeVerifyPage />} />
      {/* events (issue #4): public self check-in; the full-screen check-in screen outside the staff frame */}
      <Route path="/hadir/:token" element={<CheckInPage />} />
      <Route
        path="/kegiatan/:eventId/layar"
        element={
          <RequireFullSession>
            <RequirePolicy policy="events.manage" fallback={<NoAccessPage />}>
              <EventScreenPage />
            </RequirePolicy>
          </RequireFullSession>
        }
      />
      {/* end events */}
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
        {/* pledges (issue #4): staff pages, for those who may read pledges */}
        <Route
          path="ikrar"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <CampaignListPage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/templat"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <TemplateListPage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/templat/:templateId"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <TemplateDetailPage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/kampanye/baru"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <CampaignCreatePage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/kampanye/:campaignId"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <CampaignDetailPage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/kampanye/:campaignId/ubah"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <CampaignEditPage />
            </RequirePolicy>
          }
        />
        <Route
          path="ikrar/kampanye/:campaignId/slip-kode"
          element={
            <RequirePolicy policy="pledges.read" fallback={<NoAccessPage />}>
              <CodeSlipsPage />
            </RequirePolicy>
          }
        />
        {/* end pledges staff pages */}
        {/* events (issue #4) */}
        <Route
          path="kegiatan"
          element={
            <RequirePolicy policy="events.read" fallback={<NoAccessPage />}>
              <EventListPage />
            </RequirePolicy>
          }
        />
        <Route
          path="kegiatan/baru"
          element={
            <RequirePolicy policy="events.manage" fallback={<NoAccessPage />}>
              <EventCreatePage />
            </RequirePolicy>
          }
        />
        <Route
          path="kegiatan/:eventId"
          element={
            <RequirePolicy policy="events.read" fallback={<NoAccessPage />}>
              <EventDetailPage />
            </RequirePolicy>
          }
        />
        <Route
          path="kegiatan/:eventId/ubah"
          element={
            <RequirePolicy policy="events.manage" fallback={<NoAccessPage />}>
              <EventEditPage />
            </RequirePolicy>
          }
        />
        {/* end events */}
        {/* receipt signing certificate of the agency (issue #4) */}
        <Route
          path="sertifikat-tanda-terima"
          element={
            <RequirePolicy policy="agencies.signing" fallback={<NoAccessPage />}>
              <ReceiptCertificatePage />
            </RequirePolicy>
          }
        />
        {/* API keys of other complaint channels (issue #5) */}
        <Route
          path="kanal-pengaduan"
          element={
            <RequirePolicy policy="intake.channels" fallback={<NoAccessPage />}>
              <IntakeChannelsPage />
            </RequirePolicy>
          }
        />
        {/* staff inbox of reports (issue #5) */}
        <Route
          path="pengaduan"
          element={
            <RequirePolicy policy="reports.read" fallback={<NoAccessPage />}>
              <ReportInboxPage />
            </RequirePolicy>
          }
        />
        <Route
          path="pengaduan/permintaan-identitas"
          element={
            <RequirePolicy policy="reports.reveal_approve" fallback={<NoAccessPage />}>
              <RevealRequestsPage />
            </RequirePolicy>
          }
        />
        <Route
          path="pengaduan/:reportId"
          element={
            <RequirePolicy policy="reports.read" fallback={<NoAccessPage />}>
              <ReportDetailPage />
            </RequirePolicy>
          }
        />
        {/* end staff inbox */}
        <Route path="akun" element={<AccountPage />} />
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  )
}
