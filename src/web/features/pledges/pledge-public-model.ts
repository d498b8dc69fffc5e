/**
 * The rules behind the public signing and verification pages, kept apart from React so they can be tested:
 * how the text is split into paragraphs, which field a refusal belongs to, in which zone a verified time is
 * written, and how the receipt is awaited while the background job renders it.
 */
import { ApiError } from '../../api/client'

/** Paragraphs of a pledge text: separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

export const signFields = ['dateOfBirth', 'typedName', 'drawnSignature'] as const
export type SignField = (typeof signFields)[number]

/** The form field a refusal of the server concerns; null: shown as an alert above the button. */
export function fieldOfSignError(code: string): SignField | null {
  switch (code) {
    case 'pledge.identity_mismatch':
      return 'dateOfBirth'
    case 'pledge.name_mismatch':
      return 'typedName'
    case 'pledge.signature_image_invalid':
      return 'drawnSignature'
    default:
      return null
  }
}

/** Refusals after which the form cannot be sent again with this code (the page shows a final state instead). */
export function isFinalSignError(code: string): boolean {
  return [
    'pledge.already_signed',
    'pledge.code_used',
    'pledge.code_locked',
    'pledge.code_invalid',
    'pledge.window_closed',
  ].includes(code)
}

const zoneByOffset: Readonly<Record<string, string>> = {
  '+07:00': 'Asia/Jakarta',
  '+08:00': 'Asia/Makassar',
  '+09:00': 'Asia/Jayapura',
  Z: 'UTC',
  '+00:00': 'UTC',
}

/**
 * The zone to write an instant like `2026-11-24T09:00:00+07:00` in: its own offset (WIB, WITA, WIT for the
 * Indonesian ones), so the verification page shows the very clock time of the agency that issued the receipt.
 */
export function timeZoneOfOffset(isoWithOffset: string): string {
  const match = /(Z|[+-]\d{2}:\d{2})$/.exec(isoWithOffset)
  const offset = match?.[1]
  if (!offset) return 'UTC'
  const known = zoneByOffset[offset]
  if (known) return known
  const [hours, minutes] = offset.slice(1).split(':')
  // Etc/GMT zones exist for whole hours only, with the sign reversed (Etc/GMT-10 is UTC+10).
  if (minutes !== '00' || hours === undefined) return 'UTC'
  return `Etc/GMT${offset.startsWith('+') ? '-' : '+'}${Number(hours)}`
}

/** `tanda-terima-ikrar-AbCdEfGh.pdf`: the name the downloaded receipt is saved under. */
export const receiptFileName = (verifyCode: string) =>
  `tanda-terima-ikrar-${verifyCode.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 8)}.pdf`

export interface WaitForReceiptOptions {
  /** One try: the PDF, or `pending` while the job has not produced it yet. */
  readonly fetchOnce: () => Promise<Blob | 'pending'>
  readonly sleep?: (ms: number) => Promise<void>
  readonly intervalMs?: number
  /** Give up after this many tries (then `pledge.receipt_pending` is thrown, to be retried by the person). */
  readonly maxAttempts?: number
  /** Called before each try with its number (1, 2, …), for the progress shown meanwhile. */
  readonly onAttempt?: (attempt: number) => void
  readonly signal?: AbortSignal
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Asks for the receipt every second or so until it is ready. */
export async function waitForReceipt({
  fetchOnce,
  sleep = defaultSleep,
  intervalMs = 1000,
  maxAttempts = 60,
  onAttempt,
  signal,
}: WaitForReceiptOptions): Promise<Blob> {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError')
    onAttempt?.(attempt)
    const result = await fetchOnce()
    if (result !== 'pending') return result
    if (attempt < maxAttempts) await sleep(intervalMs)
  }
  throw new ApiError(409, 'pledge.receipt_pending')
}

/** The message key for a refused receipt check (the page words these itself: they are about the chosen file). */
export function fileCheckMessageKey(code: string): 'not_a_pdf' | 'too_large' | null {
  if (code === 'receipt.not_a_pdf' || code === 'request.unsupported_media_type') return 'not_a_pdf'
  if (code === 'request.too_large') return 'too_large'
  return null
}
