import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random URL-safe token of `bytes` bytes of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url')

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex')

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

/** A readable temporary password (no look-alike characters), over 100 bits of entropy. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(20)
  let out = ''
  for (let i = 0; i < 20; i += 1) {
    if (i > 0 && i % 5 === 0) out += '-'
    out += alphabet[(bytes[i] ?? 0) % alphabet.length]
  }
  return out
}
