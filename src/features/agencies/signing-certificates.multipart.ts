/**
 * A small reader of `multipart/form-data` bodies (RFC 7578) already held in memory — enough for the certificate
 * upload form (one file of ≤ 1 MB and a password field), without a multipart dependency. Parts are returned in
 * order; a body that does not follow the format is `null` (the route answers 400 request.malformed).
 */

export interface FormPart {
  readonly name: string
  /** The `filename` of a file part; null for a plain field. */
  readonly fileName: string | null
  readonly data: Buffer
}

/** `boundary` of a `multipart/form-data; boundary=…` content type, or null (RFC 2046 §5.1.1: 1–70 characters). */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType)
  return match?.[1] ?? match?.[2] ?? null
}

/** `name="…"` and `filename="…"` of a Content-Disposition header (quoted strings with `\"` escapes, or tokens). */
function dispositionParameter(header: string, parameter: string): string | null {
  const pattern = new RegExp(`;\\s*${parameter}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i')
  const match = pattern.exec(header)
  if (!match) return null
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null)
}

const crlf = Buffer.from('\r\n')
const headerEnd = Buffer.from('\r\n\r\n')

export function parseMultipartForm(body: Buffer, boundary: string): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`)
  const between = Buffer.from(`\r\n--${boundary}`)
  let at = body.indexOf(delimiter)
  if (at !== 0 && (at < 0 || !body.subarray(at - 2, at).equals(crlf))) return null
  at += delimiter.length
  const parts: FormPart[] = []
  for (;;) {
    // After a delimiter: `--` closes the body, CRLF opens the next part's headers.
    if (body.subarray(at, at + 2).toString('latin1') === '--') return parts
    if (!body.subarray(at, at + 2).equals(crlf)) return null
    const headersStart = at + 2
    const headersEnd = body.indexOf(headerEnd, headersStart)
    if (headersEnd < 0) return null
    const headers = body.subarray(headersStart, headersEnd).toString('utf8').split('\r\n')
    const disposition = headers.find((line) => /^content-disposition\s*:/i.test(line))
    if (!disposition || !/:\s*form-data\s*(;|$)/i.test(disposition)) return null
    const name = dispositionParameter(disposition, 'name')
    if (name === null) return null
    const dataStart = headersEnd + headerEnd.length
    const dataEnd = body.indexOf(between, dataStart)
    if (dataEnd < 0) return null
    parts.push({
      name,
      fileName: dispositionParameter(disposition, 'filename'),
      data: body.subarray(dataStart, dataEnd),
    })
    at = dataEnd + between.length
  }
}
