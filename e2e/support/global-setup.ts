/** Builds the SPA once before the browser journeys (the server would otherwise build it on first start). */
import path from 'node:path'
import { createLogger } from '../../src/platform/logger.js'
import { ensureWebBuild } from '../../src/server/web-build.js'

export default async function setup(): Promise<void> {
  const root = path.resolve('.')
  await ensureWebBuild(root, path.join(root, 'dist', 'web'), createLogger('info'))
}
