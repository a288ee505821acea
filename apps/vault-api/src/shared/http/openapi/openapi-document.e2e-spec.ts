import SwaggerParser from '@apidevtools/swagger-parser';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIV3 } from 'openapi-types';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../../test/support/vault-harness';

const run = promisify(execFile);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operationsOf(document: OpenAPIV3.Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ name: `${method.toUpperCase()} ${path}`, operation: item[method]! }] : [])),
  );
}

/** Client generators read this document: it must pass a real validator and a real linter, not only look right. */
describe('the OpenAPI document the vault serves', () => {
  let vault: VaultUnderTest;
  let document: OpenAPIV3.Document;

  beforeAll(async () => {
    // A deployment names its public address; the linter rightly refuses localhost as a server.
    vault = await startVault({ VAULT_PUBLIC_URL: 'https://vault.kluis.test/' });
    document = (await vault.http().get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('is valid OpenAPI 3 to swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kluis-openapi-'));
    try {
      const file = join(folder, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const lint = await run(process.execPath, [require.resolve('@redocly/cli/bin/cli.js'), 'lint', file, '--format', 'json'], { cwd: process.cwd() }).catch(
        (failed: { stdout: string }) => failed,
      );
      const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
      expect(report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names the server it is reached at', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: 'https://vault.kluis.test' })]);
  });

  it('declares 401, 403, 404 and 429 as problem+json on every secured operation', () => {
    const secured = operationsOf(document).filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(secured.length).toBeGreaterThan(25);
    const missing = secured.flatMap(({ name, operation }) =>
      ['401', '403', '404', '429']
        .filter((status) => !(operation.responses[status] as OpenAPIV3.ResponseObject | undefined)?.content?.['application/problem+json'])
        .map((status) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('never files a problem under application/json', () => {
    const misfiled = operationsOf(document).flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([, response]) => ((response as OpenAPIV3.ResponseObject).content?.['application/json']?.schema as OpenAPIV3.ReferenceObject | undefined)?.$ref?.endsWith('/ProblemResponse'))
        .map(([status]) => `${name} ${status}`),
    );
    expect(misfiled).toEqual([]);
  });

  it('declares each header once, and says whether it is required', () => {
    const twice = operationsOf(document).flatMap(({ name, operation }) => {
      const headers = (operation.parameters ?? []).map((p) => p as OpenAPIV3.ParameterObject).filter((p) => p.in === 'header');
      const names = headers.map((p) => p.name.toLowerCase());
      return names.filter((header, i) => names.indexOf(header) !== i).map((header) => `${name} ${header}`);
    });
    expect(twice).toEqual([]);
    const ifMatch = document.paths['/v1/documents/{documentId}']?.delete?.parameters?.find((p) => (p as OpenAPIV3.ParameterObject).name === 'If-Match');
    expect(ifMatch).toMatchObject({ required: true });
    const idempotency = document.paths['/v1/customers/{customerId}/documents']?.post?.parameters?.find((p) => (p as OpenAPIV3.ParameterObject).name === 'Idempotency-Key');
    expect(idempotency).toMatchObject({ required: false });
  });

  it('describes every response, and gives every answer with a body its schema', () => {
    const undescribed = operationsOf(document).flatMap(({ name, operation }) =>
      Object.entries(operation.responses).flatMap(([status, raw]) => {
        const response = raw as OpenAPIV3.ResponseObject;
        const gaps = [];
        if (!response.description?.trim()) gaps.push(`${name} ${status} has no description`);
        if (status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema)) gaps.push(`${name} ${status} has no schema`);
        return gaps;
      }),
    );
    expect(undescribed).toEqual([]);
  });
});
