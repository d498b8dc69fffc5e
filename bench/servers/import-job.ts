/**
 * One measurement of the import bench, in its own process so its peak RSS is the import's alone:
 *   --mode=parse   reads every row of --file (the reader only: the ceiling, nothing validated or written)
 *   --mode=import  imports --file into a fresh agency of the database the environment names (DATABASE_URL, or
 *                  SQLite in DATA_DIR), committing, units created as needed — the same call as `netra import`.
 * Prints one NETRA_BENCH_RESULT line: seconds, rows, peak RSS (MB) and, for an import, the report's counts, when
 * each phase began and the time spent per activity (`profile`, see import.profile.ts).
 */
import { loadConfig } from '../../src/config.js'
import { createContext } from '../../src/context.js'
import { createAgency } from '../../src/features/agencies/agencies.service.js'
import { systemActor } from '../../src/features/audit/audit.service.js'
import { detectSpreadsheetType, readSheetRows } from '../../src/features/employees/import.reader.js'
import { runEmployeeImport } from '../../src/features/employees/import.pipeline.js'
import { emptyImportProfile } from '../../src/features/employees/import.profile.js'
import { createLogger } from '../../src/platform/logger.js'
import { parseArgs } from '../lib/args.js'
import { announceResult } from '../lib/child-protocol.js'

const { flags } = parseArgs(process.argv.slice(2))
const mode = flags.get('mode') ?? 'import'
const file = flags.get('file')
if (!file) throw new Error('--file is required')

const peakRssMb = () => process.resourceUsage().maxRSS / 1024

if (mode === 'parse') {
  const started = performance.now()
  const type = await detectSpreadsheetType(file)
  let rows = 0
  for await (const row of readSheetRows(file, type)) if (row.cells.length > 0) rows += 1
  announceResult({ mode, seconds: (performance.now() - started) / 1000, rows, peakRssMb: peakRssMb() })
} else {
  const context = await createContext(loadConfig(process.env), { logger: createLogger('warn') })
  try {
    const agency = await createAgency(context.database.db, context.clock, systemActor, {
      slug: 'bench-import',
      name: 'Pemerintah Kota Bench',
      kind: 'pemkot',
      timeZone: 'Asia/Jakarta',
    })
    let lastPhase = ''
    const phaseStarted = new Map<string, number>()
    const profile = emptyImportProfile()
    const started = performance.now()
    const report = await runEmployeeImport(context.database.db, context.clock, {
      pool: context.database.pool,
      agencyId: agency.id,
      filePath: file,
      fileName: file,
      dryRun: false,
      createMissingUnits: true,
      auditActor: systemActor,
      profile,
      onProgress: (progress) => {
        if (progress.phase !== lastPhase) {
          lastPhase = progress.phase
          phaseStarted.set(progress.phase, performance.now())
        }
      },
    })
    const seconds = (performance.now() - started) / 1000
    const at = (phase: string) => ((phaseStarted.get(phase) ?? started) - started) / 1000
    announceResult({
      mode,
      seconds,
      rows: report.rows,
      valid: report.valid,
      errorCount: report.errorCount,
      firstErrors: report.errors.slice(0, 3),
      committed: report.committed,
      changes: report.changes,
      // When each phase began, in seconds from the start.
      phases: { validating: at('validating'), writing: at('writing'), done: at('done') },
      // Seconds per activity (they overlap: reading goes on while a batch is written).
      profile: Object.fromEntries(Object.entries(profile).map(([activity, ms]) => [activity, ms / 1000])),
      peakRssMb: peakRssMb(),
    })
  } finally {
    await context.close()
  }
}
