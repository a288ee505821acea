import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVaultConfig } from './vault-config';

const README = join(__dirname, '../../../../README.md');
const dataDir = mkdtempSync(join(tmpdir(), 'kluis-readme-'));
const NAME = /^[A-Z][A-Z0-9_]*$/;

interface Row {
  readonly variables: readonly string[];
  /** The default the README gives each variable it can name one for, as it would be written in the environment. */
  readonly defaults: ReadonlyMap<string, string>;
}

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/** The Configuration table as a Markdown renderer sees it: from its header to the first line that is not a row. */
function configurationTable(): Row[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const header = lines.findIndex((line, index) => line.startsWith('| variable |') && lines.slice(0, index).some((above) => above === '## Configuration'));
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [name, fallback, meaning] = line.split(' | ').map((cell) => cell.replace(/^\| /, ''));
    const variables = backticked(name).filter((variable) => NAME.test(variable));
    const defaults = new Map<string, string>();
    const given = variables.length === 1 ? [fallback] : fallback.split(', ');
    if (given.length === variables.length) {
      given.forEach((value, index) => {
        const written = /^`([^`]+)`/.exec(value)?.[1];
        if (written !== undefined) defaults.set(variables[index], written.replace('<data>', dataDir).replace('<PORT>', '3000'));
      });
    }
    // Tuning named in the meaning, with its default in brackets: `VAULT_WEBHOOK_MAX_ATTEMPTS` (10).
    for (const [, variable, value] of meaning.matchAll(/`([A-Z][A-Z0-9_]*)` \((\d+)\)/g)) {
      variables.push(variable);
      defaults.set(variable, value);
    }
    rows.push({ variables, defaults });
  }
  return rows;
}

/** Every variable the configuration reads from `env`, across the branches that read more than the default does. */
function variablesRead(): Set<string> {
  const read = new Set<string>();
  const watched = (env: NodeJS.ProcessEnv) =>
    new Proxy(env, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
      has: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return key in target;
      },
    });
  const secret = 's'.repeat(32);
  for (const env of [
    {},
    { VAULT_BLOB_STORE: 's3://minio.internal:9000/?bucket=kluis', VAULT_S3_ACCESS_KEY: 'vault', VAULT_S3_SECRET_KEY: secret },
    { VAULT_AUTH_MODE: 'oidc', VAULT_OIDC_ISSUER: 'https://login.bank.example', VAULT_JWKS_URL: 'https://login.bank.example/jwks' },
    { VAULT_NOTICE_WEBHOOK_URL: 'https://messages.bank.example/kluis', VAULT_NOTICE_WEBHOOK_SECRET: secret },
  ]) {
    loadVaultConfig(watched({ VAULT_DATA_DIR: dataDir, ...env }));
  }
  return read;
}

describe("the README's configuration table", () => {
  const rows = configurationTable();
  const documented = new Set(rows.flatMap((row) => row.variables));

  it('is one table, with every row a Markdown renderer shows as part of it', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(documented).toContain('LOG_LEVEL');
  });

  it('names every variable the vault reads, and reads every variable it names', () => {
    const read = variablesRead();
    expect([...read].filter((variable) => !documented.has(variable)).sort()).toEqual([]);
    expect([...documented].filter((variable) => !read.has(variable)).sort()).toEqual([]);
  });

  it('gives the defaults the vault uses when a variable is unset', () => {
    const unset = loadVaultConfig({ VAULT_DATA_DIR: dataDir });
    const stated = rows.flatMap((row) => [...row.defaults]).filter(([variable]) => variable !== 'VAULT_DATA_DIR');
    expect(stated.length).toBeGreaterThan(40);
    for (const [variable, value] of stated) {
      expect({ variable, config: loadVaultConfig({ VAULT_DATA_DIR: dataDir, [variable]: value }) }).toEqual({ variable, config: unset });
    }
  });
});
