/** Deterministic bench accounts, known to both the seeding server and the load generator. */
export const benchAgency = {
  slug: 'bench-agency',
  name: 'Bench Agency',
  kind: 'pemkot',
  timeZone: 'Asia/Jakarta',
} as const

export interface BenchCredentials {
  readonly username: string
  readonly password: string
}

/** Passwords pass the app's policy (≥ 12 characters, not containing the username). */
export const benchEmployee = (index: number): BenchCredentials => ({
  username: `bench-employee-${String(index).padStart(4, '0')}`,
  password: `correct horse battery ${index}`,
})

/** Cycles through accounts 0 … count-1 (successful logins do not trip the per-username throttle). */
export function credentialCycle(count: number): () => BenchCredentials {
  let next = 0
  return () => {
    const credentials = benchEmployee(next)
    next = (next + 1) % count
    return credentials
  }
}
