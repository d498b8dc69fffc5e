/**
 * `netra import employees FILE [--dry-run] [--create-missing-units] [--json] [--agency SLUG] [--map FIELD=HEADER]`
 *
 * Contract (acceptance checks rely on it): the report in Indonesian, or with `--json` exactly
 * `{ "rows": N, "valid": N, "errors": [{ "row": N, "column": "NIP", "code": "employee.nip_invalid", … }] }`;
 * exit 0 for a clean file (imported, unless `--dry-run`), 1 when any row has an error (nothing imported),
 * 2 when the file cannot be read (or the command is used wrongly).
 * Without `--agency`: the only agency, or the demo agency when there are several.
 */
import { userInfo } from 'node:os'
import path from 'node:path'
import type { Config } from '../../config.js'
import { createContext } from '../../context.js'
import { DomainError } from '../../domain/errors.js'
import { cliActor } from '../../features/audit/audit.service.js'
import {
  importFields,
  unreadableMessage,
  type ImportField,
  type ImportMapping,
  type ImportReport,
} from '../../features/employees/import.schema.js'
import { findImportAgency, runEmployeeImport } from '../../features/employees/import.service.js'
import { createLogger } from '../../platform/logger.js'
import { CliError, type CommandResult } from '../output.js'

export interface ImportEmployeesOptions {
  readonly file: string
  readonly dryRun: boolean
  readonly createMissingUnits: boolean
  readonly json: boolean
  readonly agencySlug: string | undefined
  /** `nip=Nomor Induk` pairs. */
  readonly map: readonly string[]
}

/** `--map nip="Nomor Induk"` (repeatable) → a mapping; `--map email=` ignores a column. */
export function parseMapping(pairs: readonly string[]): ImportMapping {
  const mapping: Partial<Record<ImportField, string | null>> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    const field = (at === -1 ? pair : pair.slice(0, at)).trim()
    if (!(importFields as readonly string[]).includes(field))
      throw new CliError(`--map: unknown field "${field}" (fields: ${importFields.join(', ')})`, 2)
    const header = at === -1 ? '' : pair.slice(at + 1).trim()
    mapping[field as ImportField] = header === '' ? null : header
  }
  return mapping
}

const jsonLine = (report: Pick<ImportReport, 'rows' | 'valid' | 'errors'>) =>
  JSON.stringify({ rows: report.rows, valid: report.valid, errors: report.errors }, null, 2)

function humanReport(
  report: ImportReport,
  fileName: string,
  agency: { name: string; slug: string },
): string[] {
  const lines = [`Berkas ${fileName} untuk ${agency.name} (${agency.slug})`]
  lines.push(
    report.invalidRows === 0
      ? `${report.rows} baris dibaca, semuanya valid.`
      : `${report.rows} baris dibaca: ${report.valid} valid, ${report.invalidRows} baris bermasalah.`,
  )
  for (const error of report.errors)
    lines.push(`  Baris ${error.row}, kolom ${error.column}: ${error.message} [${error.code}]`)
  if (report.errorsTruncated)
    lines.push(`  … dan ${report.errorCount - report.errors.length} masalah lain (tidak ditampilkan).`)
  const changes = report.changes
  const summary = changes
    ? `${changes.created} baru, ${changes.updated} diubah, ${changes.unchanged} tetap sama, ${changes.unitsCreated} unit kerja baru`
    : ''
  if (report.invalidRows > 0 || report.errorCount > 0)
    lines.push('Tidak ada yang disimpan: perbaiki baris bermasalah lalu jalankan lagi.')
  else if (report.dryRun)
    lines.push(`Uji coba (--dry-run), tidak ada yang disimpan. Bila diimpor: ${summary}.`)
  else lines.push(`Impor selesai: ${summary}.`)
  return lines
}

export async function runImportEmployees(
  config: Config,
  options: ImportEmployeesOptions,
): Promise<CommandResult> {
  const mapping = parseMapping(options.map)
  const context = await createContext(config, { logger: createLogger('warn') })
  try {
    const db = context.database.db
    const agency = await findImportAgency(db, options.agencySlug)
    if (!agency)
      throw new CliError(
        options.agencySlug
          ? `no agency with slug "${options.agencySlug}"`
          : 'several agencies exist: name one with --agency SLUG',
        2,
      )
    const fileName = path.basename(options.file)
    let report: ImportReport
    try {
      const { checksum: _checksum, ...result } = await runEmployeeImport(db, context.clock, {
        pool: context.database.pool,
        agencyId: agency.id,
        filePath: options.file,
        fileName,
        dryRun: options.dryRun,
        createMissingUnits: options.createMissingUnits,
        mapping,
        auditActor: cliActor(osUsername()),
      })
      report = result
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'import.file_unreadable') throw error
      const message = unreadableMessage(error.details.reason)
      if (!options.json) throw new CliError(`${message} [import.file_unreadable]`, 2)
      const unreadable = {
        row: 0,
        column: '',
        code: 'import.file_unreadable',
        reason: String(error.details.reason),
        message,
      }
      return { exitCode: 2, lines: [JSON.stringify({ rows: 0, valid: 0, errors: [unreadable] }, null, 2)] }
    }
    const exitCode = report.errorCount > 0 ? 1 : 0
    return { exitCode, lines: options.json ? [jsonLine(report)] : humanReport(report, fileName, agency) }
  } finally {
    await context.close()
  }
}

function osUsername(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}
