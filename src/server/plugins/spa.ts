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

export async function registerSpa(app: FastifyInstance, options: SpaOptions): Promise<Spa> {
  const indexFile = path.join(options.root, 'index.html')
  if (!existsSync(indexFile))
    throw new Error(`The web app is not built: ${indexFile} is missing (run npm run build)`)
  // Re-read when a rebuild replaced index.html (its hashed asset names change), so a running server never
  // serves a page whose scripts no longer exist.
  let template = readFileSync(indexFile, 'utf8')
  let templateMtime = statSync(indexFile).mtimeMs
  const currentTemplate = (): string => {
    const mtime = existsSync(indexFile) ? statSync(indexFile).mtimeMs : templateMtime
    if (mtime !== templateMtime) {
      template = readFileSync(indexFile, 'utf8')
      templateMtime = mtime
    }
    return template
  }

  await app.register(async (scope) => {
    markRoutesPublic(scope)
    await scope.register(fastifyStatic, {
      root: options.root,
      prefix: '/',
      index: false,
      // One dynamic route: files from a rebuild are served without a restart; unknown paths fall through to
      // the not-found handler (index.html for pages).
      wildcard: true,
      serveDotFiles: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`)
        void res.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        )
      },
    })
  })

  const spa: Spa = {
    sendIndex(reply) {
      const nonce = randomBytes(16).toString('base64')
      return reply
        .header(
          'content-security-policy',
          contentSecurityPolicy({ isSecureOrigin: options.isSecureOrigin, styleNonce: nonce }),
        )
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(currentTemplate().replaceAll(cspNoncePlaceholder, nonce))
    },
  }
  app.get('/', { config: { policy: 'public' }, schema: { hide: true } }, (_request, reply) =>
    spa.sendIndex(reply),
  )
  return spa
}
