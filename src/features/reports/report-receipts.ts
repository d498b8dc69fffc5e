/**
 * The reporter's receipt: 16 random decimal digits (≈ 53 bits), shown once and never stored. What is stored is
 * argon2id(receipt) with the agency's salt (`report_intake_settings.receipt_salt`), so a receipt is found by an
 * index hit on `reports.receipt_hash` while a stolen database still costs one slow hash per guess.
 *
 * Why a per-agency salt and not one per receipt: a per-receipt salt would need the hash of every receipt to be
 * computed to find one; with a per-agency salt, one hash finds it. The price — one guess is tried against every
 * receipt of the agency at once — is small at these numbers: 10¹⁶ receipts, say 10⁴ issued, 10¹² guesses per
 * expected hit at ~10 ms CPU each. Parameters: argon2id m = 19 MiB, t = 2, p = 1 (OWASP's minimum for argon2id,
 * the same as staff passwords, `src/platform/passwords.ts`); 32-byte output as hex.
 *
 * A lookup always computes the hash before it asks the database, so an unknown receipt is answered after the same
 * time as a known one.
 */
import { randomInt } from 'node:crypto'
import { hashRaw } from '@node-rs/argon2'
import { argon2Options } from '../../platform/passwords.js'

export const receiptLength = 16

/** 16 uniformly random decimal digits (a leading zero is allowed: a receipt is text). */
export function newReceipt(): string {
  let digits = ''
  for (let i = 0; i < receiptLength; i += 1) digits += String(randomInt(10))
  return digits
}

/** The receipt as typed (`1234 5678-9012 3456`) → its 16 digits, or null when it cannot be one. */
export function normalizeReceipt(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '')
  return new RegExp(`^\\d{${receiptLength}}$`).test(digits) ? digits : null
}

/** argon2id of a receipt with the agency salt (base64url of 16 bytes), as hex. */
export async function hashReceipt(receipt: string, saltBase64Url: string): Promise<string> {
  const raw = await hashRaw(receipt, { ...argon2Options, salt: Buffer.from(saltBase64Url, 'base64url') })
  return raw.toString('hex')
}
