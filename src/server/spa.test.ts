import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/support/test-context.js'
import { cspNoncePlaceholder } from './plugins/spa.js'

function builtWebRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'netra-web-'))
  mkdirSync(path.join(root, 'assets'))
  writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><html lang="id"><head><meta property="csp-nonce" nonce="${cspNoncePlaceholder}"><script type="module" nonce="${cspNoncePlaceholder}" src="/assets/app-1.js"></script></head><body>v1</body></html>`,
  )
  writeFileSync(path.join(root, 'assets', 'app-1.js'), 'console.log(1)')
  return root
}

describe('the single-page app', () => {
  it('serves index.html for page paths with a fresh style nonce in both the CSP and the document', async () => {
    const { app } = await createTestApp({ webRoot: builtWebRoot() })
    const first = await app.inject({ method: 'GET', url: '/pengguna/123' })
    const second = await app.inject({ method: 'GET', url: '/' })
    for (const page of [first, second]) {
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toContain('text/html')
      expect(page.headers['cache-control']).toBe('no-store')
      const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1]
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/)
      expect(page.body).toContain(`nonce="${nonce}"`)
      expect(page.body).not.toContain(cspNoncePlaceholder)
      expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self';/)
    }
    expect(first.headers['content-security-policy']).not.toBe(second.headers['content-security-policy'])
  })

  it('serves the light public reporting page for /lapor and /lapor/status, with its own nonce', async () => {
    const root = builtWebRoot()
    writeFileSync(
      path.join(root, 'lapor.html'),
      `<!doctype html><html lang="id"><head><meta property="csp-nonce" nonce="${cspNoncePlaceholder}"></head><body>lapor</body></html>`,
    )
    const { app } = await createTestApp({ webRoot: root })
    for (const url of ['/lapor', '/lapor/status']) {
      const page = await app.inject({ method: 'GET', url })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('lapor')
      expect(page.body).not.toContain(cspNoncePlaceholder)
      expect(page.headers['cache-control']).toBe('no-store')
    }
    expect((await app.inject({ method: 'GET', url: '/lapor/lain' })).body).toContain('v1') // the staff app's own 404
  })

  it('caches hashed assets for a year and answers a missing file with 404, not the page', async () => {
    const { app } = await createTestApp({ webRoot: builtWebRoot() })
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const url of ['/assets/missing-9.js', '/../package.json', '/.env', '/wp-login.php']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('route.not_found')
    }
    // A page path may end in a dotted token (the check-in QR link): that is the page, not a missing file.
    const checkIn = await app.inject({
      method: 'GET',
      url: '/hadir/eyJlIjoiMDE5YSIsInMiOjF9.AbCdEfGhIjKlMnOpQrStUv',
    })
    expect(checkIn.statusCode).toBe(200)
    expect(checkIn.headers['content-type']).toContain('text/html')
  })

  it("keeps the app's files outside the request limit; API calls and missing-file probes stay limited", async () => {
    const { app } = await createTestApp({ webRoot: builtWebRoot(), env: { RATE_LIMIT_PER_MINUTE: '2' } })
    const get = async (url: string) => (await app.inject({ method: 'GET', url })).statusCode
    // A first visit's dozen files from one office address (far more than the limit of 2).
    for (let i = 0; i < 12; i += 1) expect(await get('/assets/app-1.js')).toBe(200)
    expect([await get('/api/v1/auth/session'), await get('/api/v1/auth/session')]).toEqual([401, 401])
    expect(await get('/api/v1/auth/session')).toBe(429)
    // Probing for other files is still counted.
    expect(await get('/wp-login.php')).toBe(429)
    expect(await get('/assets/app-1.js')).toBe(200)
  })

  it('sends the brotli or gzip copy written by the build to browsers that accept it', async () => {
    const root = builtWebRoot()
    const script = `console.log(${JSON.stringify('netra '.repeat(400))})`
    writeFileSync(path.join(root, 'assets', 'big-1.js'), script)
    writeFileSync(path.join(root, 'assets', 'big-1.js.br'), brotliCompressSync(script))
    writeFileSync(path.join(root, 'assets', 'big-1.js.gz'), gzipSync(script))
    const { app } = await createTestApp({ webRoot: root })
    const get = (encoding?: string) =>
      app.inject({
        method: 'GET',
        url: '/assets/big-1.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      })
    const br = await get('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['content-type']).toContain('javascript')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script)
    const gz = await get('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script)
    const plain = await get()
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('picks up a rebuild without a restart', async () => {
    const root = builtWebRoot()
    const { app } = await createTestApp({ webRoot: root })
    await app.inject({ method: 'GET', url: '/' })
    writeFileSync(path.join(root, 'assets', 'app-2.js'), 'console.log(2)')
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><html lang="id"><body>v2</body></html>')
    const later = Date.now() / 1000 + 5
    utimesSync(path.join(root, 'index.html'), later, later)
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('v2')
    expect((await app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200)
  })
})
