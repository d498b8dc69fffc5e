/** Pure helpers of the receipt certificate page (tested beside it). */

/** Days before the end of validity from which the page warns (a CA needs time to issue the next one). */
export const expiryWarningDays = 30

export type CertificateExpiry =
  | { readonly kind: 'valid' }
  | { readonly kind: 'expiring'; readonly daysLeft: number }
  | { readonly kind: 'expired' }

export function certificateExpiry(validUntil: string, now: Date): CertificateExpiry {
  const left = new Date(validUntil).getTime() - now.getTime()
  if (left < 0) return { kind: 'expired' }
  const daysLeft = Math.ceil(left / 86_400_000)
  return daysLeft <= expiryWarningDays ? { kind: 'expiring', daysLeft } : { kind: 'valid' }
}

/** `AB:CD:…` in upper case, as certificate viewers and `openssl x509 -fingerprint` print it. */
export const formatFingerprint = (hex: string): string => (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':')

/** Files the picker offers; the server decides by the content, not by the name. */
export const certificateAccept = '.p12,.pfx,application/x-pkcs12'
