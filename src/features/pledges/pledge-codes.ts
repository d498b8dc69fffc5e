/**
 * Personal one-time codes and public verification codes.
 *
 * A one-time code is 16 random bytes (128 bits) as URL-safe base64 (22 characters). Only its HMAC-SHA256 is stored,
 * keyed with a key derived (HKDF-SHA256) from SESSION_SECRET under the label `netra:pledge-code`, so a copy of the
 * database alone cannot turn stored hashes back into working links, and the key differs from every other use of the
 * secret (sessions, TOTP sealing). Verification codes (18 random bytes, 144 bits) are public by design: they are
 * printed on the receipt, so they are stored as they are.
 */
import { createHmac, hkdfSync } from 'node:crypto'
import { randomToken } from '../../platform/random.js'

export interface CodeHasher {
  hash(code: string): string
}

export function createCodeHasher(serverSecret: string): CodeHasher {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'netra', 'netra:pledge-code', 32))
  return { hash: (code) => createHmac('sha256', key).update(code, 'utf8').digest('hex') }
}

export const newPledgeCode = (): string => randomToken(16)

export const newVerifyCode = (): string => randomToken(18)
