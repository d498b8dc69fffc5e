/** Shared pieces of the events routes: raw upload bodies, download headers and the public routes' config. */
import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import { spreadsheetUploadContentTypes } from '../../domain/spreadsheet.js'

const imageContentTypes = ['image/jpeg', 'image/png', 'image/webp']
/** What browsers send for the accepted materials (the bytes decide, not this header). */
export const materialContentTypes = [
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ...imageContentTypes,
]
export const photoContentTypes = ['application/octet-stream', ...imageContentTypes]
/** Spreadsheets. */
export const sheetContentTypes = spreadsheetUploadContentTypes
export const rawContentTypes = [...new Set([...materialContentTypes, ...sheetContentTypes])]

/**
 * The raw body of an upload route, refused with 415 when its declared type is not one the route takes (a JSON or
 * form body was already read by its own parser: the stream would never end).
 */
export function rawUpload(request: FastifyRequest, accepted: readonly string[]) {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!accepted.includes(mediaType)) throw new DomainError('request.unsupported_media_type', { accepted })
  const declared = Number(request.headers['content-length'])
  return { body: request.raw, declared: Number.isFinite(declared) ? declared : undefined }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** Public routes: no session, no client address or user agent logged, rate-limited. */
export const publicRouteConfig = (perMinute: number) =>
  ({ policy: 'public', privacy: 'reporter', rateLimit: { max: perMinute, timeWindow: 60_000 } }) as const
export type PublicRouteConfig = ReturnType<typeof publicRouteConfig>
