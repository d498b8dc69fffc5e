/**
 * Before the unit, route and service tests: a temporary directory for this run (test/support/run-temp-dir.ts) and,
 * on PostgreSQL (`npm run test:pg`), a run id carried by the test schemas, so the run can drop what its workers kept
 * for reuse (test/support/test-db.ts) without touching another run on the same database.
 */
import { randomBytes } from 'node:crypto'
import { useRunTempDir } from './run-temp-dir.js'

export default function setup(): () => Promise<void> {
  const removeTempDir = useRunTempDir('netra-test-run')
  if (process.env.NETRA_TEST_DB !== 'postgres') return async () => removeTempDir()
  const run = randomBytes(4).toString('hex')
  process.env.NETRA_TEST_RUN = run
  return async () => {
    removeTempDir()
    const { dropRunSchemas } = await import('./test-db.js')
    await dropRunSchemas(run)
  }
}
