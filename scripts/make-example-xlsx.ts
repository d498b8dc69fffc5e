/**
 * Writes examples/pegawai-contoh.xlsx: a SIASN-style employee list of Kota Contoh (48 people in units of the demo
 * roster: Dinas Komunikasi dan Informatika, BKPSDM and Dinas Kesehatan, with their bidang), superiors by NIP ATASAN,
 * PNS, PPPK (told apart by their grade) and Non-ASN (no NIP, no grade) — with exactly three deliberate mistakes for
 * the import's "3 baris bermasalah" demonstration:
 *   row 15  NIP with an impossible birth date (30 February)      → employee.nip_invalid (birth_date)
 *   row 27  NIP whose 15th digit (sex) is 3                      → employee.nip_invalid (gender_digit)
 *   row 42  GOL "III/f", a grade that does not exist             → employee.field_invalid (grade)
 *
 *   npx tsx scripts/make-example-xlsx.ts                    # examples/pegawai-contoh.xlsx
 *   npx tsx scripts/make-example-xlsx.ts --fixed --out F    # the corrected file (what the user saves after fixing)
 *
 * Deterministic: fixed data, and the clock is pinned while writing so even the ZIP timestamps (and therefore the
 * bytes) are the same on every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import ExcelJS from 'exceljs'

type Cell = string | Date | null

/** One person of the example: NIP parts so the NIP, birth date and sex always agree. */
interface Person {
  readonly born: string // YYYYMMDD
  readonly appointed: string // YYYYMM (PNS) or YYYY21 (PPPK)
  /** 1 male, 2 female; 3 only in the deliberately broken NIP. */
  readonly sex: 1 | 2 | 3
  readonly sequence: number
  readonly name: string
  readonly front?: string
  readonly back?: string
  readonly grade: string | null
  readonly title: string
  readonly type: string | null
  readonly unit: string
  /** Index of the superior in the list (its NIP goes to NIP ATASAN). */
  readonly superior?: number
  readonly phone?: string
  /** Non-ASN: no NIP. */
  readonly nonAsn?: boolean
  /** Printed NIP with spaces (as on a letter): the import accepts both. */
  readonly spaced?: boolean
  /** The real birth date (YYYYMMDD) where the NIP was mistyped: TGL LAHIR shows it. */
  readonly realBorn?: string
}

const kominfo = 'Dinas Komunikasi dan Informatika'
const aptika = 'Bidang Aplikasi Informatika'
const ikp = 'Bidang Informasi dan Komunikasi Publik'
const statistik = 'Bidang Statistik dan Persandian'
const bkpsdm = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'
const mutasi = 'Bidang Mutasi dan Promosi'
const kompetensi = 'Bidang Pengembangan Kompetensi'
const yankes = 'Bidang Pelayanan Kesehatan'

/** Index in `people` of each leader, for NIP ATASAN. */
const KADIS = 0
const KABID_APTIKA = 1
const KABID_IKP = 2
const KABID_STATISTIK = 3
const KABAN = 20
const KABID_MUTASI = 21
const KABID_KOMPETENSI = 22
const KABID_YANKES = 34

// prettier-ignore
const people: readonly Person[] = [
  // Dinas Komunikasi dan Informatika (rows 2–21)
  { born: '19720314', appointed: '199803', sex: 1, sequence: 901, name: 'Hendra Gunawan', front: 'Dr.', back: 'S.Kom., M.T.', grade: 'IV/c', title: 'Kepala Dinas Komunikasi dan Informatika', type: 'JPT Pratama', unit: kominfo, phone: '081231110001', spaced: true },
  { born: '19780921', appointed: '200312', sex: 2, sequence: 902, name: 'Ratna Kusumawati', back: 'S.T., M.Kom.', grade: 'IV/a', title: 'Kepala Bidang Aplikasi Informatika', type: 'Administrator', unit: aptika, superior: KADIS, phone: '081231110002' },
  { born: '19800105', appointed: '200503', sex: 1, sequence: 903, name: 'Agus Setiawan', back: 'S.Sos., M.Si.', grade: 'IV/a', title: 'Kepala Bidang Informasi dan Komunikasi Publik', type: 'Administrator', unit: ikp, superior: KADIS },
  { born: '19790611', appointed: '200412', sex: 2, sequence: 904, name: 'Dewi Anggraini', back: 'S.Si., M.Stat.', grade: 'III/d', title: 'Kepala Bidang Statistik dan Persandian', type: 'Administrator', unit: statistik, superior: KADIS },
  { born: '19880217', appointed: '201203', sex: 1, sequence: 905, name: 'Rizky Pratama', back: 'S.Kom.', grade: 'III/c', title: 'Pranata Komputer Ahli Muda', type: 'Fungsional', unit: aptika, superior: KABID_APTIKA, phone: '081231110005' },
  { born: '19930830', appointed: '201903', sex: 2, sequence: 906, name: 'Nabila Putri Maharani', back: 'S.Kom.', grade: 'III/a', title: 'Pranata Komputer Ahli Pertama', type: 'Fungsional', unit: aptika, superior: KABID_APTIKA },
  { born: '19950412', appointed: '202101', sex: 1, sequence: 907, name: 'Dimas Saputra', back: 'S.T.', grade: 'III/a', title: 'Pranata Komputer Ahli Pertama', type: 'Fungsional', unit: aptika, superior: KABID_APTIKA },
  { born: '19960103', appointed: '2022' + '21', sex: 1, sequence: 908, name: 'Yoga Mahendra', back: 'S.Kom.', grade: 'IX', title: 'Pranata Komputer Ahli Pertama', type: 'Fungsional', unit: aptika, superior: KABID_APTIKA },
  { born: '19870519', appointed: '201103', sex: 1, sequence: 909, name: 'Fajar Nugroho', back: 'A.Md.', grade: 'II/d', title: 'Pengelola Layanan Operasional', type: 'Pelaksana', unit: aptika, superior: KABID_APTIKA },
  { born: '19850726', appointed: '200904', sex: 2, sequence: 910, name: 'Sri Wahyuningsih', back: 'S.I.Kom.', grade: 'III/c', title: 'Pranata Hubungan Masyarakat Ahli Muda', type: 'Fungsional', unit: ikp, superior: KABID_IKP },
  { born: '19920909', appointed: '201803', sex: 1, sequence: 911, name: 'Bayu Firmansyah', back: 'S.I.Kom.', grade: 'III/b', title: 'Pranata Hubungan Masyarakat Ahli Pertama', type: 'Fungsional', unit: ikp, superior: KABID_IKP },
  { born: '19940228', appointed: '202003', sex: 2, sequence: 912, name: 'Laras Permatasari', back: 'S.Sos.', grade: 'III/a', title: 'Pranata Hubungan Masyarakat Ahli Pertama', type: 'Fungsional', unit: ikp, superior: KABID_IKP },
  { born: '19970614', appointed: '2023' + '21', sex: 2, sequence: 913, name: 'Citra Ayu Lestari', back: 'A.Md.Kom.', grade: 'VII', title: 'Pranata Hubungan Masyarakat Terampil', type: 'Fungsional', unit: ikp, superior: KABID_IKP },
  // Deliberate mistake 1 (row 15): 30 February does not exist. The corrected file has 20 February.
  { born: '19870230', realBorn: '19870220', appointed: '201203', sex: 1, sequence: 914, name: 'Imam Hakim', back: 'S.E.', grade: 'III/b', title: 'Pengadministrasi Perkantoran', type: 'Pelaksana', unit: ikp, superior: KABID_IKP },
  { born: '19830312', appointed: '200803', sex: 1, sequence: 915, name: 'Teguh Wibowo', back: 'S.Si.', grade: 'III/d', title: 'Statistisi Ahli Muda', type: 'Fungsional', unit: statistik, superior: KABID_STATISTIK },
  { born: '19910118', appointed: '201703', sex: 2, sequence: 916, name: 'Intan Safitri', back: 'S.Stat.', grade: 'III/b', title: 'Statistisi Ahli Pertama', type: 'Fungsional', unit: statistik, superior: KABID_STATISTIK },
  { born: '19890807', appointed: '201403', sex: 1, sequence: 917, name: 'Galih Permana', back: 'S.Kom.', grade: 'III/c', title: 'Sandiman Ahli Muda', type: 'Fungsional', unit: statistik, superior: KABID_STATISTIK },
  { born: '19980921', appointed: '2023' + '21', sex: 1, sequence: 918, name: 'Reza Maulana', back: 'A.Md.', grade: 'VII', title: 'Sandiman Terampil', type: 'Fungsional', unit: statistik, superior: KABID_STATISTIK },
  { born: '19950505', appointed: '', sex: 1, sequence: 0, name: 'Joko Susilo', grade: null, title: 'Tenaga Teknis Jaringan', type: null, unit: aptika, superior: KABID_APTIKA, nonAsn: true },
  { born: '19990311', appointed: '', sex: 2, sequence: 0, name: 'Anisa Rahma', grade: null, title: 'Tenaga Administrasi', type: null, unit: kominfo, superior: KADIS, nonAsn: true },

  // Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (rows 22–35)
  { born: '19710808', appointed: '199703', sex: 2, sequence: 921, name: 'Endang Susanti', front: 'Dra.', back: 'M.Si.', grade: 'IV/c', title: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', type: 'JPT Pratama', unit: bkpsdm, phone: '081231110021' },
  { born: '19770402', appointed: '200203', sex: 1, sequence: 922, name: 'Slamet Haryanto', back: 'S.H., M.M.', grade: 'IV/b', title: 'Kepala Bidang Mutasi dan Promosi', type: 'Administrator', unit: mutasi, superior: KABAN },
  { born: '19810923', appointed: '200603', sex: 2, sequence: 923, name: 'Yuli Handayani', back: 'S.Psi., M.Psi.', grade: 'IV/a', title: 'Kepala Bidang Pengembangan Kompetensi', type: 'Administrator', unit: kompetensi, superior: KABAN },
  { born: '19860114', appointed: '201003', sex: 1, sequence: 924, name: 'Arif Kurniawan', back: 'S.AP.', grade: 'III/c', title: 'Analis Sumber Daya Manusia Aparatur Ahli Muda', type: 'Fungsional', unit: mutasi, superior: KABID_MUTASI },
  { born: '19900627', appointed: '201603', sex: 2, sequence: 925, name: 'Putri Wulandari', back: 'S.Psi.', grade: 'III/b', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', type: 'Fungsional', unit: mutasi, superior: KABID_MUTASI },
  // Deliberate mistake 2 (row 27): the 15th digit (sex) is 3. The corrected file has 2.
  { born: '19910712', appointed: '201503', sex: 3, sequence: 926, name: 'Maya Puspitasari', back: 'S.H.', grade: 'III/b', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', type: 'Fungsional', unit: mutasi, superior: KABID_MUTASI },
  { born: '19880330', appointed: '201303', sex: 1, sequence: 927, name: 'Lukman Hakim Siregar', back: 'S.Kom.', grade: 'III/b', title: 'Pranata Komputer Ahli Pertama', type: 'Fungsional', unit: mutasi, superior: KABID_MUTASI },
  { born: '19840509', appointed: '200903', sex: 1, sequence: 928, name: 'Heru Prasetyo', back: 'S.E.', grade: 'III/c', title: 'Pengelola Kepegawaian', type: 'Pelaksana', unit: mutasi, superior: KABID_MUTASI },
  { born: '19750817', appointed: '200103', sex: 2, sequence: 929, name: 'Sri Rahayu', back: 'S.Pd., M.Pd.', grade: 'IV/a', title: 'Widyaiswara Ahli Madya', type: 'Fungsional', unit: kompetensi, superior: KABID_KOMPETENSI },
  { born: '19890219', appointed: '201403', sex: 1, sequence: 930, name: 'Ilham Ramadhan', back: 'S.Psi.', grade: 'III/c', title: 'Asesor Sumber Daya Manusia Aparatur Ahli Muda', type: 'Fungsional', unit: kompetensi, superior: KABID_KOMPETENSI },
  { born: '19930415', appointed: '201903', sex: 2, sequence: 931, name: 'Aulia Fitriani', back: 'S.AP.', grade: 'III/a', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', type: 'Fungsional', unit: kompetensi, superior: KABID_KOMPETENSI },
  { born: '19940901', appointed: '2022' + '21', sex: 1, sequence: 932, name: 'Satria Wardhana', back: 'S.M.', grade: 'IX', title: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', type: 'Fungsional', unit: kompetensi, superior: KABID_KOMPETENSI },
  { born: '19820227', appointed: '200803', sex: 2, sequence: 933, name: 'Kartika Sari Dewi', back: 'A.Md.', grade: 'II/d', title: 'Pengadministrasi Perkantoran', type: 'Pelaksana', unit: bkpsdm, superior: KABAN },
  { born: '19970120', appointed: '', sex: 1, sequence: 0, name: 'Bagus Setiadi', grade: null, title: 'Pengemudi', type: null, unit: bkpsdm, superior: KABAN, nonAsn: true },

  // Dinas Kesehatan, Bidang Pelayanan Kesehatan (rows 36–49); its head reports to the Kepala Dinas already in Netra.
  { born: '19790304', appointed: '200501', sex: 2, sequence: 941, name: 'Theresia Maria Simanjuntak', front: 'dr.', back: 'M.Kes.', grade: 'IV/a', title: 'Kepala Bidang Pelayanan Kesehatan', type: 'Administrator', unit: yankes, phone: '081231110041' },
  { born: '19850612', appointed: '201002', sex: 1, sequence: 942, name: 'Made Suryadi', front: 'dr.', grade: 'III/d', title: 'Dokter Ahli Muda', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19870923', appointed: '201203', sex: 2, sequence: 943, name: 'Ni Putu Ayu Lestari', back: 'S.Kep., Ners', grade: 'III/c', title: 'Perawat Ahli Muda', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19920114', appointed: '201803', sex: 2, sequence: 944, name: 'Fitria Handayani', back: 'A.Md.Keb.', grade: 'II/d', title: 'Bidan Terampil', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19900505', appointed: '201603', sex: 1, sequence: 945, name: 'Hasan Batubara', back: 'S.Farm., Apt.', grade: 'III/b', title: 'Apoteker Ahli Pertama', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19860830', appointed: '201103', sex: 1, sequence: 946, name: 'Sugeng Riyadi', back: 'S.KM.', grade: 'III/c', title: 'Administrator Kesehatan Ahli Muda', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  // Deliberate mistake 3 (row 42): golongan III/f does not exist. The corrected file has III/b.
  { born: '19911210', appointed: '201703', sex: 2, sequence: 947, name: 'Wulan Sari', back: 'S.KM.', grade: 'III/f', title: 'Epidemiolog Kesehatan Ahli Pertama', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19950218', appointed: '2022' + '21', sex: 2, sequence: 948, name: 'Rina Oktaviani', back: 'S.Kep., Ners', grade: 'IX', title: 'Perawat Ahli Pertama', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19960727', appointed: '2023' + '21', sex: 1, sequence: 949, name: 'Yudi Hermawan', back: 'A.Md.Kep.', grade: 'VII', title: 'Perawat Terampil', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19930403', appointed: '2022' + '21', sex: 2, sequence: 950, name: 'Evi Damayanti', back: 'A.Md.Farm.', grade: 'VII', title: 'Asisten Apoteker Terampil', type: 'Fungsional', unit: yankes, superior: KABID_YANKES },
  { born: '19830922', appointed: '200903', sex: 1, sequence: 951, name: 'Yohanes Purba', back: 'S.E.', grade: 'III/b', title: 'Pengelola Keuangan', type: 'Pelaksana', unit: yankes, superior: KABID_YANKES },
  { born: '19881115', appointed: '201403', sex: 2, sequence: 952, name: 'Dian Novitasari', back: 'A.Md.', grade: 'II/c', title: 'Pengadministrasi Perkantoran', type: 'Pelaksana', unit: yankes, superior: KABID_YANKES },
  { born: '19980606', appointed: '', sex: 1, sequence: 0, name: 'Asep Sunandar', grade: null, title: 'Petugas Keamanan', type: null, unit: yankes, superior: KABID_YANKES, nonAsn: true },
  { born: '19940121', appointed: '', sex: 2, sequence: 0, name: 'Neneng Hasanah', grade: null, title: 'Petugas Kebersihan', type: null, unit: yankes, superior: KABID_YANKES, nonAsn: true },
]

/** Corrections of the three deliberate mistakes (by index in `people`). */
const fixes: Readonly<Record<number, Partial<Person>>> = {
  13: { born: '19870220' },
  25: { sex: 2 },
  40: { grade: 'III/b' },
}

/** Row numbers (header = 1) of the deliberate mistakes, with what the import reports. */
export const exampleMistakes = [
  { row: 15, column: 'NIP', code: 'employee.nip_invalid', reason: 'birth_date' },
  { row: 27, column: 'NIP', code: 'employee.nip_invalid', reason: 'gender_digit' },
  { row: 42, column: 'GOL', code: 'employee.field_invalid', reason: 'unknown' },
] as const

export const exampleRowCount = people.length

export const exampleHeaders = [
  'NIP',
  'NAMA',
  'GELAR DEPAN',
  'GELAR BELAKANG',
  'TGL LAHIR',
  'JENIS KELAMIN',
  'GOL',
  'JABATAN',
  'JENIS JABATAN',
  'UNOR',
  'NIP ATASAN',
  'EMAIL',
  'NO HP',
] as const

const nipOf = (person: Person): string | null =>
  person.nonAsn
    ? null
    : `${person.born}${person.appointed}${person.sex}${String(person.sequence).padStart(3, '0')}`

const printed = (nip: string, spaced: boolean | undefined) =>
  spaced ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip

/** Birth date as a date cell; the impossible 30 February stays in the NIP only (the cell shows the real date). */
function birthDate(person: Person): Date {
  const born = person.realBorn ?? person.born
  return new Date(Date.UTC(Number(born.slice(0, 4)), Number(born.slice(4, 6)) - 1, Number(born.slice(6, 8))))
}

const emailOf = (person: Person) =>
  `${person.name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ')
    .slice(0, 2)
    .join('.')}@kotacontoh.go.id`

/** The rows of the example, header first; `fixed` applies the three corrections. */
export function exampleRows(fixed = false): Cell[][] {
  const list = people.map((person, index) => (fixed ? { ...person, ...fixes[index] } : person))
  return [
    [...exampleHeaders],
    ...list.map((person): Cell[] => {
      const nip = nipOf(person)
      const superior = person.superior === undefined ? undefined : list[person.superior]
      const superiorNip = superior ? nipOf(superior) : null
      // The NIP says the sex, except in the deliberately broken one: the column keeps the person's real sex there.
      const sex = person.sex === 3 ? 'P' : person.sex === 1 ? 'L' : 'P'
      return [
        nip ? printed(nip, person.spaced) : null,
        person.name,
        person.front ?? null,
        person.back ?? null,
        birthDate(person),
        sex,
        person.grade,
        person.title,
        person.type,
        person.unit,
        superiorNip,
        person.nonAsn ? null : emailOf(person),
        person.phone ?? null,
      ]
    }),
  ]
}

const pinnedAt = new Date(Date.UTC(2026, 0, 5, 8, 0, 0))

/** The example workbook as bytes (same bytes on every run). */
export async function exampleXlsx(fixed = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Netra'
  workbook.created = pinnedAt
  workbook.modified = pinnedAt
  const sheet = workbook.addWorksheet('Pegawai', { views: [{ state: 'frozen', ySplit: 1 }] })
  const widths = [22, 28, 10, 16, 12, 8, 7, 44, 14, 44, 21, 32, 15]
  sheet.columns = widths.map((width) => ({ width }))
  for (const row of exampleRows(fixed)) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  // NIP columns are text, so Excel never turns them into numbers (and loses their last digits).
  sheet.getColumn(1).numFmt = '@'
  sheet.getColumn(11).numFmt = '@'
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy'
  sheet.getColumn(13).numFmt = '@'
  // The ZIP entries carry the current time: pin the clock while writing so the bytes do not change.
  const RealDate = Date
  class PinnedDate extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(pinnedAt.getTime())
      else super(...args)
    }
    static override now() {
      return pinnedAt.getTime()
    }
  }
  globalThis.Date = PinnedDate as DateConstructor
  try {
    return Buffer.from(await workbook.xlsx.writeBuffer())
  } finally {
    globalThis.Date = RealDate
  }
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const examplePath = path.join(projectRoot, 'examples', 'pegawai-contoh.xlsx')

async function main(): Promise<void> {
  // ZIP times are local times: the same zone everywhere keeps the bytes equal.
  process.env.TZ = 'UTC'
  const { values } = parseArgs({
    options: { fixed: { type: 'boolean', default: false }, out: { type: 'string' } },
    strict: true,
  })
  const out = path.resolve(values.out ?? examplePath)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, await exampleXlsx(values.fixed))
  process.stdout.write(
    `${out}: ${exampleRowCount} rows${values.fixed ? ' (corrected)' : ', 3 deliberate mistakes'}\n`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
