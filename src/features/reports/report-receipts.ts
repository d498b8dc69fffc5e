/**
 * The reporter's receipt: 16 random decimal digits (≈ 53 bits), shown once and never stored. What is stored is
 * argon2id(receipt) with the agency's salt (`report_intake_settings.receipt_salt`), so a receipt is found by an
 * index hit on `reports.receipt_hash` while a stolen database still costs one slow hash per guess.
 *
 * Why a per-agency salt and not one per receipt: a per-receipt salt would need the hash of every receipt to be
 * computed to find one; with a per-agency salt, one hash finds it. The price — one guess is tried against every
 * receipt of the agency at once — is small at these numbers (below).
 *
 * Parameters for new agencies: argon2id m = 19 MiB, t = 1, p = 1, 32-byte output as hex (`receiptHashCost`). Staff
 * passwords use t = 2 (OWASP's minimum, `src/platform/passwords.ts`); a receipt takes one pass because it is not a
 * password: it is machine-made, uniformly random over 10¹⁶ values, so there is no dictionary to try first and every
 * guess is a blind one. Memory stays at OWASP's 19 MiB, which is what makes guessing expensive on GPUs.
 * - Cost to an attacker holding a copy of the database (the only one who can guess offline; online guesses are rate
 *   limited): with 10⁵ receipts issued by one agency (years of a large city), 10¹⁶ / 10⁵ = 10¹¹ guesses per expected
 *   hit; at ~9 ms of CPU each (measured on the 2-core test machine) ≈ 9·10⁸ CPU-seconds ≈ 29 CPU-years — for one
 *   random report's status page, whose texts stay sealed under keys the database does not hold (`report-crypto.ts`).
 * - Cost to Netra: the hash is the one slow step of filing a report and of every status lookup. t = 2 (~16 ms CPU
 *   here) capped a 2-core server at ~120 hashes/s, under the intake target of 100 reports/s at 50 connections with a
 *   p99 under 500 ms once the rest of filing is added; t = 1 halves it (`npm run bench -- intake`).
 * The cost is stored with the salt (`report_intake_settings.receipt_hash_memory_kib/_passes`) and every hash of an
 * agency uses its stored cost, so changing `receiptHashCost` affects only agencies created afterwards and no issued
 * receipt is lost. Agencies created before the column existed keep t = 2.
 *
 * A lookup always computes the hash before it asks the database, so an unknown receipt is answered after the same
 * time as a known one.
 */
import { randomInt } from 'node:crypto'
import { hashRaw } from '@node-rs/argon2'

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

/** The argon2id cost given to the receipt hashes of agencies created from now on (see the reasoning above). */
export const receiptHashCost = { memoryKib: 19_456, passes: 1 } as const

/** How an agency's receipts are hashed: its salt (base64url of 16 bytes) and the argon2id cost stored with it. */
export interface ReceiptHashing {
  readonly salt: string
  readonly memoryKib: number
  readonly passes: number
}

/** argon2id (p = 1, 32 bytes) of a receipt with the agency's salt and cost, as hex. */
export async function hashReceipt(receipt: string, hashing: ReceiptHashing): Promise<string> {
  const raw = await hashRaw(receipt, {
    memoryCost: hashing.memoryKib,
    timeCost: hashing.passes,
    parallelism: 1,
    outputLen: 32,
    salt: Buffer.from(hashing.salt, 'base64url'),
  })
  return raw.toString('hex')
}
