/**
 * `npm start` builds the SPA when dist/web is missing or older than its sources, so a fresh clone (or a pull)
 * needs no separate build step. Production images run `npm run build` ahead and skip this.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from '../platform/logger.js'

const execFileAsync = promisify(execFile)

/**
 * The build runs in a child Node process that sets NODE_ENV=production for itself: Vite keeps a NODE_ENV that is
 * already set (and derives React's JSX mode and library builds from it), so building inside a process running
 * under `test` (Vitest, the browser journeys' setup) or `development` produced React's development build — the
 * reporter pages' JavaScript weighed 149 KB gzip instead of 87 KB. This process's environment is left alone.
 */
const productionBuildScript = [
  "process.env.NODE_ENV = 'production'",
  "const { build } = await import('vite')",
  "await build({ configFile: 'vite.config.ts', logLevel: 'warn' })",
].join('\n')

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function webBuildIsStale(projectRoot: string, webRoot: string): boolean {
  const builtIndex = path.join(webRoot, 'index.html')
  if (!existsSync(builtIndex)) return true
  const sources = ['src/web', 'src/domain', 'index.html', 'vite.config.ts']
    .map((relative) => newestMtime(path.join(projectRoot, relative)))
    .concat(
      readdirSync(path.join(projectRoot, 'src/features'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.ts'))
        .map((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
    )
  return Math.max(...sources) > statSync(builtIndex).mtimeMs
}

export async function ensureWebBuild(projectRoot: string, webRoot: string, logger: Logger): Promise<void> {
  if (!webBuildIsStale(projectRoot, webRoot)) return
  logger.info('building the web app (first start or sources changed)…')
  const started = Date.now()
  await execFileAsync(process.execPath, ['--input-type=module', '--eval', productionBuildScript], {
    cwd: projectRoot,
    maxBuffer: 16 * 1024 * 1024,
  })
  logger.info({ ms: Date.now() - started }, 'web app built')
}
