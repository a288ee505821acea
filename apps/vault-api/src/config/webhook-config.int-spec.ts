import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadVaultConfig } from './vault-config';

describe('webhook configuration from VAULT_WEBHOOKS_FILE', () => {
  let dir: string;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-webhook-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const load = (env: NodeJS.ProcessEnv) => loadVaultConfig({ VAULT_DATA_DIR: dir, ...env });
  const aFile = async (name: string, content: string) => {
    const file = join(dir, name);
    await writeFile(file, content);
    return file;
  };

  it('is off when no file is named', () => {
    expect(load({}).webhooks.endpoints).toEqual({});
  });

  it('reads the file and the secrets it names', async () => {
    const file = await aFile('webhooks.json', JSON.stringify({ mandates: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_MANDATES' } }));
    const config = load({ VAULT_WEBHOOKS_FILE: file, VAULT_WEBHOOK_SECRET_MANDATES: secret });
    expect(config.webhooks.endpoints.mandates.secret.reveal()).toBe(secret);
    expect(JSON.stringify(config)).not.toContain(secret);
  });

  it('knows only the departments the vault knows, including those of VAULT_DEPARTMENTS_FILE', async () => {
    const departments = await aFile('departments.json', JSON.stringify({ treasury: { evidenceKinds: ['identity'], factTypes: ['passport'], contentTypes: [], scopes: ['evidence:read'] } }));
    const file = await aFile('treasury.json', JSON.stringify({ treasury: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_TREASURY' } }));
    expect(Object.keys(load({ VAULT_DEPARTMENTS_FILE: departments, VAULT_WEBHOOKS_FILE: file, VAULT_WEBHOOK_SECRET_TREASURY: secret }).webhooks.endpoints)).toEqual(['treasury']);
    expect(() => load({ VAULT_WEBHOOKS_FILE: file, VAULT_WEBHOOK_SECRET_TREASURY: secret })).toThrow(/treasury: no such department/);
  });

  it.each([
    ['a missing file', async () => join(dir, 'missing.json'), /VAULT_WEBHOOKS_FILE cannot be read/],
    ['broken JSON', async () => aFile('broken.json', '{ not json'), /VAULT_WEBHOOKS_FILE is not valid JSON/],
    ['a secret that is not set', async () => aFile('unset.json', JSON.stringify({ mandates: { url: 'https://hooks.example/kluis', secretEnv: 'VAULT_WEBHOOK_SECRET_UNSET' } })), /VAULT_WEBHOOK_SECRET_UNSET is not set/],
  ])('refuses to start with %s', async (_case, file, message) => {
    const env = { VAULT_WEBHOOKS_FILE: await file() };
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });
});
