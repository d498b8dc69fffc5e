/**
 * NIK (national ID number), 16 digits: PP KK CC DDMMYY NNNN — province, regency/city, district of first
 * registration; birth date with 40 added to the day for women; sequence from 0001. Source: DOMAIN.md §9.3.
 * NIK is sensitive personal data: mask it in lists and logs (`maskNik`).
 */
export const nikProblems = ['length', 'not_digits', 'region', 'birth_date', 'sequence'] as const
export type NikProblem = (typeof nikProblems)[number]

export type NikResult =
  | {
      readonly ok: true
      readonly nik: string
      readonly gender: 'male' | 'female'
      readonly birthDayMonth: string
    }
  | { readonly ok: false; readonly problem: NikProblem }

export const normaliseNik = (raw: string): string => raw.replace(/[\s.-]/g, '')

export function parseNik(raw: string): NikResult {
  const n = normaliseNik(raw)
  if (!/^\d*$/.test(n)) return { ok: false, problem: 'not_digits' }
  if (n.length !== 16) return { ok: false, problem: 'length' }
  const province = Number(n.slice(0, 2))
  if (province < 11 || province > 96 || n.slice(2, 4) === '00') return { ok: false, problem: 'region' }
  let day = Number(n.slice(6, 8))
  const month = Number(n.slice(8, 10))
  const gender = day > 40 ? 'female' : 'male'
  if (day > 40) day -= 40
  // The year has two digits: check the day against a leap year so 29 February stays possible.
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return { ok: false, problem: 'birth_date' }
  if (Number(n.slice(12, 16)) < 1) return { ok: false, problem: 'sequence' }
  return {
    ok: true,
    nik: n,
    gender,
    birthDayMonth: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}

/** `3573••••••••0001`: region and sequence visible, birth date hidden. */
export const maskNik = (nik: string): string =>
  nik.length === 16 ? `${nik.slice(0, 4)}${'•'.repeat(8)}${nik.slice(12)}` : '•'.repeat(nik.length)
