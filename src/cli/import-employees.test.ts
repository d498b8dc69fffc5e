import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  exampleMistakes,
  examplePath,
  exampleRowCount,
  exampleXlsx,
} from '../../scripts/make-example-xlsx.js'
import { createTestDatabaseUrl } from '../../test/support/test-db.js'
import { parseDatabaseUrl } from '../config.js'
import { createDatabase } from '../db/database.js'
import { parseMapping } from './commands/import-employees.js'
import { migrateToLatest } from '../db/migrate.js'
import { createAgency } from '../features/agencies/agencies.service.js'
import { systemActor } from '../features/audit/audit.service.js'
import { seedDemoRoster } from '../features/demo/demo-roster.js'
import { seedDemoAgency } from '../features/demo/demo.service.js'
import { csvText, nipOf } from '../features/employees/import.fixtures.js'
import { systemClock } from '../platform/clock.js'

const run = promisify(execFile)
const bin = path.resolve('bin/netra.js')

async function netra(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** A migrated database holding the demo agency with its roster (and, optionally, another agency). */
async function environment(options: { roster?: boolean; otherAgency?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-cli-import-'))
  const env = { DATA_DIR: dataDir, DATABASE_URL: await createTestDatabaseUrl(dataDir) }
  const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL))
  try {
    await migrateToLatest(database.db)
    const agency = await seedDemoAgency(database.db, systemClock)
    if (options.roster) await seedDemoRoster(database.db, systemClock, agency.id)
    if (options.otherAgency)
      await createAgency(database.db, systemClock, systemActor, {
        slug: 'kabupaten-lain',
        name: 'Pemerintah Kabupaten Lain',
        kind: 'pemkab',
        timeZone: 'Asia/Jakarta',
      })
  } finally {
    await database.close()
  }
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(dataDir, name)
    writeFileSync(target, content)
    return target
  }
  return { env, file }
}

interface JsonReport {
  rows: number
  valid: number
  errors: { row: number; column: string; code: string; reason?: string; message: string }[]
}

describe('netra import employees', () => {
  it('reports exactly the 3 deliberate mistakes of examples/pegawai-contoh.xlsx, then imports the corrected file', async () => {
    const { env, file } = await environment({ roster: true, otherAgency: true })

    const checked = await netra(env, 'import', 'employees', examplePath, '--dry-run', '--json')
    expect(checked.code).toBe(1)
    const report = JSON.parse(checked.stdout) as JsonReport
    expect(Object.keys(report)).toEqual(['rows', 'valid', 'errors'])
    expect(report).toMatchObject({ rows: exampleRowCount, valid: exampleRowCount - 3 })
    expect(report.errors.map(({ row, column, code, reason }) => ({ row, column, code, reason }))).toEqual(
      exampleMistakes,
    )

    const human = await netra(env, 'import', 'employees', examplePath)
    expect(human.code).toBe(1)
    expect(human.stdout).toContain(`${exampleRowCount} baris dibaca: 45 valid, 3 baris bermasalah.`)
    expect(human.stdout).toContain(
      'Baris 15, kolom NIP: Tanggal lahir pada NIP tidak valid [employee.nip_invalid]',
    )
    expect(human.stdout).toContain('Tidak ada yang disimpan')

    const fixed = file('pegawai-contoh-diperbaiki.xlsx', await exampleXlsx(true))
    const dryRun = await netra(env, 'import', 'employees', fixed, '--dry-run')
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout).toContain(
      `Uji coba (--dry-run), tidak ada yang disimpan. Bila diimpor: ${exampleRowCount} baru`,
    )

    const committed = await netra(env, 'import', 'employees', fixed)
    expect(committed.code).toBe(0)
    expect(committed.stdout).toContain('Pemerintah Kota Contoh (kota-contoh)')
    expect(committed.stdout).toContain(
      `Impor selesai: ${exampleRowCount} baru, 0 diubah, 0 tetap sama, 0 unit kerja baru.`,
    )

    const again = await netra(env, 'import', 'employees', fixed, '--json')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({ rows: exampleRowCount, valid: exampleRowCount, errors: [] })
    const human2 = await netra(env, 'import', 'employees', fixed)
    expect(human2.stdout).toContain(`Impor selesai: 0 baru, 0 diubah, ${exampleRowCount} tetap sama`)
  }, 120_000)

  it('exits 2 for a file that cannot be read, with or without --json, and for a missing file', async () => {
    const { env, file } = await environment()
    const pdf = file('surat.xlsx', Buffer.from('%PDF-1.4\n1 0 obj\n'))

    const human = await netra(env, 'import', 'employees', pdf)
    expect(human.code).toBe(2)
    expect(human.stderr).toContain(
      'Berkas tidak dapat dibaca: bukan berkas XLSX atau CSV [import.file_unreadable]',
    )

    const json = await netra(env, 'import', 'employees', pdf, '--json')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({
      rows: 0,
      valid: 0,
      errors: [{ code: 'import.file_unreadable', reason: 'not_a_spreadsheet' }],
    })

    const missing = await netra(env, 'import', 'employees', path.join(tmpdir(), 'tidak-ada.csv'), '--json')
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout)).toMatchObject({
      errors: [{ code: 'import.file_unreadable', reason: 'missing' }],
    })

    const usage = await netra(env, 'import', 'pegawai', pdf)
    expect(usage.code).toBe(2)
  }, 60_000)

  it('creates missing units only with --create-missing-units, in the agency named by --agency', async () => {
    const { env, file } = await environment({ otherAgency: true })
    const csv = file(
      'unit-baru.csv',
      csvText(
        [
          ['NIP', 'NAMA', 'UNOR'],
          [nipOf('19700101', '199503', 1, 1), 'Wahyu Hidayat', 'Dinas Pariwisata'],
        ],
        ';',
      ),
    )

    const refused = await netra(env, 'import', 'employees', csv, '--agency', 'kabupaten-lain', '--json')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toEqual({
      rows: 1,
      valid: 0,
      errors: [
        {
          row: 2,
          column: 'UNOR',
          code: 'import.unit_not_found',
          message: expect.stringContaining('Unit kerja tidak ditemukan') as unknown,
        },
      ],
    })

    const created = await netra(
      env,
      'import',
      'employees',
      csv,
      '--agency',
      'kabupaten-lain',
      '--create-missing-units',
    )
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('Pemerintah Kabupaten Lain (kabupaten-lain)')
    expect(created.stdout).toContain('Impor selesai: 1 baru, 0 diubah, 0 tetap sama, 1 unit kerja baru.')

    const unknown = await netra(env, 'import', 'employees', csv, '--agency', 'tidak-ada')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no agency with slug "tidak-ada"')
  }, 60_000)
})

describe('parseMapping (--map FIELD=HEADER)', () => {
  it('maps fields to headers, ignores a field mapped to nothing, and refuses unknown fields (exit 2)', () => {
    expect(parseMapping(['nip=Nomor Induk', 'email=', 'unitCode = KODE'])).toEqual({
      nip: 'Nomor Induk',
      email: null,
      unitCode: 'KODE',
    })
    expect(() => parseMapping(['nomor=NIP'])).toThrow(expect.objectContaining({ exitCode: 2 }) as Error)
  })
})
