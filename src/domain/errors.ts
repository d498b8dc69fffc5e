/**
 * Every failure the product can explain carries a stable code `area.snake_reason`. The server maps codes to
 * HTTP statuses in one table (src/server/error-handler.ts); the web translates `errors.<code>`.
 */
export const requestErrorCodes = [
  'request.invalid',
  'request.malformed',
  'request.too_large',
  'request.unsupported_media_type',
  'request.rate_limited',
  'route.not_found',
  'internal',
] as const

export const authErrorCodes = [
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.csrf_invalid',
  'auth.second_factor_required',
  'auth.password_change_required',
  'auth.totp_invalid',
  'auth.totp_already_enabled',
  'auth.totp_not_started',
  'auth.password_weak',
  'auth.current_password_incorrect',
  'auth.account_disabled',
] as const

export const userErrorCodes = [
  'user.not_found',
  'user.username_taken',
  'user.role_invalid',
  'user.cannot_change_self',
] as const

export const agencyErrorCodes = ['agency.not_found', 'agency.slug_taken'] as const

// --- elections and working-day calendar (issue #3) ---
export const electionErrorCodes = [
  'election.not_found',
  'election.dates_invalid',
  'election.region_invalid',
  'election.party_not_found',
  'election.party_ballot_number_taken',
  'election.party_in_use',
  'election.candidate_not_found',
  'election.candidate_ballot_number_taken',
  'election.candidate_office_invalid',
  'election.coalition_invalid',
  'election.hashtag_invalid',
] as const
export type ElectionErrorCode = (typeof electionErrorCodes)[number]

export const calendarErrorCodes = [
  'calendar.entry_not_found',
  'calendar.entry_exists',
  'calendar.already_holiday',
  'calendar.not_a_holiday',
  'calendar.date_invalid',
  'calendar.working_days_invalid',
] as const
export type CalendarErrorCode = (typeof calendarErrorCodes)[number]
// --- end elections and calendar ---

// --- units and employees (issue #3) ---
export const unitErrorCodes = [
  'unit.not_found',
  'unit.code_taken',
  'unit.parent_invalid',
  'unit.parent_inactive',
  'unit.move_cycle',
  'unit.region_code_unknown',
  'unit.head_invalid',
] as const
export type UnitErrorCode = (typeof unitErrorCodes)[number]

export const employeeErrorCodes = [
  'employee.not_found',
  'employee.nip_invalid',
  'employee.nip_mismatch',
  'employee.nik_invalid',
  'employee.field_required',
  'employee.field_invalid',
  'employee.nip_taken',
  'employee.unit_invalid',
  'employee.unit_inactive',
  'employee.superior_invalid',
  'employee.superior_cycle',
  'employee.social_account_not_found',
  'employee.social_account_taken',
] as const
export type EmployeeErrorCode = (typeof employeeErrorCodes)[number]
// --- end units and employees ---

// --- employee import and export (issue #3) ---
export const employeeImportErrorCodes = [
  'import.file_unreadable',
  'import.not_found',
  'import.in_progress',
  'import.file_expired',
] as const
export type EmployeeImportErrorCode = (typeof employeeImportErrorCodes)[number]
// --- end employee import and export ---

// --- pledges (issue #4) ---
export const pledgeErrorCodes = [
  'pledge.template_not_found',
  'pledge.template_archived',
  'pledge.template_modified',
  'pledge.campaign_not_found',
  'pledge.campaign_not_draft',
  'pledge.campaign_already_open',
  'pledge.campaign_not_open',
  'pledge.campaign_dates_invalid',
  'pledge.election_invalid',
  'pledge.target_invalid',
  'pledge.target_empty',
  'pledge.target_not_found',
  'pledge.code_invalid',
  'pledge.code_used',
  'pledge.code_locked',
  'pledge.window_closed',
  'pledge.identity_mismatch',
  'pledge.name_mismatch',
  'pledge.signature_image_invalid',
  'pledge.already_signed',
  'pledge.signature_not_found',
  'pledge.already_revoked',
  'pledge.verification_not_found',
  'pledge.receipt_pending',
  'receipt.not_a_pdf',
] as const
export type PledgeErrorCode = (typeof pledgeErrorCodes)[number]
// --- end pledges ---

// --- events (issue #4) ---
export const eventErrorCodes = [
  'event.not_found',
  'event.file_not_found',
  'event.attendance_not_found',
  'event.dates_invalid',
  'event.election_invalid',
  'event.leader_invalid',
  'event.apel_only',
  'event.status_invalid',
  'event.cancelled',
  'event.record_signed',
  'event.already_signed',
  'event.already_checked_in',
  'event.check_in_token_invalid',
  'event.check_in_token_expired',
  'event.identity_mismatch',
  'event.card_token_invalid',
  'event.sheet_no_nip_column',
] as const
export type EventErrorCode = (typeof eventErrorCodes)[number]
// events: quizzes
export const eventQuizErrorCodes = [
  'event.quiz_not_found',
  'event.quiz_invalid',
  'event.quiz_locked',
  'event.quiz_answers_invalid',
  'event.quiz_already_answered',
  'event.quiz_ticket_invalid',
  'event.quiz_ticket_expired',
] as const
export type EventQuizErrorCode = (typeof eventQuizErrorCodes)[number]
// --- end events ---

// --- receipt signing certificates (issue #4) ---
export const signingCertificateErrorCodes = [
  'certificate.not_found',
  'certificate.not_pkcs12',
  'certificate.password_wrong',
  'certificate.unreadable',
  'certificate.contents_invalid',
  'certificate.key_unsupported',
  'certificate.expired',
  'certificate.not_yet_valid',
] as const
export type SigningCertificateErrorCode = (typeof signingCertificateErrorCodes)[number]
// --- end receipt signing certificates ---

// --- intake: public reports (issue #5) ---
export const reportErrorCodes = [
  'report.not_found',
  'report.file_type_unsupported',
  'report.file_too_large',
  'report.file_empty',
  'report.image_unreadable',
  'report.too_many_files',
] as const
export type ReportErrorCode = (typeof reportErrorCodes)[number]
// --- end intake ---

// --- intake: staff inbox and reveal requests (issue #5) ---
export const reportStaffErrorCodes = [
  'report.status_invalid',
  'report.duplicate_invalid',
  'report.employee_invalid',
  'report.file_not_found',
  'report.reveal_not_confidential',
  'report.reveal_pending',
  'report.reveal_not_found',
  'report.reveal_not_pending',
  'report.reveal_self_approval',
] as const
export type ReportStaffErrorCode = (typeof reportStaffErrorCodes)[number]
// --- end intake: staff inbox ---

// --- intake: API for other channels (issue #5) ---
export const intakeChannelErrorCodes = [
  'intake.key_invalid',
  'intake.key_not_found',
  'intake.key_already_revoked',
  'intake.idempotency_conflict',
] as const
export type IntakeChannelErrorCode = (typeof intakeChannelErrorCodes)[number]
// --- end intake: API for other channels ---

export type RequestErrorCode = (typeof requestErrorCodes)[number]
export type AuthErrorCode = (typeof authErrorCodes)[number]
export type UserErrorCode = (typeof userErrorCodes)[number]
export type AgencyErrorCode = (typeof agencyErrorCodes)[number]
export type ErrorCode =
  | RequestErrorCode
  | AuthErrorCode
  | UserErrorCode
  | AgencyErrorCode
  | ElectionErrorCode
  | CalendarErrorCode
  | UnitErrorCode
  | EmployeeErrorCode
  | EmployeeImportErrorCode
  | PledgeErrorCode
  | EventErrorCode
  | SigningCertificateErrorCode
  | EventQuizErrorCode
  | ReportErrorCode
  | IntakeChannelErrorCode
  | ReportStaffErrorCode

export const errorCodes: readonly ErrorCode[] = [
  ...requestErrorCodes,
  ...authErrorCodes,
  ...userErrorCodes,
  ...agencyErrorCodes,
  ...electionErrorCodes,
  ...calendarErrorCodes,
  ...unitErrorCodes,
  ...employeeErrorCodes,
  ...employeeImportErrorCodes,
  ...pledgeErrorCodes,
  ...eventErrorCodes,
  ...signingCertificateErrorCodes,
  ...eventQuizErrorCodes,
  ...reportErrorCodes,
  ...intakeChannelErrorCodes,
  ...reportStaffErrorCodes,
]

/** JSON-safe details: what the client needs to explain or fix the problem, never internals. */
export type ErrorDetails = Record<string, unknown>

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code)
    this.name = 'DomainError'
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError
