import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { passportFacts, review, upload } from '../support/vault-requests';
import { internalLeaks } from './support/leaks';
import { chunked, multipartUpload, piecesOf, sendRaw } from './support/raw-connection';
import { fillPath, type OpenApiDocument, type Operation, resolveSchema, type SchemaObject, servedOperations } from './support/openapi-operations';

/**
 * Thousands of requests built from the vault's own OpenAPI document, valid and mangled, sent with a token that may
 * call each endpoint so validation and handlers are reached. Whatever arrives, the vault answers without a 5xx, every
 * error is problem+json, and no answer carries a stack trace, a path or a storage key.
 * FUZZ_SEED replays a run; FUZZ_RUNS scales it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2400);
/** Bodies cut off or sent chunked, over a raw connection: fewer, because each is written piece by piece. */
const CUT_RUNS = Math.ceil(RUNS / 4);

/** Who may call each operation, so the request gets past authorization. */
const CALLER: Record<string, 'owner' | 'reviewer' | 'mandates' | 'admin'> = {
  'POST /v1/documents/{documentId}/reviews': 'reviewer',
  'GET /v1/review-queue': 'reviewer',
  'POST /v1/documents/{documentId}/claim': 'reviewer',
  'DELETE /v1/documents/{documentId}/claim': 'reviewer',
  'GET /v1/customers/{customerId}/evidence': 'mandates',
  'POST /v1/documents/{documentId}/references': 'mandates',
  'DELETE /v1/documents/{documentId}/references/{referenceId}': 'mandates',
  'POST /v1/customers/{customerId}/document-requests': 'mandates',
  'GET /v1/feed': 'mandates',
  'POST /v1/documents/{documentId}/revocation': 'admin',
  'GET /v1/admin/bulk-blocks': 'admin',
  'GET /v1/admin/identity-number-conflicts': 'admin',
  'DELETE /v1/admin/bulk-blocks/{scope}': 'admin',
  'GET /v1/admin/webhook-dead-letters': 'admin',
  'POST /v1/admin/webhook-dead-letters/{id}/retry': 'admin',
  'POST /v1/customers/{customerId}/relationship': 'admin',
  'POST /v1/customers/{customerId}/relationship/end': 'admin',
  'POST /v1/customers/{customerId}/legal-holds': 'admin',
  'DELETE /v1/customers/{customerId}/legal-holds/{holdId}': 'admin',
  'GET /v1/customers/{customerId}/retention': 'admin',
};

/** Small enough for a request line: Node itself answers 431, before the vault, to URLs past its 16 KiB header limit. */
const shortGarbage = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%00', '{{7*7}}', "' OR 1=1 --", '<script>', '__proto__', 'constructor', '😀'.repeat(50)),
);

const garbage = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 5000, maxLength: 70000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%00', '{{7*7}}', "' OR 1=1 --", '<script>', '__proto__', 'constructor', '😀'.repeat(50)),
  fc.jsonValue({ maxDepth: 4 }),
);

function valueFor(document: OpenApiDocument, raw: SchemaObject | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, raw);
  if (!schema || depth > 3) return garbage;
  const valid = (() => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.type === 'object' && schema.properties) {
      const keys = Object.keys(schema.properties);
      return fc.record(Object.fromEntries(keys.map((key) => [key, valueFor(document, schema.properties![key], depth + 1)])), { requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)) });
    }
    if (schema.type === 'array') return fc.array(valueFor(document, schema.items, depth + 1), { maxLength: 5 });
    if (schema.type === 'integer' || schema.type === 'number') return fc.integer({ min: -10, max: 1000 });
    if (schema.type === 'boolean') return fc.boolean();
    if (schema.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    if (schema.format === 'uuid') return fc.uuid();
    return schema.example !== undefined ? fc.oneof(fc.constant(schema.example), fc.string()) : fc.string();
  })();
  // Mostly what the schema describes, sometimes anything at all.
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: garbage, weight: 1 });
}

/** A body from the schema, then mangled: a field dropped, one added, or the whole thing replaced. */
function bodyFor(document: OpenApiDocument, schema: SchemaObject | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(valueFor(document, schema), fc.nat(5), fc.string({ maxLength: 20 }), garbage)
    .map(([body, mutation, field, junk]) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
      const copy: Record<string, unknown> = { ...body };
      const keys = Object.keys(copy);
      if (mutation === 1 && keys.length > 0) delete copy[keys[field.length % keys.length]];
      if (mutation === 2) copy[field || 'extra'] = junk;
      if (mutation === 3) return junk;
      if (mutation === 4) return { ...copy, nested: { deeper: [junk, { junk }] } };
      return copy;
    });
}

describe('the vault survives OpenAPI-driven fuzzing', () => {
  let vault: VaultUnderTest;
  let document: OpenApiDocument;
  let operations: Operation[];
  const tokens: Record<string, string> = {};
  let ownerId: string;
  let documentIds: string[];

  beforeAll(async () => {
    // Thousands of requests from a few principals: the per-principal rate limit is not what is under test here.
    vault = await startVault({ VAULT_RATE_LIMIT_PER_MINUTE: '1000000' });
    const owner = await vault.customer();
    ownerId = owner.id;
    const anna = await vault.reviewer('anna');
    tokens.owner = owner.token;
    tokens.reviewer = (await vault.reviewer('bram')).token;
    tokens.mandates = (await vault.department('mandates', ['evidence:read', 'content:read', 'references:write', 'requests:write', 'documents:write'])).token;
    tokens.admin = await vault.token(`admin-${randomUUID()}`, ['admin']);
    const passport = await upload(vault, owner.token, owner.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, passport.body.id, { decision: 'approve', facts: passportFacts }, 0).expect(201);
    const pending = await upload(vault, owner.token, owner.id, { file: aPdf(), type: 'passport' }).expect(201);
    documentIds = [passport.body.id, pending.body.id];
    ({ document, operations } = await servedOperations(vault));
    console.log(`OpenAPI fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} over ${operations.length} operations`);
  });
  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  it('answers every generated request without a 5xx or a leak', async () => {
    const storageKeys = await vault.storedBlobs();
    const idFor = (name: string) =>
      name === 'customerId'
        ? fc.oneof(fc.constant(ownerId), fc.constant(`C-${randomUUID()}`), shortGarbage.map(String))
        : fc.oneof(fc.constantFrom(...documentIds), fc.uuid(), shortGarbage.map(String));
    const requestFor = (operation: Operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: fc.record(Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, idFor(p.name)]))),
        query: fc.dictionary(fc.constantFrom(...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name), 'unexpected'), shortGarbage.map(String), { maxKeys: 3 }),
        ifMatch: fc.option(fc.oneof(fc.constant('"0"'), fc.constant('"1"'), fc.string({ maxLength: 40 }), fc.constant('*'), fc.constant('W/"1"'))),
        idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.constant(''))),
        body: bodyFor(document, operation.bodySchema),
        upload: fc.record({ bytes: fc.uint8Array({ maxLength: 2048 }), pdf: fc.boolean(), type: fc.oneof(fc.constant('passport'), fc.string()), filename: fc.oneof(fc.constant('scan.pdf'), fc.string({ minLength: 1, maxLength: 300 })) }),
      });
    const anyRequest = fc.oneof(...operations.map(requestFor));
    const failures: string[] = [];

    await fc.assert(
      fc.asyncProperty(anyRequest, async (generated) => {
        const { operation } = generated;
        const path = fillPath(operation.path, Object.fromEntries(Object.entries(generated.path).map(([k, v]) => [k, String(v)])));
        const query = new URLSearchParams(generated.query).toString();
        let call = vault.http()[operation.method](`${path}${query ? `?${query}` : ''}`).set('Authorization', `Bearer ${tokens[CALLER[operation.key] ?? 'owner']}`);
        try {
          if (generated.ifMatch !== null) call = call.set('If-Match', generated.ifMatch.replace(/[^\x20-\x7e]/g, ''));
          if (generated.idempotencyKey !== null) call = call.set('Idempotency-Key', generated.idempotencyKey.replace(/[^\x20-\x7e]/g, ''));
        } catch {
          // A header value Node itself refuses to send never reaches the vault.
        }
        let response;
        if (operation.bodyMediaTypes.includes('multipart/form-data')) {
          const { bytes, pdf, type, filename } = generated.upload;
          const file = pdf ? Buffer.concat([aPdf(), Buffer.from(bytes)]) : Buffer.from(bytes);
          response = await call.field('type', type || ' ').attach('file', file, filename.replace(/["\r\n\\]/g, '_') || 'x');
        } else if (operation.bodyMediaTypes.length > 0) {
          response = await call.set('Content-Type', 'application/json').send(JSON.stringify(generated.body) ?? 'null');
        } else {
          response = await call;
        }
        const text = response.text ?? '';
        const request = `${operation.method.toUpperCase()} ${path}${query ? `?${query}` : ''}`;
        const problems: string[] = [];
        if (response.status >= 500) problems.push(`${response.status}`);
        if (response.status >= 400) {
          if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? '')) problems.push('an error that is not problem+json');
          const body = response.body as Record<string, unknown>;
          for (const field of ['type', 'title', 'detail']) if (typeof body?.[field] !== 'string') problems.push(`no ${field}`);
          if (body?.status !== response.status) problems.push('a status field that differs');
        }
        problems.push(...internalLeaks(text, vault.dataDir, storageKeys));
        if (problems.length > 0) failures.push(`${request.slice(0, 300)} → ${response.status}: ${problems.join(', ')} — ${text.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);
  it('answers bodies cut off anywhere, or sent chunked, without a 5xx or a leak', async () => {
    const server = vault.app.getHttpServer();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
    const url = `http://127.0.0.1:${server.address().port}`;
    const storageKeys = await vault.storedBlobs();
    const withBody = operations.filter((operation) => operation.bodyMediaTypes.length > 0);
    const idFor = (name: string) => (name === 'customerId' ? fc.constant(ownerId) : fc.constantFrom(...documentIds));
    const cutRequest = fc.oneof(...withBody.map((operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: fc.record(Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, idFor(p.name)]))),
        body: bodyFor(document, operation.bodySchema),
        upload: fc.record({ bytes: fc.uint8Array({ maxLength: 4096 }), pdf: fc.boolean(), fieldsLast: fc.boolean() }),
        keep: fc.double({ min: 0, max: 1, noNaN: true }),
        framing: fc.constantFrom('length' as const, 'chunked' as const),
        pieceSize: fc.oneof(fc.constant(1 << 20), fc.integer({ min: 1, max: 700 })),
      }),
    ));
    const failures: string[] = [];

    await fc.assert(
      fc.asyncProperty(cutRequest, async ({ operation, path: pathIds, body, upload: file, keep, framing, pieceSize }) => {
        const path = fillPath(operation.path, Object.fromEntries(Object.entries(pathIds).map(([k, v]) => [k, String(v)])));
        let contentType = 'application/json';
        let bytes: Buffer = Buffer.from(JSON.stringify(body) ?? 'null');
        if (operation.bodyMediaTypes.includes('multipart/form-data')) {
          const multipart = multipartUpload(file.pdf ? Buffer.concat([aPdf(), Buffer.from(file.bytes)]) : Buffer.from(file.bytes));
          contentType = multipart.contentType;
          bytes = multipart.bytes;
        }
        // Mostly cut off; now and then whole, so chunked framing alone is tried too.
        const sent = keep > 0.9 ? bytes : bytes.subarray(0, Math.floor(bytes.length * keep));
        const framingHeaders: Record<string, string | number> = framing === 'length' ? { 'Content-Length': sent.length } : { 'Transfer-Encoding': 'chunked' };
        const answer = await sendRaw(url, {
          method: operation.method.toUpperCase(),
          path,
          headers: { Authorization: `Bearer ${tokens[CALLER[operation.key] ?? 'owner']}`, 'Content-Type': contentType, ...framingHeaders },
          body: framing === 'length' ? piecesOf(sent, pieceSize) : chunked(piecesOf(sent, pieceSize)),
        });
        const problems: string[] = [];
        if (answer.status === 0) problems.push('no answer');
        if (answer.status >= 500) problems.push(`${answer.status}`);
        if (answer.status >= 400 && !/^application\/problem\+json/.test(answer.headers['content-type'] ?? '')) problems.push('an error that is not problem+json');
        problems.push(...internalLeaks(answer.text, vault.dataDir, storageKeys));
        if (problems.length > 0) failures.push(`${operation.key} ${sent.length}/${bytes.length} bytes (${framing}, pieces of ${pieceSize}) → ${answer.status}: ${problems.join(', ')} — ${answer.text.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: CUT_RUNS, endOnFailure: true },
    );
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);
});
