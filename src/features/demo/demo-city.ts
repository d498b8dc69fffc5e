/**
 * The shape of the fictional Kota Contoh: its 31 OPD with their bidang/bagian, staff sizes and the professions
 * working there, and the titles of pelaksana and Non-ASN posts. Data only; demo-roster.ts turns it into units and
 * people.
 */

export type Profession = { readonly title: string; readonly track: 'ahli' | 'terampil' | 'both' }
export const p = (title: string, track: Profession['track'] = 'ahli'): Profession => ({ title, track })

export const office = [
  p('Analis Kebijakan'),
  p('Perencana'),
  p('Pranata Komputer', 'both'),
  p('Arsiparis', 'both'),
  p('Analis Keuangan Pusat dan Daerah'),
  p('Analis Sumber Daya Manusia Aparatur'),
]
export const health = [
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

export const opds: readonly OpdSpec[] = [
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
export const demoCityRegion = '35.73'

export const pelaksanaTitles = [
  'Pengadministrasi Perkantoran',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Operator Layanan Operasional',
  'Pengolah Data dan Informasi',
  'Pengelola Keuangan',
] as const
/** Non-ASN posts that usually need a diploma or degree (drivers, cleaners and guards usually have none). */
export const officeWork = new Set([
  'Tenaga Administrasi',
  'Tenaga Teknis',
  'Operator Komputer',
  'Operator Sekolah',
  'Tenaga Perpustakaan',
])
export const nonAsnTitles = [
  'Tenaga Administrasi',
  'Pengemudi',
  'Petugas Kebersihan',
  'Petugas Keamanan',
  'Tenaga Teknis',
  'Operator Komputer',
] as const
