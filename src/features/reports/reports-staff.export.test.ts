import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  channelLabels,
  reportListXlsx,
  sortLabels,
  statusLabels,
  type ReportExportRow,
} from './reports-staff.export.js'

const row: ReportExportRow = {
  reportNumber: 'ADU-2026-000001',
  receivedAt: new Date('2026-03-02T10:01:00.000Z'),
  status: 'needs_info',
  categoryCode: null,
  categoryName: null,
  unitName: null,
  channel: 'sbt_bkn',
  externalRef: 'SBT-77',
  reportedName: null,
}

async function sheetsOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return {
    rows: workbook.getWorksheet('Laporan'),
    about: JSON.stringify(workbook.getWorksheet('Keterangan')?.getSheetValues()),
  }
}

describe('reportListXlsx', () => {
  it('says the file was cut when the list had more reports than the cap', async () => {
    const { rows, about } = await sheetsOf(
      await reportListXlsx([row, { ...row, reportNumber: 'ADU-2026-000002' }], {
        query: { sort: 'last_reporter_message', channel: 'sbt_bkn', from: '2026-03-01' },
        total: 7,
        maxRows: 2,
        createdAt: '2026-03-02 10:05 (UTC+07:00)',
        createdBy: 'admin.kota',
      }),
    )
    expect(rows?.rowCount).toBe(3)
    expect(about).toContain('Berkas dipotong: hanya 2 laporan pertama dari 7')
    expect(about).toContain('kanal SBT BKN; diterima sejak 2026-03-01')
    expect(about).toContain('Pesan pelapor terakhir')
  })

  it('writes the inbox’s words for the status, an unsure category, and no notice when nothing was cut', async () => {
    const { rows, about } = await sheetsOf(
      await reportListXlsx([row], {
        query: { sort: 'newest' },
        total: 1,
        maxRows: 5000,
        createdAt: '2026-03-02 10:05 (UTC+07:00)',
        createdBy: 'admin.kota',
      }),
    )
    expect((rows?.getRow(2).values as unknown[]).slice(1)).toEqual([
      'ADU-2026-000001',
      new Date('2026-03-02T10:01:00.000Z'),
      'Menunggu jawaban pelapor',
      'Pelapor tidak yakin',
      '',
      'SBT BKN',
      'SBT-77',
      '',
    ])
    expect(about).toContain('Tanpa saringan (semua laporan)')
    expect(about).not.toContain('Berkas dipotong')
  })
})

/** The web's Indonesian texts (read as data: the server build does not import the web's files). */
const id = JSON.parse(readFileSync(new URL('../../web/i18n/id.json', import.meta.url), 'utf8')) as {
  reportsStaff: { status: unknown; channel: unknown; list: { sort_option: unknown } }
}

describe('export labels', () => {
  it('are the words the inbox shows (the web id locale)', () => {
    expect(statusLabels).toEqual(id.reportsStaff.status)
    expect(channelLabels).toEqual(id.reportsStaff.channel)
    expect(sortLabels).toEqual(id.reportsStaff.list.sort_option)
  })
})
