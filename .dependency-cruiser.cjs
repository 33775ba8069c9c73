/**
 * Boundaries between the modules (src/modules/<name>/), checked by
 * test/boundaries.test.ts as part of `npm test`:
 *  - a module is used through its public surface, src/modules/<name>/index.ts;
 *  - modules know nothing of HTTP: no import of the web layer or Fastify;
 *  - no cycles of runtime imports (type-only imports are erased and may go both ways,
 *    as src/store/schema.ts composing the modules' row types does).
 * The store's schema may read each module's own row types (tables.ts) directly.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-its-index',
      comment: 'Another module is used through its index.ts only; its other files are its own.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/.+',
        pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/$1/'],
      },
    },
    {
      name: 'module-through-its-index-from-outside',
      comment: 'The web layer, the CLI, the composition root and the store use a module through its index.ts (the schema may read its tables.ts).',
      severity: 'error',
      // the admin's browser bundle (client/) imports pure files (content/embeds.ts): an index.ts would pull the server into it
      from: { path: '^src/', pathNot: ['^src/modules/', '^src/store/schema\\.ts$', '^src/web/admin/client/'] },
      to: {
        path: '^src/modules/[^/]+/.+',
        // the CLI's `demo` command starts the social platforms' emulators: development tools
        // that leave src/modules (issue 18 item 6), not part of the social module's surface
        // config.ts reads each module's settings parser (settings.ts) alone, so loading the configuration does not load the services
        pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/social/(demo\\.ts|emulator/)', '^src/modules/[^/]+/(settings|signin-settings)\\.ts$'],
      },
    },
    {
      name: 'modules-know-no-http',
      comment: 'Modules are used by the web layer, never the other way: no import of src/web or Fastify.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: ['^src/web/', '^node_modules/(fastify|@fastify/)'] },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'Modules that import each other at run time load in an order that depends on who came first.',
      severity: 'error',
      // known, in the web layer: the site's layout draws the search box that lives with the search page, which the layout frames
      from: { path: '^src/', pathNot: '^src/web/site/(layout|search-page)\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
