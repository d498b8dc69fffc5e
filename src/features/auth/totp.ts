/**
 * TOTP (RFC 6238, 30 s, 6 digits, SHA-1 — what every authenticator app reads from a QR code) via otplib.
 * One step of clock drift either way is accepted; a code is never accepted twice (time-step replay guard).
 */
import { generate, generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

export const totpPeriodSeconds = 30

export const newTotpSecret = (): string => generateSecret({ length: 20 })

export interface TotpEnrolment {
  readonly secret: string
  readonly otpauthUrl: string
  readonly qrDataUrl: string
}

export async function describeEnrolment(
  secret: string,
  issuer: string,
  label: string,
): Promise<TotpEnrolment> {
  const otpauthUrl = generateURI({ issuer, label, secret })
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
  return { secret, otpauthUrl, qrDataUrl }
}

/** Returns the matched time step, or null when the code is wrong, stale or already used. */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastTimeStep: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: totpPeriodSeconds,
      ...(lastTimeStep !== null ? { afterTimeStep: lastTimeStep } : {}),
    })
    return result.valid && 'timeStep' in result ? result.timeStep : null
  } catch {
    return null
  }
}

/** The code an authenticator would show at `at` (tests and the E2E run use it). */
export const totpCodeAt = (secret: string, at: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) })
