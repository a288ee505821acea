import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { upload } from '../../../../test/support/vault-requests';

describe('the metrics an operator scrapes', () => {
  let vault: VaultUnderTest;

  beforeEach(async () => {
    vault = await startVault();
  });
  afterEach(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const metric = async (name: string) => {
    const { text } = await vault.http().get('/metrics').expect(200);
    const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };

  it('times requests by route and counts uploads and their bytes', async () => {
    const maria = await vault.customer();
    const pdf = aPdf();
    await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(201);
    await upload(vault, maria.token, maria.id, { file: pdf, type: 'passport' }).expect(200);
    await upload(vault, maria.token, maria.id, { file: Buffer.from('not a document'), type: 'passport' }).expect(415);

    expect(await metric('kluis_uploads_total{outcome="stored"}')).toBe(1);
    expect(await metric('kluis_uploads_total{outcome="duplicate"}')).toBe(1);
    expect(await metric('kluis_uploads_total{outcome="refused"}')).toBe(1);
    expect(await metric('kluis_uploaded_bytes_total')).toBe(pdf.length);
    const count = await metric('kluis_http_request_duration_seconds_count{method="POST",route="/v1/customers/:customerId/documents",status="201"}');
    expect(count).toBe(1);
  });

  it('says how many events each synced event-store commit carried', async () => {
    const customers = await Promise.all(Array.from({ length: 8 }, () => vault.customer()));
    await Promise.all(customers.map((customer) => upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201)));

    const commits = await metric('kluis_event_store_events_per_commit_count');
    const events = await metric('kluis_event_store_events_per_commit_sum');
    expect(commits).toBeGreaterThan(0);
    expect(events).toBeGreaterThanOrEqual(customers.length);
    expect(events).toBeGreaterThanOrEqual(commits ?? Infinity);
  });
});
