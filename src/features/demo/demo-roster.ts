/**
 * The demo roster of "Pemerintah Kota Contoh": a realistic unit tree (31 OPD — sekretariat, inspektorat, dinas,
 * badan, RSUD — with their bidang/bagian, SD/SMP under Dinas Pendidikan, puskesmas as UPT of Dinas Kesehatan, five
 * kecamatan with their kelurahan) and ~2,600 employees (PNS majority, PPPK, Non-ASN) with valid NIPs, titles, grades
 * matching their kind and position, and direct superiors: every head reports to the head of the parent unit, OPD
 * heads and camat to the Sekretaris Daerah, staff to the head of their unit.
 *
 * Deterministic: a seeded PRNG drives every choice, so two runs produce the same people (ids aside). Idempotent:
 * nothing happens when the agency already has the Sekretariat Daerah (unit code `SETDA`). One transaction, batched
 * inserts and a single audit event for the whole seed. The kecamatan and kelurahan carry real Kemendagri codes
 * (Kota Malang, 35.73, from idn-area-data) because the fictional city needs a real-looking region.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { EmployeeKind, Gender, PositionType, UnitKind } from '../../domain/employee-fields.js'
import { validateEmployee, type EmployeeInput } from '../../domain/employee-record.js'
import { childPath, depthOf, rootPath } from '../../domain/unit-tree.js'
import type { Database, EmployeeRow, UnitRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { recordAuditEvent, systemActor, type AuditActor } from '../audit/audit.service.js'
import { insertEmployees } from '../employees/employees.repository.js'
import { nipRulesAt, recordColumns } from '../employees/employees.service.js'
import { childRegions } from '../units/region-codes.js'
import { findUnitByCode, insertUnits } from '../units/units.repository.js'

/* ------------------------------------------------------------------------------------------------------------
 * Seeded randomness and people (also used by bench/search.ts for its million employees)
 * ---------------------------------------------------------------------------------------------------------- */

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

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

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

/* ------------------------------------------------------------------------------------------------------------
 * The tree of Kota Contoh
 * ---------------------------------------------------------------------------------------------------------- */

type Profession = { readonly title: string; readonly track: 'ahli' | 'terampil' | 'both' }
const p = (title: string, track: Profession['track'] = 'ahli'): Profession => ({ title, track })

const office = [
  p('Analis Kebijakan'),
  p('Perencana'),
  p('Pranata Komputer', 'both'),
  p('Arsiparis', 'both'),
  p('Analis Keuangan Pusat dan Daerah'),
  p('Analis Sumber Daya Manusia Aparatur'),
]
const health = [
  p('Dokter'),
  p('Dokter Gigi'),
  p('Perawat', 'both'),
  p('Perawat', 'both'),
  p('Bidan', 'terampil'),
  p('Apoteker'),
  p('Sanitarian', 'both'),
  p('Nutrisionis', 'both'),
  p('Pranata Laboratorium Kesehatan', 'terampil'),
  p('Penyuluh Kesehatan Masyarakat'),
  p('Epidemiolog Kesehatan'),
]
const hospital = [
  p('Dokter'),
  p('Perawat', 'both'),
  p('Perawat', 'both'),
  p('Perawat', 'both'),
  p('Bidan', 'terampil'),
  p('Apoteker'),
  p('Radiografer', 'terampil'),
  p('Perekam Medis', 'terampil'),
  p('Fisioterapis', 'terampil'),
]

interface OpdSpec {
  readonly code: string
  readonly name: string
  readonly headTitle: string
  readonly parts: readonly string[]
  /** Staff per part (bidang/bagian), inclusive range. */
  readonly staff: readonly [number, number]
  readonly professions: readonly Profession[]
}

const opds: readonly OpdSpec[] = [
  {
    code: 'SETDA',
    name: 'Sekretariat Daerah',
    headTitle: 'Sekretaris Daerah',
    parts: [
      'Bagian Pemerintahan',
      'Bagian Hukum',
      'Bagian Organisasi',
      'Bagian Perekonomian dan Administrasi Pembangunan',
      'Bagian Kesejahteraan Rakyat',
      'Bagian Pengadaan Barang dan Jasa',
      'Bagian Protokol dan Komunikasi Pimpinan',
      'Bagian Umum',
    ],
    staff: [6, 10],
    professions: [
      ...office,
      p('Perancang Peraturan Perundang-undangan'),
      p('Pengelola Pengadaan Barang/Jasa'),
    ],
  },
  {
    code: 'SETWAN',
    name: 'Sekretariat DPRD',
    headTitle: 'Sekretaris DPRD',
    parts: [
      'Bagian Umum dan Keuangan',
      'Bagian Persidangan dan Perundang-undangan',
      'Bagian Fasilitasi Penganggaran',
    ],
    staff: [6, 9],
    professions: office,
  },
  {
    code: 'INSPEKTORAT',
    name: 'Inspektorat Daerah',
    headTitle: 'Inspektur',
    parts: [
      'Sekretariat',
      'Inspektur Pembantu Wilayah I',
      'Inspektur Pembantu Wilayah II',
      'Inspektur Pembantu Wilayah III',
      'Inspektur Pembantu Khusus',
    ],
    staff: [5, 8],
    professions: [p('Auditor'), p('Auditor'), p('Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah')],
  },
  {
    code: 'DISDIK',
    name: 'Dinas Pendidikan',
    headTitle: 'Kepala Dinas Pendidikan',
    parts: [
      'Sekretariat',
      'Bidang Pembinaan SD',
      'Bidang Pembinaan SMP',
      'Bidang PAUD dan Pendidikan Nonformal',
      'Bidang Ketenagaan',
    ],
    staff: [5, 8],
    professions: [...office, p('Pengawas Sekolah'), p('Penilik')],
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    headTitle: 'Kepala Dinas Kesehatan',
    parts: [
      'Sekretariat',
      'Bidang Kesehatan Masyarakat',
      'Bidang Pencegahan dan Pengendalian Penyakit',
      'Bidang Pelayanan Kesehatan',
      'Bidang Sumber Daya Kesehatan',
    ],
    staff: [5, 8],
    professions: [
      ...office,
      p('Epidemiolog Kesehatan'),
      p('Administrator Kesehatan'),
      p('Penyuluh Kesehatan Masyarakat'),
    ],
  },
  {
    code: 'RSUD',
    name: 'Rumah Sakit Umum Daerah Kota Contoh',
    headTitle: 'Direktur RSUD Kota Contoh',
    parts: [
      'Bagian Umum dan Keuangan',
      'Bidang Pelayanan Medik',
      'Bidang Keperawatan',
      'Bidang Penunjang Medik',
    ],
    staff: [30, 45],
    professions: hospital,
  },
  {
    code: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    headTitle: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    parts: [
      'Sekretariat',
      'Bidang Bina Marga',
      'Bidang Sumber Daya Air',
      'Bidang Cipta Karya',
      'Bidang Penataan Ruang',
    ],
    staff: [6, 9],
    professions: [
      p('Teknik Jalan dan Jembatan', 'both'),
      p('Teknik Pengairan', 'both'),
      p('Penata Ruang'),
      ...office,
    ],
  },
  {
    code: 'DISPERKIM',
    name: 'Dinas Perumahan dan Kawasan Permukiman',
    headTitle: 'Kepala Dinas Perumahan dan Kawasan Permukiman',
    parts: [
      'Sekretariat',
      'Bidang Perumahan',
      'Bidang Kawasan Permukiman',
      'Bidang Pertamanan dan Penerangan Jalan',
    ],
    staff: [5, 8],
    professions: [p('Teknik Penyehatan Lingkungan', 'both'), p('Penata Bangunan Gedung'), ...office],
  },
  {
    code: 'SATPOLPP',
    name: 'Satuan Polisi Pamong Praja',
    headTitle: 'Kepala Satuan Polisi Pamong Praja',
    parts: [
      'Sekretariat',
      'Bidang Penegakan Peraturan Daerah',
      'Bidang Ketertiban Umum',
      'Bidang Perlindungan Masyarakat',
    ],
    staff: [8, 14],
    professions: [
      p('Polisi Pamong Praja', 'both'),
      p('Polisi Pamong Praja', 'both'),
      p('Polisi Pamong Praja', 'both'),
    ],
  },
  {
    code: 'DAMKAR',
    name: 'Dinas Pemadam Kebakaran dan Penyelamatan',
    headTitle: 'Kepala Dinas Pemadam Kebakaran dan Penyelamatan',
    parts: ['Sekretariat', 'Bidang Operasi dan Penyelamatan', 'Bidang Pencegahan dan Sarana Prasarana'],
    staff: [8, 14],
    professions: [
      p('Analis Kebakaran'),
      p('Pemadam Kebakaran', 'terampil'),
      p('Pemadam Kebakaran', 'terampil'),
    ],
  },
  {
    code: 'DINSOS',
    name: 'Dinas Sosial',
    headTitle: 'Kepala Dinas Sosial',
    parts: [
      'Sekretariat',
      'Bidang Rehabilitasi Sosial',
      'Bidang Perlindungan dan Jaminan Sosial',
      'Bidang Pemberdayaan Sosial',
    ],
    staff: [4, 7],
    professions: [p('Pekerja Sosial', 'both'), p('Penyuluh Sosial'), ...office],
  },
  {
    code: 'DISNAKER',
    name: 'Dinas Tenaga Kerja',
    headTitle: 'Kepala Dinas Tenaga Kerja',
    parts: ['Sekretariat', 'Bidang Penempatan dan Pelatihan Kerja', 'Bidang Hubungan Industrial'],
    staff: [4, 7],
    professions: [
      p('Pengantar Kerja', 'both'),
      p('Mediator Hubungan Industrial'),
      p('Instruktur', 'both'),
      ...office,
    ],
  },
  {
    code: 'DP3AP2KB',
    name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    headTitle:
      'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    parts: [
      'Sekretariat',
      'Bidang Perlindungan Perempuan dan Anak',
      'Bidang Pengendalian Penduduk',
      'Bidang Keluarga Berencana',
    ],
    staff: [4, 7],
    professions: [p('Penyuluh Keluarga Berencana'), p('Analis Perlindungan Anak'), ...office],
  },
  {
    code: 'DKPP',
    name: 'Dinas Ketahanan Pangan dan Pertanian',
    headTitle: 'Kepala Dinas Ketahanan Pangan dan Pertanian',
    parts: ['Sekretariat', 'Bidang Ketahanan Pangan', 'Bidang Pertanian', 'Bidang Peternakan dan Perikanan'],
    staff: [4, 8],
    professions: [
      p('Penyuluh Pertanian', 'both'),
      p('Medik Veteriner'),
      p('Pengawas Mutu Hasil Pertanian', 'both'),
    ],
  },
  {
    code: 'DLH',
    name: 'Dinas Lingkungan Hidup',
    headTitle: 'Kepala Dinas Lingkungan Hidup',
    parts: [
      'Sekretariat',
      'Bidang Pengelolaan Sampah',
      'Bidang Pengendalian Pencemaran',
      'Bidang Penataan dan Penaatan',
    ],
    staff: [5, 9],
    professions: [p('Pengendali Dampak Lingkungan', 'both'), p('Pengawas Lingkungan Hidup'), ...office],
  },
  {
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    parts: [
      'Sekretariat',
      'Bidang Pelayanan Pendaftaran Penduduk',
      'Bidang Pelayanan Pencatatan Sipil',
      'Bidang Pengelolaan Informasi Administrasi Kependudukan',
    ],
    staff: [5, 8],
    professions: [p('Administrator Database Kependudukan', 'both'), ...office],
  },
  {
    code: 'DISHUB',
    name: 'Dinas Perhubungan',
    headTitle: 'Kepala Dinas Perhubungan',
    parts: ['Sekretariat', 'Bidang Lalu Lintas', 'Bidang Angkutan', 'Bidang Perparkiran'],
    staff: [6, 10],
    professions: [
      p('Penguji Kendaraan Bermotor', 'both'),
      p('Asisten Manajemen Lalu Lintas', 'terampil'),
      ...office,
    ],
  },
  {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    headTitle: 'Kepala Dinas Komunikasi dan Informatika',
    parts: [
      'Sekretariat',
      'Bidang Informasi dan Komunikasi Publik',
      'Bidang Aplikasi Informatika',
      'Bidang Statistik dan Persandian',
    ],
    staff: [4, 7],
    professions: [
      p('Pranata Komputer', 'both'),
      p('Pranata Hubungan Masyarakat', 'both'),
      p('Statistisi', 'both'),
      p('Sandiman', 'both'),
    ],
  },
  {
    code: 'DISKOPUM',
    name: 'Dinas Koperasi dan Usaha Mikro',
    headTitle: 'Kepala Dinas Koperasi dan Usaha Mikro',
    parts: ['Sekretariat', 'Bidang Koperasi', 'Bidang Usaha Mikro'],
    staff: [4, 6],
    professions: [p('Pengawas Koperasi'), p('Penyuluh Perindustrian dan Perdagangan'), ...office],
  },
  {
    code: 'DISDAG',
    name: 'Dinas Perdagangan',
    headTitle: 'Kepala Dinas Perdagangan',
    parts: ['Sekretariat', 'Bidang Pengelolaan Pasar', 'Bidang Perdagangan dan Metrologi'],
    staff: [5, 8],
    professions: [p('Penera', 'both'), p('Pengawas Perdagangan'), ...office],
  },
  {
    code: 'DISPERIN',
    name: 'Dinas Perindustrian',
    headTitle: 'Kepala Dinas Perindustrian',
    parts: ['Sekretariat', 'Bidang Industri Kecil dan Menengah', 'Bidang Sarana Industri'],
    staff: [3, 6],
    professions: [p('Penyuluh Perindustrian dan Perdagangan'), ...office],
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    headTitle: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    parts: ['Sekretariat', 'Bidang Penanaman Modal', 'Bidang Pelayanan Perizinan'],
    staff: [5, 8],
    professions: [p('Analis Kebijakan'), p('Pranata Komputer', 'both'), ...office],
  },
  {
    code: 'DISPORA',
    name: 'Dinas Kepemudaan dan Olahraga',
    headTitle: 'Kepala Dinas Kepemudaan dan Olahraga',
    parts: ['Sekretariat', 'Bidang Kepemudaan', 'Bidang Keolahragaan'],
    staff: [3, 6],
    professions: office,
  },
  {
    code: 'DISBUDPAR',
    name: 'Dinas Kebudayaan dan Pariwisata',
    headTitle: 'Kepala Dinas Kebudayaan dan Pariwisata',
    parts: [
      'Sekretariat',
      'Bidang Kebudayaan',
      'Bidang Destinasi dan Industri Pariwisata',
      'Bidang Pemasaran Pariwisata',
    ],
    staff: [3, 6],
    professions: [p('Pamong Budaya'), p('Adyatama Kepariwisataan dan Ekonomi Kreatif'), ...office],
  },
  {
    code: 'DISPUSIP',
    name: 'Dinas Perpustakaan dan Kearsipan',
    headTitle: 'Kepala Dinas Perpustakaan dan Kearsipan',
    parts: ['Sekretariat', 'Bidang Perpustakaan', 'Bidang Kearsipan'],
    staff: [4, 7],
    professions: [p('Pustakawan', 'both'), p('Arsiparis', 'both')],
  },
  {
    code: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
    headTitle: 'Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
    parts: [
      'Sekretariat',
      'Bidang Perencanaan Pemerintahan dan Pembangunan Manusia',
      'Bidang Perekonomian dan Infrastruktur',
      'Bidang Riset dan Inovasi',
    ],
    staff: [4, 7],
    professions: [p('Perencana'), p('Perencana'), p('Peneliti'), ...office],
  },
  {
    code: 'BKAD',
    name: 'Badan Keuangan dan Aset Daerah',
    headTitle: 'Kepala Badan Keuangan dan Aset Daerah',
    parts: ['Sekretariat', 'Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Akuntansi', 'Bidang Aset'],
    staff: [5, 9],
    professions: [
      p('Analis Keuangan Pusat dan Daerah'),
      p('Penata Laporan Keuangan', 'both'),
      p('Analis Pengelolaan Barang Milik Daerah'),
    ],
  },
  {
    code: 'BAPENDA',
    name: 'Badan Pendapatan Daerah',
    headTitle: 'Kepala Badan Pendapatan Daerah',
    parts: [
      'Sekretariat',
      'Bidang Pendataan dan Penetapan',
      'Bidang Penagihan',
      'Bidang Pajak Bumi dan Bangunan',
    ],
    staff: [5, 9],
    professions: [p('Penilai Pajak'), p('Analis Keuangan Pusat dan Daerah'), ...office],
  },
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    headTitle: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    parts: [
      'Sekretariat',
      'Bidang Pengadaan, Pemberhentian dan Informasi',
      'Bidang Mutasi dan Promosi',
      'Bidang Pengembangan Kompetensi',
    ],
    staff: [5, 8],
    professions: [
      p('Analis Sumber Daya Manusia Aparatur'),
      p('Asesor Sumber Daya Manusia Aparatur'),
      p('Widyaiswara'),
    ],
  },
  {
    code: 'BAKESBANGPOL',
    name: 'Badan Kesatuan Bangsa dan Politik',
    headTitle: 'Kepala Badan Kesatuan Bangsa dan Politik',
    parts: [
      'Sekretariat',
      'Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa',
      'Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan',
    ],
    staff: [3, 6],
    professions: [p('Analis Kebijakan'), ...office],
  },
  {
    code: 'BPBD',
    name: 'Badan Penanggulangan Bencana Daerah',
    headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
    parts: [
      'Sekretariat',
      'Bidang Pencegahan dan Kesiapsiagaan',
      'Bidang Kedaruratan dan Logistik',
      'Bidang Rehabilitasi dan Rekonstruksi',
    ],
    staff: [4, 7],
    professions: [p('Analis Bencana'), p('Penata Penanggulangan Bencana', 'terampil'), ...office],
  },
]

/** Kota Malang's Kemendagri code: the five kecamatan and 57 kelurahan of the demo city. */
const demoCityRegion = '35.73'

const pelaksanaTitles = [
  'Pengadministrasi Perkantoran',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Operator Layanan Operasional',
  'Pengolah Data dan Informasi',
  'Pengelola Keuangan',
] as const
/** Non-ASN posts that usually need a diploma or degree (drivers, cleaners and guards usually have none). */
const officeWork = new Set([
  'Tenaga Administrasi',
  'Tenaga Teknis',
  'Operator Komputer',
  'Operator Sekolah',
  'Tenaga Perpustakaan',
])
const nonAsnTitles = [
  'Tenaga Administrasi',
  'Pengemudi',
  'Petugas Kebersihan',
  'Petugas Keamanan',
  'Tenaga Teknis',
  'Operator Komputer',
] as const

/* ------------------------------------------------------------------------------------------------------------
 * People of a post
 * ---------------------------------------------------------------------------------------------------------- */

type Seniority = 'leader' | 'senior' | 'middle' | 'junior'

interface Post {
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

const birthYears: Record<Seniority, [number, number]> = {
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

function titlesFor(
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
function staffPost(
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

const leaderPost = (positionTitle: string, positionType: PositionType, female = 0.3): Post => ({
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

/* ------------------------------------------------------------------------------------------------------------
 * Building the roster
 * ---------------------------------------------------------------------------------------------------------- */

interface PlannedUnit {
  readonly row: UnitRow
  readonly head: Post
  readonly staff: readonly Post[]
}

export interface DemoRoster {
  readonly units: readonly UnitRow[]
  readonly employees: readonly EmployeeRow[]
}

/**
 * Builds the whole roster in memory (no I/O besides the cached region table). `today` fixes which NIPs are plausible;
 * appointments end in 2024 so the roster stays valid on any later day.
 */
export async function buildDemoRoster(options: {
  agencyId: string
  now: Date
  seed?: number
}): Promise<DemoRoster> {
  const random = createRandom(options.seed ?? 20241127)
  const at = options.now.toISOString()
  const planned: PlannedUnit[] = []

  const addUnit = (
    parent: UnitRow | null,
    spec: { name: string; kind: UnitKind; code: string; regionCode?: string | null },
    head: Post,
    staff: readonly Post[],
  ): UnitRow => {
    const id = newId()
    const path = childPath(parent?.path ?? rootPath, id)
    const row: UnitRow = {
      id,
      agencyId: options.agencyId,
      parentId: parent?.id ?? null,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      regionCode: spec.regionCode ?? null,
      headEmployeeId: null,
      path,
      depth: depthOf(path),
      deactivatedAt: null,
      createdAt: at,
      updatedAt: at,
    }
    planned.push({ row, head, staff })
    return row
  }
  const staffOf = (
    count: number,
    professions: readonly Profession[],
    mix: { pppk: number; nonAsn: number },
    extra?: readonly string[],
  ) => Array.from({ length: count }, () => staffPost(random, professions, mix, extra))
  const officeMix = { pppk: 0.1, nonAsn: 0.15 }

  const kecamatan = await childRegions(demoCityRegion)
  const kelurahanByKecamatan = await Promise.all(kecamatan.map((k) => childRegions(k.code)))
  const kelurahan = kelurahanByKecamatan.flat()

  for (const opd of opds) {
    const driverAndAide = staffOf(2, [], { pppk: 0, nonAsn: 0.6 })
    const top = addUnit(
      null,
      { name: opd.name, kind: 'opd', code: opd.code },
      leaderPost(opd.headTitle, 'jpt_pratama', opd.code === 'SETDA' ? 0.2 : 0.3),
      driverAndAide,
    )
    opd.parts.forEach((part, index) => {
      const isSecretariat = part === 'Sekretariat'
      const headTitle = isSecretariat
        ? `Sekretaris ${opd.name.split(' ')[0] === 'Inspektorat' ? 'Inspektorat' : opd.name.startsWith('Badan') ? 'Badan' : 'Dinas'}`
        : part.startsWith('Inspektur')
          ? part
          : `Kepala ${part}`
      const unitName = part.startsWith('Inspektur') ? part.replace('Inspektur', 'Inspektorat') : part
      const professions = isSecretariat ? office : opd.professions
      addUnit(
        top,
        { name: unitName, kind: 'bidang', code: `${opd.code}-${String(index + 1).padStart(2, '0')}` },
        leaderPost(headTitle, 'administrator', 0.4),
        staffOf(
          random.int(opd.staff[0], opd.staff[1]),
          professions,
          opd.code === 'RSUD' ? { pppk: 0.25, nonAsn: 0.15 } : officeMix,
        ),
      )
    })
    if (opd.code === 'DISDIK') {
      const teachers = [p('Guru'), p('Guru'), p('Guru'), p('Guru'), p('Guru'), p('Pustakawan', 'terampil')]
      const schoolStaff = (count: number) =>
        staffOf(count, teachers, { pppk: 0.35, nonAsn: 0.1 }, [
          'Operator Sekolah',
          'Penjaga Sekolah',
          'Tenaga Perpustakaan',
        ]).map((post): Post =>
          post.positionTitle.startsWith('Guru') ? { ...post, titles: 'teacher', female: 0.65 } : post,
        )
      const kepalaSekolah = (name: string): Post => ({
        kind: 'PNS',
        positionType: 'fungsional',
        positionTitle: `Kepala ${name}`,
        seniority: 'senior',
        female: 0.55,
        grades: ['IV/a', 'IV/b'],
        titles: 'teacher',
      })
      kelurahan.slice(0, 30).forEach((area, index) => {
        const name = `SD Negeri ${area.name} ${(index % 3) + 1}`
        addUnit(
          top,
          { name, kind: 'sekolah', code: `SDN-${String(index + 1).padStart(3, '0')}`, regionCode: area.code },
          kepalaSekolah(name),
          schoolStaff(random.int(11, 17)),
        )
      })
      for (let n = 1; n <= 10; n++) {
        const area = random.pick(kelurahan)
        const name = `SMP Negeri ${n} Kota Contoh`
        addUnit(
          top,
          { name, kind: 'sekolah', code: `SMPN-${String(n).padStart(3, '0')}`, regionCode: area.code },
          kepalaSekolah(name),
          schoolStaff(random.int(24, 34)),
        )
      }
    }
    if (opd.code === 'DINKES') {
      kelurahanByKecamatan.forEach((areas) => {
        for (const area of areas.slice(0, 2)) {
          const name = `Puskesmas ${area.name}`
          addUnit(
            top,
            { name, kind: 'upt', code: `PKM-${area.code.replace(/\./g, '')}`, regionCode: area.code },
            {
              kind: 'PNS',
              positionType: 'fungsional',
              positionTitle: `Kepala ${name}`,
              seniority: 'senior',
              female: 0.5,
              grades: ['III/d', 'IV/a', 'IV/b'],
              titles: 'doctor',
            },
            staffOf(random.int(16, 24), health, { pppk: 0.25, nonAsn: 0.15 }, [
              'Tenaga Kebersihan',
              'Pengemudi Ambulans',
            ]),
          )
        }
      })
      addUnit(
        top,
        { name: 'UPT Laboratorium Kesehatan Daerah', kind: 'upt', code: 'UPT-LABKESDA' },
        leaderPost('Kepala UPT Laboratorium Kesehatan Daerah', 'pengawas', 0.5),
        staffOf(
          8,
          [p('Pranata Laboratorium Kesehatan', 'both'), p('Pranata Laboratorium Kesehatan', 'both')],
          { pppk: 0.2, nonAsn: 0.1 },
        ),
      )
    }
  }

  kecamatan.forEach((district, k) => {
    const kecamatanUnit = addUnit(
      null,
      {
        name: `Kecamatan ${district.name}`,
        kind: 'kecamatan',
        code: `KEC-${district.code.replace(/\./g, '')}`,
        regionCode: district.code,
      },
      leaderPost(`Camat ${district.name}`, 'administrator', 0.3),
      [
        leaderPost(`Sekretaris Kecamatan ${district.name}`, 'administrator', 0.4),
        leaderPost('Kepala Seksi Pemerintahan', 'pengawas', 0.4),
        leaderPost('Kepala Seksi Ketenteraman dan Ketertiban Umum', 'pengawas', 0.3),
        leaderPost('Kepala Seksi Pemberdayaan Masyarakat', 'pengawas', 0.5),
        ...staffOf(random.int(6, 9), [p('Analis Kebijakan')], officeMix),
      ],
    )
    for (const area of kelurahanByKecamatan[k] ?? []) {
      addUnit(
        kecamatanUnit,
        {
          name: `Kelurahan ${area.name}`,
          kind: 'kelurahan',
          code: `KEL-${area.code.replace(/\./g, '')}`,
          regionCode: area.code,
        },
        leaderPost(`Lurah ${area.name}`, 'pengawas', 0.4),
        [
          leaderPost(`Sekretaris Kelurahan ${area.name}`, 'pengawas', 0.5),
          ...staffOf(random.int(3, 6), [], { pppk: 0.05, nonAsn: 0.3 }),
        ],
      )
    }
  })

  // People, in tree order so every superior is inserted before the people who report to them.
  const rules = nipRulesAt(options.now)
  const issueNip = createNipIssuer()
  const headOf = new Map<string, string>()
  const employees: EmployeeRow[] = []
  let sekda: string | null = null

  const person = (post: Post, unit: UnitRow, superiorId: string | null): EmployeeRow => {
    const gender: Gender = random.chance(post.female) ? 'female' : 'male'
    const [fromYear, toYear] = birthYears[post.seniority]
    const birthDate = randomDate(random, fromYear, toYear)
    const born = Number(birthDate.slice(0, 4))
    let nip: string | null = null
    if (post.kind === 'PNS') {
      const year = Math.min(born + random.int(22, 30), 2024)
      nip = issueNip('PNS', birthDate, { year, month: random.int(1, 12) }, gender)
    } else if (post.kind === 'PPPK') {
      nip = issueNip(
        'PPPK',
        birthDate,
        { year: Math.max(random.int(2019, 2024), born + 19), month: 1 },
        gender,
      )
    }
    const name = personName(random, gender)
    const titles = titlesFor(random, post, born, gender)
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '.')
    const input: EmployeeInput = {
      kind: post.kind,
      nip,
      nik: random.chance(0.7) ? nikFor(random, birthDate, gender) : null,
      name,
      frontTitle: titles.front,
      backTitle: titles.back,
      gender,
      birthDate,
      grade: post.grades && post.grades.length > 0 ? random.pick(post.grades) : null,
      positionType: post.positionType,
      positionTitle: post.positionTitle,
      status: random.chance(0.01) ? 'retired' : 'active',
      email:
        post.kind !== 'NON_ASN' && random.chance(0.6)
          ? `${handle}${random.int(1, 99)}@kotacontoh.go.id`
          : null,
      phone: random.chance(0.8)
        ? `08${random.pick(['11', '12', '13', '21', '22', '52', '53', '56', '57', '77', '78', '95', '96'])}${random.int(10_000_000, 99_999_999)}`
        : null,
    }
    input.whatsapp = input.phone && random.chance(0.85) ? input.phone : null
    const validation = validateEmployee(input, rules)
    if (!validation.ok)
      throw new Error(`demo roster: invalid employee ${JSON.stringify(validation.problems)}`)
    return {
      id: newId(),
      agencyId: options.agencyId,
      unitId: unit.id,
      superiorId,
      ...recordColumns(validation.record),
      createdAt: at,
      updatedAt: at,
    }
  }

  for (const { row, head, staff } of planned) {
    const parentHead = row.parentId ? (headOf.get(row.parentId) ?? null) : sekda
    const chief = person(head, row, parentHead)
    employees.push(chief)
    headOf.set(row.id, chief.id)
    if (row.code === 'SETDA') sekda = chief.id
    for (const post of staff) employees.push(person(post, row, chief.id))
  }
  const units = planned.map(({ row }) => ({ ...row, headEmployeeId: headOf.get(row.id) ?? null }))
  return { units, employees }
}

/** A valid-looking NIK registered in Kota Malang (35.73.xx), day + 40 for women (DOMAIN.md §9.3). */
function nikFor(random: Random, birthDate: string, gender: Gender): string {
  const [year = '', month = '', day = ''] = birthDate.split('-')
  const dd = Number(day) + (gender === 'female' ? 40 : 0)
  return `3573${pad(random.int(1, 5))}${pad(dd)}${month}${year.slice(2)}${pad(random.int(1, 60), 4)}`
}

export interface DemoRosterCounts {
  /** False when the roster was already there (nothing was written). */
  readonly created: boolean
  readonly units: number
  /** Top-level units of kind `opd`. */
  readonly opd: number
  readonly employees: number
  readonly byKind: Readonly<Record<EmployeeKind, number>>
}

async function countRoster(
  db: Kysely<Database>,
  agencyId: string,
  created: boolean,
): Promise<DemoRosterCounts> {
  const units = await db
    .selectFrom('units')
    .select(['kind', 'depth'])
    .where('agencyId', '=', agencyId)
    .execute()
  const kinds = await db
    .selectFrom('employees')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('count')])
    .where('agencyId', '=', agencyId)
    .groupBy('kind')
    .execute()
  const byKind: Record<EmployeeKind, number> = { PNS: 0, PPPK: 0, NON_ASN: 0 }
  for (const row of kinds) byKind[row.kind as EmployeeKind] = Number(row.count)
  return {
    created,
    units: units.length,
    opd: units.filter((unit) => unit.kind === 'opd' && Number(unit.depth) === 0).length,
    employees: byKind.PNS + byKind.PPPK + byKind.NON_ASN,
    byKind,
  }
}

/**
 * Fills the agency with the demo roster unless it already has one (unit code `SETDA`). One transaction, batched
 * inserts (name-search tokens included) and one audit event summarising the seed.
 */
export async function seedDemoRoster(
  db: Kysely<Database>,
  clock: Clock,
  agencyId: string,
  actor: AuditActor = systemActor,
): Promise<DemoRosterCounts> {
  if (await findUnitByCode(db, agencyId, 'SETDA')) return countRoster(db, agencyId, false)
  const roster = await buildDemoRoster({ agencyId, now: clock.now() })
  const written = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: two seeds started together write the roster once.
    if (await findUnitByCode(trx, agencyId, 'SETDA')) return false
    await insertUnits(trx, roster.units)
    await insertEmployees(trx, roster.employees)
    await recordAuditEvent(trx, clock, actor, {
      action: 'demo.roster_seeded',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      summary: { units: roster.units.length, employees: roster.employees.length },
    })
    return true
  })
  return countRoster(db, agencyId, written)
}
