import { eventually } from '@kluis/event-store/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionsService } from '../../apps/vault-api/src/infrastructure/projections.service';
import { aPdf } from '../support/files';
import { startVault, type VaultUnderTest } from '../support/vault-harness';
import { aPassportsFacts, binary, getAs, review, upload } from '../support/vault-requests';
import { onDatabase, scratchDatabase, type ScratchDatabase } from './support/postgres-database';

const projectsHere = (vault: VaultUnderTest) => vault.app.get(ProjectionsService).documents.active;

const listedStatus = async (vault: VaultUnderTest, token: string, customerId: string, documentId: string) => {
  const { body } = await getAs(vault, token, `/v1/customers/${customerId}/documents`).expect(200);
  return (body.documents as Array<{ id: string; status: string }>).find((document) => document.id === documentId)?.status;
};

const queuedIds = async (vault: VaultUnderTest, token: string) => {
  const { body } = await getAs(vault, token, '/v1/review-queue?limit=500').expect(200);
  return (body.items as Array<{ id: string }>).map((item) => item.id);
};

/**
 * Two vault instances behind one load balancer: events and read models in one PostgreSQL database, files in one
 * shared folder, and the dev signing key in the data directory they share (their SQLite files there stay unused).
 */
describe('two vault instances sharing PostgreSQL', () => {
  let database: ScratchDatabase;
  let shared: string;
  let vaults: VaultUnderTest[] = [];
  const running = new Set<VaultUnderTest>();

  beforeEach(async () => {
    database = await scratchDatabase();
    shared = await mkdtemp(join(tmpdir(), 'kluis-scale-out-'));
    const env = { VAULT_EVENT_STORE: database.url, VAULT_READ_MODEL: database.url, VAULT_BLOB_STORE: `file:${join(shared, 'blobs')}` };
    vaults = await Promise.all([startVault(env, { dataDir: shared }), startVault(env, { dataDir: shared })]);
    for (const vault of vaults) running.add(vault);
    // Listening up front: a server supertest starts on demand for each request does not take concurrent ones.
    await Promise.all(vaults.map((vault) => vault.app.listen(0, '127.0.0.1')));
  });

  afterEach(async () => {
    for (const vault of running) await vault.stop();
    running.clear();
    await database?.drop();
    if (shared) await rm(shared, { recursive: true, force: true });
  });

  const stop = async (vault: VaultUnderTest) => {
    running.delete(vault);
    await vault.stop();
  };

  it('shows every write sent to one instance in reads from the other at once, and projects each document once', async () => {
    expect(vaults.filter(projectsHere)).toHaveLength(1);
    const anna = await vaults[0].reviewer('anna');
    const uploads = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const writer = vaults[index % 2];
        const reader = vaults[(index + 1) % 2];
        const customer = await writer.customer();
        const file = aPdf();
        const { body } = await upload(writer, customer.token, customer.id, { file, type: 'passport' }).expect(201);
        expect(await listedStatus(reader, customer.token, customer.id, body.id)).toBe('pending_review');
        const content = await binary(getAs(reader, customer.token, `/v1/documents/${body.id}/content`)).expect(200);
        expect(Buffer.compare(content.body as Buffer, file)).toBe(0);
        return { index, customer, documentId: body.id as string };
      }),
    );
    const ids = uploads.map((entry) => entry.documentId);
    for (const vault of vaults) expect(await queuedIds(vault, anna.token)).toEqual(expect.arrayContaining(ids));

    await Promise.all(
      uploads.map(async ({ index, customer, documentId }) => {
        const reviewer = vaults[(index + 1) % 2];
        const reader = vaults[index % 2];
        const approved = await review(reviewer, anna.token, documentId, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
        expect(approved.body).toMatchObject({ status: 'verified', revision: 2 });
        expect(await listedStatus(reader, customer.token, customer.id, documentId)).toBe('verified');
      }),
    );
    for (const vault of vaults) expect(await queuedIds(vault, anna.token)).toEqual([]);

    // The head of what the documents read model follows: notices and access records are appended to other streams.
    const { rows, checkpoint, head } = await onDatabase(database.url, async (client) => {
      const documents = await client.query<{ document_id: string; status: string; revision: number }>('select document_id, status, revision from documents');
      const positions = await client.query<{ checkpoint: string; head: string }>(
        "select (select position from projection_checkpoints where name = 'documents') as checkpoint, (select max(position) from events where stream like 'document-%' or stream like 'customer-%') as head",
      );
      return { rows: documents.rows, checkpoint: Number(positions.rows[0].checkpoint), head: Number(positions.rows[0].head) };
    });
    expect(rows).toHaveLength(ids.length);
    expect(new Set(rows.map((row) => row.document_id))).toEqual(new Set(ids));
    expect(rows.filter((row) => row.status !== 'verified' || Number(row.revision) !== 2)).toEqual([]);
    expect(checkpoint).toBe(head);
    expect(vaults.filter(projectsHere)).toHaveLength(1);
  }, 60_000);

  it('carries on when the projecting instance stops: the other one takes over and still reads its own writes', async () => {
    const [leader] = vaults.filter(projectsHere);
    const survivor = vaults.find((vault) => vault !== leader) as VaultUnderTest;
    const customer = await survivor.customer();
    await upload(survivor, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);

    await stop(leader);
    await eventually(() => projectsHere(survivor), { until: 'the surviving instance projects', timeoutMs: 5_000 });

    const { body } = await upload(survivor, customer.token, customer.id, { file: aPdf(randomUUID()), type: 'id-card' }).expect(201);
    expect(await listedStatus(survivor, customer.token, customer.id, body.id)).toBe('pending_review');
    const list = await getAs(survivor, customer.token, `/v1/customers/${customer.id}/documents`).expect(200);
    expect(list.body.documents).toHaveLength(2);
  }, 60_000);
});
