/**
 * The real application over a throw-away database: createTestContext for service tests, createTestApp for route
 * tests through `app.inject`. Only the clock is replaceable (mocked outside world).
 */
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'
import { parseConfig, type Config } from '../../src/config.js'
import { createContext, type AppContext } from '../../src/context.js'
import type { Clock } from '../../src/domain/clock.js'
import { createLogger } from '../../src/platform/logger.js'
import { buildApp, type BuildAppOptions } from '../../src/server/app.js'
import { createTestDb, type TestDatabase } from './test-db.js'

export const testSessionSecret = 'test-session-secret-that-is-long-enough-0123456789'

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({
    DATA_DIR: '/tmp/netra-test-data',
    DATABASE_URL: 'sqlite::memory:',
    SESSION_SECRET: testSessionSecret,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  })
}

/** Captures log lines written by the app (to assert what is, and is not, logged). */
export function logCapture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      callback()
    },
  })
  return { lines, stream, text: () => lines.join('\n') }
}

export interface TestContextOptions {
  readonly clock?: Clock
  readonly env?: Record<string, string>
  readonly logStream?: Writable
}

export interface TestContext extends AppContext {
  readonly testDb: TestDatabase
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const testDb = await createTestDb({ autoCleanup: false })
  const config = testConfig(options.env)
  const logger = options.logStream
    ? createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel, options.logStream)
    : createLogger(config.logLevel)
  const context = await createContext(config, {
    database: testDb,
    logger,
    migrate: false,
    ...(testDb.schema ? { pgBossSchema: `${testDb.schema}_boss` } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  })
  onTestFinished(() => context.close())
  return { ...context, testDb }
}

export interface TestApp {
  readonly app: FastifyInstance
  readonly context: TestContext
}

export async function createTestApp(options: TestContextOptions & BuildAppOptions = {}): Promise<TestApp> {
  const context = await createTestContext(options)
  const app = await buildApp(context, options)
  onTestFinished(() => app.close())
  return { app, context }
}
