/**
 * The employee-import contract shared by the HTTP API, the CLI (`netra import employees`) and the web: the column
 * mapping, the report (row errors with stable codes and Indonesian messages) and the progress of a run.
 */
import { z } from 'zod'
import { employeeFields } from '../../domain/employee-record.js'

/** Record fields plus what a row says about placement: unit (name, code, parent's name) and superior (NIP). */
export const importFields = [...employeeFields, 'unit', 'unitCode', 'parentUnit', 'superiorNip'] as const
export type ImportField = (typeof importFields)[number]

/**
 * Headers recognised without a mapping (SIASN-style export), compared case-insensitively with dots and repeated
 * spaces ignored. The first header of each field is the one the export writes, so an export re-imports as is.
 */
export const defaultColumnHeaders: Readonly<Record<ImportField, readonly string[]>> = {
  nip: ['NIP', 'NIP BARU', 'NI PPPK', 'NIP/NI PPPK'],
  name: ['NAMA', 'NAMA LENGKAP', 'NAMA PEGAWAI'],
  frontTitle: ['GELAR DEPAN'],
  backTitle: ['GELAR BELAKANG'],
  birthDate: ['TGL LAHIR', 'TANGGAL LAHIR'],
  gender: ['JENIS KELAMIN', 'JK', 'L/P'],
  grade: ['GOL', 'GOLONGAN', 'GOL/RUANG', 'GOL RUANG', 'GOLONGAN/RUANG'],
  positionTitle: ['JABATAN', 'NAMA JABATAN'],
  positionType: ['JENIS JABATAN'],
  unit: ['UNOR', 'UNIT KERJA', 'UNIT ORGANISASI', 'NAMA UNOR'],
  unitCode: ['KODE UNOR', 'KODE UNIT KERJA', 'ID UNOR'],
  parentUnit: ['UNOR INDUK', 'INDUK UNOR'],
  superiorNip: ['NIP ATASAN', 'NIP ATASAN LANGSUNG'],
  email: ['EMAIL', 'E-MAIL', 'ALAMAT EMAIL'],
  phone: ['NO HP', 'NOMOR HP', 'HP', 'NO TELEPON', 'NO TELP'],
  whatsapp: ['NO WA', 'WHATSAPP', 'NOMOR WA', 'NO WHATSAPP'],
  kind: ['JENIS PEGAWAI', 'KEDUDUKAN', 'STATUS KEPEGAWAIAN'],
  nik: ['NIK'],
  status: ['STATUS', 'STATUS PEGAWAI'],
}

const HeaderName = z.string().trim().min(1).max(200)

/**
 * Which header holds a field, when it is not the default: `{ nip: 'Nomor Induk' }`. `null` ignores the field even if
 * a default header is present. Unknown field names are refused.
 */
export const ImportMapping = z.strictObject(
  Object.fromEntries(importFields.map((field) => [field, HeaderName.nullable().optional()])) as Record<
    ImportField,
    z.ZodOptional<z.ZodNullable<typeof HeaderName>>
  >,
)
export type ImportMapping = z.infer<typeof ImportMapping>

export const RunImportBody = z.strictObject({
  mapping: ImportMapping.optional(),
  /** Units named in the file that do not exist are created (top level, kind guessed from the name). */
  createMissingUnits: z.boolean().default(false),
})
export type RunImportBody = z.infer<typeof RunImportBody>

export const UploadImportQuery = z.strictObject({
  /** Shown in the report and the audit trail; the kind of file is decided by its content. */
  fileName: z.string().trim().min(1).max(255).optional(),
  /** Defaults to the agency the actor administers. */
  agencyId: z.uuid().optional(),
})
export type UploadImportQuery = z.infer<typeof UploadImportQuery>

export const ImportParams = z.strictObject({ importId: z.uuid() })

/* ------------------------------------------------------------------------------------------------------------
 * Row errors: stable codes, Indonesian messages (one table)
 * ---------------------------------------------------------------------------------------------------------- */

export const importRowCodes = [
  'employee.nip_invalid',
  'employee.nip_mismatch',
  'employee.nik_invalid',
  'employee.field_required',
  'employee.field_invalid',
  'employee.nip_duplicate_in_file',
  'employee.nip_taken_by_other_agency',
  'employee.superior_not_found',
  'employee.superior_cycle',
  'import.unit_not_found',
  'import.unit_ambiguous',
  'import.unit_inactive',
  'import.row_duplicate_in_file',
  'import.cell_error',
  'import.column_missing',
] as const
export type ImportRowCode = (typeof importRowCodes)[number]

type MessageTable = Readonly<Record<ImportRowCode, Readonly<Record<string, string>> & { default: string }>>

/**
 * Indonesian messages by code, then by reason (or, for field codes, by field). `{firstRow}`, `{column}` and
 * `{value}` are filled in from the error.
 */
export const importRowMessages: MessageTable = {
  'employee.nip_invalid': {
    default: 'NIP tidak valid',
    length: 'NIP harus 18 angka',
    not_digits: 'NIP hanya boleh berisi angka',
    birth_date: 'Tanggal lahir pada NIP tidak valid',
    appointment: 'TMT CPNS pada NIP tidak valid',
    appointment_before_adulthood: 'TMT pada NIP jatuh sebelum pegawai berusia 18 tahun',
    appointment_in_future: 'TMT pada NIP masih di masa depan',
    gender_digit: 'Digit jenis kelamin pada NIP (angka ke-15) harus 1 atau 2',
    sequence: 'Nomor urut pada NIP tidak boleh 000',
    required: 'NIP wajib diisi untuk PNS dan PPPK',
    stored_as_number:
      'NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; ubah format kolom menjadi Teks lalu ketik ulang NIP',
  },
  'employee.nip_mismatch': {
    default: 'Data tidak sesuai dengan NIP',
    birth_date: 'Tanggal lahir tidak sama dengan tanggal lahir pada NIP',
    gender: 'Jenis kelamin tidak sesuai dengan digit jenis kelamin pada NIP',
  },
  'employee.nik_invalid': {
    default: 'NIK tidak valid',
    length: 'NIK harus 16 angka',
    not_digits: 'NIK hanya boleh berisi angka',
    region: 'Kode wilayah pada NIK tidak valid',
    birth_date: 'Tanggal lahir pada NIK tidak valid',
    sequence: 'Nomor urut pada NIK tidak boleh 0000',
    stored_as_number:
      'NIK tersimpan sebagai angka sehingga digit terakhirnya hilang; ubah format kolom menjadi Teks lalu ketik ulang NIK',
  },
  'employee.field_required': {
    default: 'Kolom {column} wajib diisi',
    name: 'Nama pegawai wajib diisi',
    unit: 'Unit kerja (UNOR) wajib diisi',
  },
  'employee.field_invalid': {
    default: 'Isian kolom {column} tidak valid',
    too_long: 'Isian kolom {column} terlalu panjang',
    kind: 'Jenis pegawai tidak dikenal (PNS, PPPK, atau Non-ASN)',
    gender: 'Jenis kelamin harus L atau P',
    birthDate: 'Tanggal lahir tidak valid (contoh: 26-09-1986)',
    grade: 'Golongan tidak dikenal (contoh: III/a untuk PNS, IX untuk PPPK)',
    not_for_non_asn: 'Pegawai Non-ASN tidak memiliki golongan',
    positionType: 'Jenis jabatan tidak dikenal (JPT, Administrator, Pengawas, Fungsional, atau Pelaksana)',
    status: 'Status tidak dikenal (Aktif, Pindah, Pensiun, atau Diberhentikan)',
    email: 'Alamat email tidak valid',
    phone: 'Nomor HP tidak valid (contoh: 081234567890)',
    whatsapp: 'Nomor WhatsApp tidak valid (contoh: 081234567890)',
  },
  'employee.nip_duplicate_in_file': { default: 'NIP ini sudah dipakai di baris {firstRow}' },
  'employee.nip_taken_by_other_agency': { default: 'NIP ini sudah terdaftar di instansi lain' },
  'employee.superior_not_found': {
    default: 'NIP atasan tidak ditemukan, baik di berkas ini maupun di data pegawai instansi',
  },
  'employee.superior_cycle': {
    default: 'Atasan membentuk lingkaran: pegawai ini akhirnya menjadi atasan bagi dirinya sendiri',
    self: 'Pegawai tidak boleh menjadi atasan dirinya sendiri',
  },
  'import.unit_not_found': {
    default:
      'Unit kerja tidak ditemukan di instansi ini (pilih "buat unit kerja yang belum ada" untuk membuatnya)',
  },
  'import.unit_ambiguous': {
    default: 'Ada beberapa unit kerja dengan nama ini; isi kolom KODE UNOR atau UNOR INDUK',
  },
  'import.unit_inactive': { default: 'Unit kerja ini sudah dinonaktifkan' },
  'import.row_duplicate_in_file': {
    default: 'Baris ini sama dengan baris {firstRow} (nama, unit kerja, dan tanggal lahir sama)',
  },
  'import.cell_error': { default: 'Sel berisi galat rumus ({value}); isi dengan nilai biasa' },
  'import.column_missing': { default: 'Kolom {column} tidak ditemukan di baris judul' },
}

export interface RowMessageParams {
  readonly reason?: string | undefined
  readonly field?: string | undefined
  readonly column?: string | undefined
  readonly firstRow?: number | undefined
  readonly value?: string | undefined
}

/** The Indonesian message of a row error: by reason, else by field, else the code's default. */
export function importRowMessage(code: ImportRowCode, params: RowMessageParams = {}): string {
  const table = importRowMessages[code]
  const template =
    (params.reason !== undefined ? table[params.reason] : undefined) ??
    (params.field !== undefined ? table[params.field] : undefined) ??
    table.default
  return template
    .replace('{column}', params.column ?? '')
    .replace('{firstRow}', params.firstRow === undefined ? '' : String(params.firstRow))
    .replace('{value}', params.value ?? '')
}

/** Why a file is `import.file_unreadable` (details.reason), in Indonesian. */
export const unreadableMessages: Readonly<Record<string, string>> = {
  missing: 'berkas tidak ditemukan atau tidak dapat dibuka',
  empty: 'berkas kosong',
  not_a_spreadsheet: 'bukan berkas XLSX atau CSV',
  xls_format: 'format Excel 97–2003 (.xls); simpan ulang sebagai .xlsx',
  corrupt_xlsx: 'berkas XLSX rusak atau terpotong',
  no_worksheet: 'tidak ada lembar kerja di dalam berkas',
  unterminated_quote: 'tanda kutip pada CSV tidak ditutup',
  no_header: 'tidak ada baris judul kolom',
  no_known_columns: 'tidak ada kolom yang dikenali (NIP, NAMA, UNOR, …)',
}

/** `Berkas tidak dapat dibaca: bukan berkas XLSX atau CSV`. */
export const unreadableMessage = (reason: unknown): string =>
  `Berkas tidak dapat dibaca: ${(typeof reason === 'string' ? unreadableMessages[reason] : undefined) ?? 'format tidak dikenali'}`

/* ------------------------------------------------------------------------------------------------------------
 * Report and progress
 * ---------------------------------------------------------------------------------------------------------- */

export const ImportRowError = z.object({
  /** Spreadsheet row number (the header row is 1 in a plain file). */
  row: z.number(),
  /** The header text of the column, as in the file (or the expected header when the column is missing). */
  column: z.string(),
  code: z.enum(importRowCodes),
  reason: z.string().optional(),
  /** Indonesian. */
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowError>

export const ImportChanges = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  unitsCreated: z.number(),
})
export type ImportChanges = z.infer<typeof ImportChanges>

/** At most this many row errors are listed (all are counted in `errorCount`). */
export const maxListedErrors = 10_000

export const ImportReport = z.object({
  /** Data rows read (non-empty rows below the header). */
  rows: z.number(),
  /** Rows without any error. */
  valid: z.number(),
  /** Rows with at least one error ("3 baris bermasalah"). */
  invalidRows: z.number(),
  errors: z.array(ImportRowError),
  errorCount: z.number(),
  /** More than `maxListedErrors` errors: the list holds the first ones. */
  errorsTruncated: z.boolean(),
  dryRun: z.boolean(),
  /** True only when the changes were written (a commit of a file without errors). */
  committed: z.boolean(),
  /** What the run changes (dry run: would change); null when the file has errors. */
  changes: ImportChanges.nullable(),
  /** Which header each field was read from. */
  columns: z.partialRecord(z.enum(importFields), z.string()),
})
export type ImportReport = z.infer<typeof ImportReport>

export const importPhases = ['uploaded', 'reading', 'validating', 'writing', 'done', 'failed'] as const
export type ImportPhase = (typeof importPhases)[number]
export const importModes = ['dry_run', 'commit'] as const
export type ImportMode = (typeof importModes)[number]

export const ImportProgress = z.object({
  phase: z.enum(importPhases),
  /** Bytes of the file read so far (reading phase) and in all. */
  bytesRead: z.number(),
  bytesTotal: z.number(),
  /** Data rows read so far. */
  rowsRead: z.number(),
  /** Rows checked (validating) or written (writing) so far, out of `rowsTotal` once the file is read. */
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

export const EmployeeImportView = z.object({
  id: z.string(),
  agencyId: z.string(),
  fileName: z.string(),
  fileType: z.enum(['xlsx', 'csv']),
  fileSize: z.number(),
  /** SHA-256 (hex) of the file. */
  checksum: z.string(),
  /** Header texts of the file, for the mapping form. */
  headers: z.array(z.string()),
  /** The header each field would be read from without a mapping (null: none found). */
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  mode: z.enum(importModes).nullable(),
  progress: ImportProgress,
  /** The report of the latest finished run. */
  report: ImportReport.nullable(),
  /** Why the latest run failed (`import.file_unreadable` with a reason, or `internal`). */
  failure: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type EmployeeImportView = z.infer<typeof EmployeeImportView>
