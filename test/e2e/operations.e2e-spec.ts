import { ENCRYPTION_CONFIG, STORAGE_CONFIG } from '../../apps/vault-api/src/config/config-tokens';
import type { EncryptionConfig } from '../../apps/vault-api/src/config/encryption-config';
import type { StorageConfig } from '../../apps/vault-api/src/config/storage-config';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem } from '../support/vault-requests';

describe('operating the vault', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('reports every backend and the projection lag on /health, without a token', async () => {
    const storage = vault.app.get<StorageConfig>(STORAGE_CONFIG);
    const encryption = vault.app.get<EncryptionConfig>(ENCRYPTION_CONFIG);
    const health = await vault.http().get('/health').expect(200);
    expect(health.body).toEqual({
      status: 'up',
      checks: {
        eventStore: { status: 'up', backend: storage.eventStore.kind },
        blobStore: { status: 'up', backend: storage.blobStore.kind },
        readModel: { status: 'up', backend: storage.readModel.kind },
        keyStore: { status: 'up', backend: encryption.keyStore.kind },
        malwareScanner: { status: 'disabled', backend: 'disabled' },
      },
      projections: { documents: { lag: 0 } },
      reconciliation: { status: 'not-run', at: null, missingBlobs: 0, hashMismatches: 0, orphanBlobs: 0 },
      objectLock: expect.objectContaining({ status: storage.s3?.objectLock ? 'enforced' : 'not-configured' }),
      notices: { mail: 'folder', undelivered: 0 },
    });
  });

  it('answers liveness without touching any backend', async () => {
    expect((await vault.http().get('/health/live').expect(200)).body).toEqual({ status: 'up' });
  });

  it('serves an OpenAPI document describing every endpoint, including the multipart upload', async () => {
    const { body } = await vault.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/customers/{customerId}/document-requests',
        '/v1/customers/{customerId}/documents',
        '/v1/customers/{customerId}/evidence',
        '/v1/documents/{documentId}',
        '/v1/documents/{documentId}/content',
        '/v1/documents/{documentId}/history',
        '/v1/documents/{documentId}/references',
        '/v1/documents/{documentId}/references/{referenceId}',
        '/v1/documents/{documentId}/reviews',
        '/v1/feed',
        '/v1/me/documents',
        '/v1/review-queue',
      ]),
    );
    // Every route the app serves is described: walk Express's router rather than trusting a list kept by hand.
    const { router } = vault.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => [layer.route!.path.replace(/:(\w+)/g, '{$1}'), method] as const))
      // The OpenAPI UI itself and the web app's static fallback are pages, not API endpoints.
      .filter(([path]) => !path.startsWith('/docs') && path !== '/{*path}');
    expect(served.length).toBeGreaterThan(15);
    for (const [path, method] of served) expect({ path, method, described: Boolean(body.paths[path]?.[method]) }).toEqual({ path, method, described: true });
    const submit = body.paths['/v1/customers/{customerId}/documents'].post;
    expect(Object.keys(submit.requestBody.content)).toEqual(['multipart/form-data']);
    expect(submit.requestBody.content['multipart/form-data'].schema.$ref).toBe('#/components/schemas/SubmitDocumentBody');
    expect(body.components.schemas.SubmitDocumentBody.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    await vault.http().get('/docs').expect(200);
  });

  it('answers unknown paths with problem+json', async () => {
    expectProblem(await vault.http().get('/v1/nothing-here'), 404);
  });

  it('tags every response with a request id, keeping a sane one the caller sent', async () => {
    const given = await vault.http().get('/health').set('X-Request-Id', 'trace-1234567890');
    expect(given.headers['x-request-id']).toBe('trace-1234567890');
    const made = await vault.http().get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
