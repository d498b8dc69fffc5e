import { defineConfig } from 'vitest/config'

/** Browser journeys: real server process, real Chromium (playwright-core + /usr/bin/chromium). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two journeys at a time: each has its own server, data directory and browser, and spends most of its time
    // waiting on pages (docs/decisions/0014-test-runner-speed.md).
    fileParallelism: true,
    maxWorkers: 2,
    // A page on a busy two-core CI machine can take longer than expect.poll's default second to render.
    expect: { poll: { timeout: 15_000 } },
  },
})
