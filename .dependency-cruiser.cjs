/**
 * Module boundaries of ../shared/STYLE.md §3, checked by `npm run lint`.
 * Paths are relative to the project root; $1 captures a feature folder name.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports only src/domain (and zod-free plain TypeScript): no db, no fastify, no node:*, no config.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'schema-only-zod-and-domain',
      severity: 'error',
      from: { path: '^src/features/[^/]+/[^/]+\\.schema\\.ts$' },
      to: { pathNot: ['^src/domain/', '^src/features/[^/]+/[^/]+\\.schema\\.ts$', '^node_modules/zod/'] },
    },
    {
      name: 'repository-only-db',
      comment: 'Repositories use the database layer only: no fastify, no other features.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/[^/]+\\.repository\\.ts$' },
      to: {
        pathNot: ['^src/db/', '^src/domain/', '^src/features/$1/', '^node_modules/(kysely|pg|better-sqlite3)/'],
      },
    },
    {
      name: 'service-not-fastify-nor-foreign-repository',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/[^/]+\\.service\\.ts$' },
      to: { path: ['^node_modules/fastify', '^src/server/', '^src/features/(?!$1/)[^/]+/[^/]+\\.repository\\.ts$'] },
    },
    {
      name: 'routes-not-db',
      severity: 'error',
      from: { path: '^src/features/[^/]+/[^/]+\\.routes\\.ts$' },
      to: { path: ['^src/db/', '\\.repository\\.ts$'] },
    },
    {
      name: 'cli-not-server',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'web-only-web-schemas-domain',
      comment: 'The browser bundle may import web code, feature *.schema.ts and the pure domain only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/web/', '^src/domain/', '^src/features/[^/]+/[^/]+\\.schema\\.ts$'] },
    },
    {
      name: 'web-ui-not-features',
      severity: 'error',
      from: { path: '^src/web/ui/' },
      to: { path: '^src/web/features/' },
    },
    {
      name: 'platform-not-app',
      comment: 'src/platform is infrastructure: it never reaches into features, server or cli.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/features/', '^src/server/', '^src/cli/'] },
    },
    {
      name: 'migrations-frozen',
      comment: 'Migrations never import application code.',
      severity: 'error',
      from: { path: '^src/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/db/migrations/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
}
