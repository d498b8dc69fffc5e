/**
 * `npm run bench -- import`: generates a 100k-row XLSX and a 1M-row CSV of employees (SIASN headers, valid NIPs,
 * superiors by NIP ATASAN — some named further down the file —, 200 and 2,000 units created by the import) and
 * imports each into a fresh database with the real import (`runEmployeeImport`, commit), each in its own process.
 *
 * Figures (lower is better, so `pass` = value ≤ target): seconds per import against the targets —
 * `xlsx_100k_seconds` ≤ 20 and `csv_1m_seconds` ≤ 60 (the issue names PostgreSQL for the CSV: run with
 * `--db=postgres`) — and the peak RSS of each import process against 500 MB. The ceiling of each is the same file
 * merely read (parsed row by row, nothing validated or written), measured in the same run: `ratio` = how many
 * times the bare reading the whole import takes. Each import also prints where its time went (read, validate,
 * resolve, plan, wait for the writer, write employees, write tokens, superiors, audit, commit).
 */
import { once } from 'node:events'
import { createWriteStream, statSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag, stringFlag } from './lib/args.js'
import { runJob } from './lib/child.js'
import { describeCpu, type CpuUse } from './lib/cpu.js'
import { databaseKinds, prepareDatabase, type DatabaseKind } from './lib/database.js'
import { heading, line, printMachine, ratioOf, roundTo, type Figure } from './lib/report.js'
import { makeTempDir } from './lib/temp.js'

const targets = { xlsxSeconds: 20, csvSeconds: 60, peakRssMb: 500 } as const

const headers = [
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
]

const firstNames = [
  'Agus',
  'Siti',
  'Budi',
  'Dewi',
  'Eko',
  'Sri',
  'Hendra',
  'Ratna',
  'Joko',
  'Rina',
  'Wahyu',
  'Ayu',
]
const lastNames = ['Santoso', 'Rahmawati', 'Hidayat', 'Lestari', 'Wijaya', 'Handayani', 'Nugroho', 'Siregar']
const unitKinds = ['Dinas', 'Bidang', 'SD Negeri', 'Puskesmas', 'Kelurahan', 'UPT']
const grades = ['II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d']

/** People per unit: a head, nine section heads reporting to the head, staff reporting to a section head. */
const unitSize = 500

const pad = (value: number, width = 2) => String(value).padStart(width, '0')
const epochDay = Date.UTC(1965, 0, 1) / 86_400_000

/**
 * Employee number `i` (0-based): a unique valid NIP (sequence from i, birth date and TMT from i / 999), and its
 * superior's index. In every second unit the head comes last, so superiors are also named further down the file.
 */
function person(i: number) {
  const k = Math.floor(i / 999)
  const born = new Date((epochDay + (k % 10_000)) * 86_400_000)
  const year = born.getUTCFullYear()
  const month = born.getUTCMonth() + 1
  const day = born.getUTCDate()
  const sex = 1 + (i % 2)
  const nip = `${year}${pad(month)}${pad(day)}${year + 22}${pad(month)}${sex}${pad((i % 999) + 1, 3)}`
  const unit = Math.floor(i / unitSize)
  const base = unit * unitSize
  const headLast = unit % 2 === 1
  const offset = i - base
  const headIndex = headLast ? base + unitSize - 1 : base
  const position = headLast ? (offset === unitSize - 1 ? 0 : offset + 1) : offset
  let superior: number | null = null
  if (position >= 1 && position <= 9) superior = headIndex
  else if (position > 9) superior = headLast ? base + (offset % 9) : base + 1 + (offset % 9)
  return {
    nip,
    superior,
    cells: (superiorNip: string | null) => [
      nip,
      `${firstNames[i % firstNames.length]} ${lastNames[(i >> 3) % lastNames.length]}`,
      i % 10 === 0 ? 'Dr.' : null,
      i % 3 === 0 ? 'S.Kom.' : null,
      new Date(Date.UTC(year, month - 1, day)),
      sex === 1 ? 'L' : 'P',
      grades[i % grades.length] ?? 'III/a',
      position === 0 ? 'Kepala Unit' : position <= 9 ? 'Kepala Seksi' : 'Pranata Komputer Ahli Pertama',
      position === 0 ? 'Administrator' : position <= 9 ? 'Pengawas' : 'Fungsional',
      `${unitKinds[unit % unitKinds.length]} ${pad(unit + 1, 4)}`,
      superiorNip,
      i % 3 === 0 ? `pegawai${i}@contoh.go.id` : null,
      i % 4 === 0 ? `0812${pad(i % 100_000_000, 8)}` : null,
    ],
  }
}

const nipOfIndex = (index: number | null) => (index === null ? null : person(index).nip)

export async function writeXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: true,
  })
  const sheet = workbook.addWorksheet('Pegawai')
  sheet.addRow(headers).commit()
  for (let i = 0; i < rows; i++) {
    const p = person(i)
    const row = sheet.addRow(p.cells(nipOfIndex(p.superior)))
    row.getCell(5).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  sheet.commit()
  await workbook.commit()
}

export async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file)
  const field = (value: string | Date | null) =>
    value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : value
  out.write(`${headers.join(';')}\r\n`)
  let chunk: string[] = []
  for (let i = 0; i < rows; i++) {
    const p = person(i)
    chunk.push(p.cells(nipOfIndex(p.superior)).map(field).join(';'))
    if (chunk.length === 5000 || i === rows - 1) {
      if (!out.write(`${chunk.join('\r\n')}\r\n`)) await once(out, 'drain')
      chunk = []
    }
  }
  out.end()
  await once(out, 'finish')
}

interface ParseResult {
  readonly seconds: number
  readonly rows: number
  readonly peakRssMb: number
}

interface ImportResult extends ParseResult {
  readonly valid: number
  readonly errorCount: number
  readonly firstErrors: unknown[]
  readonly committed: boolean
  readonly changes: { created: number; unitsCreated: number } | null
  readonly phases: { validating: number; writing: number; done: number }
  /** Seconds per activity of the import (import.profile.ts); they overlap. */
  readonly profile: Readonly<Record<string, number>>
}

/** `read 4.1 · validate 12.0 · …` in the order of import.profile.ts. */
const describeProfile = (profile: Readonly<Record<string, number>>): string =>
  Object.entries(profile)
    .map(([activity, seconds]) => `${activity} ${seconds.toFixed(1)}`)
    .join(' · ')

const label = (rows: number) =>
  rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows)

/** A lower-is-better figure: passes when the value stays at or under its target. */
function atMost(figure: string, value: number, target: number, ceiling: number, valid: boolean): Figure {
  return {
    bench: 'import',
    figure,
    value: roundTo(value, 1),
    target,
    ceiling: roundTo(ceiling, 1),
    ratio: ratioOf(value, ceiling),
    pass: valid && value <= target,
  }
}

async function measure(options: {
  readonly kind: 'xlsx' | 'csv'
  readonly rows: number
  readonly db: DatabaseKind
  readonly dir: string
  readonly targetSeconds: number
}): Promise<Figure[]> {
  const { kind, rows, db, dir } = options
  const file = path.join(dir, `pegawai-${label(rows)}.${kind}`)
  line(`\ngenerating ${file} (${rows.toLocaleString('en-US')} rows)…`)
  const generationStarted = performance.now()
  if (kind === 'xlsx') await writeXlsx(file, rows)
  else await writeCsv(file, rows)
  const megabytes = statSync(file).size / 1e6
  line(`  ${megabytes.toFixed(1)} MB in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s`)

  const parse = await runJob<ParseResult>({
    script: 'import-job.ts',
    label: `parse-${kind}`,
    args: [`--mode=parse`, `--file=${file}`],
    timeoutMs: 30 * 60_000,
  })
  line(
    `  read only (ceiling): ${parse.result.seconds.toFixed(1)} s, ` +
      `${Math.round(parse.result.rows / parse.result.seconds).toLocaleString('en-US')} rows/s, ` +
      `peak RSS ${Math.round(parse.result.peakRssMb)} MB`,
  )

  const database = await prepareDatabase(db)
  const dataDir = makeTempDir(`import-${kind}`)
  const imported = await runJob<ImportResult>({
    script: 'import-job.ts',
    label: `import-${kind}`,
    args: [`--mode=import`, `--file=${file}`],
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...database.env },
    timeoutMs: 30 * 60_000,
    extraPids: await database.serverPids(),
  })
  const result = imported.result
  const ok = result.committed && result.errorCount === 0 && result.rows === rows
  line(
    `  import into ${database.description}: ${result.seconds.toFixed(1)} s, ` +
      `${Math.round(result.rows / result.seconds).toLocaleString('en-US')} rows/s, peak RSS ${Math.round(result.peakRssMb)} MB`,
  )
  line(
    `    phases: reading (and writing batch by batch) 0–${result.phases.validating.toFixed(1)} s, ` +
      `validating –${result.phases.writing.toFixed(1)} s, writing –${result.phases.done.toFixed(1)} s; ` +
      `created ${result.changes?.created ?? 0} employees, ${result.changes?.unitsCreated ?? 0} units`,
  )
  line(`    time per activity (s; reading overlaps writing, so they add up to more than the total):`)
  line(`      ${describeProfile(result.profile)}`)
  const cpu: CpuUse | undefined = imported.cpu
  if (cpu) line(`    ${describeCpu(cpu)}`)
  if (!ok)
    line(
      `  ! the import did not commit every row: ${JSON.stringify(result.firstErrors)} — its figures do not pass`,
    )

  const name = `${kind}_${label(rows)}`
  return [
    atMost(`${name}_seconds`, result.seconds, options.targetSeconds, parse.result.seconds, ok),
    atMost(`${name}_peak_rss_mb`, result.peakRssMb, targets.peakRssMb, parse.result.peakRssMb, ok),
  ]
}

export const importBench: Bench = {
  name: 'import',
  summary: 'employee import: 100k-row XLSX (≤ 20 s) and 1M-row CSV (≤ 60 s, PostgreSQL), rows/s and peak RSS',
  flags: [
    '--db=sqlite|postgres  database imported into (default: postgres when DATABASE_URL is one, else sqlite)',
    '--xlsx-rows=100000    rows of the XLSX (0 skips it)',
    '--csv-rows=1000000    rows of the CSV (0 skips it)',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['db', 'xlsx-rows', 'csv-rows'])
    const fallback: DatabaseKind = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
      ? 'postgres'
      : 'sqlite'
    const db = stringFlag(flags, 'db', databaseKinds, fallback)
    const xlsxRows = numberFlag(flags, 'xlsx-rows', 100_000, { integer: true })
    const csvRows = numberFlag(flags, 'csv-rows', 1_000_000, { integer: true })
    const dir = makeTempDir('import-files')

    heading(`import — XLSX ${label(xlsxRows)} rows, CSV ${label(csvRows)} rows, into ${db}`)
    printMachine()
    if (db === 'sqlite' && csvRows > 0)
      line(
        '  note: the issue sets the 1M-row CSV target for PostgreSQL; run with --db=postgres for that figure',
      )

    const figures: Figure[] = []
    if (xlsxRows > 0)
      figures.push(
        ...(await measure({ kind: 'xlsx', rows: xlsxRows, db, dir, targetSeconds: targets.xlsxSeconds })),
      )
    if (csvRows > 0)
      figures.push(
        ...(await measure({ kind: 'csv', rows: csvRows, db, dir, targetSeconds: targets.csvSeconds })),
      )

    heading('import — figures (lower is better: pass = value ≤ target; ceiling = reading the file only)')
    for (const figure of figures)
      line(
        `  ${figure.figure.padEnd(28)} ${String(figure.value).padStart(8)}  target ≤ ${figure.target}  ceiling ${figure.ceiling}`,
      )
    return figures
  },
}
