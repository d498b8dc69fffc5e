/**
 * Kysely's view of the schema (camelCase through CamelCasePlugin; tables are snake_case in SQL).
 * Portable types (docs/decisions/0002-portable-column-types.md): ids are text UUIDv7, instants are ISO-8601
 * UTC strings with milliseconds, calendar dates 'YYYY-MM-DD', JSON is a serialised string, booleans are 0/1.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** ISO-8601 UTC instant, e.g. 2024-11-20T02:00:00.000Z (timestamptz on PostgreSQL, text on SQLite). */
export type Instant = string
/** A JSON document serialised as a string (jsonb on PostgreSQL, text on SQLite). */
export type JsonText = string
/** 0 or 1 (integer on both databases). */
export type Flag = number

export interface AgenciesTable {
  id: string
  slug: string
  name: string
  kind: string
  timeZone: string
  regionCode: string | null
  createdAt: Instant
}

export interface UsersTable {
  id: string
  agencyId: string | null
  username: string
  displayName: string
  email: string | null
  passwordHash: string
  passwordChangedAt: Instant
  /** 1 while a temporary password must be replaced before anything else. */
  passwordMustChange: Flag
  totpSecretSealed: string | null
  totpPendingSecretSealed: string | null
  totpEnabledAt: Instant | null
  totpLastTimeStep: number | null
  disabledAt: Instant | null
  createdAt: Instant
  updatedAt: Instant
}

export interface RoleAssignmentsTable {
  id: string
  userId: string
  role: string
  agencyId: string | null
  /** Root of the unit subtree the role covers; null = the whole agency. References units (roster issue). */
  unitId: string | null
  createdAt: Instant
  createdBy: string | null
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  id: string
  userId: string
  stage: string
  csrfToken: string
  createdAt: Instant
  lastSeenAt: Instant
  expiresAt: Instant
  revokedAt: Instant | null
}

export interface LoginThrottlesTable {
  /** Normalised username (lower case), whether or not such an account exists. */
  key: string
  failures: number
  lastFailureAt: Instant | null
  lockedUntil: Instant | null
}

export interface AuditEventsTable {
  id: string
  /** One hash chain per agency ('agency:<id>') plus 'platform'. */
  chain: string
  seq: number
  occurredAt: Instant
  actorId: string | null
  actorLabel: string
  agencyId: string | null
  action: string
  entityType: string
  entityId: string | null
  summary: JsonText
  prevHash: string
  hash: string
}

export interface LocalJobsTable {
  id: string
  queue: string
  payload: JsonText
  state: string
  runAt: Instant
  attempts: number
  maxAttempts: number
  lastError: string | null
  singletonKey: string | null
  createdAt: Instant
  finishedAt: Instant | null
}

export interface NotificationOutboxTable {
  id: string
  agencyId: string | null
  channel: string
  recipient: string
  subject: string
  bodyText: string
  bodyHtml: string | null
  status: string
  attempts: number
  nextAttemptAt: Instant
  lastError: string | null
  createdAt: Instant
  sentAt: Instant | null
}

export interface UnitsTable {
  id: string
  agencyId: string
  parentId: string | null
  code: string | null
  name: string
  kind: string
  regionCode: string | null
  headEmployeeId: string | null
  /** `/<root id>/…/<own id>/`: a subtree is every unit whose path starts with this one's. */
  path: string
  /** 0 for a top-level unit (OPD). */
  depth: number
  deactivatedAt: Instant | null
  createdAt: Instant
  updatedAt: Instant
}

export interface EmployeesTable {
  id: string
  agencyId: string
  unitId: string
  kind: string
  nip: string | null
  nik: string | null
  name: string
  frontTitle: string | null
  backTitle: string | null
  gender: string | null
  /** YYYY-MM-DD */
  birthDate: string | null
  grade: string | null
  positionType: string | null
  positionTitle: string | null
  superiorId: string | null
  status: string
  email: string | null
  phone: string | null
  whatsapp: string | null
  /** Lower-case, accent-free name with titles, for search. */
  searchName: string
  createdAt: Instant
  updatedAt: Instant
}

export interface EmployeeSocialAccountsTable {
  id: string
  employeeId: string
  platform: string
  handle: string
  url: string | null
  isVerified: Flag
  createdAt: Instant
}

// --- roster search (units/employees helper) ---
/**
 * One row per distinct word of an employee's name (lower-case, accent-free): prefix search on a b-tree, with the
 * sort key and list filters copied from the employee (kept in step by employees.repository).
 */
export interface EmployeeNameTokensTable {
  agencyId: string
  token: string
  /** lower(name): the list order. */
  sortName: string
  employeeId: string
  unitId: string
  status: string
  kind: string
  grade: string | null
  positionType: string | null
}
// --- end roster search ---

// --- elections and working-day calendar (elections/calendar helper) ---
export interface ElectionsTable {
  id: string
  agencyId: string
  /** PEMILU | PILKADA */
  type: string
  name: string
  description: string | null
  /** Kemendagri code `PP` or `PP.KK` for a PILKADA; null for a PEMILU. */
  regionCode: string | null
  votingOn: string
  campaignStartsOn: string | null
  campaignEndsOn: string | null
  quietStartsOn: string | null
  quietEndsOn: string | null
  /** Penetapan calon: before it candidates are "bakal calon", from it "calon". */
  candidateDesignatedOn: string | null
  createdAt: Instant
  updatedAt: Instant
}

export interface ElectionStagesTable {
  id: string
  electionId: string
  position: number
  name: string
  kind: string
  startsOn: string
  endsOn: string
}

export interface ElectionPartiesTable {
  id: string
  electionId: string
  ballotNumber: number | null
  name: string
  abbreviation: string
  createdAt: Instant
  updatedAt: Instant
}

export interface ElectionCandidatesTable {
  id: string
  electionId: string
  office: string
  ballotNumber: number
  /** The candidate, or the main candidate of a pair. */
  name: string
  runningMateName: string | null
  status: string
  /** JSON array of strings. */
  slogans: JsonText
  /** JSON array of `#word` strings. */
  hashtags: JsonText
  createdAt: Instant
  updatedAt: Instant
}

export interface ElectionCandidatePartiesTable {
  candidateId: string
  partyId: string
  position: number
}

export interface ElectionCandidateSocialAccountsTable {
  candidateId: string
  position: number
  platform: string
  handle: string
  url: string | null
}

export interface AgencyCalendarEntriesTable {
  id: string
  agencyId: string
  fallsOn: string
  /** holiday | working_day */
  kind: string
  name: string
  createdAt: Instant
}
// --- end elections and calendar ---

// --- employee import (import/export helper) ---
/** An uploaded employee spreadsheet and its latest run; the file sits in DATA_DIR/imports until it expires. */
export interface EmployeeImportsTable {
  id: string
  agencyId: string
  fileName: string
  /** xlsx | csv (from the file's first bytes, never its name) */
  fileType: string
  fileSize: number
  /** SHA-256 (hex) of the uploaded bytes. */
  checksum: string
  /** JSON array of the header texts. */
  columns: JsonText
  /** uploaded | reading | validating | writing | done | failed */
  phase: string
  /** dry_run | commit (of the latest run) */
  mode: string | null
  /** JSON: mapping and createMissingUnits of the latest run. */
  options: JsonText | null
  /** JSON: the report of the latest finished run. */
  report: JsonText | null
  /** JSON `{ code, details }` when the latest run failed. */
  failure: JsonText | null
  createdBy: string | null
  createdAt: Instant
  updatedAt: Instant
  finishedAt: Instant | null
}
// --- end employee import ---

// --- pledges (pledges helper, issue #4) ---
export interface PledgeTemplatesTable {
  id: string
  agencyId: string
  /** ikrar | pakta_integritas | deklarasi */
  kind: string
  /** Title of the current version. */
  title: string
  currentVersion: number
  archivedAt: Instant | null
  createdAt: Instant
  updatedAt: Instant
}

/** Never updated: editing a template inserts the next version. */
export interface PledgeTemplateVersionsTable {
  id: string
  templateId: string
  version: number
  title: string
  body: string
  /** SHA-256 (hex) of the canonical title + body (src/features/pledges/pledge-rules.ts). */
  sha256: string
  createdAt: Instant
  createdBy: string | null
}

export interface PledgeCampaignsTable {
  id: string
  agencyId: string
  templateVersionId: string
  electionId: string | null
  name: string
  /** JSON: who must sign (CampaignTarget in pledges.schema.ts). */
  target: JsonText
  opensAt: Instant
  closesAt: Instant
  /** JSON array of { name, institution, role }. */
  witnesses: JsonText
  /** draft | open | closed */
  status: string
  openedAt: Instant | null
  closedAt: Instant | null
  createdBy: string | null
  createdAt: Instant
  updatedAt: Instant
}

/** Who must sign, snapshotted when the campaign opens. */
export interface PledgeTargetsTable {
  id: string
  campaignId: string
  employeeId: string
  /** The employee's unit at snapshot time (coverage counts here even after a move). */
  unitId: string
  unitPath: string
  /** HMAC-SHA256 (hex) of the current one-time code; the code itself is never stored. */
  codeHash: string
  codeIssuedAt: Instant
  codeUsedAt: Instant | null
  lastRemindedAt: Instant | null
  /** Wrong dates of birth entered with the current code (reset with a new code); the code locks at five. */
  failedAttempts: Generated<number>
  createdAt: Instant
}

export interface PledgeSignaturesTable {
  id: string
  campaignId: string
  targetId: string
  employeeId: string
  templateVersionId: string
  templateSha256: string
  typedName: string
  /** PNG data URL, or null. */
  drawnSignature: string | null
  signedAt: Instant
  /** Public, random, URL-safe: `/verify/<code>`. */
  verifyCode: string
  /** pending | ready | failed (set by the receipts job). */
  receiptStatus: string
  receiptSha256: string | null
  revokedAt: Instant | null
  revokedBy: string | null
  revokeReason: string | null
}

/** The issued receipt PDF of a signature (2026_11_24_1200). */
export interface PledgeReceiptsTable {
  signatureId: string
  pdf: Buffer
  sha256: string
  byteSize: number
  createdAt: Instant
  // receipt signing (2026_11_25_1310): the agency certificate that signed it, null for hash + QR only
  signerCertificateId: string | null
  signerName: string | null
}

// intake: public reports (2026_11_26_1000, issue #5)
export interface ReportIntakeSettingsTable {
  agencyId: string
  /** base64url of 16 random bytes: the agency's salt of receipt hashes. */
  receiptSalt: string
  /** argon2id cost of the agency's receipt hashes (2026_11_26_1300): fixed when the salt is made. */
  receiptHashMemoryKib: ColumnType<number, number | undefined, never>
  receiptHashPasses: ColumnType<number, number | undefined, never>
  nextNumber: number
  numberYear: number
  createdAt: Instant
}

export interface ReportsTable {
  id: string
  agencyId: string
  reportNumber: string
  /** argon2id of the 16-digit receipt with the agency salt (hex); null for reports from other channels. */
  receiptHash: string | null
  channel: string
  status: string
  categoryCode: string | null
  identityLevel: string
  keyId: string
  dataKeyWrapped: string
  descriptionSealed: string
  reporterSealed: string | null
  linksSealed: string | null
  reportedName: string | null
  reportedNameNormalized: string | null
  reportedNip: string | null
  reportedAgencyName: string | null
  reportedUnitName: string | null
  reportedUnitId: string | null
  reportedEmployeeId: string | null
  occurredAt: Instant | null
  regionCode: string | null
  placeSealed: string | null
  duplicateOf: string | null
  createdAt: Instant
  updatedAt: Instant
  // intake API for other channels (2026_11_26_1100): the channel's ticket number and when the channel received it
  externalRef: string | null
  channelReceivedAt: Instant | null
}

export interface ReportMessagesTable {
  id: string
  reportId: string
  sender: string
  staffUserId: string | null
  bodySealed: string
  createdAt: Instant
}

export interface ReportFilesTable {
  id: string
  reportId: string
  kind: string
  mime: string
  byteSize: number
  sha256: string
  storageKey: string
  viewStorageKey: string | null
  viewMime: string | null
  viewByteSize: number | null
  addedBy: string
  createdAt: Instant
}

// --- intake: API for other channels (2026_11_26_1100, issue #5) ---
export interface IntakeChannelKeysTable {
  id: string
  agencyId: string
  /** lapor | sbt_bkn | bawaslu | internal */
  channel: string
  label: string
  /** SHA-256 (hex) of the secret token; the token itself is shown once and never stored. */
  tokenHash: string
  /** The token's first characters, to tell keys apart in the list. */
  tokenHint: string
  createdBy: string | null
  createdAt: Instant
  lastUsedAt: Instant | null
  revokedAt: Instant | null
  revokedBy: string | null
}

export interface IntakeIdempotencyTable {
  channelKeyId: string
  idempotencyKey: string
  /** SHA-256 (hex) of the request body as validated (canonical JSON). */
  requestHash: string
  reportId: string
  createdAt: Instant
}
// --- end intake: API for other channels ---

// --- intake: staff inbox (2026_11_26_1200, issue #5) ---
export interface ReportLinksTable {
  reportId: string
  /** HMAC-SHA-256 (hex) of the agency id and the normalised URL; the URL itself stays sealed in the report. */
  urlHash: string
}

export interface ReportReadsTable {
  reportId: string
  userId: string
  readAt: Instant
}

export interface ReportRevealRequestsTable {
  id: string
  reportId: string
  agencyId: string
  requestedBy: string
  reasonSealed: string
  /** pending | approved | rejected */
  status: string
  decidedBy: string | null
  decidedAt: Instant | null
  decisionNoteSealed: string | null
  /** Approved: until when the requester may read the identity. */
  expiresAt: Instant | null
  createdAt: Instant
}
// --- end intake: staff inbox ---

// receipt signing certificates (2026_11_25_1300)
export interface AgencySigningCertificatesTable {
  id: string
  agencyId: string
  /** active | replaced | removed */
  status: string
  /** P12 bytes and passphrase, sealed (purpose `receipt-signing-p12`); null once replaced or removed. */
  sealedKeyMaterial: string | null
  subjectName: string
  issuerName: string
  serialNumber: string
  validFrom: Instant
  validUntil: Instant
  fingerprintSha256: string
  keyAlgorithm: string
  keyBits: number
  uploadedAt: Instant
  uploadedBy: string | null
  endedAt: Instant | null
  endedBy: string | null
}
// end receipt signing certificates
// --- end pledges ---

// --- events (events helper, issue #4) ---
export interface EventsTable {
  id: string
  agencyId: string
  /** sosialisasi | apel | bimtek */
  kind: string
  title: string
  description: string | null
  electionId: string | null
  startsAt: Instant
  endsAt: Instant
  venue: string | null
  /** JSON array of { name, role, institution }. */
  speakers: JsonText
  /** scheduled | held | cancelled */
  status: string
  statusChangedAt: Instant | null
  cancelReason: string | null
  /** Apel only: the ikrar netralitas was read out (attendees count as "ikrar dibacakan"). */
  ikrarRead: Flag
  leaderEmployeeId: string | null
  /** The leader's name and position (copied from the roster when the leader is an employee). */
  leaderName: string | null
  leaderPosition: string | null
  /** The leader's typed name confirming the record, when and by which staff account it was recorded. */
  leaderSignature: string | null
  leaderSignedAt: Instant | null
  leaderSignedBy: string | null
  createdBy: string | null
  createdAt: Instant
  updatedAt: Instant
}

/** Roots of the unit subtrees an event targets (none = the whole agency). */
export interface EventUnitsTable {
  eventId: string
  unitId: string
}

export interface EventFilesTable {
  id: string
  eventId: string
  /** material | photo */
  purpose: string
  fileName: string
  /** pdf | pptx | docx | jpeg | png | webp (from the file's first bytes, never its name) */
  fileType: string
  fileSize: number
  sha256: string
  createdBy: string | null
  createdAt: Instant
}

export interface EventAttendancesTable {
  id: string
  eventId: string
  employeeId: string
  /** The employee's unit at check-in: attendance counts there even after a move. */
  unitId: string
  unitPath: string
  /** qr (self check-in) | operator | sheet | card */
  method: string
  /** 1 when the employee was inside the event's target units at check-in. */
  isTargeted: Flag
  checkedInAt: Instant
  /** The staff account that recorded it; null for a self check-in. */
  recordedBy: string | null
}

export interface EventQuizQuestionsTable {
  id: string
  eventId: string
  position: number
  text: string
  /** JSON array of 2–5 option texts. */
  options: JsonText
  /** Index into `options`. */
  correctOption: number
  createdAt: Instant
}

/** One answer sheet per attendance (unique attendance_id). */
export interface EventQuizResultsTable {
  id: string
  eventId: string
  attendanceId: string
  employeeId: string
  /** The attendance's unit path at check-in. */
  unitPath: string
  /** JSON object: question id → chosen option index. */
  answers: JsonText
  correctCount: number
  questionCount: number
  answeredAt: Instant
}
// --- end events ---

export interface Database {
  agencies: AgenciesTable
  users: UsersTable
  roleAssignments: RoleAssignmentsTable
  sessions: SessionsTable
  loginThrottles: LoginThrottlesTable
  auditEvents: AuditEventsTable
  localJobs: LocalJobsTable
  notificationOutbox: NotificationOutboxTable
  units: UnitsTable
  employees: EmployeesTable
  employeeSocialAccounts: EmployeeSocialAccountsTable
  employeeNameTokens: EmployeeNameTokensTable
  elections: ElectionsTable
  electionStages: ElectionStagesTable
  electionParties: ElectionPartiesTable
  electionCandidates: ElectionCandidatesTable
  electionCandidateParties: ElectionCandidatePartiesTable
  electionCandidateSocialAccounts: ElectionCandidateSocialAccountsTable
  agencyCalendarEntries: AgencyCalendarEntriesTable
  employeeImports: EmployeeImportsTable
  // pledges (issue #4)
  pledgeTemplates: PledgeTemplatesTable
  pledgeTemplateVersions: PledgeTemplateVersionsTable
  pledgeCampaigns: PledgeCampaignsTable
  pledgeTargets: PledgeTargetsTable
  pledgeSignatures: PledgeSignaturesTable
  pledgeReceipts: PledgeReceiptsTable
  agencySigningCertificates: AgencySigningCertificatesTable
  // events (issue #4)
  events: EventsTable
  eventUnits: EventUnitsTable
  eventFiles: EventFilesTable
  eventAttendances: EventAttendancesTable
  eventQuizQuestions: EventQuizQuestionsTable
  eventQuizResults: EventQuizResultsTable
  // intake (issue #5)
  reportIntakeSettings: ReportIntakeSettingsTable
  reports: ReportsTable
  reportMessages: ReportMessagesTable
  reportFiles: ReportFilesTable
  // intake: API for other channels (issue #5, 2026_11_26_1100)
  intakeChannelKeys: IntakeChannelKeysTable
  intakeIdempotency: IntakeIdempotencyTable
  // intake: staff inbox (issue #5, 2026_11_26_1200)
  reportLinks: ReportLinksTable
  reportReads: ReportReadsTable
  reportRevealRequests: ReportRevealRequestsTable
}

export type AgencyRow = Selectable<AgenciesTable>
export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>
export type SessionRow = Selectable<SessionsTable>
export type AuditEventRow = Selectable<AuditEventsTable>
export type LocalJobRow = Selectable<LocalJobsTable>
export type NotificationRow = Selectable<NotificationOutboxTable>
export type UnitRow = Selectable<UnitsTable>
export type EmployeeRow = Selectable<EmployeesTable>
export type EmployeeSocialAccountRow = Selectable<EmployeeSocialAccountsTable>

// Generated/ColumnType are re-exported for migrations-to-come that add defaulted columns.
export type { ColumnType, Generated }
