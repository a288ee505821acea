import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltVault, runBuiltCli, startBuiltVault } from '../support/built-vault';
import { aPdfOfSize, paceUpload } from './support/uploads';

describe('rebuilding the read models while the vault serves', () => {
  let dataDir: string;
  let vault: BuiltVault;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-rebuild-'));
    // A generous read-your-writes bound: on a busy machine a late read model would look like the rebuild's fault.
    vault = await startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_RECONCILE_INTERVAL_MS: 'off', VAULT_READ_YOUR_WRITES_TIMEOUT_MS: '15000' });
  });
  afterAll(async () => {
    await vault.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps answering every list with every document while npm run projections:rebuild swaps the tables', async () => {
    const customerId = `C-${randomUUID()}`;
    const token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
    const uploaded: string[] = [];
    const uploadOne = async () => {
      const answer = await paceUpload(vault.url, token, customerId, aPdfOfSize(8 * 1024), 0);
      expect(answer.status).toBe(201);
      uploaded.push(answer.body.id!);
    };
    for (let index = 0; index < 30; index += 1) await uploadOne();

    const list = async () => {
      const response = await fetch(`${vault.url}/v1/customers/${customerId}/documents`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, ids: ((await response.json()) as { documents: { id: string }[] }).documents.map((document) => document.id) };
    };
    let busy = true;
    const shortfalls: string[] = [];
    const reader = (async () => {
      while (busy) {
        const expected = [...uploaded];
        const { status, ids } = await list();
        if (status !== 200 || expected.some((id) => !ids.includes(id))) shortfalls.push(`${status}: ${ids.length} of ${expected.length}`);
      }
    })();
    const writer = (async () => {
      while (busy) await uploadOne();
    })();

    const rebuild = await runBuiltCli('rebuild-projections', [], { VAULT_DATA_DIR: dataDir });
    busy = false;
    await Promise.all([reader, writer]);

    expect(rebuild).toMatchObject({ code: 0, stderr: '' });
    const documents = rebuild.stdout.trim().split('\n').map((line) => JSON.parse(line) as { projection: string; events: number });
    expect(documents.find((outcome) => outcome.projection === 'documents')?.events).toBeGreaterThanOrEqual(30);
    expect(shortfalls).toEqual([]);
    expect(new Set((await list()).ids)).toEqual(new Set(uploaded));
  }, 90_000);
});
