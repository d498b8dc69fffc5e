/**
 * Export of the employee list to XLSX (exceljs streaming writer) or CSV, with the list's filters and exactly the
 * list's scope: a unit admin exports their subtree only. The headers are the import's (SIASN style), values written
 * the way the import reads them back — NIP and NIK as text, dates as dates, phones as `08…` — so an export
 * re-imports with no changes. Full NIKs only for agency admins (the column is left out for everyone else), and the
 * superior's NIP only when the superior is inside the reader's scope.
 */
import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { holdsRoleOver, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { normaliseGrade } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { isWithin } from '../../domain/unit-tree.js'
import type { Database, EmployeeRow } from '../../db/tables.js'
import { mayAccessUnit, resolveRosterScope, rosterAgencyOf } from '../units/units.service.js'
import * as employeesRepository from './employees.repository.js'
import { todayIn } from './employees.service.js'
import * as exportRepository from './export.repository.js'
import type { ExportEmployeesQuery, ExportFormat } from './export.schema.js'
import * as importRepository from './import.repository.js'
import { spreadsheetText, xlsxContentType } from '../../domain/spreadsheet.js'

const positionTypeLabels: Record<string, string> = {
  jpt_utama: 'JPT Utama',
  jpt_madya: 'JPT Madya',
  jpt_pratama: 'JPT Pratama',
  administrator: 'Administrator',
  pengawas: 'Pengawas',
  fungsional: 'Fungsional',
  pelaksana: 'Pelaksana',
}
const statusLabels: Record<string, string> = {
  active: 'Aktif',
  moved: 'Pindah',
  retired: 'Pensiun',
  dismissed: 'Diberhentikan',
}
const kindLabels: Record<string, string> = { PNS: 'PNS', PPPK: 'PPPK', NON_ASN: 'Non-ASN' }

/** `+6281234567890` → `081234567890`: how people write it, and what the import reads. */
const nationalPhone = (phone: string | null): string | null =>
  phone?.startsWith('+62') ? `0${phone.slice(3)}` : phone

type Value = string | Date | null

interface ExportColumn {
  readonly header: string
  readonly width: number
  readonly value: (row: ExportRow) => Value
}

interface ExportRow {
  readonly employee: EmployeeRow
  readonly unitName: string
  readonly unitCode: string | null
  readonly parentUnitName: string | null
  readonly superiorNip: string | null
}

const dateOf = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null)

function columnsFor(withNik: boolean): ExportColumn[] {
  const columns: ExportColumn[] = [
    { header: 'NIP', width: 21, value: (r) => r.employee.nip },
    { header: 'NAMA', width: 30, value: (r) => r.employee.name },
    { header: 'GELAR DEPAN', width: 12, value: (r) => r.employee.frontTitle },
    { header: 'GELAR BELAKANG', width: 14, value: (r) => r.employee.backTitle },
    { header: 'TGL LAHIR', width: 12, value: (r) => dateOf(r.employee.birthDate) },
    {
      header: 'JENIS KELAMIN',
      width: 8,
      value: (r) => (r.employee.gender === 'male' ? 'L' : r.employee.gender === 'female' ? 'P' : null),
    },
    { header: 'GOL', width: 7, value: (r) => r.employee.grade },
    { header: 'JABATAN', width: 36, value: (r) => r.employee.positionTitle },
    {
      header: 'JENIS JABATAN',
      width: 14,
      value: (r) => (r.employee.positionType ? (positionTypeLabels[r.employee.positionType] ?? null) : null),
    },
    { header: 'UNOR', width: 36, value: (r) => r.unitName },
    { header: 'UNOR INDUK', width: 30, value: (r) => r.parentUnitName },
    { header: 'KODE UNOR', width: 12, value: (r) => r.unitCode },
    { header: 'NIP ATASAN', width: 21, value: (r) => r.superiorNip },
    { header: 'EMAIL', width: 28, value: (r) => r.employee.email },
    { header: 'NO HP', width: 15, value: (r) => nationalPhone(r.employee.phone) },
    { header: 'NO WA', width: 15, value: (r) => nationalPhone(r.employee.whatsapp) },
    { header: 'JENIS PEGAWAI', width: 10, value: (r) => kindLabels[r.employee.kind] ?? r.employee.kind },
    { header: 'STATUS', width: 12, value: (r) => statusLabels[r.employee.status] ?? r.employee.status },
  ]
  if (withNik) columns.push({ header: 'NIK', width: 19, value: (r) => r.employee.nik })
  return columns
}

/** CSV field: quoted when needed; text a spreadsheet would run as a formula gets Excel's apostrophe mark. */
function csvField(value: Value, delimiter: string): string {
  if (value === null) return ''
  let text = value instanceof Date ? value.toISOString().slice(0, 10).split('-').reverse().join('-') : value
  text = spreadsheetText(text)
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text
}

/** Rows per page read from the database. */
export const exportPageSize = 1000

export interface EmployeeExport {
  readonly fileName: string
  readonly contentType: string
  readonly stream: Readable
}

export function createEmployeeExportService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  return {
    /**
     * The filtered list the actor may read, as a file streamed page by page. Scope and filters are checked before
     * the first byte (a unit outside the scope is `unit.not_found`).
     */
    async exportEmployees(actor: Actor, query: ExportEmployeesQuery): Promise<EmployeeExport> {
      const agencyId = rosterAgencyOf(actor, query.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'read')
      const units = new Map(
        (await importRepository.listAgencyUnits(db, agencyId)).map((unit) => [unit.id, unit]),
      )
      let unitPath: string | undefined
      if (query.unitId) {
        const unit = units.get(query.unitId)
        if (!unit || !mayAccessUnit(actor, { agencyId, path: unit.path }))
          throw new DomainError('unit.not_found', { unitId: query.unitId })
        unitPath = unit.path
      }
      const filters: employeesRepository.EmployeeFilters = {
        unitPath,
        kind: query.kind,
        grade: query.grade
          ? (normaliseGrade(query.grade, 'PNS') ?? normaliseGrade(query.grade, 'PPPK') ?? query.grade)
          : undefined,
        status: query.status,
        positionType: query.positionType,
        superiorId: query.superiorId,
        text: employeesRepository.parseEmployeeText(query.q),
      }
      const withNik = holdsRoleOver(actor, ['agency_admin'], { agencyId, unitAncestry: [] })
      const columns = columnsFor(withNik)
      const inScope = (unitId: string) => {
        const unit = units.get(unitId)
        if (!unit) return false
        return scope.unitPaths === null || scope.unitPaths.some((path) => isWithin(unit.path, path))
      }

      async function* rows(): AsyncGenerator<ExportRow[]> {
        let after: exportRepository.ExportCursor | null = null
        for (;;) {
          const page = await exportRepository.findExportPage(db, scope, filters, after, exportPageSize)
          if (page.length === 0) return
          const superiorIds = [
            ...new Set(page.map((row) => row.superiorId).filter((id): id is string => !!id)),
          ]
          const superiors = new Map(
            (await exportRepository.findSuperiorsByIds(db, agencyId, superiorIds))
              .filter((superior) => inScope(superior.unitId))
              .map((superior) => [superior.id, superior.nip]),
          )
          yield page.map((employee) => {
            const unit = units.get(employee.unitId)
            const parent = unit?.parentId ? units.get(unit.parentId) : undefined
            return {
              employee,
              unitName: unit?.name ?? '',
              unitCode: unit?.code ?? null,
              parentUnitName: parent?.name ?? null,
              superiorNip: employee.superiorId ? (superiors.get(employee.superiorId) ?? null) : null,
            }
          })
          const last = page[page.length - 1]
          if (!last || page.length < exportPageSize) return
          after = { nameKey: last.nameKey, id: last.id }
        }
      }

      const format: ExportFormat = query.format
      const day = todayIn('Asia/Jakarta', clock.now())
      const stream = new PassThrough()
      const write =
        format === 'xlsx'
          ? writeXlsx(stream, columns, rows())
          : writeCsv(stream, columns, rows(), query.delimiter)
      write.catch((error: unknown) =>
        stream.destroy(error instanceof Error ? error : new Error(String(error))),
      )
      return {
        fileName: `pegawai-${day}.${format}`,
        contentType: format === 'xlsx' ? xlsxContentType : 'text/csv; charset=utf-8',
        stream,
      }
    },
  }
}

/** Waits while the reader is behind, so a slow download does not pile the file up in memory. */
async function drained(stream: PassThrough): Promise<void> {
  if (stream.writableNeedDrain) await new Promise<void>((resolve) => stream.once('drain', resolve))
}

async function writeXlsx(
  stream: PassThrough,
  columns: readonly ExportColumn[],
  pages: AsyncIterable<ExportRow[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet('Pegawai', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  const dateColumn = columns.findIndex((column) => column.header === 'TGL LAHIR') + 1
  for await (const page of pages) {
    for (const row of page) {
      const added = sheet.addRow(columns.map((column) => column.value(row)))
      if (dateColumn > 0) added.getCell(dateColumn).numFmt = 'dd-mm-yyyy'
      added.commit()
    }
    await drained(stream)
  }
  sheet.commit()
  await workbook.commit()
}

async function writeCsv(
  stream: PassThrough,
  columns: readonly ExportColumn[],
  pages: AsyncIterable<ExportRow[]>,
  delimiterName: 'comma' | 'semicolon',
): Promise<void> {
  const delimiter = delimiterName === 'semicolon' ? ';' : ','
  // The BOM makes Excel read the file as UTF-8 (names with é, ñ…).
  stream.write(`\uFEFF${columns.map((column) => csvField(column.header, delimiter)).join(delimiter)}\r\n`)
  for await (const page of pages) {
    const text = page
      .map((row) => columns.map((column) => csvField(column.value(row), delimiter)).join(delimiter))
      .join('\r\n')
    if (!stream.write(`${text}\r\n`)) await drained(stream)
  }
  stream.end()
}

export type EmployeeExportService = ReturnType<typeof createEmployeeExportService>
