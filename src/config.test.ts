import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseConfig } from './config.js'

describe('parseConfig', () => {
  it('uses the documented defaults: port 3000, SQLite file under ./data', () => {
    const config = parseConfig({})
    expect(config.server.port).toBe(3000)
    expect(config.dataDir).toBe(path.resolve('./data'))
    expect(config.database).toMatchObject({ kind: 'sqlite', file: path.resolve('./data/netra.db') })
    expect(config.publicUrl).toBe('http://localhost:3000')
    expect(config.isSecureOrigin).toBe(false)
    expect(config.logLevel).toBe('info')
    expect(config.runJobs).toBe(true)
  })

  it('lets a server node leave background jobs to `netra worker` (RUN_JOBS=false)', () => {
    expect(parseConfig({ RUN_JOBS: 'false' }).runJobs).toBe(false)
    expect(() => parseConfig({ RUN_JOBS: 'sometimes' })).toThrow(ConfigError)
  })

  it('switches to PostgreSQL for a postgres:// DATABASE_URL and marks https origins secure', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/netra',
      PUBLIC_URL: 'https://netra.example.go.id/',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/netra', poolSize: 20 })
    expect(config.publicUrl).toBe('https://netra.example.go.id')
    expect(config.isSecureOrigin).toBe(true)
  })

  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, within 2–500', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u:p@db/netra', DATABASE_POOL_SIZE: '48' })
    expect(config.database).toMatchObject({ kind: 'postgres', poolSize: 48 })
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(ConfigError)
    expect(() => parseConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(ConfigError)
  })

  it('lists every bad variable at once', () => {
    let caught: unknown
    try {
      parseConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SESSION_SECRET: 'short',
        SMTP_URL: 'http://x',
      })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const problems = (caught as ConfigError).problems.map((p) => p.split(':')[0])
    expect(problems.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SESSION_SECRET', 'SMTP_URL'])
  })

  it('returns a frozen object', () => {
    const config = parseConfig({})
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.server)).toBe(true)
  })
})

describe('loadConfig', () => {
  it('generates SESSION_SECRET into the data dir on first start and reuses it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-config-'))
    const first = loadConfig({ DATA_DIR: dataDir })
    const second = loadConfig({ DATA_DIR: dataDir })
    const file = path.join(dataDir, 'session-secret')
    expect(first.sessionSecret).toHaveLength(64)
    expect(second.sessionSecret).toBe(first.sessionSecret)
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('prefers SESSION_SECRET from the environment', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-config-'))
    const secret = 's'.repeat(20) + 't'.repeat(20)
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret }).sessionSecret).toBe(secret)
  })
})
