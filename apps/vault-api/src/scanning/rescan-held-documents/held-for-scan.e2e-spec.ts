import { createServer } from 'node:net';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../../../../../test/support/vault-requests';
import { RescanHeldDocumentsProcess } from './rescan-held-documents.process';

/** A local port nothing listens on: a scanner there is as unavailable as one that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}

describe('uploads while the malware scanner is unavailable', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_MALWARE_SCANNER: `clamd://127.0.0.1:${await closedPort()}?timeoutMs=2000` });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const heldPassport = async () => {
    const customer = await vault.customer();
    const file = aPdf();
    const answer = await upload(vault, customer.token, customer.id, { type: 'passport', file }).expect(201);
    return { customer, file, document: answer.body as { id: string; status: string; revision: number } };
  };

  it('takes the document in and holds it as pending scan, instead of refusing it or passing it unscanned', async () => {
    const { customer, document } = await heldPassport();

    expect(document.status).toBe('pending_scan');
    expect((await getAs(vault, customer.token, `/v1/documents/${document.id}`).expect(200)).body.status).toBe('pending_scan');
    const mine = await getAs(vault, customer.token, '/v1/me/documents').expect(200);
    expect(mine.body.documents).toEqual([expect.objectContaining({ id: document.id, status: 'pending_scan' })]);
    const history = await getAs(vault, customer.token, `/v1/documents/${document.id}/history`).expect(200);
    expect(history.body.history.map((entry: { type: string }) => entry.type)).toEqual(['DocumentSubmitted', 'DocumentHeldForScan']);
  });

  it('keeps it out of the review queue, and refuses to review it', async () => {
    const { document } = await heldPassport();
    const anna = await vault.reviewer('anna');

    const queue = await getAs(vault, anna.token, '/v1/review-queue?limit=500').expect(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).not.toContain(document.id);
    expectProblem(await review(vault, anna.token, document.id, { decision: 'approve', facts: passportFacts }, document.revision), 409, vault);
  });

  it('lets nobody download it, not even the customer', async () => {
    const { customer, document } = await heldPassport();
    const anna = await vault.reviewer('anna');

    const own = await getAs(vault, customer.token, `/v1/documents/${document.id}/content`);
    expectProblem(own, 409, vault);
    expect(own.body).toMatchObject({ code: 'DOCUMENT.AWAITING_MALWARE_SCAN' });
    expectProblem(await getAs(vault, anna.token, `/v1/documents/${document.id}/content?purpose=Checking%20the%20passport`), 409, vault);
  });

  it('satisfies no evidence query while held, but says that a document is on its way', async () => {
    const { customer, document } = await heldPassport();
    const mortgages = await vault.department('mortgages', ['evidence:read']);

    const evidence = await getAs(vault, mortgages.token, `/v1/customers/${customer.id}/evidence?kind=identity&purpose=Mortgage%20application`).expect(200);
    expect(evidence.body).toEqual({ satisfied: false, pending: { documentId: document.id, reviewDueAt: expect.any(String) } });
  });

  it('answers the same bytes again with the held document, and stores nothing more', async () => {
    const { customer, file, document } = await heldPassport();
    const blobs = (await vault.storedBlobs()).length;

    const again = await upload(vault, customer.token, customer.id, { type: 'passport', file }).expect(200);

    expect(again.body).toMatchObject({ id: document.id, status: 'pending_scan' });
    expect(await vault.storedBlobs()).toHaveLength(blobs);
  });

  it('keeps holding it, and its file, while rescans find the scanner still away, also after a restart', async () => {
    const { customer, document } = await heldPassport();
    const blobs = await vault.storedBlobs();

    const round = await vault.app.get(RescanHeldDocumentsProcess).rescan();
    expect(round).toMatchObject({ cleared: 0, infected: 0 });
    expect(round.stillHeld).toBeGreaterThanOrEqual(1);
    vault = await vault.restart();

    expect((await getAs(vault, customer.token, `/v1/documents/${document.id}`).expect(200)).body.status).toBe('pending_scan');
    expect(await vault.storedBlobs()).toEqual(blobs);
  });

  it('reports the scanner down and the vault degraded but ready, and counts the held documents', async () => {
    await heldPassport();

    const health = await vault.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'degraded', checks: { malwareScanner: { status: 'down', backend: 'clamd' } } });
    expect(JSON.stringify(health.body)).not.toMatch(/127\.0\.0\.1/);
    const metrics = await vault.http().get('/metrics').expect(200);
    const held = /^kluis_documents_pending_scan (\d+)$/m.exec(metrics.text);
    expect(Number(held?.[1])).toBeGreaterThanOrEqual(1);
  });
});
