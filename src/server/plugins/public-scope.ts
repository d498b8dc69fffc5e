import type { FastifyInstance, RouteOptions } from 'fastify'

/**
 * For routes that third-party plugins register (static files, API docs): stamps the `public` policy on every
 * route of the calling scope that has none, so they pass the default-deny check explicitly, not by accident.
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...(route.config ?? {}), policy: route.config?.policy ?? 'public' }
  })
}
