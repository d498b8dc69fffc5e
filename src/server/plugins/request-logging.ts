/**
 * One log line per request, written by us instead of Fastify's built-in request logging so that routes marked
 * `config.privacy: 'reporter'` leave no client IP, user agent, or concrete URL (a receipt number is in the path)
 * anywhere in the logs.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

async function requestLoggingPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onResponse', (request, reply, done) => {
    const isPrivate = request.routeOptions.config.privacy === 'reporter'
    // Not under `req`/`res`: Fastify's serializers for those keys would re-add the client address.
    const entry = isPrivate
      ? { method: request.method, route: request.routeOptions.url }
      : {
          method: request.method,
          url: request.url,
          route: request.routeOptions.url,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        }
    request.log.info(
      {
        request: entry,
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    )
    done()
  })
}

export const requestLogging = fp(requestLoggingPlugin, { name: 'netra-request-logging' })
