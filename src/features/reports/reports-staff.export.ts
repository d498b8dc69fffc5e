/**
 * The inbox as an Excel file (issue #5): one row per report of the filtered list, in the list's order, with the
 * columns staff see in the inbox (Indonesian headers) and a "Keterangan" sheet naming the filters, the row count and,
 * when the list was longer than `reportExportMaxRows`, that the file was cut. Built like the non-signers export
 * (pledge-staff.service.ts): an in-memory workbook, frozen bold header, auto-filter; the row cap keeps it small.
 */
import ExcelJS from 'exceljs'
import type { ReportChannel, ReportStatus } from './reports.schema.js'
import type { ExportReportsQuery, ReportSort } from './reports-staff.schema.js'
import { spreadsheetText } from '../../domain/spreadsheet.js'

/**
 * The inbox's own words (reportsStaff.status / .channel / .list.sort_option in the web's id locale, kept equal by
 * reports-staff.export.test.ts), not the reporter's sentences.
 */
export const statusLabels: Record<ReportStatus, string> = {
  received: 'Baru diterima',
  in_review: 'Sedang diperiksa',
  needs_info: 'Menunggu jawaban pelapor',
  forwarded: 'Diteruskan ke penanganan',
  duplicate: 'Duplikat',
  closed: 'Selesai ditangani',
  rejected: 'Tidak ditindaklanjuti',
}
export const channelLabels: Record<ReportChannel, string> = {
  public_form: 'Formulir publik',
  lapor: 'SP4N-LAPOR!',
  sbt_bkn: 'SBT BKN',
  bawaslu: 'Bawaslu',
  internal: 'Temuan internal',
}
export const sortLabels: Record<ReportSort, string> = {
  newest: 'Terbaru di atas',
  oldest: 'Terlama di atas',
  last_reporter_message: 'Pesan pelapor terakhir',
}

export interface ReportExportRow {
  readonly reportNumber: string
  /** Filing time as the agency's wall clock (a Date whose UTC fields are the local time: Excel has no zones). */
  readonly receivedAt: Date
  readonly status: ReportStatus
  readonly categoryCode: string | null
  readonly categoryName: string | null
  readonly unitName: string | null
  readonly channel: ReportChannel
  readonly externalRef: string | null
  readonly reportedName: string | null
}

export interface ReportExportMeta {
  readonly query: ExportReportsQuery
  /** Reports matching the filters (may exceed the rows written). */
  readonly total: number
  readonly maxRows: number
  /** Local time of the export, as text with its offset. */
  readonly createdAt: string
  readonly createdBy: string
}

export const reportExportHeaders = [
  'Nomor',
  'Tanggal masuk',
  'Status',
  'Kategori',
  'Unit',
  'Kanal',
  'No. rujukan kanal',
  'Terlapor (nama)',
] as const

const safeText = (value: string | null): string => (value === null ? '' : spreadsheetText(value))

export async function reportListXlsx(rows: readonly ReportExportRow[], meta: ReportExportMeta) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Netra'
  const sheet = workbook.addWorksheet('Laporan', { views: [{ state: 'frozen', ySplit: 1 }] })
  const widths = [18, 18, 26, 44, 32, 18, 24, 32]
  sheet.columns = reportExportHeaders.map((header, index) => ({ header, width: widths[index] }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    const added = sheet.addRow([
      row.reportNumber,
      row.receivedAt,
      statusLabels[row.status],
      row.categoryCode
        ? `${row.categoryCode} · ${row.categoryName ?? ''}`.replace(/ · $/, '')
        : 'Pelapor tidak yakin',
      safeText(row.unitName),
      channelLabels[row.channel],
      safeText(row.externalRef),
      safeText(row.reportedName),
    ])
    added.getCell(2).numFmt = 'dd-mm-yyyy hh:mm'
  }
  sheet.autoFilter = { from: 'A1', to: 'H1' }

  const { query } = meta
  const truncated = meta.total > rows.length
  const about = workbook.addWorksheet('Keterangan')
  about.columns = [
    { key: 'label', width: 24 },
    { key: 'value', width: 80 },
  ]
  const filters = [
    query.status ? `status ${statusLabels[query.status]}` : null,
    query.category ? `jenis ${query.category}` : null,
    query.channel ? `kanal ${channelLabels[query.channel]}` : null,
    query.unitId ? 'unit terlapor tertentu (termasuk unit di bawahnya)' : null,
    query.from ? `diterima sejak ${query.from}` : null,
    query.to ? `diterima sampai ${query.to}` : null,
    query.q ? `pencarian "${query.q}"` : null,
  ].filter((filter): filter is string => filter !== null)
  about.addRows([
    { label: 'Saringan', value: safeText(filters.join('; ') || 'Tanpa saringan (semua laporan)') },
    { label: 'Urutan', value: sortLabels[query.sort] },
    { label: 'Jumlah laporan', value: meta.total },
    { label: 'Baris dalam berkas', value: rows.length },
    ...(truncated
      ? [
          {
            label: 'PERHATIAN',
            value: `Berkas dipotong: hanya ${meta.maxRows} laporan pertama dari ${meta.total}. Persempit saringan (misalnya rentang tanggal) untuk mengunduh sisanya.`,
          },
        ]
      : []),
    { label: 'Dibuat', value: meta.createdAt },
    { label: 'Oleh', value: meta.createdBy },
  ])
  about.getColumn('label').font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
