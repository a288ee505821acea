import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEPARTMENT_POLICIES } from '@kluis/auth';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../support/vault-requests';

const DAY_MS = 24 * 60 * 60_000;

/** The feed is a department read like any other: scoped, bulk-guarded, and recorded for the customers it names. */
describe('reading every customer’s events through the feed', () => {
  let vault: VaultUnderTest;
  let customer: { id: string; token: string };
  let reader: { id: string; token: string };
  let departments: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kluis-feed-'));
    departments = join(dir, 'departments.json');
    await writeFile(departments, JSON.stringify({ ...DEFAULT_DEPARTMENT_POLICIES, investments: { ...DEFAULT_DEPARTMENT_POLICIES.investments, customersPerHour: 1 } }));
    vault = await startVault({ VAULT_DEPARTMENTS_FILE: departments });
    customer = await vault.customer();
    reader = await vault.department('investments', ['evidence:read', 'requests:write']);
    const anna = await vault.reviewer('anna');
    await vault
      .http()
      .post(`/v1/customers/${customer.id}/document-requests`)
      .set('Authorization', `Bearer ${reader.token}`)
      .send({ kind: 'identity', purpose: 'Opening an investment account' })
      .expect(201);
    const passport = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, passport.body.id, { decision: 'approve', facts: passportFacts }, 0).expect(201);
    await eventually(async () =>
      expect((await getAs(vault, reader.token, '/v1/feed').expect(200)).body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'DocumentRequestSatisfied', customerId: customer.id })])),
    );
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('refuses a department token without evidence:read', async () => {
    const unscoped = await vault.department('investments', []);
    const refused = await getAs(vault, unscoped.token, '/v1/feed');
    expectProblem(refused, 403);
    expect(refused.text).not.toContain(customer.id);
    const asker = await vault.department('investments', ['requests:write']);
    expectProblem(await getAs(vault, asker.token, '/v1/feed'), 403);
  });

  it('shows the customer, once a day per department, that a department’s feed carried their events', async () => {
    // Read from the event store: the record is written before the page is answered.
    const recorded = async () => (await vault.app.get<EventStore>(EVENT_STORE).readStream(`access-${customer.id}`)).events.filter((event) => event.type === 'DepartmentFeedRead');
    // The set-up read the feed already today; these reads add nothing.
    for (let page = 0; page < 3; page += 1) await getAs(vault, reader.token, '/v1/feed').expect(200);
    expect(await recorded()).toHaveLength(1);
    const log = await eventually(async () => {
      const entries = (await getAs(vault, customer.token, '/v1/me/access-log').expect(200)).body.entries;
      expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'DepartmentFeedRead' })]));
      return entries;
    });
    expect(log.find((entry: { type: string }) => entry.type === 'DepartmentFeedRead')).toMatchObject({ who: 'the investments department', what: expect.stringMatching(/feed/) });

    vault.clock.advance(DAY_MS);
    await getAs(vault, reader.token, '/v1/feed').expect(200);
    await getAs(vault, reader.token, '/v1/feed').expect(200);
    expect(await recorded()).toHaveLength(2);
  });

  it('stops a principal the bulk guard blocked', async () => {
    const desk = await vault.department('investments', ['evidence:read']);
    await getAs(vault, desk.token, `/v1/customers/${customer.id}/evidence?kind=identity`).expect(200);
    expectProblem(await getAs(vault, desk.token, `/v1/customers/${(await vault.customer()).id}/evidence?kind=identity`), 429);
    const refused = await getAs(vault, desk.token, '/v1/feed');
    expectProblem(refused, 429);
    expect(refused.body).toMatchObject({ code: 'ACCESS.BULK_BLOCKED' });
  });

  it('carries nothing a narrowed policy no longer lets the department see', async () => {
    const { investments } = DEFAULT_DEPARTMENT_POLICIES;
    await writeFile(departments, JSON.stringify({ ...DEFAULT_DEPARTMENT_POLICIES, investments: { ...investments, evidenceKinds: ['address'], factTypes: ['proof-of-address'] } }));
    vault = await vault.restart();
    const page = await getAs(vault, reader.token, '/v1/feed').expect(200);
    expect(page.body.entries).toEqual([]);
    expect(page.body.next).toBeGreaterThan(0);
  });
});
