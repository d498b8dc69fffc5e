/**
 * `npm start`: load config → migrate → first-start bootstrap → build the SPA if needed → listen.
 * SIGINT/SIGTERM close the server gracefully (in-flight requests finish, then jobs and the database stop).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, appVersion, loadConfig } from '../config.js'
import { createContext } from '../context.js'
import { bootstrapFirstStart } from '../features/demo/demo.service.js'
import { warmRegionIndex } from '../features/units/region-codes.js'
import { buildApp } from './app.js'
import { ensureWebBuild } from './web-build.js'

const projectRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)))
const webRoot = path.join(projectRoot, 'dist', 'web')

function printFirstStart(
  result: NonNullable<Awaited<ReturnType<typeof bootstrapFirstStart>>>,
  url: string,
): void {
  const lines = [
    '',
    '================================================================',
    ' Netra siap. Akun administrator pertama / first admin account:',
    `   URL      : ${url}`,
    `   Username : ${result.admin.username}`,
    `   Password : ${result.admin.passwordFromEnv ? '(dari NETRA_ADMIN_PASSWORD)' : result.admin.password}`,
    ...(result.agency ? [`   Instansi : ${result.agency.name} (demo)`] : []),
    ...(result.admin.passwordFromEnv ? [] : [' Catat kata sandi ini sekarang: tidak akan ditampilkan lagi.']),
    result.admin.passwordFromEnv
      ? ' Saat masuk pertama, daftarkan aplikasi autentikator (TOTP).'
      : ' Saat masuk pertama, daftarkan aplikasi autentikator (TOTP), lalu ganti kata sandi sementara ini.',
    '================================================================',
    '',
  ]
  process.stdout.write(lines.join('\n'))
}

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }

  const context = await createContext(config)
  const { logger } = context
  const first = await bootstrapFirstStart(context.database.db, context.clock, {
    adminPassword: config.bootstrap.adminPassword,
    demoSeed: config.bootstrap.demoSeed,
  })
  await ensureWebBuild(projectRoot, webRoot, logger)
  const app = await buildApp(context, { webRoot })

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now')
      process.exit(1)
    }
    closing = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s: exiting')
      process.exit(1)
    }, 15_000)
    force.unref()
    app
      .close()
      .then(() => context.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error during shutdown')
        process.exit(1)
      })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  await app.listen({ port: config.server.port, host: config.server.host })
  if (config.runJobs) await context.jobs.start()
  else logger.info('background jobs are left to `netra worker` (RUN_JOBS=false)')
  logger.info(
    { version: appVersion, db: context.database.dialect, url: config.publicUrl },
    'Netra is listening',
  )
  if (first) printFirstStart(first, config.publicUrl)
  // In the background: the first region search would otherwise build it while someone waits.
  warmRegionIndex().catch((error: unknown) => logger.warn({ err: error }, 'region index not built at start'))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Netra failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
