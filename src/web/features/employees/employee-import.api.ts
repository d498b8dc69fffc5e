import type { EmployeeImportView, RunImportBody } from '../../../features/employees/import.schema'
import { ApiError, apiPost, toApiError } from '../../api/client'

const importsPath = '/api/v1/employee-imports'

export const importPath = (importId: string) => `${importsPath}/${encodeURIComponent(importId)}`

/** The example file (SIASN columns, three deliberate mistakes) to try the import with. */
export const exampleFilePath = `${importsPath}/example`

/** RunImportBody as sent: `createMissingUnits` may be left out (it defaults to false). */
export type RunImportRequest = Partial<RunImportBody>

export const startDryRun = (importId: string, body: RunImportRequest) =>
  apiPost<EmployeeImportView>(`${importPath(importId)}/dry-run`, body)

export const startCommit = (importId: string, body: RunImportRequest) =>
  apiPost<EmployeeImportView>(`${importPath(importId)}/commit`, body)

export interface UploadOptions {
  readonly csrfToken: string
  /** 0–1 of the bytes sent. */
  readonly onProgress?: (share: number) => void
  readonly signal?: AbortSignal
}

/**
 * Sends the file as the raw request body (the server streams it to disk and decides the kind from its first bytes).
 * XMLHttpRequest rather than fetch: only it reports upload progress, which a 50 MB file on an office line needs.
 */
export function uploadImportFile(file: File, options: UploadOptions): Promise<EmployeeImportView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', `${importsPath}?fileName=${encodeURIComponent(file.name.slice(0, 255))}`)
    request.setRequestHeader('content-type', 'application/octet-stream')
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
      if (request.status === 201 && payload) resolve(payload as EmployeeImportView)
      else reject(toApiError(request.status, payload, request.getResponseHeader('retry-after')))
    }
    request.onerror = () => reject(new ApiError(0, 'client.network'))
    request.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => request.abort(), { once: true })
    request.send(file)
  })
}
