/**
 * Seeded randomness and realistic people for demo and benchmark data: Indonesian names, unique valid NIPs, dates.
 * Deterministic (mulberry32), so two runs produce the same people. Used by the demo roster and bench/search.ts.
 */
import type { Gender } from '../../domain/employee-fields.js'

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
}

/** mulberry32: small, fast and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (probability) => next() < probability,
  }
}

// prettier-ignore
const maleNames = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Dwi', 'Eko', 'Fajar', 'Hadi', 'Hendra', 'Heru',
  'Imam', 'Indra', 'Joko', 'Lukman', 'Muhammad', 'Mochamad', 'Rahmat', 'Rudi', 'Slamet', 'Sugeng', 'Teguh',
  'Wahyu', 'Yusuf', 'Zainal', 'Taufik', 'Rizky', 'Aditya', 'Bayu', 'Dimas', 'Gilang', 'Irfan', 'Yogi',
  'Anton', 'Dani', 'Edi', 'Gunawan', 'Hasan', 'Ilham', 'Krisna', 'Sigit', 'Bagus', 'Yudi', 'Doni', 'Asep',
  'Ujang', 'Yohanes', 'Antonius', 'Fransiskus', 'Made', 'Putu', 'Wayan', 'Nyoman', 'Ketut', 'Haris', 'Fauzi',
  'Rendra', 'Galih', 'Arief', 'Hari', 'Danang', 'Prasetyo', 'Satria', 'Bima', 'Yoga', 'Reza', 'Adi', 'Ikhsan',
] as const
// prettier-ignore
const femaleNames = [
  'Siti', 'Sri', 'Dewi', 'Endang', 'Ratna', 'Rina', 'Wulan', 'Yuli', 'Ani', 'Dian', 'Fitri', 'Indah',
  'Kartika', 'Maya', 'Nurul', 'Putri', 'Rini', 'Sari', 'Tri', 'Umi', 'Yanti', 'Ayu', 'Desi', 'Eka', 'Fitria',
  'Hana', 'Ika', 'Lia', 'Mega', 'Novi', 'Puji', 'Retno', 'Rosa', 'Susi', 'Tuti', 'Winda', 'Anisa', 'Dyah',
  'Erna', 'Lilis', 'Neneng', 'Maria', 'Theresia', 'Agnes', 'Elisabeth', 'Ni Made', 'Ni Putu', 'Ni Wayan',
  'Nur', 'Astrid', 'Intan', 'Laras', 'Anggun', 'Citra', 'Diah', 'Evi', 'Rahma', 'Nabila', 'Aulia', 'Yulia',
] as const
// prettier-ignore
const familyNames = [
  'Santoso', 'Wijaya', 'Hidayat', 'Setiawan', 'Pratama', 'Saputra', 'Kurniawan', 'Susanto', 'Prasetyo',
  'Nugroho', 'Gunawan', 'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutapea',
  'Purba', 'Ginting', 'Tarigan', 'Sembiring', 'Manurung', 'Wibowo', 'Hartono', 'Sutanto', 'Rahman', 'Hakim',
  'Firmansyah', 'Ramadhan', 'Kusuma', 'Permana', 'Hermawan', 'Suryadi', 'Suprapto', 'Sulistyo', 'Purnomo',
  'Haryanto', 'Budiman', 'Halim', 'Tanjung', 'Daulay', 'Sinaga', 'Situmorang', 'Batubara', 'Effendi',
  'Iskandar', 'Maulana', 'Hasibuan', 'Syahputra', 'Wardhana', 'Mahendra', 'Utomo', 'Subagyo', 'Widodo',
  'Suharto', 'Rachman', 'Pangaribuan',
] as const
// prettier-ignore
const femaleFamilyNames = [
  'Rahmawati', 'Lestari', 'Wulandari', 'Handayani', 'Susanti', 'Puspitasari', 'Anggraini', 'Kusumawati',
  'Safitri', 'Permatasari', 'Ningsih', 'Purwanti', 'Yuliana', 'Rahayu', 'Suryani', 'Wahyuningsih', 'Pertiwi',
  'Maharani', 'Utami', 'Setyowati', 'Novitasari', 'Fitriani', 'Hapsari', 'Astuti', 'Kurniasari', 'Damayanti',
  'Oktaviani',
] as const
const middleNames = [
  'Nur',
  'Adi',
  'Dwi',
  'Tri',
  'Eka',
  'Sri',
  'Budi',
  'Agung',
  'Putra',
  'Dewi',
  'Ayu',
] as const

/** A realistic Indonesian name: one to three words, family names from several regions. */
export function personName(random: Random, gender: Gender): string {
  const first = random.pick(gender === 'male' ? maleNames : femaleNames)
  if (random.chance(0.05)) return first
  const last =
    gender === 'female' && random.chance(0.55) ? random.pick(femaleFamilyNames) : random.pick(familyNames)
  return random.chance(0.2) ? `${first} ${random.pick(middleNames)} ${last}` : `${first} ${last}`
}

export const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/**
 * Unique valid NIPs: the sequence (last three digits) counts per 15-digit prefix, as BKN assigns them
 * (DOMAIN.md §9.1–9.2). PNS: birth date · TMT year+month · sex · sequence; PPPK: birth date · year · `21` · sex ·
 * sequence.
 */
export function createNipIssuer() {
  const sequences = new Map<string, number>()
  return (
    kind: 'PNS' | 'PPPK',
    birthDate: string,
    appointment: { year: number; month: number },
    gender: Gender,
  ) => {
    const born = birthDate.replace(/-/g, '')
    const sex = gender === 'male' ? '1' : '2'
    const prefix =
      kind === 'PNS'
        ? `${born}${appointment.year}${pad(appointment.month)}${sex}`
        : `${born}${appointment.year}21${sex}`
    const sequence = (sequences.get(prefix) ?? 0) + 1
    if (sequence > 999) throw new Error(`NIP sequence exhausted for ${prefix}`)
    sequences.set(prefix, sequence)
    return `${prefix}${pad(sequence, 3)}`
  }
}

/** A calendar date in [fromYear, toYear], as YYYY-MM-DD (days 1–28 keep every month valid). */
export const randomDate = (random: Random, fromYear: number, toYear: number): string =>
  `${random.int(fromYear, toYear)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`
