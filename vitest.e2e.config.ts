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
    fileParallelism: false,
  },
})
