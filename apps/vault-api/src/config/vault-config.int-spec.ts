import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadVaultConfig } from './vault-config';

const dataDir = mkdtempSync(join(tmpdir(), 'kluis-config-'));
const load = (env: NodeJS.ProcessEnv) => loadVaultConfig({ VAULT_DATA_DIR: dataDir, ...env });

describe('configuration', () => {
  it('runs embedded under the data directory when nothing is set', () => {
    const config = load({});
    expect(config).toMatchObject({
      server: { port: 3000 },
      storage: {
        dataDir,
        eventStore: { kind: 'sqlite', file: join(dataDir, 'events.db') },
        blobStore: { kind: 'file', dir: join(dataDir, 'blobs') },
        readModel: { kind: 'sqlite', file: join(dataDir, 'read-models.db') },
      },
      uploads: { maxBytes: 25 * 1024 * 1024 },
      auth: { mode: 'dev' },
      reviews: { claimMinutes: 30 },
      expiry: { horizonDays: 60 },
      projections: { projector: true },
    });
    expect(load({ VAULT_PROJECTOR: 'off' }).projections.projector).toBe(false);
  });

  it('picks backends by URL', () => {
    const config = load({ VAULT_EVENT_STORE: 'esdb://es1:2113,es2:2113?tls=true', VAULT_READ_MODEL: 'postgres://kluis@db/kluis', VAULT_BLOB_STORE: 'file:/srv/blobs' });
    expect(config.storage.eventStore).toEqual({ kind: 'esdb', url: 'esdb://es1:2113,es2:2113?tls=true' });
    expect(config.storage.readModel).toEqual({ kind: 'postgres', url: 'postgres://kluis@db/kluis' });
    expect(config.storage.blobStore).toEqual({ kind: 'file', dir: '/srv/blobs' });
  });

  it.each([
    [{ VAULT_EVENT_STORE: 'mysql://db' }, /VAULT_EVENT_STORE/],
    [{ VAULT_READ_MODEL: 'esdb://x' }, /VAULT_READ_MODEL/],
    [{ VAULT_BLOB_STORE: 'ftp://x' }, /VAULT_BLOB_STORE/],
    [{ VAULT_BLOB_STORE: 's3://127.0.0.1:9000/?useSSL=false' }, /VAULT_BLOB_STORE/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ VAULT_MAX_UPLOAD_BYTES: '-1' }, /VAULT_MAX_UPLOAD_BYTES/],
    [{ VAULT_PROJECTOR: 'yes' }, /VAULT_PROJECTOR must be on or off/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV must be one of/],
    [{ VAULT_DOCUMENT_TYPES_FILE: join(dataDir, 'missing.json') }, /VAULT_DOCUMENT_TYPES_FILE cannot be read/],
  ])('refuses to start with %j', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('reads a catalogue override and refuses a bad one, naming the problem', () => {
    const good = join(dataDir, 'types.json');
    writeFileSync(good, JSON.stringify({ passport: { fourEyes: true } }));
    expect(load({ VAULT_DOCUMENT_TYPES_FILE: good }).catalogue.passport.fourEyes).toBe(true);
    const bad = join(dataDir, 'bad-types.json');
    writeFileSync(bad, JSON.stringify({ passport: { reviewSlaBusinessDays: 0 } }));
    expect(() => load({ VAULT_DOCUMENT_TYPES_FILE: bad })).toThrow(/passport\.reviewSlaBusinessDays/);
    const broken = join(dataDir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => load({ VAULT_DOCUMENT_TYPES_FILE: broken })).toThrow(/not valid JSON/);
  });

  it('refuses a department policies file its library refuses, naming the variable and the problem', () => {
    const bad = join(dataDir, 'bad-departments.json');
    writeFileSync(bad, JSON.stringify({ mandates: 'everything' }));
    expect(() => load({ VAULT_DEPARTMENTS_FILE: bad })).toThrow(ConfigError);
    expect(() => load({ VAULT_DEPARTMENTS_FILE: bad })).toThrow(/^VAULT_DEPARTMENTS_FILE: .*mandates/);
  });

  it('reads an S3 blob store with credentials from the environment, never echoing them in errors', () => {
    const config = load({ VAULT_BLOB_STORE: 's3://minio.internal:9000/?bucket=kluis&useSSL=false', VAULT_S3_ACCESS_KEY: 'vault', VAULT_S3_SECRET_KEY: 'correct-horse-battery' });
    expect(config.storage.blobStore).toEqual({ kind: 's3', url: 's3://minio.internal:9000/?bucket=kluis&useSSL=false' });
    expect(config.storage.s3).toMatchObject({ bucket: 'kluis' });
    let message = '';
    try {
      load({ VAULT_BLOB_STORE: 's3://minio.internal:9000/?useSSL=maybe', VAULT_S3_ACCESS_KEY: 'vault', VAULT_S3_SECRET_KEY: 'correct-horse-battery' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/VAULT_BLOB_STORE/);
    expect(message).not.toContain('correct-horse-battery');
  });

  it('refuses dev-mode authentication in production', () => {
    expect(() => load({ NODE_ENV: 'production', VAULT_AUTH_MODE: 'dev' })).toThrow(/dev/);
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/VAULT_OIDC_ISSUER|VAULT_JWKS_URL/);
  });
});
