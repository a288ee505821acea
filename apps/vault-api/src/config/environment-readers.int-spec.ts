import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const CONFIG = join(ROOT, 'apps/vault-api/src/config');

/** The running code: the vault and its libraries, without specs and the test servers under `testing/`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.[a-z-]*spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

const libraries = readdirSync(join(ROOT, 'libs')).map((name) => join(ROOT, 'libs', name, 'src'));
const files = [join(ROOT, 'apps/vault-api/src'), ...libraries].flatMap(sourceFiles);
const where = (pattern: RegExp) => files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));

describe('reading the environment', () => {
  it('looks at real files', () => expect(files.length).toBeGreaterThan(300));

  it('happens in config/ only, so every setting is parsed, checked and documented in one place', () => {
    expect(where(/process\.env\b/).filter((file) => !join(ROOT, file).startsWith(CONFIG))).toEqual([]);
  });

  it('decides what production is in deployment-mode.ts only, so no two rules can disagree about it', () => {
    expect(where(/env(\.NODE_ENV|\[['"]NODE_ENV)|[=!]==? *'production'|'production' *[=!]==?/)).toEqual(['apps/vault-api/src/config/deployment-mode.ts']);
  });
});
