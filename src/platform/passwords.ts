/**
 * Password hashing with argon2id (@node-rs/argon2). Parameters are OWASP's minimum for argon2id
 * (m = 19 MiB, t = 2, p = 1): about 10 ms of CPU per hash here (~170–220 verifications/s on 2 cores, measured
 * by `npm run bench -- login`).
 */
import { hash, verify } from '@node-rs/argon2'

export const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, argon2Options)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/** Spends the same time as a real verification, so unknown usernames cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('netra-dummy-password-for-timing', argon2Options)
  await verifyPassword(await dummyHash, password)
  return false
}
