import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const repo = resolve(__dirname, '../..');
const app = 'apps/vault-api/src';

// A miniature of the repo, each file importing along one direction the rules allow or forbid.
const files: Record<string, string> = {
  'libs/document-domain/src/index.ts': "import '@nestjs/common';\nimport '@kluis/event-store';\n",
  'libs/event-store/src/index.ts': `import '../../../${app}/documents';\nimport './internal';\n`,
  'libs/event-store/src/internal.ts': 'export const internal = 1;\n',
  [`${app}/documents/index.ts`]: "export { documentView } from './document.view';\n",
  [`${app}/documents/document.view.ts`]: 'export const documentView = 1;\n',
  [`${app}/shared/viewer.ts`]: "import '../documents/document.view';\n",
  [`${app}/shared/etag.ts`]: "import '@kluis/event-store';\n",
  [`${app}/config/settings.ts`]: "import '../webhooks/webhook-config';\n",
  [`${app}/webhooks/webhook-config.ts`]: 'export const webhooks = 1;\n',
  [`${app}/infrastructure/open.ts`]: "import '../documents';\nimport '../shared/etag';\n",
  [`${app}/reviews/review.ts`]: [
    "import '../documents/document.view';",
    "import '../documents';",
    "import '../shared/etag';",
    "import '../infrastructure/open';",
    "import '@kluis/event-store';",
    "import '../../../../libs/event-store/src/internal';",
    "import '../app.module';",
    "import '../../../../test/support/fixture';",
    '',
  ].join('\n'),
  [`${app}/reviews/review.spec.ts`]: "import '../documents/document.view';\nimport './review';\n",
  [`${app}/reviews/one.ts`]: "import './other';\n",
  [`${app}/reviews/other.ts`]: "import './one';\n",
  [`${app}/app.module.ts`]: "import './reviews/one';\n",
  'libs/event-store/src/browser/index.ts': 'export const forBrowsers = 1;\n',
  'test/support/fixture.ts': `import '../../${app}/documents/document.view';\nimport '../../libs/event-store/src/browser';\n`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { baseUrl: '.', paths: { '@kluis/event-store': ['libs/event-store/src'] } },
  }),
  'package.json': JSON.stringify({ name: 'layers-fixture', dependencies: { '@nestjs/common': '*' } }),
};

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

async function cruise(root: string): Promise<string[]> {
  const bin = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const args = [bin, '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json', 'apps', 'libs', 'test'];
  // depcruise exits with the number of violations, so a non-zero exit is the expected answer here.
  const output = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 }).catch(
    (failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }),
  );
  const { summary } = JSON.parse(output.stdout) as { summary: { violations: Violation[] } };
  // A package resolves through the node_modules link to wherever it is installed.
  const named = (path: string) => path.replace(/^.*node_modules\//, 'node_modules/');
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${named(v.to)}`).sort();
}

describe('the layer rules', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kluis-layers-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuse each import that runs back up a layer, and only those', async () => {
    expect(await cruise(root)).toEqual(
      [
        'no-cycles: apps/vault-api/src/reviews/one.ts -> apps/vault-api/src/reviews/other.ts',
        'libs-never-import-apps: libs/event-store/src/index.ts -> apps/vault-api/src/documents/index.ts',
        'domain-imports-no-framework: libs/document-domain/src/index.ts -> node_modules/@nestjs/common/index.js',
        'domain-imports-no-other-lib: libs/document-domain/src/index.ts -> libs/event-store/src/index.ts',
        'libs-meet-through-index: apps/vault-api/src/reviews/review.ts -> libs/event-store/src/internal.ts',
        'config-imports-only-libs: apps/vault-api/src/config/settings.ts -> apps/vault-api/src/webhooks/webhook-config.ts',
        'shared-imports-only-libs: apps/vault-api/src/shared/viewer.ts -> apps/vault-api/src/documents/document.view.ts',
        'infrastructure-below-features: apps/vault-api/src/infrastructure/open.ts -> apps/vault-api/src/documents/index.ts',
        'features-meet-through-index: apps/vault-api/src/reviews/review.ts -> apps/vault-api/src/documents/document.view.ts',
        'features-below-entry-points: apps/vault-api/src/reviews/review.ts -> apps/vault-api/src/app.module.ts',
        'tests-stay-out-of-production: apps/vault-api/src/reviews/review.ts -> test/support/fixture.ts',
      ].sort(),
    );
  });
});
