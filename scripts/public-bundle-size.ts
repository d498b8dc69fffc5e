/**
 * `npx tsx scripts/public-bundle-size.ts [dist/web]`: after a build (`npx vite build`), prints the gzip size of
 * the JavaScript the public reporting pages (/lapor, /lapor/status) load, and exits 1 above the budget of
 * issue #5 (150 KB gzip). Builds nothing: it reads the Vite manifest (dist/web/.vite/manifest.json).
 *
 * Counted: the lapor.html entry chunk with every chunk it imports statically (the first visit), plus the
 * chunks it may import later (the English messages), since a visitor who switches language loads both.
 * Sizes are gzip at zlib's default level; 1 KB = 1,000 bytes.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export const publicEntrySource = 'lapor.html'
export const budgetBytes = 150_000

interface ManifestChunk {
  readonly file: string
  readonly src?: string
  readonly isEntry?: boolean
  readonly imports?: readonly string[]
  readonly dynamicImports?: readonly string[]
  readonly css?: readonly string[]
}

type Manifest = Readonly<Record<string, ManifestChunk>>

export interface BundleFile {
  readonly file: string
  readonly gzipBytes: number
}

export interface PublicBundleSize {
  readonly initial: readonly BundleFile[]
  readonly later: readonly BundleFile[]
  readonly css: readonly BundleFile[]
  readonly initialBytes: number
  readonly totalBytes: number
}

/** Manifest keys reachable from `start` through static imports (and dynamic ones when asked). */
function reachable(manifest: Manifest, start: readonly string[], follow: 'static' | 'dynamic'): string[] {
  const seen = new Set<string>()
  const queue = [...start]
  while (queue.length > 0) {
    const key = queue.shift() as string
    if (seen.has(key)) continue
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`)
    queue.push(...(chunk.imports ?? []))
    if (follow === 'dynamic') queue.push(...(chunk.dynamicImports ?? []))
  }
  return [...seen]
}

export function measurePublicBundle(webRoot: string): PublicBundleSize {
  const manifestFile = path.join(webRoot, '.vite', 'manifest.json')
  if (!existsSync(manifestFile))
    throw new Error(
      `${manifestFile} is missing: run \`npx vite build\` first (vite.config.ts writes the manifest)`,
    )
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.src === publicEntrySource)
  if (!entryKey) throw new Error(`The manifest has no entry for ${publicEntrySource}`)

  const gzipOf = (file: string): BundleFile => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(webRoot, file))).length,
  })
  const initialKeys = reachable(manifest, [entryKey], 'static')
  const allKeys = reachable(manifest, [entryKey], 'dynamic')
  const fileOf = (key: string) => (manifest[key] as ManifestChunk).file
  const initial = initialKeys.map(fileOf).map(gzipOf)
  const later = allKeys
    .filter((key) => !initialKeys.includes(key))
    .map(fileOf)
    .map(gzipOf)
  const css = [...new Set(allKeys.flatMap((key) => manifest[key]?.css ?? []))].map(gzipOf)
  const sum = (files: readonly BundleFile[]) => files.reduce((total, file) => total + file.gzipBytes, 0)
  return { initial, later, css, initialBytes: sum(initial), totalBytes: sum(initial) + sum(later) }
}

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

function main(): void {
  const webRoot = path.resolve(process.argv[2] ?? 'dist/web')
  const size = measurePublicBundle(webRoot)
  const line = (file: BundleFile) => `  ${kilobytes(file.gzipBytes).padStart(9)}  ${file.file}`
  console.log(`Public reporting pages (${publicEntrySource}), gzip:`)
  console.log('JavaScript on the first visit:')
  size.initial.forEach((file) => console.log(line(file)))
  if (size.later.length > 0) {
    console.log('JavaScript loaded later (language switch):')
    size.later.forEach((file) => console.log(line(file)))
  }
  if (size.css.length > 0) {
    console.log('CSS (not counted in the budget):')
    size.css.forEach((file) => console.log(line(file)))
  }
  console.log(
    `First visit: ${kilobytes(size.initialBytes)}; with later chunks: ${kilobytes(size.totalBytes)}`,
  )
  if (size.totalBytes > budgetBytes) {
    console.error(`Over the budget of ${kilobytes(budgetBytes)} gzip of JavaScript (issue #5).`)
    process.exitCode = 1
  } else {
    console.log(`Within the budget of ${kilobytes(budgetBytes)}.`)
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) main()
