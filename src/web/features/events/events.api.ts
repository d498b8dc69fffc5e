/**
 * The events API as the browser uses it: paths, JSON calls, and raw uploads (materials, photos, attendance sheets)
 * sent with XMLHttpRequest for their progress.
 */
import type {
  AttendanceList,
  AttendanceRateView,
  AttendanceReport,
  AttendanceView,
  CardTokenView,
  CheckInTokenView,
  CreateEventBody,
  EmployeeAttendanceList,
  EventFileList,
  EventFileView,
  EventKind,
  EventList,
  EventStatus,
  EventView,
  PublicCheckInResult,
  PublicEventView,
  PublicQuizQuestion,
  QuizAnswerBody,
  QuizAnswerResult,
  QuizQuestionInput,
  QuizScoresView,
  QuizView,
  UpdateEventBody,
} from '../../../features/events/events.schema'
import { ApiError, apiPost, apiRequest, toApiError, withQuery } from '../../api/client'

export type {
  AttendanceList,
  AttendanceRateView,
  AttendanceReport,
  AttendanceView,
  CardTokenView,
  CheckInTokenView,
  EmployeeAttendanceList,
  EventFileList,
  EventFileView,
  EventKind,
  EventList,
  EventStatus,
  EventView,
  PublicCheckInResult,
  PublicEventView,
  PublicQuizQuestion,
  QuizAnswerResult,
  QuizQuestionInput,
  QuizScoresView,
  QuizView,
}

/** The kinds and statuses in the order the pages offer them (the schema's lists, repeated: no zod in the bundle). */
export const eventKindList = ['sosialisasi', 'apel', 'bimtek'] as const satisfies readonly EventKind[]
export const eventStatusList = ['scheduled', 'held', 'cancelled'] as const satisfies readonly EventStatus[]

const eventsPath = '/api/v1/events'

export interface EventListFilter {
  readonly agencyId?: string | null | undefined
  readonly kind?: EventKind | undefined
  readonly status?: EventStatus | undefined
}

export const eventListPath = (filter: EventListFilter) =>
  withQuery(eventsPath, {
    agencyId: filter.agencyId ?? undefined,
    kind: filter.kind,
    status: filter.status,
  })

export const eventPath = (eventId: string) => `${eventsPath}/${encodeURIComponent(eventId)}`
export const eventFilesPath = (eventId: string) => `${eventPath(eventId)}/files`
export const eventFilePath = (fileId: string) => `/api/v1/event-files/${encodeURIComponent(fileId)}`
export const checkInTokenPath = (eventId: string) => `${eventPath(eventId)}/check-in-token`
export const attendancePath = (eventId: string) => `${eventPath(eventId)}/attendance`
export const attendancePagePath = (eventId: string, page: number, pageSize: number) =>
  withQuery(attendancePath(eventId), { page, pageSize })
export const quizPath = (eventId: string) => `${eventPath(eventId)}/quiz`
export const quizScoresPath = (eventId: string) => `${eventPath(eventId)}/quiz-scores`
export const attendanceRatePath = (eventId: string, unitId: string | null) =>
  withQuery(`${eventPath(eventId)}/attendance-rate`, { unitId })
export const employeeAttendancesPath = (employeeId: string) =>
  `/api/v1/employees/${encodeURIComponent(employeeId)}/event-attendances`
export const cardTokenPath = (employeeId: string) =>
  `/api/v1/employees/${encodeURIComponent(employeeId)}/qr-card-token`
export const publicEventPath = (token: string) =>
  `/api/v1/public/events/check-in/${encodeURIComponent(token)}`

/** CreateEventBody as sent: defaults may be left out. */
export type CreateEventRequest = Partial<CreateEventBody> &
  Pick<CreateEventBody, 'kind' | 'title' | 'startsAt' | 'endsAt'>

export const createEvent = (body: CreateEventRequest) => apiPost<EventView>(eventsPath, body)
export const updateEvent = (eventId: string, body: UpdateEventBody) =>
  apiRequest<EventView>('PATCH', eventPath(eventId), { body })
export const markEventHeld = (eventId: string) => apiPost<EventView>(`${eventPath(eventId)}/held`)
export const cancelEvent = (eventId: string, reason: string) =>
  apiPost<EventView>(`${eventPath(eventId)}/cancel`, { reason })
export const signAsLeader = (eventId: string, typedName: string) =>
  apiPost<EventView>(`${eventPath(eventId)}/leader-signature`, { typedName })
export const deleteEventFile = (fileId: string) => apiRequest<null>('DELETE', eventFilePath(fileId))
export const recordAttendance = (eventId: string, employeeIds: readonly string[]) =>
  apiPost<AttendanceReport>(attendancePath(eventId), { employeeIds })
export const recordCard = (eventId: string, cardToken: string) =>
  apiPost<AttendanceView>(`${attendancePath(eventId)}/card`, { cardToken })
export const removeAttendance = (eventId: string, employeeId: string) =>
  apiRequest<null>('DELETE', `${attendancePath(eventId)}/${encodeURIComponent(employeeId)}`)
export const checkInSelf = (token: string, nip: string, attendanceCode: string) =>
  apiPost<PublicCheckInResult>(
    '/api/v1/public/events/check-in',
    { token, nip, attendanceCode },
    { announceAuthFailure: false },
  )
export const answerQuiz = (ticket: string, answers: QuizAnswerBody['answers']) =>
  apiPost<QuizAnswerResult>('/api/v1/public/events/quiz', { ticket, answers }, { announceAuthFailure: false })
export const saveQuiz = (eventId: string, questions: readonly QuizQuestionInput[]) =>
  apiRequest<QuizView>('PUT', quizPath(eventId), { body: { questions } })

export interface UploadOptions {
  readonly csrfToken: string
  /** 0–1 of the bytes sent. */
  readonly onProgress?: (share: number) => void
  readonly signal?: AbortSignal
}

/**
 * Sends a file as the raw request body. XMLHttpRequest rather than fetch: only it reports upload progress.
 * The declared type is the browser's (the server decides the kind from the first bytes, and answers 415 for a
 * type its route does not take).
 */
function uploadRaw<T>(url: string, file: File, expectedStatus: number, options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.setRequestHeader('content-type', file.type || 'application/octet-stream')
    request.setRequestHeader('accept', 'application/json')
    request.setRequestHeader('x-csrf-token', options.csrfToken)
    request.withCredentials = true
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    request.onload = () => {
      let payload: unknown
      try {
        payload = request.responseText === '' ? null : (JSON.parse(request.responseText) as unknown)
      } catch {
        // Not JSON (a proxy's error page): reported as an unexpected response below.
      }
      if (request.status === expectedStatus && payload) resolve(payload as T)
      else reject(toApiError(request.status, payload, request.getResponseHeader('retry-after')))
    }
    request.onerror = () => reject(new ApiError(0, 'client.network'))
    request.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => request.abort(), { once: true })
    request.send(file)
  })
}

export const uploadEventFile = (
  eventId: string,
  purpose: 'material' | 'photo',
  file: File,
  options: UploadOptions,
) =>
  uploadRaw<EventFileView>(
    withQuery(`${eventPath(eventId)}/${purpose === 'material' ? 'materials' : 'photos'}`, {
      fileName: file.name.slice(0, 200),
    }),
    file,
    201,
    options,
  )

export const uploadAttendanceSheet = (eventId: string, file: File, options: UploadOptions) =>
  uploadRaw<AttendanceReport>(`${attendancePath(eventId)}/sheet`, file, 200, options)
