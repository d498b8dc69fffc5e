/**
 * What a post in the demo roster looks like: kind (PNS, PPPK, Non-ASN), position, grade and academic titles that fit
 * the seniority and profession (`dr.`, `S.Kep., Ners`, `Drs. H. …, M.Si.`).
 */
import type { EmployeeKind, Gender, PositionType } from '../../domain/employee-fields.js'
import { nonAsnTitles, officeWork, pelaksanaTitles, type Profession } from './demo-city.js'
import type { Random } from './demo-people.js'

type Seniority = 'leader' | 'senior' | 'middle' | 'junior'

export interface Post {
  readonly kind: EmployeeKind
  readonly positionType: PositionType | null
  readonly positionTitle: string
  readonly seniority: Seniority
  /** Chance of a woman in this post. */
  readonly female: number
  /** Grade when the post fixes one (PNS `IV/c`, PPPK `IX`); otherwise picked from the position. */
  readonly grades?: readonly string[]
  readonly titles?: 'teacher' | 'doctor' | 'dentist' | 'nurse' | 'midwife' | 'pharmacist' | 'engineer'
}

export const birthYears: Record<Seniority, [number, number]> = {
  leader: [1966, 1976],
  senior: [1970, 1982],
  middle: [1980, 1990],
  junior: [1989, 1999],
}

const officeDegrees = [
  'S.E.',
  'S.H.',
  'S.Sos.',
  'S.Kom.',
  'S.T.',
  'S.IP.',
  'S.AP.',
  'S.Si.',
  'S.Ak.',
  'S.M.',
] as const
const masters = ['M.Si.', 'M.M.', 'M.AP.', 'M.T.', 'M.H.', 'M.Kes.', 'M.Pd.'] as const

export function titlesFor(
  random: Random,
  post: Post,
  born: number,
  gender: Gender,
): { front: string | null; back: string | null } {
  const hajj = post.seniority === 'leader' && random.chance(0.15) ? (gender === 'male' ? 'H.' : 'Hj.') : null
  // Academic titles first, then the pilgrimage title: `Drs. H. Ahmad Fauzi, M.Si.`
  const front = (title: string | null) => [title, hajj].filter(Boolean).join(' ') || null
  const master =
    post.seniority === 'leader' ? random.chance(0.75) : post.seniority === 'senior' && random.chance(0.3)
  switch (post.titles) {
    case 'teacher':
      return {
        front: front(null),
        back: master ? 'S.Pd., M.Pd.' : random.pick(['S.Pd.', 'S.Pd.', 'S.Pd.', 'S.Pd.I.', 'S.Si.']),
      }
    case 'doctor':
      return {
        front: front('dr.'),
        back: master ? random.pick(['M.Kes.', 'Sp.PD', 'Sp.A', 'Sp.OG', 'M.M.R.S.']) : null,
      }
    case 'dentist':
      return { front: front('drg.'), back: null }
    case 'nurse':
      return { front: front(null), back: post.positionTitle.includes('Ahli') ? 'S.Kep., Ners' : 'A.Md.Kep.' }
    case 'midwife':
      return { front: front(null), back: random.chance(0.3) ? 'S.Tr.Keb.' : 'A.Md.Keb.' }
    case 'pharmacist':
      return { front: front(null), back: 'S.Farm., Apt.' }
    case 'engineer':
      if (born < 1975 && random.chance(0.5)) return { front: front('Ir.'), back: master ? 'M.T.' : null }
      return { front: front(null), back: master ? 'S.T., M.T.' : 'S.T.' }
    case undefined:
      break
  }
  if (post.kind === 'NON_ASN' && !officeWork.has(post.positionTitle)) return { front: null, back: null }
  if (post.positionType === 'pelaksana' || post.kind === 'NON_ASN')
    return {
      front: null,
      back: random.chance(0.4) ? random.pick(['S.E.', 'S.Sos.', 'A.Md.', 'S.Kom.', 'A.Md.Kom.']) : null,
    }
  if (
    post.positionTitle.includes('Terampil') ||
    post.positionTitle.includes('Mahir') ||
    post.positionTitle.includes('Penyelia')
  )
    return { front: null, back: random.chance(0.6) ? 'A.Md.' : null }
  if (born < 1972 && random.chance(0.35))
    return { front: front(gender === 'male' ? 'Drs.' : 'Dra.'), back: master ? random.pick(masters) : null }
  const doctorate = post.seniority === 'leader' && random.chance(0.06) ? 'Dr.' : null
  const degree = random.pick(officeDegrees)
  return { front: front(doctorate), back: master ? `${degree}, ${random.pick(masters)}` : degree }
}

const pnsGradeBy: Record<string, readonly string[]> = {
  jpt: ['IV/c', 'IV/c', 'IV/d'],
  administrator: ['IV/a', 'IV/b', 'IV/b'],
  pengawas: ['III/c', 'III/d', 'III/d', 'IV/a'],
  'Ahli Pertama': ['III/a', 'III/b'],
  'Ahli Muda': ['III/c', 'III/d'],
  'Ahli Madya': ['IV/a', 'IV/b', 'IV/c'],
  Terampil: ['II/c', 'II/d', 'III/a'],
  Mahir: ['III/a', 'III/b'],
  Penyelia: ['III/c', 'III/d'],
  pelaksana: ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'],
}
const pppkGradeBy: Record<string, readonly string[]> = {
  'Ahli Pertama': ['IX'],
  'Ahli Muda': ['X', 'XI'],
  'Ahli Madya': ['XII'],
  Terampil: ['VII'],
  Mahir: ['VII', 'VIII'],
  Penyelia: ['VIII'],
  pelaksana: ['V', 'VI', 'VII'],
}

/** A fungsional title at a level fitting the seniority: `Perawat Ahli Muda`, `Pranata Komputer Terampil`. */
function fungsionalTitle(
  random: Random,
  profession: Profession,
  seniority: Seniority,
): { title: string; level: string } {
  const ahli = profession.track === 'ahli' || (profession.track === 'both' && random.chance(0.5))
  const level = ahli
    ? seniority === 'junior'
      ? 'Ahli Pertama'
      : seniority === 'middle'
        ? random.pick(['Ahli Pertama', 'Ahli Muda'])
        : random.pick(['Ahli Muda', 'Ahli Madya'])
    : seniority === 'junior'
      ? 'Terampil'
      : seniority === 'middle'
        ? random.pick(['Terampil', 'Mahir'])
        : random.pick(['Mahir', 'Penyelia'])
  return { title: `${profession.title} ${level}`, level }
}

function professionTitles(profession: Profession): Post['titles'] {
  if (profession.title === 'Dokter') return 'doctor'
  if (profession.title === 'Dokter Gigi') return 'dentist'
  if (profession.title === 'Perawat') return 'nurse'
  if (profession.title === 'Bidan') return 'midwife'
  if (profession.title === 'Apoteker') return 'pharmacist'
  if (profession.title.startsWith('Teknik')) return 'engineer'
  return undefined
}

/** A staff post of a unit: fungsional or pelaksana ASN (PNS or PPPK), or Non-ASN. */
export function staffPost(
  random: Random,
  professions: readonly Profession[],
  mix: { pppk: number; nonAsn: number },
  extraNonAsn: readonly string[] = [],
): Post {
  const roll = random.next()
  const seniority: Seniority = random.pick(['junior', 'junior', 'middle', 'middle', 'senior'])
  if (roll < mix.nonAsn)
    return {
      kind: 'NON_ASN',
      positionType: null,
      positionTitle: random.pick([...nonAsnTitles, ...extraNonAsn]),
      seniority: 'junior',
      female: 0.45,
    }
  const kind: EmployeeKind = roll < mix.nonAsn + mix.pppk ? 'PPPK' : 'PNS'
  if (professions.length > 0 && random.chance(0.6)) {
    const profession = random.pick(professions)
    const { title, level } = fungsionalTitle(
      random,
      profession,
      kind === 'PPPK' && seniority === 'senior' ? 'middle' : seniority,
    )
    const titles = professionTitles(profession)
    return {
      kind,
      positionType: 'fungsional',
      positionTitle: title,
      seniority,
      female: profession.title === 'Bidan' ? 1 : titles === 'nurse' ? 0.7 : 0.5,
      grades: (kind === 'PNS' ? pnsGradeBy : pppkGradeBy)[level] ?? [],
      ...(titles ? { titles } : {}),
    }
  }
  return {
    kind,
    positionType: 'pelaksana',
    positionTitle: random.pick(pelaksanaTitles),
    seniority,
    female: 0.5,
    grades: (kind === 'PNS' ? pnsGradeBy : pppkGradeBy).pelaksana ?? [],
  }
}

export const leaderPost = (positionTitle: string, positionType: PositionType, female = 0.3): Post => ({
  kind: 'PNS',
  positionType,
  positionTitle,
  seniority: positionType === 'pengawas' ? 'senior' : 'leader',
  female,
  grades:
    positionType === 'jpt_pratama'
      ? pnsGradeBy.jpt
      : positionType === 'administrator'
        ? pnsGradeBy.administrator
        : pnsGradeBy.pengawas,
})
