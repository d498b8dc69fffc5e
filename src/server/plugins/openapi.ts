/** OpenAPI document (generated from the zod schemas) at /api/docs/json and Swagger UI at /api/docs. */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { markRoutesPublic } from './public-scope.js'

async function openApiPlugin(
  app: FastifyInstance,
  options: { version: string; cookieName: string },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Netra API',
        description:
          'Netra — sistem menjaga netralitas ASN. Errors are always `{ "error": { "code", "details" } }`. ' +
          'Cookie-authenticated mutations need the `x-csrf-token` header from the session view.',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: options.cookieName },
          // intake API for other channels (issue #5): `Authorization: Bearer ntk_…`
          channelKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(async (scope) => {
    markRoutesPublic(scope)
    await scope.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })
  })
}

export const openApi = fp(openApiPlugin, { name: 'netra-openapi' })
