import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const scripts: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts;

/**
 * On a fresh clone nothing is built. The suites that start the built vault (the crash drills, in `npm test` and in
 * `npm run test:services`) must build it themselves, through npm's pre-script, or they fail before testing anything.
 */
describe('test commands on a fresh clone', () => {
  it.each(['test', 'test:services'])('npm run %s builds the vault first', (script) => {
    expect(scripts[`pre${script}`]).toMatch(/^nest build vault-api\b/);
  });
});
