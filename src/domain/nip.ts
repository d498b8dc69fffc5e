/**
 * NIP (PNS) and NI PPPK: 18-digit civil-servant numbers. Source: DOMAIN.md §9.1–9.2 (Peraturan Kepala BKN
 * 22/2007 for the PNS layout; the PPPK middle code is unverified ⚠️, so both PPPK layouts are accepted).
 *
 *   PNS   YYYYMMDD YYYYMM G NNN   birth date · TMT CPNS year+month · sex (1 male, 2 female) · sequence
 *   PPPK  YYYYMMDD YYYY CC G NNN  birth date · year of first PPPK appointment · cohort code · sex · sequence
 *
 * Whether someone is PNS or PPPK comes from the employee record, never from the number.
 */
export type NipKind = 'PNS' | 'PPPK'

export const nipProblems = [
  'length',
  'not_digits',
  'birth_date',
  'appointment',
  'appointment_before_adulthood',
  'appointment_in_future',
  'gender_digit',
  'sequence',
] as const
export type NipProblem = (typeof nipProblems)[number]

export interface ParsedNip {
  readonly nip: string
  readonly layout: 'pns' | 'pppk'
  /** YYYY-MM-DD */
  readonly birthDate: string
  /** YYYY-MM for the PNS layout (TMT CPNS), YYYY for the PPPK layout. */
  readonly appointment: string
  readonly gender: 'male' | 'female'
  readonly sequence: number
}

export type NipResult =
  { readonly ok: true; readonly value: ParsedNip } | { readonly ok: false; readonly problem: NipProblem }

export interface NipRules {
  /** Youngest plausible age at appointment, in years (⚠️ configurable; DOMAIN.md says "≥ birth + ~18 years"). */
  readonly minAppointmentAge: number
  /** YYYY-MM-DD: appointments after this day are impossible (usually today in the agency's zone). */
  readonly today?: string
}

export const defaultNipRules: NipRules = { minAppointmentAge: 18 }

/** Strips the spaces, dots and dashes people type in (`19860926 201505 1 001`). */
export const normaliseNip = (raw: string): string => raw.replace(/[\s.\-/]/g, '')

/** `19860926 201505 1 001` (PNS) or `19900101 2021 21 1 001` (PPPK layout). */
export function formatNip(nip: string, layout: 'pns' | 'pppk' = 'pns'): string {
  const n = normaliseNip(nip)
  if (n.length !== 18) return nip
  return layout === 'pns'
    ? `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`
    : `${n.slice(0, 8)} ${n.slice(8, 12)} ${n.slice(12, 14)} ${n.slice(14, 15)} ${n.slice(15)}`
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** A real calendar date (no 31 February), as YYYY-MM-DD, or null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

function parseLayout(n: string, layout: 'pns' | 'pppk', rules: NipRules): NipResult {
  const birthYear = Number(n.slice(0, 4))
  const birthDate = calendarDate(birthYear, Number(n.slice(4, 6)), Number(n.slice(6, 8)))
  if (!birthDate) return { ok: false, problem: 'birth_date' }
  if (rules.today && birthDate > rules.today) return { ok: false, problem: 'birth_date' }

  let appointment: string
  let appointmentYear: number
  let appointmentMonth: number
  let genderDigit: string
  if (layout === 'pns') {
    appointmentYear = Number(n.slice(8, 12))
    appointmentMonth = Number(n.slice(12, 14))
    if (appointmentMonth < 1 || appointmentMonth > 12) return { ok: false, problem: 'appointment' }
    appointment = `${appointmentYear}-${pad(appointmentMonth)}`
    genderDigit = n.slice(14, 15)
  } else {
    appointmentYear = Number(n.slice(8, 12))
    appointmentMonth = 1
    appointment = String(appointmentYear)
    genderDigit = n.slice(14, 15)
  }
  if (appointmentYear < 1900) return { ok: false, problem: 'appointment' }
  const birthMonth = Number(n.slice(4, 6))
  const ageMonths = (appointmentYear - birthYear) * 12 + (appointmentMonth - birthMonth)
  // The PPPK layout carries only the year: compare whole years there.
  const tooYoung =
    layout === 'pns'
      ? ageMonths < rules.minAppointmentAge * 12
      : appointmentYear - birthYear < rules.minAppointmentAge
  if (tooYoung) return { ok: false, problem: 'appointment_before_adulthood' }
  if (rules.today) {
    const todayMonth = rules.today.slice(0, layout === 'pns' ? 7 : 4)
    if (appointment > todayMonth) return { ok: false, problem: 'appointment_in_future' }
  }
  if (genderDigit !== '1' && genderDigit !== '2') return { ok: false, problem: 'gender_digit' }
  const sequence = Number(n.slice(15, 18))
  if (sequence < 1) return { ok: false, problem: 'sequence' }
  return {
    ok: true,
    value: {
      nip: n,
      layout,
      birthDate,
      appointment,
      gender: genderDigit === '1' ? 'male' : 'female',
      sequence,
    },
  }
}

/**
 * Validates an 18-digit NIP or NI PPPK. PNS numbers must follow the PNS layout; PPPK numbers may follow either
 * layout (sources disagree, DOMAIN.md §9.2), the PPPK layout is tried first.
 */
export function parseNip(raw: string, kind: NipKind = 'PNS', rules: NipRules = defaultNipRules): NipResult {
  const n = normaliseNip(raw)
  if (!/^\d*$/.test(n)) return { ok: false, problem: 'not_digits' }
  if (n.length !== 18) return { ok: false, problem: 'length' }
  if (kind === 'PNS') return parseLayout(n, 'pns', rules)
  const asPppk = parseLayout(n, 'pppk', rules)
  if (asPppk.ok) return asPppk
  const asPns = parseLayout(n, 'pns', rules)
  return asPns.ok ? asPns : asPppk
}
