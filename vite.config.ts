// Vite builds the staff SPA from index.html into dist/web; the server (src/server/plugins/spa.ts) serves it and
// replaces the CSP nonce placeholder per response.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  html: { cspNonce: '__NETRA_CSP_NONCE__' },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Staff pages are split with React.lazy; warn when one chunk grows past this (kB, minified).
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
