/**
 * Staff password rules, after NIST SP 800-63B §5.1.1: length over composition, no forced character classes,
 * refuse the obvious. Returns the reasons a password is refused (empty when acceptable).
 */
export const passwordMinLength = 12
export const passwordMaxLength = 128

export const passwordProblems = [
  'too_short',
  'too_long',
  'contains_username',
  'too_common',
  'repetitive',
] as const
export type PasswordProblem = (typeof passwordProblems)[number]

// The handful that people actually pick for government systems; the length rule catches most of the rest.
const common = new Set([
  'password1234',
  'passw0rd1234',
  'qwertyuiop12',
  '123456789012',
  'admin1234567',
  'bismillah123',
  'indonesia123',
  'indonesia1945',
  'merdeka17845',
  'rahasia12345',
  'katasandi123',
])

export function checkPassword(password: string, context: { username?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  if ([...password].length < passwordMinLength) problems.push('too_short')
  if ([...password].length > passwordMaxLength) problems.push('too_long')
  const lower = password.toLowerCase()
  // The username may appear inside a longer passphrase; what is left without it must still be long enough.
  const username = context.username?.toLowerCase()
  if (username && username.length >= 3 && lower.includes(username)) {
    if ([...lower.replaceAll(username, '')].length < passwordMinLength) problems.push('contains_username')
  }
  if (common.has(lower)) problems.push('too_common')
  if (new Set(password).size <= 2) problems.push('repetitive')
  return problems
}
