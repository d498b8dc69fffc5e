/**
 * On PostgreSQL (`npm run test:pg`) test schemas carry this run's id, so the run can drop what its workers kept
 * for reuse (test/support/test-db.ts) without touching another run on the same database.
 */
import { randomBytes } from 'node:crypto'

export default function setup(): (() => Promise<void>) | undefined {
  if (process.env.NETRA_TEST_DB !== 'postgres') return undefined
  const run = randomBytes(4).toString('hex')
  process.env.NETRA_TEST_RUN = run
  return async () => {
    const { dropRunSchemas } = await import('./test-db.js')
    await dropRunSchemas(run)
  }
}
