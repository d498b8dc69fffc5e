import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestDatabaseUrl, testDialect } from '../../test/support/test-db.js'
import { parseDatabaseUrl } from '../config.js'
import { createDatabase } from '../db/database.js'
import { systemClock } from '../platform/clock.js'
import { createJobQueue } from '../platform/jobs/index.js'
import { createLogger } from '../platform/logger.js'

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

async function environment() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-cli-'))
  return { DATA_DIR: dataDir, DATABASE_URL: await createTestDatabaseUrl(dataDir) }
}

// Each test starts several `netra` processes (a few seconds each through tsx), slower on a loaded CI machine.
describe('netra CLI', { timeout: 60_000 }, () => {
  it('migrates, seeds the demo agency and creates admins non-interactively', async () => {
    const env = await environment()
    const migrate = await netra(env, 'migrate')
    expect(migrate.code).toBe(0)
    expect(migrate.stdout).toMatch(/applied \d+ migration/)
    expect((await netra(env, 'migrate')).stdout).toContain('nothing to do')

    const seed = await netra({ ...env, NETRA_ADMIN_PASSWORD: 'Sandi-Admin-Pertama-2026' }, 'seed', '--demo')
    expect(seed.stdout).toContain('Pemerintah Kota Contoh (kota-contoh)')
    expect(seed.stdout).toContain('first administrator: admin / (from NETRA_ADMIN_PASSWORD)')

    const agencyAdmin = await netra(
      env,
      'create-admin',
      '--username',
      'bkpsdm',
      '--password',
      'Sandi-Bkpsdm-Kota-2026',
      '--agency',
      'kota-contoh',
    )
    expect(agencyAdmin).toMatchObject({ code: 0, stdout: 'created bkpsdm (agency_admin of kota-contoh)\n' })
    const generated = await netra(env, 'create-admin', '--username', 'root2')
    expect(generated.stdout).toMatch(/^created root2 \(super_admin\) with temporary password \S{23}\n$/)

    const duplicate = await netra(
      env,
      'create-admin',
      '--username',
      'bkpsdm',
      '--password',
      'Sandi-Lain-Yang-Panjang',
    )
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toContain('user.username_taken')
    const unknownAgency = await netra(env, 'create-admin', '--username', 'x-admin', '--agency', 'tidak-ada')
    expect(unknownAgency).toMatchObject({ code: 1 })
    expect(unknownAgency.stderr).toContain('no agency with slug "tidak-ada"')
  })

  it('exits 0 on an intact audit trail and 1 naming the first tampered row', async () => {
    const env = await environment()
    await netra(env, 'seed', '--demo')
    const intact = await netra(env, 'audit', 'verify')
    expect(intact.code).toBe(0)
    expect(intact.stdout).toMatch(/audit trail intact: \d+ event\(s\) in 1 chain/)

    const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL))
    try {
      if (testDialect === 'postgres')
        await sql`drop trigger audit_events_no_change on audit_events`.execute(database.db)
      else await sql`drop trigger audit_events_no_update`.execute(database.db)
      const row = await database.db
        .selectFrom('auditEvents')
        .select(['id', 'chain'])
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow()
      await database.db
        .updateTable('auditEvents')
        .set({ actorLabel: 'mallory' })
        .where('id', '=', row.id)
        .execute()
      const broken = await netra(env, 'audit', 'verify')
      expect(broken.code).toBe(1)
      expect(broken.stdout).toContain(
        `audit chain ${row.chain} broken at seq 1 (row id ${row.id}): hash_mismatch`,
      )
    } finally {
      await database.close()
    }
  })

  it('backs up SQLite online, or prints the pg_dump command without the password', async () => {
    const env = await environment()
    await netra(env, 'seed', '--demo')
    const target = path.join(env.DATA_DIR, 'cadangan.db')
    const backup = await netra(env, 'backup', target)
    expect(backup.code).toBe(0)
    if (testDialect === 'sqlite') {
      expect(backup.stdout).toContain(`backup written to ${target}`)
      const copy = createDatabase(parseDatabaseUrl(`sqlite:${target}`))
      const agencies = await copy.db.selectFrom('agencies').select('slug').execute()
      await copy.close()
      expect(agencies).toEqual([{ slug: 'kota-contoh' }])
      expect((await netra(env, 'backup', target)).code).toBe(1)
    } else {
      expect(backup.stdout).toContain('pg_dump --format=custom')
      expect(backup.stdout).not.toContain(':netra@')
      expect(existsSync(target)).toBe(false)
    }
  })

  it(
    'runs a worker that works queued jobs without HTTP and stops on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const env = await environment()
      expect((await netra(env, 'migrate')).code).toBe(0)
      const worker = spawn(process.execPath, [bin, 'worker'], {
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      })
      let stdout = ''
      worker.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve))
      try {
        await expect.poll(() => stdout, { timeout: 30_000 }).toContain('worker started')
        // Another process (a server with RUN_JOBS=false) queues a job; the worker takes it.
        const database = createDatabase(parseDatabaseUrl(env.DATABASE_URL))
        const queue = createJobQueue(database, { logger: createLogger('silent'), clock: systemClock })
        try {
          const id = await queue.enqueue('auth.purge_sessions', {})
          await expect
            .poll(async () => (await queue.findJob('auth.purge_sessions', id ?? ''))?.state, {
              timeout: 30_000,
            })
            .toBe('done')
        } finally {
          await queue.stop()
          await database.close()
        }
      } finally {
        worker.kill('SIGTERM')
      }
      expect(await exited).toBe(0)
      expect(stdout).toContain('worker stopped (SIGTERM)')
    },
  )

  it('exits 2 with usage for unknown commands and bad arguments', async () => {
    const env = await environment()
    for (const args of [['bogus'], ['audit'], ['seed'], ['create-admin'], ['migrate', '--sideways']]) {
      const result = await netra(env, ...args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^netra: /)
    }
  })

  it('exits 2 listing every bad configuration variable', async () => {
    const result = await netra(
      { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'netra-cli-')), PORT: 'x', DATABASE_URL: 'mysql://nope' },
      'migrate',
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('PORT')
    expect(result.stderr).toContain('DATABASE_URL')
  })
})
