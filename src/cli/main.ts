/**
 * `netra <command>`: parse arguments, call a feature service, print a one-line result.
 * Exit codes: 0 success, 1 the command ran and found a problem (e.g. a broken audit chain), 2 usage/config error.
 */
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { DomainError } from '../domain/errors.js'
import { runAuditVerify } from './commands/audit-verify.js'
import { runBackup } from './commands/backup.js'
import { runCreateAdmin } from './commands/create-admin.js'
import { runMigrate } from './commands/migrate.js'
import { runSeed } from './commands/seed.js'
import { runWorker } from './commands/worker.js'
// employee import
import { runImportEmployees } from './commands/import-employees.js'
import { CliError, type CommandResult } from './output.js'

const usage = `Netra — perintah administrasi / admin commands

  netra migrate [--down]                 apply pending migrations (or roll back the newest)
  netra create-admin --username U [--password P] [--agency SLUG] [--name "Nama"]
                                         create an administrator (super admin, or agency admin of SLUG)
  netra seed --demo                      create the demo agency "Pemerintah Kota Contoh" (idempotent)
  netra audit verify                     recompute the audit hash chains (exit 1 names the first broken row)
  netra backup <file>                    online backup of the SQLite database (PostgreSQL: prints the pg_dump command)
  netra import employees FILE [--dry-run] [--create-missing-units] [--json] [--agency SLUG] [--map FIELD=HEADER]
                                         import employees from XLSX/CSV (SIASN headers); exit 1 = row errors,
                                         2 = unreadable file; without --agency: the only (or the demo) agency
  netra worker                           work background jobs only, no HTTP (with RUN_JOBS=false on the servers)

Configuration comes from the environment (DATA_DIR, DATABASE_URL, …): see README.md.`

async function run(argv: string[]): Promise<CommandResult> {
  const [command, ...rest] = argv
  const config = () => loadConfig()
  switch (command) {
    case 'migrate': {
      const { values } = parseArgs({
        args: rest,
        options: { down: { type: 'boolean', default: false } },
        strict: true,
      })
      return runMigrate(config(), { down: values.down })
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          agency: { type: 'string' },
          name: { type: 'string' },
        },
        strict: true,
      })
      if (!values.username) throw new CliError('--username is required', 2)
      return runCreateAdmin(config(), {
        username: values.username,
        password: values.password,
        agencySlug: values.agency,
        displayName: values.name,
      })
    }
    case 'seed': {
      const { values } = parseArgs({
        args: rest,
        options: { demo: { type: 'boolean', default: false } },
        strict: true,
      })
      if (!values.demo) throw new CliError('only `netra seed --demo` exists', 2)
      return runSeed(config())
    }
    case 'audit': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true })
      if (positionals[0] !== 'verify' || positionals.length !== 1)
        throw new CliError('usage: netra audit verify', 2)
      return runAuditVerify(config())
    }
    case 'backup': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true })
      if (positionals.length !== 1 || !positionals[0]) throw new CliError('usage: netra backup <file>', 2)
      return runBackup(config(), positionals[0])
    }
    // employee import
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          'dry-run': { type: 'boolean', default: false },
          'create-missing-units': { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          agency: { type: 'string' },
          map: { type: 'string', multiple: true, default: [] },
        },
        allowPositionals: true,
        strict: true,
      })
      if (positionals[0] !== 'employees' || positionals.length !== 2 || !positionals[1])
        throw new CliError(
          'usage: netra import employees FILE [--dry-run] [--create-missing-units] [--json]',
          2,
        )
      return runImportEmployees(config(), {
        file: positionals[1],
        dryRun: values['dry-run'],
        createMissingUnits: values['create-missing-units'],
        json: values.json,
        agencySlug: values.agency,
        map: values.map,
      })
    }
    case 'worker': {
      parseArgs({ args: rest, options: {}, strict: true })
      return runWorker(config())
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { exitCode: command === undefined ? 2 : 0, lines: [usage] }
    default:
      throw new CliError(`unknown command: ${command}\n\n${usage}`, 2)
  }
}

try {
  const result = await run(process.argv.slice(2))
  for (const line of result.lines) process.stdout.write(`${line}\n`)
  process.exitCode = result.exitCode
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`netra: ${error.message}\n`)
    process.exitCode = error.exitCode
  } else if (error instanceof DomainError) {
    const details = Object.keys(error.details).length ? ` ${JSON.stringify(error.details)}` : ''
    process.stderr.write(`netra: ${error.code}${details}\n`)
    process.exitCode = 1
  } else if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exitCode = 2
  } else if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`netra: ${error.message}\n`)
    process.exitCode = 2
  } else {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`netra: ${message}\n`)
    process.exitCode = 1
  }
}
