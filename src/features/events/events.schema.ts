/**
 * HTTP contracts of events (sosialisasi, apel, bimtek): scheduling, files, check-in (rotating QR with NIP and the
 * employee's attendance code, operator ticks, sheets, employee QR cards), an optional short quiz with scores,
 * attendance rates per unit, and the collective ikrar read at an apel.
 */
import { z } from 'zod'
import { agencyTimeZones } from '../agencies/agencies.schema.js'

export const eventKinds = ['sosialisasi', 'apel', 'bimtek'] as const
export type EventKind = (typeof eventKinds)[number]

export const eventStatuses = ['scheduled', 'held', 'cancelled'] as const
export type EventStatus = (typeof eventStatuses)[number]

/** qr = self check-in by scanning the screen's rotating code; card = an operator scanned the employee's card. */
export const attendanceMethods = ['qr', 'operator', 'sheet', 'card'] as const
export type AttendanceMethod = (typeof attendanceMethods)[number]

export const fileTypes = ['pdf', 'pptx', 'docx', 'jpeg', 'png', 'webp'] as const
export type EventFileType = (typeof fileTypes)[number]

export const filePurposes = ['material', 'photo'] as const
export type EventFilePurpose = (typeof filePurposes)[number]

/** An instant with an explicit offset (`2026-11-24T08:00:00+07:00` or `…Z`), stored as UTC. */
const InstantInput = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

const SingleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, { message: 'single_line' })

export const IdParams = z.strictObject({ id: z.uuid() })
export type IdParams = z.infer<typeof IdParams>

export const EmployeeParams = z.strictObject({ employeeId: z.uuid() })
export type EmployeeParams = z.infer<typeof EmployeeParams>

export const AttendanceParams = z.strictObject({ id: z.uuid(), employeeId: z.uuid() })
export type AttendanceParams = z.infer<typeof AttendanceParams>

/* Events --------------------------------------------------------------------------------------------------- */

export const Speaker = z.strictObject({
  name: SingleLine(200),
  role: SingleLine(200).nullable().default(null),
  institution: SingleLine(200).nullable().default(null),
})
export type Speaker = z.infer<typeof Speaker>

/** The apel's leader: an employee of the agency, or a name and position (e.g. the mayor, a Forkopimda member). */
export const LeaderInput = z.union([
  z.strictObject({ employeeId: z.uuid() }),
  z.strictObject({ name: SingleLine(200), position: SingleLine(200) }),
])
export type LeaderInput = z.infer<typeof LeaderInput>

const EventFields = {
  title: SingleLine(200),
  description: z.string().trim().max(5000).nullable(),
  electionId: z.uuid().nullable(),
  startsAt: InstantInput,
  endsAt: InstantInput,
  venue: SingleLine(300).nullable(),
  speakers: z.array(Speaker).max(30),
  /** Roots of the targeted unit subtrees; empty = the whole agency. */
  targetUnitIds: z.array(z.uuid()).max(200),
  /** Apel only. */
  ikrarRead: z.boolean(),
  /** Apel only. */
  leader: LeaderInput.nullable(),
}

export const CreateEventBody = z.strictObject({
  agencyId: z.uuid().optional(),
  kind: z.enum(eventKinds),
  title: EventFields.title,
  description: EventFields.description.default(null),
  electionId: EventFields.electionId.default(null),
  startsAt: EventFields.startsAt,
  endsAt: EventFields.endsAt,
  venue: EventFields.venue.default(null),
  speakers: EventFields.speakers.default([]),
  targetUnitIds: EventFields.targetUnitIds.default([]),
  ikrarRead: EventFields.ikrarRead.default(false),
  leader: EventFields.leader.default(null),
})
export type CreateEventBody = z.infer<typeof CreateEventBody>

/** Any subset of the fields; the kind and agency never change. */
export const UpdateEventBody = z.strictObject({
  title: EventFields.title.optional(),
  description: EventFields.description.optional(),
  electionId: EventFields.electionId.optional(),
  startsAt: EventFields.startsAt.optional(),
  endsAt: EventFields.endsAt.optional(),
  venue: EventFields.venue.optional(),
  speakers: EventFields.speakers.optional(),
  targetUnitIds: EventFields.targetUnitIds.optional(),
  ikrarRead: EventFields.ikrarRead.optional(),
  leader: EventFields.leader.optional(),
})
export type UpdateEventBody = z.infer<typeof UpdateEventBody>

export const CancelEventBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) })
export type CancelEventBody = z.infer<typeof CancelEventBody>

/** The leader confirms the apel record: their name as typed, recorded by the signed-in staff member. */
export const LeaderSignatureBody = z.strictObject({ typedName: SingleLine(200) })
export type LeaderSignatureBody = z.infer<typeof LeaderSignatureBody>

export const ListEventsQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  kind: z.enum(eventKinds).optional(),
  status: z.enum(eventStatuses).optional(),
  electionId: z.uuid().optional(),
  /** Events starting at or after this instant. */
  from: InstantInput.optional(),
  /** Events starting before this instant. */
  to: InstantInput.optional(),
})
export type ListEventsQuery = z.infer<typeof ListEventsQuery>

export const UnitRef = z.object({ id: z.string(), name: z.string() })
export type UnitRef = z.infer<typeof UnitRef>

export const EventView = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string().nullable(),
  electionId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string().nullable(),
  speakers: z.array(
    z.object({ name: z.string(), role: z.string().nullable(), institution: z.string().nullable() }),
  ),
  /** The targeted subtrees the reader may see (a unit admin sees only those touching their own subtree). */
  targetUnits: z.array(UnitRef),
  status: z.enum(eventStatuses),
  statusChangedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  ikrarRead: z.boolean(),
  leader: z
    .object({ employeeId: z.string().nullable(), name: z.string(), position: z.string().nullable() })
    .nullable(),
  leaderSignature: z
    .object({ typedName: z.string(), signedAt: z.string(), recordedBy: z.string().nullable() })
    .nullable(),
  /** Attendances inside the reader's scope. */
  attendanceCount: z.number(),
  /** Whether the reader may edit, cancel, upload to or sign this event. */
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type EventView = z.infer<typeof EventView>

export const EventList = z.object({ items: z.array(EventView) })
export type EventList = z.infer<typeof EventList>

/* Files ---------------------------------------------------------------------------------------------------- */

export const UploadFileQuery = z.strictObject({ fileName: SingleLine(200).optional() })
export type UploadFileQuery = z.infer<typeof UploadFileQuery>

export const EventFileView = z.object({
  id: z.string(),
  eventId: z.string(),
  purpose: z.enum(filePurposes),
  fileName: z.string(),
  fileType: z.enum(fileTypes),
  mediaType: z.string(),
  fileSize: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
})
export type EventFileView = z.infer<typeof EventFileView>

export const EventFileList = z.object({ items: z.array(EventFileView) })
export type EventFileList = z.infer<typeof EventFileList>

/* Check-in ------------------------------------------------------------------------------------------------- */

/** `<event id without dashes>.<time slot, base 36>.<HMAC, base64url>`; see event-tokens.ts. */
export const CheckInTokenText = z.string().regex(/^[0-9a-f]{32}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/)

export const CheckInTokenView = z.object({
  token: z.string(),
  /** What the screen encodes as a QR code: `${publicUrl}/hadir/<token>`. */
  url: z.string(),
  periodSeconds: z.number(),
  /** Seconds until the next token; the current one stays valid one period longer. */
  rotatesInSeconds: z.number(),
})
export type CheckInTokenView = z.infer<typeof CheckInTokenView>

export const PublicCheckInParams = z.strictObject({ id: CheckInTokenText })
export type PublicCheckInParams = z.infer<typeof PublicCheckInParams>

export const PublicEventView = z.object({
  title: z.string(),
  kind: z.enum(eventKinds),
  venue: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The agency's zone: the page shows times in it (WIB, WITA or WIT). */
  timeZone: z.enum(agencyTimeZones),
  /** Whether a short quiz follows the check-in. */
  hasQuiz: z.boolean(),
})
export type PublicEventView = z.infer<typeof PublicEventView>

export const PublicCheckInBody = z.strictObject({
  token: CheckInTokenText,
  nip: z.string().regex(/^\d{18}$/),
  /**
   * The "kode kehadiran" printed on the employee's card (8 characters; case, spaces and dashes ignored). A code of
   * the wrong shape is refused like a wrong one (422 `event.identity_mismatch`).
   */
  attendanceCode: z.string().trim().min(1).max(20),
})
export type PublicCheckInBody = z.infer<typeof PublicCheckInBody>

/** A quiz question as the employee sees it (no correct option). */
export const PublicQuizQuestion = z.object({ id: z.string(), text: z.string(), options: z.array(z.string()) })
export type PublicQuizQuestion = z.infer<typeof PublicQuizQuestion>

export const PublicCheckInResult = z.object({
  eventTitle: z.string(),
  checkedInAt: z.string(),
  /** False when the employee is outside the event's target units (recorded all the same, and flagged). */
  isTargeted: z.boolean(),
  /** The event's quiz, when it has one; answered once with `quizTicket` (valid three hours). */
  quiz: z.object({ questions: z.array(PublicQuizQuestion) }).nullable(),
  quizTicket: z.string().nullable(),
})
export type PublicCheckInResult = z.infer<typeof PublicCheckInResult>

export const BulkAttendanceBody = z.strictObject({ employeeIds: z.array(z.uuid()).min(1).max(2000) })
export type BulkAttendanceBody = z.infer<typeof BulkAttendanceBody>

export const CardCheckInBody = z.strictObject({
  cardToken: z.string().regex(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/),
})
export type CardCheckInBody = z.infer<typeof CardCheckInBody>

export const CardTokenView = z.object({
  employeeId: z.string(),
  token: z.string(),
  /** The employee's "kode kehadiran" for self check-in, as printed (`ABCD-EFGH`). */
  attendanceCode: z.string(),
})
export type CardTokenView = z.infer<typeof CardTokenView>

/**
 * Row-wise: every known, reachable employee not yet present is recorded (in one transaction); the others are
 * reported and change nothing.
 */
export const AttendanceReport = z.object({
  recorded: z.number(),
  /** Of those recorded, how many were outside the event's target units. */
  recordedUntargeted: z.number(),
  alreadyPresent: z.array(z.object({ row: z.number().nullable(), ref: z.string() })),
  /** Unknown, or outside the operator's scope (the two are not told apart). */
  unknown: z.array(z.object({ row: z.number().nullable(), ref: z.string() })),
  /** Sheet rows whose NIP cell is not 18 digits. */
  invalid: z.array(z.object({ row: z.number(), ref: z.string() })),
})
export type AttendanceReport = z.infer<typeof AttendanceReport>

export const AttendanceView = z.object({
  eventId: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  nip: z.string().nullable(),
  /** The unit at check-in. */
  unitId: z.string(),
  unitName: z.string(),
  method: z.enum(attendanceMethods),
  isTargeted: z.boolean(),
  checkedInAt: z.string(),
  recordedBy: z.string().nullable(),
})
export type AttendanceView = z.infer<typeof AttendanceView>

export const AttendanceQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type AttendanceQuery = z.infer<typeof AttendanceQuery>

/** One page, in check-in order; `total` counts every attendance inside the reader's subtree. */
export const AttendanceList = z.object({
  items: z.array(AttendanceView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})
export type AttendanceList = z.infer<typeof AttendanceList>

/* Quiz ----------------------------------------------------------------------------------------------------- */

export const QuizQuestionInput = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  options: z.array(SingleLine(300)).min(2).max(5),
  /** Index of the correct option (0-based). */
  correctOption: z.number().int().min(0).max(4),
})
export type QuizQuestionInput = z.infer<typeof QuizQuestionInput>

/** The whole quiz, replaced at once (no questions = no quiz); refused once someone has answered. */
export const PutQuizBody = z.strictObject({ questions: z.array(QuizQuestionInput).max(20) })
export type PutQuizBody = z.infer<typeof PutQuizBody>

export const QuizView = z.object({
  eventId: z.string(),
  questions: z.array(PublicQuizQuestion.extend({ correctOption: z.number() })),
  /** Answer sheets received (the whole event, whatever the reader's scope). */
  answerCount: z.number(),
  /** True once someone answered: the questions can no longer change. */
  isLocked: z.boolean(),
})
export type QuizView = z.infer<typeof QuizView>

/** `<attendance id without dashes>.<expiry minute, base 36>.<HMAC>`; see event-tokens.ts. */
export const QuizTicketText = z.string().regex(/^[0-9a-f]{32}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/)

/** One option per question of the event, every question answered. */
export const QuizAnswerBody = z.strictObject({
  ticket: QuizTicketText,
  answers: z
    .array(z.strictObject({ questionId: z.uuid(), option: z.number().int().min(0).max(4) }))
    .min(1)
    .max(20),
})
export type QuizAnswerBody = z.infer<typeof QuizAnswerBody>

export const QuizAnswerResult = z.object({
  correctCount: z.number(),
  questionCount: z.number(),
  /** correct / questions × 100, one decimal. */
  score: z.number(),
})
export type QuizAnswerResult = z.infer<typeof QuizAnswerResult>

export const QuizScoreRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  answered: z.number(),
  /** Mean score (0–100, one decimal); null when nobody of the unit answered. */
  averageScore: z.number().nullable(),
})
export type QuizScoreRow = z.infer<typeof QuizScoreRow>

/** Scores inside the reader's subtree, by the unit at check-in; rows are the top units of the reader's reach. */
export const QuizScoresView = z.object({
  eventId: z.string(),
  questionCount: z.number(),
  answered: z.number(),
  averageScore: z.number().nullable(),
  units: z.array(QuizScoreRow),
})
export type QuizScoresView = z.infer<typeof QuizScoresView>

/* Rates ---------------------------------------------------------------------------------------------------- */

export const RateQuery = z.strictObject({
  /** Drill down into this unit's children; omitted: the top rows of the reader's part of the target. */
  unitId: z.uuid().optional(),
})
export type RateQuery = z.infer<typeof RateQuery>

export const RateCounts = z.object({
  /** Active employees now in the targeted subtrees. */
  targeted: z.number(),
  /** Targeted attendees, counted by the unit they were in at check-in. */
  attended: z.number(),
  /** attended / targeted × 100, one decimal; 0 without targets. */
  percent: z.number(),
  /** Attendees from outside the target units (not part of the percent). */
  untargeted: z.number(),
})
export type RateCounts = z.infer<typeof RateCounts>

export const RateRow = RateCounts.extend({ unitId: z.string(), unitName: z.string() })
export type RateRow = z.infer<typeof RateRow>

export const AttendanceRateView = z.object({
  eventId: z.string(),
  unitId: z.string().nullable(),
  total: RateCounts,
  /** Employees placed directly in `unitId` (not in a child unit). */
  direct: RateCounts,
  children: z.array(RateRow),
})
export type AttendanceRateView = z.infer<typeof AttendanceRateView>

export const EmployeeAttendanceView = z.object({
  eventId: z.string(),
  kind: z.enum(eventKinds),
  title: z.string(),
  startsAt: z.string(),
  status: z.enum(eventStatuses),
  /** An apel where the ikrar netralitas was read: counts as "ikrar dibacakan" (not an individual signature). */
  ikrarRead: z.boolean(),
  method: z.enum(attendanceMethods),
  checkedInAt: z.string(),
})
export type EmployeeAttendanceView = z.infer<typeof EmployeeAttendanceView>

export const EmployeeAttendanceList = z.object({ items: z.array(EmployeeAttendanceView) })
export type EmployeeAttendanceList = z.infer<typeof EmployeeAttendanceList>

export const IkrarCoverageQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** Only apels linked to this election. */
  electionId: z.uuid().optional(),
})
export type IkrarCoverageQuery = z.infer<typeof IkrarCoverageQuery>

export const IkrarCounts = z.object({
  /** Active employees now in the subtree. */
  employees: z.number(),
  /** Of them, those who attended at least one apel (not cancelled) where the ikrar was read. */
  ikrarRead: z.number(),
  percent: z.number(),
})
export type IkrarCounts = z.infer<typeof IkrarCounts>

export const IkrarCoverageView = z.object({
  agencyId: z.string(),
  unitId: z.string().nullable(),
  total: IkrarCounts,
  direct: IkrarCounts,
  children: z.array(IkrarCounts.extend({ unitId: z.string(), unitName: z.string() })),
})
export type IkrarCoverageView = z.infer<typeof IkrarCoverageView>
