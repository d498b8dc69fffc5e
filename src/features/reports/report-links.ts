/**
 * Searchable hashes of the links in reports (issue #5 point 6: reports naming the same URL are related). The URL
 * stays sealed in the report; what is stored is HMAC-SHA-256 over the agency id and the normalised URL, keyed by a
 * key derived from the report master key — someone holding the database alone cannot test which URLs were reported.
 */
import { createHash, createHmac } from 'node:crypto'

/** Query parameters that only track who shared a link; the same post shared twice must hash the same. */
const trackingParameters = /^(utm_\w+|fbclid|gclid|igshid|igsh|si|s|t|ref|ref_src|ref_url|feature|mibextid)$/i

/**
 * The form of a URL that two reports of the same post share: lower-case scheme and host without `www.`/`m.`,
 * no fragment, no tracking parameters, parameters sorted, no trailing slash. Anything unparseable: trimmed text.
 */
export function normalizeReportUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return raw.trim()
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '')
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !trackingParameters.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.protocol.toLowerCase()}//${host}${url.port ? `:${url.port}` : ''}${path}${query}`
}

/** The key link hashes are made with, derived from the report master key material (never the key itself). */
export const linkHashKeyFrom = (masterKeyMaterial: Uint8Array): Buffer =>
  createHash('sha256').update('netra:report-link-hash:').update(masterKeyMaterial).digest()

export const hashReportLink = (key: Uint8Array, agencyId: string, url: string): string =>
  createHmac('sha256', key)
    .update(`${agencyId}\n${normalizeReportUrl(url)}`)
    .digest('hex')
