/**
 * The only reader of process.env. `parseConfig` is pure (env in, frozen Config out, or a ConfigError listing
 * every bad variable); `loadConfig` adds the two side effects a first start needs: the data directory and a
 * generated SESSION_SECRET kept in it.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const positiveInt = z.coerce.number().int().positive()

/** PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise. */
export const defaultPoolSize = 20

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(value), {
      message: 'must start with sqlite: or postgres://',
    })
    .optional(),
  /** PostgreSQL only: connections each process keeps (the server, and each `netra worker`). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(defaultPoolSize),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Master key of report encryption (base64/base64url, ≥ 32 bytes); absent: generated into DATA_DIR. */
  REPORT_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length >= 32, {
      message: 'must be base64 of at least 32 bytes',
    })
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Netra <no-reply@netra.localhost>'),
  // --- WhatsApp gateway (issue #4): absent = WhatsApp disabled ---
  WHATSAPP_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  WHATSAPP_GATEWAY_TOKEN: z.string().min(1).optional(),
  // --- end WhatsApp ---
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NETRA_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO_SEED: booleanString.default(true),
  TRUST_PROXY: booleanString.default(false),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt.default(30),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Threads drawing receipt PDFs beside the event loop (0: on it); default one per spare core, 1–4. */
  RECEIPT_RENDER_THREADS: z.coerce.number().int().min(0).max(32).optional(),
  /** false: this server node takes no background jobs (run `netra worker` elsewhere). */
  RUN_JOBS: booleanString.default(true),
})

export type DatabaseConfig =
  | {
      readonly kind: 'sqlite'
      readonly file: string
      readonly url: string
      readonly synchronous: 'FULL' | 'NORMAL'
    }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }

export interface Config {
  readonly server: { readonly port: number; readonly host: string; readonly trustProxy: boolean }
  readonly publicUrl: string
  readonly isSecureOrigin: boolean
  readonly dataDir: string
  readonly database: DatabaseConfig
  readonly sessionSecret: string | undefined
  /**
   * Master key of report encryption (REPORT_MASTER_KEY or DATA_DIR/report-master-key). Separate from
   * SESSION_SECRET: rotating that must never make reports unreadable. Undefined only in configs built without
   * loadConfig (tests), where the context derives one from SESSION_SECRET.
   */
  readonly reportMasterKey: string | undefined
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number }
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string }
  /** WhatsApp gateway (POST `{ to, text }` with a bearer token); `gatewayUrl` undefined = disabled. */
  readonly whatsapp: { readonly gatewayUrl: string | undefined; readonly token: string | undefined }
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  readonly bootstrap: { readonly adminPassword: string | undefined; readonly demoSeed: boolean }
  readonly rateLimit: { readonly perMinute: number; readonly loginPerMinute: number }
  /** The server process works background jobs too (RUN_JOBS, default true); `netra worker` always does. */
  readonly runJobs: boolean
  /** Receipt PDF threads (RECEIPT_RENDER_THREADS); undefined = one per spare core, 1–4. */
  readonly receiptRenderThreads: number | undefined
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

export function parseDatabaseUrl(
  url: string,
  synchronous: 'FULL' | 'NORMAL' = 'FULL',
  poolSize = defaultPoolSize,
): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '')
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file), url, synchronous }
  }
  return { kind: 'postgres', url, poolSize }
}

/** Pure: env → frozen Config. Throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, the way shells and .env files usually mean them.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    )
  }
  const e = parsed.data
  const dataDir = path.resolve(e.DATA_DIR)
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'netra.db')}`
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return deepFreeze({
    server: { port: e.PORT, host: e.HOST, trustProxy: e.TRUST_PROXY },
    publicUrl,
    isSecureOrigin: publicUrl.startsWith('https://'),
    dataDir,
    database: parseDatabaseUrl(databaseUrl, e.SQLITE_SYNCHRONOUS, e.DATABASE_POOL_SIZE),
    sessionSecret: e.SESSION_SECRET,
    reportMasterKey: e.REPORT_MASTER_KEY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    whatsapp: { gatewayUrl: e.WHATSAPP_GATEWAY_URL, token: e.WHATSAPP_GATEWAY_TOKEN },
    logLevel: e.LOG_LEVEL,
    bootstrap: { adminPassword: e.NETRA_ADMIN_PASSWORD, demoSeed: e.DEMO_SEED },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    runJobs: e.RUN_JOBS,
    receiptRenderThreads: e.RECEIPT_RENDER_THREADS,
  })
}

/**
 * parseConfig plus the first-start side effects: creates DATA_DIR and, when SESSION_SECRET is absent,
 * generates one into DATA_DIR/session-secret (mode 600) and reuses it on later starts.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = withReportMasterKey(parseConfig(env))
  if (config.sessionSecret) return config
  const secretFile = path.join(config.dataDir, 'session-secret')
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(48).toString('base64url') + '\n', { mode: 0o600 })
    chmodSync(secretFile, 0o600)
  }
  const sessionSecret = readFileSync(secretFile, 'utf8').trim()
  if (sessionSecret.length < 32)
    throw new ConfigError([`SESSION_SECRET: ${secretFile} holds fewer than 32 characters`])
  return deepFreeze({ ...config, sessionSecret })
}

/** Creates DATA_DIR and, without REPORT_MASTER_KEY, generates DATA_DIR/report-master-key (mode 600) once. */
function withReportMasterKey(config: Config): Config {
  mkdirSync(config.dataDir, { recursive: true })
  if (config.reportMasterKey) return config
  const keyFile = path.join(config.dataDir, 'report-master-key')
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600 })
    chmodSync(keyFile, 0o600)
  }
  const reportMasterKey = readFileSync(keyFile, 'utf8').trim()
  if (Buffer.from(reportMasterKey, 'base64').length < 32)
    throw new ConfigError([`REPORT_MASTER_KEY: ${keyFile} holds fewer than 32 bytes`])
  return deepFreeze({ ...config, reportMasterKey })
}

/** The application version, read once from package.json. */
export const appVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version
