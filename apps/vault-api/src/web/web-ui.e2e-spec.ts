import type { INestApplication } from '@nestjs/common';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadVaultConfig } from '../config/vault-config';
import { createVaultApp } from '../create-vault-app';

const INDEX = '<!doctype html><title>Kluis</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = 'console.log("kluis")';

describe('the browser UI, served by the vault', () => {
  let app: INestApplication;
  let dataDir: string;
  let assetsDir: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-web-data-'));
    assetsDir = await mkdtemp(join(tmpdir(), 'kluis-web-assets-'));
    await mkdir(join(assetsDir, 'assets'));
    await writeFile(join(assetsDir, 'index.html'), INDEX);
    await writeFile(join(assetsDir, 'assets', 'index-abc123.js'), SCRIPT);
    const config = loadVaultConfig({ VAULT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', VAULT_MAX_UPLOAD_BYTES: '1048576' });
    app = await createVaultApp(config, { web: { assetsDir, oidcClientId: null } });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(assetsDir, { recursive: true, force: true });
  });

  it('serves the page at / and at every page the browser routes itself, under a strict policy', async () => {
    for (const path of ['/', '/review', '/review/6f1c2b1e-8a4d-4b8e-9a51-1d2f0c7a9e33', '/my-documents']) {
      const page = await http().get(path).set('Accept', 'text/html,application/xhtml+xml').expect(200);
      expect(page.text).toBe(INDEX);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; connect-src 'self'; frame-src blob:; " +
          "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(page.headers).toMatchObject({ 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
    }
  });

  it('serves built files for a year and revalidates the page', async () => {
    const script = await http().get('/assets/index-abc123.js').expect(200);
    expect(script.text).toBe(SCRIPT);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await http().get('/').set('Accept', 'text/html').expect(200);
    await http().get('/').set('Accept', 'text/html').set('If-None-Match', page.headers.etag).expect(304);
  });

  it('leaves the API its own answers: unknown API paths and missing files are 404 problem+json', async () => {
    for (const [path, accept] of [
      ['/v1/nothing-here', 'text/html'],
      ['/docs-json/x', 'text/html'],
      ['/assets/missing.js', 'text/html'],
      ['/somewhere', 'application/json'],
      ['/index.html/../../package.json', 'application/json'],
    ]) {
      const response = await http().get(path).set('Accept', accept).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-security-policy']).toBeUndefined();
    }
    await http().get('/v1/me/documents').set('Accept', 'text/html').expect(401);
    await http().get('/health/live').set('Accept', 'text/html').expect(200);
    await http().post('/').set('Accept', 'text/html').expect(404);
  });

  it('tells the UI how to sign in and how large a file may be, without a token', async () => {
    const config = await http().get('/ui-config').expect(200);
    expect(config.body).toMatchObject({ authMode: 'dev', oidc: null, maxUploadBytes: 1048576 });
    expect(config.body.documentTypes).toContainEqual({ type: 'notarial-deed', fourEyes: true, mrz: null, requiredFacts: ['notary', 'deedDate', 'scope'] });
    expect(config.body.documentTypes).toContainEqual(expect.objectContaining({ type: 'passport', fourEyes: false, mrz: 'TD3' }));
  });
});
