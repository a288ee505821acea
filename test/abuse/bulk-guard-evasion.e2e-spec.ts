import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEPARTMENT_POLICIES } from '@kluis/auth';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, upload } from '../support/vault-requests';

const HOUR_MS = 60 * 60_000;

/** Ways around the bulk guard: slow and steady, many hands, support's own reads, and lifting one's own block. */
describe('evading the bulk guard', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kluis-bulk-evasion-'));
    const departments = join(dir, 'departments.json');
    await writeFile(departments, JSON.stringify({ ...DEFAULT_DEPARTMENT_POLICIES, payments: { ...DEFAULT_DEPARTMENT_POLICIES.payments, customersPerHour: 3, customersPerDay: 5 } }));
    vault = await startVault({
      VAULT_DEPARTMENTS_FILE: departments,
      VAULT_REVIEWER_CUSTOMERS_PER_HOUR: '3',
      VAULT_REVIEWERS_CUSTOMERS_PER_HOUR: '5',
    });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const evidence = (token: string, customerId: string) => getAs(vault, token, `/v1/customers/${customerId}/evidence?kind=identity`);
  const customers = async (count: number) => Promise.all(Array.from({ length: count }, () => vault.customer()));

  it('catches a principal staying under the hourly limit hour after hour', async () => {
    const desk = await vault.department('payments', ['evidence:read']);
    const [a, b, c, d, e, f] = await customers(6);
    for (const customer of [a, b, c]) await evidence(desk.token, customer.id).expect(200);
    vault.clock.advance(HOUR_MS + 60_000);
    for (const customer of [d, e]) await evidence(desk.token, customer.id).expect(200);
    const refused = await evidence(desk.token, f.id);
    expectProblem(refused, 429);
    expect(refused.body).toMatchObject({ code: 'ACCESS.BULK_BLOCKED', limitPerDay: 5 });
  });

  it('counts support’s retention and legal-hold reads like any other read', async () => {
    const support = await vault.token('support-9', ['admin']);
    const [a, b, c, d] = await customers(4);
    await getAs(vault, support, `/v1/customers/${a.id}/retention`).expect(200);
    await getAs(vault, support, `/v1/customers/${b.id}/retention`).expect(200);
    await vault.http().post(`/v1/customers/${c.id}/legal-holds`).set('Authorization', `Bearer ${support}`).send({ reason: 'Fraud investigation', caseRef: 'FIU-1' }).expect(201);
    expectProblem(await getAs(vault, support, `/v1/customers/${d.id}/retention`), 429);
  });

  it('lets nobody lift their own block', async () => {
    const support = await vault.token('support-9', ['admin']);
    expectProblem(await vault.http().delete('/v1/admin/bulk-blocks/principal:support-9').set('Authorization', `Bearer ${support}`), 403);
    const colleague = await vault.token('support-10', ['admin']);
    await vault.http().delete('/v1/admin/bulk-blocks/principal:support-9').set('Authorization', `Bearer ${colleague}`).expect(200);
  });

  it('stops the reviewers as a group when together they touch too many customers', async () => {
    const [anna, bram, carla] = [await vault.reviewer(), await vault.reviewer(), await vault.reviewer()];
    const [a, b, c, d, e, f] = await customers(6);
    for (const [reviewer, customer] of [[anna, a], [anna, b], [bram, c], [bram, d], [carla, e]] as const) await evidence(reviewer.token, customer.id).expect(200);
    const refused = await evidence(carla.token, f.id);
    expectProblem(refused, 429);
    expectProblem(await evidence(anna.token, a.id), 429);
    const admin = await vault.token('support-11', ['admin']);
    const blocks = await getAs(vault, admin, '/v1/admin/bulk-blocks').expect(200);
    expect(blocks.body.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ scope: 'reviewers' })]));
    await vault.http().delete('/v1/admin/bulk-blocks/reviewers').set('Authorization', `Bearer ${admin}`).expect(200);
    await evidence(anna.token, a.id).expect(200);
  });

  it('records a blocked principal’s refused attempts in the customer’s access log', async () => {
    const desk = await vault.department('payments', ['evidence:read']);
    const [a, b, c, d] = await customers(4);
    const maria = await vault.customer();
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    for (const customer of [a, b, c]) await evidence(desk.token, customer.id).expect(200);
    expectProblem(await evidence(desk.token, d.id), 429);
    expectProblem(await evidence(desk.token, maria.id), 429);
    const log = await eventually(async () => {
      const page = await getAs(vault, maria.token, '/v1/me/access-log').expect(200);
      expect(page.body.entries).toHaveLength(1);
      return page.body.entries;
    });
    expect(log[0]).toMatchObject({ type: 'AccessDenied', who: 'the payments department', what: expect.stringMatching(/refused/) });
  });
});

describe('forty-nine customers an hour, around the clock', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('is caught within the day under the default limits', async () => {
    const desk = await vault.department('payments', ['evidence:read']);
    const statuses: number[] = [];
    for (let hour = 0; hour < 6; hour += 1) {
      for (let index = 0; index < 49; index += 1) statuses.push((await getAs(vault, desk.token, `/v1/customers/C-${hour}-${index}/evidence?kind=identity`)).status);
      vault.clock.advance(HOUR_MS + 60_000);
    }
    expect(statuses.indexOf(429)).toBe(200);
  });
});

