import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// See docs/decisions/0014-test-runner-speed.md: every core works, and a worker keeps its loaded modules from one
// test file to the next (each test still builds its own app and database). On PostgreSQL one more worker than
// cores: part of each test is spent waiting on the database server.
const cores = Math.max(2, availableParallelism())

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'e2e'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: process.env.NETRA_TEST_DB === 'postgres' ? cores + 1 : cores,
    isolate: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
})
