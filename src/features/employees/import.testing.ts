/**
 * What the import's tests share: NIPs of a small chain of command, a SIASN-style file of it, an agency with one
 * unit, and shortcuts to run an import and read the roster back. Tests only.
 */
import { insertAgency, insertUnit } from '../../../test/support/factories.js'
import type { TestContext } from '../../../test/support/test-context.js'
import { systemActor } from '../audit/audit.service.js'
import { nipOf, siasnHeaders } from './import.fixtures.js'
import { runEmployeeImport } from './import.pipeline.js'
import type { ImportMapping } from './import.schema.js'

export const head = nipOf('19700101', '199503', 1, 1)
export const sectionHead = nipOf('19800202', '200503', 2, 1)
export const staff = nipOf('19900303', '201503', 1, 1)
export const pppk = '199104042021212001'
export const other = nipOf('19920505', '201803', 2, 1)

export type Row = (string | number | null)[]

/** Three PNS in a chain (head ← section head ← staff) and a PPPK, in a SIASN-style layout. */
export function siasnRows(unit: string): Row[] {
  return [
    [...siasnHeaders],
    // The staff row comes first: its superior is further down the file.
    [
      staff,
      'Rudi Hartono',
      null,
      'S.Kom.',
      '03-03-1990',
      'L',
      'III/a',
      'Pranata Komputer Ahli Pertama',
      'Fungsional',
      unit,
      sectionHead,
      'rudi@contoh.go.id',
      '0812-3456-7890',
    ],
    [
      head,
      'Wahyu Hidayat',
      'Dr. Ir.',
      'M.M.',
      '01-01-1970',
      'L',
      'IV/c',
      'Kepala Dinas',
      'JPT Pratama',
      unit,
      null,
      null,
      null,
    ],
    [
      sectionHead,
      'Siti Rahmawati',
      null,
      'S.E.',
      '1980-02-02',
      'P',
      'IIIc',
      'Kepala Bidang',
      'Administrator',
      unit,
      head,
      null,
      '+6281234567891',
    ],
    [
      pppk,
      'Dewi Lestari',
      null,
      'S.Pd.',
      null,
      'P',
      'IX',
      'Guru Ahli Pertama',
      'Fungsional',
      unit,
      sectionHead,
      null,
      null,
    ],
  ]
}

export async function arrange(context: TestContext) {
  const agency = await insertAgency(context)
  const unit = await insertUnit(context, agency.id, {
    name: 'Dinas Komunikasi dan Informatika',
    code: 'DISKOMINFO',
  })
  return { agency, unit }
}

export const run = (
  context: TestContext,
  agencyId: string,
  file: string,
  options: { dryRun?: boolean; createMissingUnits?: boolean; mapping?: ImportMapping } = {},
) =>
  runEmployeeImport(context.database.db, context.clock, {
    pool: context.database.pool,
    agencyId,
    filePath: file,
    fileName: 'pegawai.csv',
    dryRun: options.dryRun ?? false,
    createMissingUnits: options.createMissingUnits ?? false,
    mapping: options.mapping,
    auditActor: systemActor,
  })

export const employeesOf = (context: TestContext, agencyId: string) =>
  context.database.db
    .selectFrom('employees')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('nip')
    .execute()

export const countEmployees = async (context: TestContext, agencyId: string) =>
  (await employeesOf(context, agencyId)).length

export const errorSummary = (report: {
  errors: { row: number; column: string; code: string; reason?: string }[]
}) =>
  report.errors.map((error) => ({
    row: error.row,
    column: error.column,
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
  }))
