/**
 * Serves the built React SPA (dist/web): hashed assets with long caching, and index.html for every other GET
 * outside /api, with a fresh CSP style nonce per response (Mantine injects its CSS variables in <style> tags;
 * Vite's html.cspNonce placeholder marks where the nonce goes).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { contentSecurityPolicy } from './security.js'
import { markRoutesPublic } from './public-scope.js'

export const cspNoncePlaceholder = '__NETRA_CSP_NONCE__'

export interface SpaOptions {
  readonly root: string
  readonly isSecureOrigin: boolean
}

export interface Spa {
  /** Sends index.html (the client router then shows the page or its own 404). */
  sendIndex(reply: FastifyReply): FastifyReply
}

/** An HTML template of the build, re-read when a rebuild replaced it (its hashed asset names change). */
function templateFile(file: string): () => string {
  let template = readFileSync(file, 'utf8')
  let templateMtime = statSync(file).mtimeMs
  return () => {
    const mtime = existsSync(file) ? statSync(file).mtimeMs : templateMtime
    if (mtime !== templateMtime) {
      template = readFileSync(file, 'utf8')
      templateMtime = mtime
    }
    return template
  }
}

/** The public reporting pages (issue #5): a light page of their own (lapor.html, React only), not the staff app. */
export const publicReportPages = ['/lapor', '/lapor/status'] as const

export async function registerSpa(app: FastifyInstance, options: SpaOptions): Promise<Spa> {
  const indexFile = path.join(options.root, 'index.html')
  if (!existsSync(indexFile))
    throw new Error(`The web app is not built: ${indexFile} is missing (run npm run build)`)
  // So a running server never serves a page whose scripts no longer exist.
  const currentTemplate = templateFile(indexFile)
  const laporFile = path.join(options.root, 'lapor.html')
  const laporTemplate = existsSync(laporFile) ? templateFile(laporFile) : currentTemplate

  await app.register(async (scope) => {
    markRoutesPublic(scope)
    // Static files are logged without client address or user agent: the reporting page's own scripts would
    // otherwise record who opened /lapor and when. They are outside the request limit (plugins/security.ts).
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), privacy: 'reporter', staticFiles: true }
    })
    await scope.register(fastifyStatic, {
      root: options.root,
      prefix: '/',
      index: false,
      // One dynamic route: files from a rebuild are served without a restart; unknown paths fall through to
      // the not-found handler (index.html for pages).
      wildcard: true,
      serveDotFiles: false,
      // `x.js.br` / `x.js.gz` written by the build (vite.config.ts) go to browsers that accept them.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`)
        void res.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        )
      },
    })
  })

  const sendTemplate = (reply: FastifyReply, html: string): FastifyReply => {
    const nonce = randomBytes(16).toString('base64')
    return reply
      .header(
        'content-security-policy',
        contentSecurityPolicy({ isSecureOrigin: options.isSecureOrigin, styleNonce: nonce }),
      )
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html.replaceAll(cspNoncePlaceholder, nonce))
  }
  const spa: Spa = { sendIndex: (reply) => sendTemplate(reply, currentTemplate()) }
  app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, (_request, reply) =>
    spa.sendIndex(reply),
  )
  for (const url of publicReportPages)
    app.get(
      url,
      { config: { policy: 'public', privacy: 'reporter' }, schema: { hide: true } },
      (_request, reply) => sendTemplate(reply, laporTemplate()),
    )
  return spa
}
