/**
 * Employee and unit vocabularies: kinds, statuses, grades (golongan/ruang, PPPK grades), position types.
 * Source: DOMAIN.md §2.1, §9.4–9.6 (UU 20/2023 job types; legacy eselon mapping ⚠️).
 */
export const employeeKinds = ['PNS', 'PPPK', 'NON_ASN'] as const
export type EmployeeKind = (typeof employeeKinds)[number]

export const employeeStatuses = ['active', 'moved', 'retired', 'dismissed'] as const
export type EmployeeStatus = (typeof employeeStatuses)[number]

export const genders = ['male', 'female'] as const
export type Gender = (typeof genders)[number]

export const unitKinds = ['opd', 'bidang', 'upt', 'sekolah', 'kecamatan', 'kelurahan', 'other'] as const
export type UnitKind = (typeof unitKinds)[number]

export const positionTypes = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'fungsional',
  'pelaksana',
] as const
export type PositionType = (typeof positionTypes)[number]

export const socialPlatforms = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'youtube',
  'whatsapp',
  'telegram',
  'other',
] as const
export type SocialPlatform = (typeof socialPlatforms)[number]

/** PNS golongan/ruang with pangkat, lowest first (DOMAIN.md §9.4). */
export const pnsGrades = [
  { grade: 'I/a', rank: 'Juru Muda' },
  { grade: 'I/b', rank: 'Juru Muda Tingkat I' },
  { grade: 'I/c', rank: 'Juru' },
  { grade: 'I/d', rank: 'Juru Tingkat I' },
  { grade: 'II/a', rank: 'Pengatur Muda' },
  { grade: 'II/b', rank: 'Pengatur Muda Tingkat I' },
  { grade: 'II/c', rank: 'Pengatur' },
  { grade: 'II/d', rank: 'Pengatur Tingkat I' },
  { grade: 'III/a', rank: 'Penata Muda' },
  { grade: 'III/b', rank: 'Penata Muda Tingkat I' },
  { grade: 'III/c', rank: 'Penata' },
  { grade: 'III/d', rank: 'Penata Tingkat I' },
  { grade: 'IV/a', rank: 'Pembina' },
  { grade: 'IV/b', rank: 'Pembina Tingkat I' },
  { grade: 'IV/c', rank: 'Pembina Utama Muda' },
  { grade: 'IV/d', rank: 'Pembina Utama Madya' },
  { grade: 'IV/e', rank: 'Pembina Utama' },
] as const

/** PPPK grades I–XVII (Perpres 98/2020 as amended by Perpres 11/2024; no pangkat names). */
export const pppkGrades = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const

const romanPns = ['I', 'II', 'III', 'IV'] as const

/**
 * Normalises the ways grades are written in SIASN exports and spreadsheets to `III/a` (PNS) or `IX` (PPPK):
 * `IIIa`, `III-a`, `III / A`, `3a`, `3/a`; PPPK `9`, `IX`, `Gol. IX`. Returns null when it is not a grade of
 * that kind.
 */
export function normaliseGrade(raw: string, kind: EmployeeKind): string | null {
  const cleaned = raw
    .trim()
    .replace(/^gol(ongan)?\.?\s*/i, '')
    .replace(/\s+/g, '')
  if (cleaned === '') return null
  if (kind === 'PNS') {
    const match = /^(iv|iii|ii|i|[1-4])[/\-.]?([a-e])$/i.exec(cleaned)
    if (!match?.[1] || !match[2]) return null
    const roman = /^\d$/.test(match[1]) ? romanPns[Number(match[1]) - 1] : match[1].toUpperCase()
    const grade = `${roman}/${match[2].toLowerCase()}`
    return pnsGrades.some((entry) => entry.grade === grade) ? grade : null
  }
  if (kind === 'PPPK') {
    const upper = cleaned.toUpperCase()
    if (/^\d{1,2}$/.test(upper)) return pppkGrades[Number(upper) - 1] ?? null
    return (pppkGrades as readonly string[]).includes(upper) ? upper : null
  }
  return null
}

export const rankOfGrade = (grade: string): string | null =>
  pnsGrades.find((entry) => entry.grade === grade)?.rank ?? null

/**
 * Maps how position types appear in exports (`JPT Pratama`, `Struktural`, `Eselon III.a`, `Fungsional Tertentu`,
 * `Pelaksana`, `JFU`) to a position type. Legacy eselon: II → JPT pratama, III → administrator, IV → pengawas
 * (DOMAIN.md §9.6 ⚠️); eselon I cannot be told apart (utama or madya) and is refused.
 */
export function normalisePositionType(raw: string): PositionType | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
  if (text === '') return null
  const direct: Record<string, PositionType> = {
    'jpt utama': 'jpt_utama',
    'jpt madya': 'jpt_madya',
    'jpt pratama': 'jpt_pratama',
    'jabatan pimpinan tinggi utama': 'jpt_utama',
    'jabatan pimpinan tinggi madya': 'jpt_madya',
    'jabatan pimpinan tinggi pratama': 'jpt_pratama',
    administrator: 'administrator',
    'jabatan administrator': 'administrator',
    pengawas: 'pengawas',
    'jabatan pengawas': 'pengawas',
    fungsional: 'fungsional',
    'fungsional tertentu': 'fungsional',
    'jabatan fungsional': 'fungsional',
    jft: 'fungsional',
    pelaksana: 'pelaksana',
    'fungsional umum': 'pelaksana',
    jfu: 'pelaksana',
    'jabatan pelaksana': 'pelaksana',
  }
  const found = direct[text]
  if (found) return found
  const eselon = /^eselon\s*(iv|iii|ii|i|[1-4])/.exec(text)
  if (eselon?.[1]) {
    const level = { i: 1, ii: 2, iii: 3, iv: 4 }[eselon[1]] ?? Number(eselon[1])
    return level === 2 ? 'jpt_pratama' : level === 3 ? 'administrator' : level === 4 ? 'pengawas' : null
  }
  return (positionTypes as readonly string[]).includes(text.replace(/ /g, '_'))
    ? (text.replace(/ /g, '_') as PositionType)
    : null
}

/** `Dr. Ir. Wahyu Hidayat, M.M.`: front titles, name, then back titles after a comma. */
export function displayName(person: {
  name: string
  frontTitle?: string | null
  backTitle?: string | null
}): string {
  const front = person.frontTitle?.trim()
  const back = person.backTitle?.trim()
  return `${front ? `${front} ` : ''}${person.name.trim()}${back ? `, ${back}` : ''}`
}
