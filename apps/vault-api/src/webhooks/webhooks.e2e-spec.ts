import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { aPassportsFacts, expectProblem, getAs, review, upload } from '../../../../test/support/vault-requests';
import { verifyKluisSignature } from './kluis-signature';
import { type ReceivedDelivery, WebhookReceiver } from './testing/webhook-receiver';

type Who = { id: string; token: string };
type Entry = { position: number; type: string; customerId: string };

const DEPARTMENTS = ['hooks-in-order', 'hooks-flaky', 'hooks-poison', 'hooks-hang'] as const;
type Department = (typeof DEPARTMENTS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMEOUT_MS = 300;
const MAX_ATTEMPTS = 3;

const positionOf = (delivery: ReceivedDelivery) => (JSON.parse(delivery.body) as Entry).position;
const secretVariable = (department: Department) => `VAULT_WEBHOOK_SECRET_${department.replace(/-/g, '_').toUpperCase()}`;

describe('department feed webhooks', () => {
  let vault: VaultUnderTest;
  let configDir: string;
  let admin: Who;
  let carla: Who;
  let anna: Who;
  const receivers = {} as Record<Department, WebhookReceiver>;
  const secrets = {} as Record<Department, string>;
  const departments = {} as Record<Department, Who>;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'kluis-webhooks-'));
    const policy = { evidenceKinds: ['identity'], factTypes: ['passport', 'id-card'], contentTypes: [], scopes: ['evidence:read', 'references:write', 'requests:write'] };
    const env: NodeJS.ProcessEnv = {
      VAULT_DEPARTMENTS_FILE: join(configDir, 'departments.json'),
      VAULT_WEBHOOKS_FILE: join(configDir, 'webhooks.json'),
      VAULT_WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      VAULT_WEBHOOK_BACKOFF_MS: '10',
      VAULT_WEBHOOK_MAX_BACKOFF_MS: '40',
      VAULT_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      VAULT_WEBHOOK_POLL_MS: '25',
    };
    const webhooks: Record<string, { url: string; secretEnv: string }> = {};
    for (const department of DEPARTMENTS) {
      receivers[department] = await WebhookReceiver.start();
      secrets[department] = randomBytes(32).toString('hex');
      env[secretVariable(department)] = secrets[department];
      webhooks[department] = { url: receivers[department].url, secretEnv: secretVariable(department) };
    }
    await writeFile(env.VAULT_DEPARTMENTS_FILE!, JSON.stringify(Object.fromEntries(DEPARTMENTS.map((department) => [department, policy]))));
    await writeFile(env.VAULT_WEBHOOKS_FILE!, JSON.stringify(webhooks));
    vault = await startVault(env);
    admin = { id: 'support-1', token: await vault.token('support-1', ['admin']) };
    carla = await vault.reviewer('carla');
    anna = await vault.reviewer('anna');
    for (const department of DEPARTMENTS) departments[department] = await vault.department(department, ['evidence:read', 'references:write', 'requests:write']);
  });

  afterAll(async () => {
    await vault?.stop();
    await Promise.all(Object.values(receivers).map((receiver) => receiver.stop()));
    if (vault) await removeDataDir(vault);
    await rm(configDir, { recursive: true, force: true });
  });

  const feedOf = async (department: Department): Promise<Entry[]> => (await getAs(vault, departments[department].token, '/v1/feed').expect(200)).body.entries;
  const deadLetters = async (department?: Department) =>
    (await getAs(vault, admin.token, `/v1/admin/webhook-dead-letters${department ? `?department=${department}` : ''}`).expect(200)).body.deadLetters;
  const retry = (who: Who, id: string) => vault.http().post(`/v1/admin/webhook-dead-letters/${id}/retry`).set('Authorization', `Bearer ${who.token}`);
  const signedBy = (department: Department, delivery: ReceivedDelivery) => verifyKluisSignature(secrets[department], delivery.headers['x-kluis-signature'] as string, delivery.body, vault.clock.now(), 60);

  /** The department asks for identity; a passport is rejected, another verified, and the ask fulfilled: three entries. */
  async function threeFeedEntries(department: Department): Promise<Entry[]> {
    const customer = await vault.customer();
    await vault.http().post(`/v1/customers/${customer.id}/document-requests`).set('Authorization', `Bearer ${departments[department].token}`).send({ kind: 'identity', purpose: 'Opening an account' }).expect(201);
    const rejected = await upload(vault, carla.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, rejected.body.id, { decision: 'reject', reasonCode: 'ILLEGIBLE', message: 'We could not read it.' }, 0).expect(201);
    const verified = await upload(vault, carla.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, verified.body.id, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
    return eventually(async () => {
      const entries = await feedOf(department);
      expect(entries.map((entry) => entry.type)).toEqual(['DocumentRejected', 'DocumentVerified', 'DocumentRequestSatisfied']);
      return entries;
    });
  }

  it('delivers each entry once, as GET /v1/feed shows it, in feed order, signed with the department secret', async () => {
    const entries = await threeFeedEntries('hooks-in-order');
    const receiver = receivers['hooks-in-order'];
    await eventually(async () => expect(receiver.accepted()).toHaveLength(3));

    expect(receiver.received.map((delivery) => JSON.parse(delivery.body))).toEqual(entries);
    for (const delivery of receiver.received) {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['x-kluis-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(signedBy('hooks-in-order', delivery)).toBe(true);
      expect(signedBy('hooks-flaky', delivery)).toBe(false);
      expect(delivery.headers['x-kluis-position']).toBe(String(positionOf(delivery)));
      expect(delivery.headers['x-kluis-delivery']).toMatch(UUID);
    }
    expect(new Set(receiver.received.map((delivery) => delivery.headers['x-kluis-delivery'])).size).toBe(3);
  });

  it('retries a failing endpoint with the same delivery id until it accepts, then goes on in order', async () => {
    const receiver = receivers['hooks-flaky'];
    receiver.behaviour = (_delivery, index) => (index < 2 ? 503 : 200);
    const entries = await threeFeedEntries('hooks-flaky');
    await eventually(async () => expect(receiver.accepted()).toHaveLength(3));

    const [first, second, third] = entries.map((entry) => entry.position);
    expect(receiver.received.map(positionOf)).toEqual([first, first, first, second, third]);
    expect(receiver.received.map((delivery) => delivery.status)).toEqual([503, 503, 200, 200, 200]);
    expect(new Set(receiver.received.slice(0, 3).map((delivery) => delivery.headers['x-kluis-delivery'])).size).toBe(1);
    expect(receiver.received.every((delivery) => signedBy('hooks-flaky', delivery))).toBe(true);
    expect(await deadLetters('hooks-flaky')).toEqual([]);
  });

  it('sets an entry aside after every attempt failed, delivers the ones after it, and lets an administrator send it again', async () => {
    const receiver = receivers['hooks-poison'];
    let endpointFixed = false;
    receiver.behaviour = (delivery) => ((JSON.parse(delivery.body) as Entry).type === 'DocumentRejected' && !endpointFixed ? 500 : 200);
    const entries = await threeFeedEntries('hooks-poison');
    const [poison, second, third] = entries.map((entry) => entry.position);
    await eventually(async () => expect(receiver.accepted().map(positionOf)).toEqual([second, third]));
    expect(receiver.received.map(positionOf)).toEqual([poison, poison, poison, second, third]);

    const [letter] = await eventually(async () => {
      const letters = await deadLetters('hooks-poison');
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter).toEqual({
      id: expect.stringMatching(UUID),
      department: 'hooks-poison',
      position: poison,
      entry: entries[0],
      attempts: MAX_ATTEMPTS,
      lastStatus: 500,
      lastError: 'the endpoint answered 500',
      failedAt: expect.any(String),
    });
    expectProblem(await getAs(vault, departments['hooks-poison'].token, '/v1/admin/webhook-dead-letters?department=hooks-poison'), 403);
    expectProblem(await getAs(vault, anna.token, '/v1/admin/webhook-dead-letters'), 403);
    expectProblem(await retry(departments['hooks-poison'], letter.id), 403);

    const refusedAgain = await retry(admin, letter.id);
    expectProblem(refusedAgain, 502);
    expect(refusedAgain.body).toMatchObject({ code: 'WEBHOOK.DELIVERY_FAILED', lastStatus: 500, lastError: 'the endpoint answered 500' });
    expect(await deadLetters('hooks-poison')).toEqual([expect.objectContaining({ id: letter.id, attempts: MAX_ATTEMPTS + 1 })]);

    endpointFixed = true;
    const retried = await retry(admin, letter.id).expect(200);
    expect(retried.body).toEqual({ id: letter.id, department: 'hooks-poison', position: poison, delivered: true, status: 200 });
    const redelivered = receiver.received.at(-1)!;
    expect(JSON.parse(redelivered.body)).toEqual(entries[0]);
    expect(signedBy('hooks-poison', redelivered)).toBe(true);
    expect(redelivered.headers['x-kluis-delivery']).toBe(receiver.received[0].headers['x-kluis-delivery']);
    expect(await deadLetters('hooks-poison')).toEqual([]);
    expectProblem(await retry(admin, letter.id), 404);
  });

  it('gives up on an endpoint that does not answer within the deadline, and goes on', async () => {
    const receiver = receivers['hooks-hang'];
    receiver.behaviour = (delivery) => ((JSON.parse(delivery.body) as Entry).type === 'DocumentRejected' ? 'hang' : 200);
    const entries = await threeFeedEntries('hooks-hang');
    const [hung, second, third] = entries.map((entry) => entry.position);
    await eventually(async () => expect(receiver.accepted().map(positionOf)).toEqual([second, third]));

    const attempts = receiver.received.filter((delivery) => positionOf(delivery) === hung);
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    await eventually(async () => expect(attempts.every((attempt) => attempt.abandonedAt !== null)).toBe(true));
    for (const attempt of attempts) {
      const waited = attempt.abandonedAt! - attempt.receivedAt;
      expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(TIMEOUT_MS + 2000);
    }
    const everyone = await deadLetters();
    expect(everyone).toEqual(expect.arrayContaining([expect.objectContaining({ department: 'hooks-hang', position: hung, attempts: MAX_ATTEMPTS, lastStatus: null, lastError: `no answer within ${TIMEOUT_MS} ms` })]));
    expect(everyone.every((letter: { department: string }) => DEPARTMENTS.includes(letter.department as Department))).toBe(true);
  });

  it('describes the admin endpoints in the OpenAPI document', async () => {
    const { body } = await vault.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths['/v1/admin/webhook-dead-letters'])).toEqual(['get']);
    expect(Object.keys(body.paths['/v1/admin/webhook-dead-letters/{id}/retry'])).toEqual(['post']);
  });
});
