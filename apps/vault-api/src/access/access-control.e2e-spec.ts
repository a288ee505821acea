import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEPARTMENT_POLICIES } from '@kluis/auth';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { expectProblem, getAs, powerOfAttorneyFacts, review, upload } from '../../../../test/support/vault-requests';

describe('every read leaves a trace the customer can see', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('shows the customer who read what and why, newest first, paged, and never who exactly among staff', async () => {
    const maria = await vault.customer();
    const jan = await vault.customer();
    const anna = await vault.reviewer('anna');
    const bram = await vault.reviewer('bram');
    const mandates = await vault.department('mandates', ['evidence:read', 'content:read']);
    const poa = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney' }).expect(201);
    await review(vault, anna.token, poa.body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 0).expect(201);
    await review(vault, bram.token, poa.body.id, { decision: 'approve', facts: powerOfAttorneyFacts }, 1).expect(201);

    await getAs(vault, mandates.token, `/v1/customers/${maria.id}/evidence?kind=power-of-attorney&purpose=Joint%20account%20mandate`).expect(200);
    await getAs(vault, mandates.token, `/v1/documents/${poa.body.id}`).expect(200);
    await getAs(vault, mandates.token, `/v1/documents/${poa.body.id}/content?purpose=Registering%20mandate%20M-77`).expect(200);
    await getAs(vault, anna.token, `/v1/documents/${poa.body.id}/history`).expect(200);
    expectProblem(await getAs(vault, jan.token, `/v1/documents/${poa.body.id}`), 404);
    await getAs(vault, maria.token, `/v1/documents/${poa.body.id}`).expect(200);

    const log = await eventually(async () => {
      const page = await getAs(vault, maria.token, '/v1/me/access-log').expect(200);
      expect(page.body.entries).toHaveLength(5);
      return page.body;
    });
    expect(log.entries.map((entry: { type: string; who: string }) => [entry.type, entry.who])).toEqual([
      ['AccessDenied', 'someone else'],
      ['DocumentRead', 'a reviewer'],
      ['DocumentContentRead', 'the mandates department'],
      ['DocumentRead', 'the mandates department'],
      ['EvidenceQueried', 'the mandates department'],
    ]);
    expect(log.entries[2]).toMatchObject({ purpose: 'Registering mandate M-77', documentId: poa.body.id, what: 'downloaded a document' });
    expect(log.entries[4]).toMatchObject({ purpose: 'Joint account mandate' });
    expect(JSON.stringify(log)).not.toMatch(new RegExp(`anna|${jan.id}|${mandates.id}`));

    const first = await getAs(vault, maria.token, '/v1/me/access-log?limit=2').expect(200);
    const second = await getAs(vault, maria.token, `/v1/me/access-log?limit=2&before=${first.body.next}`).expect(200);
    expect([...first.body.entries, ...second.body.entries]).toEqual(log.entries.slice(0, 4));
    expect((await getAs(vault, jan.token, '/v1/me/access-log').expect(200)).body.entries).toEqual([]);
  });

  it('is append-only: nobody, administrators included, can change or delete it through the API', async () => {
    const admin = await vault.token('root', ['admin']);
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const response = await vault.http()[method]('/v1/me/access-log').set('Authorization', `Bearer ${admin}`);
      expect([404, 405]).toContain(response.status);
    }
    expectProblem(await getAs(vault, admin, '/v1/me/access-log'), 403);
  });
});

describe('the bulk-access guard', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kluis-bulk-'));
    const departments = join(dir, 'departments.json');
    await writeFile(departments, JSON.stringify({ ...DEFAULT_DEPARTMENT_POLICIES, mortgages: { ...DEFAULT_DEPARTMENT_POLICIES.mortgages, customersPerHour: 3 } }));
    vault = await startVault({ VAULT_DEPARTMENTS_FILE: departments });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('stops a principal touching too many customers within the hour, until an administrator lifts the block', async () => {
    const desk = await vault.department('mortgages', ['evidence:read']);
    const customers = [await vault.customer(), await vault.customer(), await vault.customer(), await vault.customer()];
    const evidence = (customerId: string) => getAs(vault, desk.token, `/v1/customers/${customerId}/evidence?kind=identity`);
    for (const customer of customers.slice(0, 3)) await evidence(customer.id).expect(200);
    await evidence(customers[0].id).expect(200);

    const refused = await evidence(customers[3].id);
    expectProblem(refused, 429);
    expect(refused.body).toMatchObject({ code: 'ACCESS.BULK_BLOCKED', limitPerHour: 3 });
    expectProblem(await evidence(customers[0].id), 429);
    const log = await eventually(async () => {
      const page = await getAs(vault, customers[3].token, '/v1/me/access-log').expect(200);
      expect(page.body.entries).toHaveLength(1);
      return page.body;
    });
    expect(log.entries[0]).toMatchObject({ type: 'BulkAccessBlocked', who: 'the mortgages department' });

    const admin = await vault.token('support', ['admin']);
    expectProblem(await vault.http().delete(`/v1/admin/bulk-blocks/principal:${desk.id}`).set('Authorization', `Bearer ${desk.token}`), 403);
    const blocks = await getAs(vault, admin, '/v1/admin/bulk-blocks').expect(200);
    expect(blocks.body.blocks).toEqual([expect.objectContaining({ scope: `principal:${desk.id}`, distinctCustomers: 4, limitPerHour: 3 })]);
    expect((await vault.http().get('/metrics').expect(200)).text).toMatch(/^kluis_bulk_access_blocks 1$/m);
    await vault.http().delete(`/v1/admin/bulk-blocks/principal:${desk.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((await vault.http().get('/metrics').expect(200)).text).toMatch(/^kluis_bulk_access_blocks 0$/m);
    await evidence(customers[3].id).expect(200);
  });

  it('forgets touches older than an hour', async () => {
    const desk = await vault.department('mortgages', ['evidence:read']);
    for (let round = 0; round < 2; round += 1) {
      for (let index = 0; index < 3; index += 1) await getAs(vault, desk.token, `/v1/customers/${(await vault.customer()).id}/evidence?kind=identity`).expect(200);
      vault.clock.advance(61 * 60_000);
    }
  });
});

describe('rate limits per principal', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('answers 429 past the limit for that principal only', async () => {
    const maria = await vault.customer();
    const jan = await vault.customer();
    for (let index = 0; index < 5; index += 1) await getAs(vault, maria.token, '/v1/me/documents').expect(200);
    expectProblem(await getAs(vault, maria.token, '/v1/me/documents'), 429);
    await getAs(vault, jan.token, '/v1/me/documents').expect(200);
  });
});
