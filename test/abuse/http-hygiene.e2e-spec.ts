import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { rawRequest, sendBytes } from './support/raw-http';

/**
 * Requests no client should send: oversized, compressed into bombs, wrongly encoded, absurdly nested, with
 * unknown methods, parameters and keys. Each is answered with a 4xx problem naming what to change, never a 500,
 * and the answers that may carry personal data are never stored on the way back.
 */
describe('HTTP hygiene', () => {
  let vault: VaultUnderTest;
  let reviewer: string;
  let customer: { id: string; token: string };

  beforeAll(async () => {
    vault = await startVault();
    reviewer = (await vault.reviewer()).token;
    customer = await vault.customer();
  });

  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  const reviewPath = () => `/v1/documents/${randomUUID()}/reviews`;
  const postReview = () => vault.http().post(reviewPath()).set('Authorization', `Bearer ${reviewer}`).set('If-Match', '"0"');

  function expectProblem(response: Response, status: number, field?: string): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(response.text) as { status: number; detail: string; errors?: { field: string }[] };
    expect(problem.status).toBe(status);
    if (field !== undefined) expect(problem.errors?.map((error) => error.field)).toContain(field);
  }

  describe('bodies', () => {
    it('answers a 200 KB JSON body with 413, quoting the request id it was sent with', async () => {
      const body = JSON.stringify({ decision: 'reject', reasonCode: 'ILLEGIBLE', message: 'x'.repeat(200 * 1024) });
      const requestId = `req-${randomUUID()}`;
      const response = await postReview().set('Content-Type', 'application/json').set('X-Request-Id', requestId).send(body);
      expectProblem(response, 413, 'body');
      expect([JSON.parse(response.text).instance, response.headers['x-request-id']]).toEqual([requestId, requestId]);
    });

    it('answers a gzip bomb with 413, measuring the body once inflated', async () => {
      const bomb = gzipSync(Buffer.from(`{"decision":"reject","message":"${'0'.repeat(20 * 1024 * 1024)}"}`));
      expect(bomb.length).toBeLessThan(100 * 1024);
      const headers = { authorization: `Bearer ${reviewer}`, 'if-match': '"0"', 'content-type': 'application/json', 'content-encoding': 'gzip' };
      const answer = await sendBytes(vault.app, 'POST', reviewPath(), headers, bomb);
      expect(answer.status).toBe(413);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body).errors).toEqual([expect.objectContaining({ field: 'body' })]);
    });

    it('answers an unknown content encoding with 415 and a broken gzip stream with 400', async () => {
      const unknown = await postReview().set('Content-Type', 'application/json').set('Content-Encoding', 'snappy').send('{"decision":"approve"}');
      expectProblem(unknown, 415, 'Content-Encoding');
      const headers = { authorization: `Bearer ${reviewer}`, 'if-match': '"0"', 'content-type': 'application/json', 'content-encoding': 'gzip' };
      const broken = await sendBytes(vault.app, 'POST', reviewPath(), headers, Buffer.from('not gzip at all'));
      expect(broken.status).toBe(400);
      expect(broken.contentType).toMatch(/^application\/problem\+json/);
    });

    it('answers a JSON body in another character set with 415', async () => {
      const response = await postReview().set('Content-Type', 'application/json; charset=iso-8859-1').send('{"decision":"approve"}');
      expectProblem(response, 415, 'Content-Type');
    });

    it('answers facts nested 5,000 deep with 400', async () => {
      const deep = `{"decision":"approve","facts":${'{"holderName":'.repeat(5000)}"x"${'}'.repeat(5000)}}`;
      const response = await postReview().set('Content-Type', 'application/json').send(deep);
      expectProblem(response, 400);
      expect(JSON.parse(response.text).errors[0].field).toMatch(/^facts\./);
    });

    it('answers a text/plain body where JSON is expected with 415', async () => {
      const response = await postReview().set('Content-Type', 'text/plain').send('{"decision":"reject","reasonCode":"ILLEGIBLE","message":"blurred"}');
      expectProblem(response, 415, 'Content-Type');
    });

    it.each(['__proto__', 'constructor'])('refuses a %s key in a body like any unknown key', async (key) => {
      const body = `{"decision":"reject","reasonCode":"ILLEGIBLE","message":"blurred","${key}":{"roles":["admin"]}}`;
      expectProblem(await postReview().set('Content-Type', 'application/json').send(body), 400, key);
      const nested = `{"decision":"approve","facts":{"holderName":"Maria","${key}":{"x":1}}}`;
      expectProblem(await postReview().set('Content-Type', 'application/json').send(nested), 400, `facts.${key}`);
    });
  });

  describe('methods and parameters', () => {
    it('answers a method the path does not serve with 405 and Allow', async () => {
      const response = await vault.http().put('/v1/review-queue').set('Authorization', `Bearer ${reviewer}`);
      expectProblem(response, 405);
      expect(response.headers['allow']).toBe('GET, HEAD');
    });

    it('still answers a path that exists for no method with 404', async () => {
      expectProblem(await vault.http().put('/v1/nothing-here').set('Authorization', `Bearer ${reviewer}`), 404);
    });

    it('refuses an unknown query parameter on an endpoint that takes none, naming it', async () => {
      const response = await vault.http().get('/v1/me/documents?stauts=verified').set('Authorization', `Bearer ${customer.token}`);
      expectProblem(response, 400, 'stauts');
    });

    it('refuses __proto__ among the query parameters of an endpoint that takes some', async () => {
      const response = await vault.http().get('/v1/review-queue?__proto__=x').set('Authorization', `Bearer ${reviewer}`);
      expectProblem(response, 400, '__proto__');
    });

    it('answers a method Node does not know with problem details', async () => {
      const answer = await rawRequest(vault.app, 'FROB /v1/me/documents HTTP/1.1\r\nHost: vault\r\n\r\n');
      expect(answer.status).toBe(501);
      expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 501, title: 'Method not known', code: 'REQUEST.METHOD_UNKNOWN' });
    });

    it('answers headers over 16 KiB with 431 problem details', async () => {
      const answer = await rawRequest(vault.app, `GET /v1/me/documents HTTP/1.1\r\nHost: vault\r\nX-Filler: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
      expect(answer.status).toBe(431);
      expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: 'The request headers are too large', code: 'REQUEST.HEADERS_TOO_LARGE' });
    });
  });

  describe('answers', () => {
    it('carries the request id as the problem instance', async () => {
      const requestId = `req-${randomUUID()}`;
      const response = await vault.http().get(`/v1/documents/${randomUUID()}`).set('Authorization', `Bearer ${customer.token}`).set('X-Request-Id', requestId);
      expectProblem(response, 404);
      expect(response.body.instance ?? JSON.parse(response.text).instance).toBe(requestId);
      expect(response.headers['x-request-id']).toBe(requestId);
    });

    it('never lets a /v1 answer be stored, whether it succeeds or fails', async () => {
      const listed = await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${customer.token}`).expect(200);
      expect(listed.headers['cache-control']).toBe('no-store');
      const refused = await vault.http().get('/v1/me/documents');
      expect(refused.status).toBe(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    });

    it('documents the answers the HTTP layer may give on every operation', async () => {
      const { body } = await vault.http().get('/docs-json').expect(200);
      for (const operation of [body.paths['/v1/me/documents'].get, body.paths['/v1/documents/{documentId}/reviews'].post]) {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '405', '413', '415', '429']));
      }
      expect(body.components.schemas.ProblemResponse.properties).toHaveProperty('instance');
    });

    it('serves /docs under a Content-Security-Policy', async () => {
      const docs = await vault.http().get('/docs').redirects(1);
      expect(docs.status).toBe(200);
      expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
      expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });
  });
});

describe('HTTP hygiene under load and in production', () => {
  it('answers too many requests without naming a framework class', async () => {
    const vault = await startVault({ VAULT_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const customer = await vault.customer();
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await vault.http().get('/v1/me/documents').set('Authorization', `Bearer ${customer.token}`));
      const limited = answers[2]!;
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.text).not.toMatch(/Exception/);
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });

  it('in production, sends HSTS and hides /docs and /metrics unless told otherwise', async () => {
    const vault = await startVault({
      NODE_ENV: 'production',
      VAULT_MASTER_KEY: randomBytes(32).toString('base64'),
      VAULT_MALWARE_SCANNER: 'clamd://127.0.0.1:9',
      VAULT_OIDC_ISSUER: 'https://login.bank.example',
      VAULT_JWKS_URL: 'http://127.0.0.1:9/jwks',
    });
    try {
      const health = await vault.http().get('/health');
      expect(health.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      for (const path of ['/metrics', '/docs', '/docs-json']) expect([path, (await vault.http().get(path)).status]).toEqual([path, 404]);
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });

  it('hides /docs and /metrics when told to, whatever the spelling of the path', async () => {
    const vault = await startVault({ VAULT_OPS_ENDPOINTS: 'hidden' });
    try {
      for (const path of ['/metrics', '/METRICS/', '/docs', '/docs/', '/docs-json', '/docs-yaml', '/docs/swagger-ui-init.js']) {
        const response = await vault.http().get(path);
        expect([path, response.status]).toEqual([path, 404]);
      }
      await vault.http().get('/health').expect((response) => expect(response.status).not.toBe(404));
    } finally {
      await vault.stop();
      await removeDataDir(vault);
    }
  });
});
