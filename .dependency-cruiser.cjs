// The directions imports may take between the vault's layers (README, "Layers"). `npm run lint:layers` checks them.
//
//   libs/document-domain          pure rules: no framework, no other lib
//   libs/*                        ports and adapters: never the app
//   app config/, shared/          the app's settings and its HTTP and stream kit: libs only
//   app infrastructure/, encryption/  opening and wiring backends, sealing events: libs, config/, shared/
//   app features                  every other top-level folder: the layers above, other features through index.ts
//   app entry points              app.module.ts, main.ts, create-vault-app.ts, cli/: assemble everything

const app = '^apps/vault-api/src/';
const tests = '(\\.(spec|int-spec|contract-spec|e2e-spec|services-spec|esdb-spec|browser-spec)\\.ts$)|^test/';
const layers = 'shared|config|infrastructure|encryption';
const entryPoints = `${app}(app\\.module|main|create-vault-app)\\.ts$|${app}cli/`;

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two files one unit that cannot be read, tested or moved apart, and Nest resolves it late.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libs are reused by the vault, its tools and its tests; an import of an app would drag the app along.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-no-framework',
      comment: 'The domain decides from plain data; a framework or package inside it would tie the rules to I/O.',
      severity: 'error',
      from: { path: '^libs/document-domain/', pathNot: tests },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'domain-imports-no-other-lib',
      comment: 'Stores, crypto and auth serve the domain, not the other way round.',
      severity: 'error',
      from: { path: '^libs/document-domain/' },
      to: { path: '^libs/(?!document-domain/)' },
    },
    {
      name: 'libs-meet-through-index',
      comment:
        "A lib's entries (index.ts, and testing/ or browser/index.ts where it has them, as tsconfig.json maps them) " +
        'are its contract; its internals may change without notice.',
      severity: 'error',
      from: { path: '^(apps|test|libs/[^/]+)/' },
      to: { path: '^libs/', pathNot: ['^$1/', '^libs/[^/]+/src/((testing|browser)/)?index\\.ts$'] },
    },
    {
      name: 'config-imports-only-libs',
      comment: 'Settings are read before any feature exists, so they cannot depend on one.',
      severity: 'error',
      from: { path: `${app}config/`, pathNot: tests },
      to: { path: app, pathNot: `${app}config/` },
    },
    {
      name: 'shared-imports-only-libs',
      comment: 'shared/ is what every feature builds on; an import of a feature would make that feature everyone\'s.',
      severity: 'error',
      from: { path: `${app}shared/`, pathNot: tests },
      to: { path: app, pathNot: `${app}shared/` },
    },
    {
      name: 'infrastructure-below-features',
      comment: 'Backends are opened and events sealed the same way for every feature, so no feature may be needed there.',
      severity: 'error',
      from: { path: `${app}(infrastructure|encryption)/`, pathNot: tests },
      to: { path: app, pathNot: `${app}(${layers})/` },
    },
    {
      name: 'features-meet-through-index',
      comment: "A feature's index.ts says what others may use; the rest may change without touching another feature.",
      severity: 'error',
      from: { path: `${app}([^/]+)/`, pathNot: [tests, `${app}(${layers}|cli)/`] },
      to: { path: `${app}[^/]+/`, pathNot: [`${app}$1/`, `${app}(${layers})/`, `${app}[^/]+/index\\.ts$`] },
    },
    {
      name: 'features-below-entry-points',
      comment: 'Only the entry points assemble the whole app; a feature that imported one would import every feature.',
      severity: 'error',
      from: { path: app, pathNot: [tests, entryPoints] },
      to: { path: entryPoints },
    },
    {
      name: 'tests-stay-out-of-production',
      comment:
        'Tests may be looser: a spec may reach into any feature or layer it exercises. But nothing that ships may ' +
        'import a test or a test support file.',
      severity: 'error',
      from: { pathNot: tests },
      to: { path: tests },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // Type-only imports count: a type from a feature ties its reader to that feature as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    moduleSystems: ['cjs', 'es6'],
  },
};
