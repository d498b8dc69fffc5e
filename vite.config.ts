// Vite builds the staff SPA from index.html into dist/web; the server (src/server/plugins/spa.ts) serves it and
// replaces the CSP nonce placeholder per response.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { constants as zlib } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'

// public reporting pages (issue #5): a second, light entry (React only, no Mantine) for /lapor and /lapor/status,
// built to dist/web/lapor.html; the dev server answers those paths with it.
const publicReportEntry = 'lapor.html'
const publicReportPaths = /^\/lapor(\/status)?\/?(\?.*)?$/
const publicReportDevPages: Plugin = {
  name: 'netra-public-report-pages',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url && publicReportPaths.test(request.url)) request.url = `/${publicReportEntry}`
      next()
    })
  },
}
// `…/id.json?reports-public` → only the `reportsPublic` key of a translation file: the staff app imports the whole
// file, and one module cannot be split between two entries, so the light entry gets a module of its own.
const messagesSubsetQuery = '?reports-public'
const messagesSubsetPrefix = '\0reports-public-messages:'
const publicReportMessages: Plugin = {
  name: 'netra-public-report-messages',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith(messagesSubsetQuery)) return null
    const file = await this.resolve(source.slice(0, -messagesSubsetQuery.length), importer, {
      skipSelf: true,
    })
    // Ends in .js: an id ending in .json would go through Vite's JSON transform again.
    return file ? `${messagesSubsetPrefix}${file.id}.js` : null
  },
  load(id) {
    if (!id.startsWith(messagesSubsetPrefix)) return null
    const file = id.slice(messagesSubsetPrefix.length, -'.js'.length)
    this.addWatchFile(file)
    const messages =
      (JSON.parse(readFileSync(file, 'utf8')) as { reportsPublic?: unknown }).reportsPublic ?? {}
    return `export const reportsPublic = JSON.parse(${JSON.stringify(JSON.stringify(messages))})`
  },
}
// end public reporting pages

// Scripts and styles are also written brotli- and gzip-compressed beside themselves (`x.js.br`, `x.js.gz`), at the
// highest levels, once per build: the server sends them to browsers that accept them (@fastify/static
// `preCompressed`), so a phone on a slow connection downloads ~a third of the bytes without a proxy in front and
// without compressing on every request.
const precompressedAssets = compression({
  include: /\.(js|css|svg|json)$/,
  threshold: 1024,
  algorithms: [
    defineAlgorithm('gzip', { level: 9 }),
    defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }),
  ],
  logLevel: 'silent',
})

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), publicReportDevPages, publicReportMessages, precompressedAssets],
  html: { cspNonce: '__NETRA_CSP_NONCE__' },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Staff pages are split with React.lazy; warn when one chunk grows past this (kB, minified).
    chunkSizeWarningLimit: 600,
    // public reporting pages (issue #5): second entry; the manifest lets scripts/public-bundle-size.ts and the
    // server find what lapor.html loads (dist/web/.vite is not served: dot files are off).
    manifest: true,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        lapor: fileURLToPath(new URL(publicReportEntry, import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
