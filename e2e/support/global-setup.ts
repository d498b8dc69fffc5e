/**
 * Before the browser journeys: a temporary directory for this run, removed at the end (servers' data directories,
 * downloads, Chromium's profiles; test/support/run-temp-dir.ts), and the SPA built once (the server would otherwise
 * build it on first start).
 */
import path from 'node:path'
import { createLogger } from '../../src/platform/logger.js'
import { ensureWebBuild } from '../../src/server/web-build.js'
import { useRunTempDir } from '../../test/support/run-temp-dir.js'

export default async function setup(): Promise<() => void> {
  const removeTempDir = useRunTempDir('netra-e2e-run')
  const root = path.resolve('.')
  await ensureWebBuild(root, path.join(root, 'dist', 'web'), createLogger('info'))
  return removeTempDir
}
