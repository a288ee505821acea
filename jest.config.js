// One jest project per test suffix, so each kind of test can be run on its own (see STYLE.md).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // pkijs, asn1js and what they import ship only ES modules, which Node requires natively but jest's CommonJS
    // runtime cannot: jest transpiles them to CommonJS.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(pkijs|asn1js|bytestreamjs|@peculiar/utils|@noble/hashes)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

const project = (displayName, suffix, extra = {}) => ({
  ...common,
  displayName,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*${suffix}`],
  ...extra,
});

module.exports = {
  // e2e and services suites drive real servers on two-core machines; a generous bound still catches a hang.
  testTimeout: 30_000,
  projects: [
    project('unit', '.spec.ts'),
    project('int', '.int-spec.ts'),
    project('contract', '.contract-spec.ts'),
    project('e2e', '.e2e-spec.ts'),
    project('services', '.services-spec.ts'),
    project('esdb', '.esdb-spec.ts'),
    project('browser', '.browser-spec.ts'),
  ],
};
