import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, upload } from '../support/vault-requests';

const HOUR_MS = 60 * 60_000;

/** A stranger hammering a customer's file must not bury the customer's access log, nor invent customers. */
describe('flooding a customer’s access log with refused attempts', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    // Refusals weigh ten requests: room for the 300 refused attempts of this story within the minute.
    vault = await startVault({ VAULT_RATE_LIMIT_PER_MINUTE: '3000' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('coalesces a stranger’s repeated refusals into one entry an hour, with a count', async () => {
    const maria = await vault.customer();
    const stranger = await vault.customer();
    const passport = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    for (let attempt = 0; attempt < 300; attempt += 1) {
      expectProblem(await getAs(vault, stranger.token, attempt % 2 ? `/v1/documents/${passport.body.id}` : `/v1/customers/${maria.id}/documents`), 404);
    }
    const recorded = await vault.app.get<EventStore>(EVENT_STORE).readStream(`access-${maria.id}`);
    expect(recorded.events.filter((event) => event.type === 'AccessDenied')).toHaveLength(1);
    const refusals = async () =>
      (await getAs(vault, maria.token, '/v1/me/access-log').expect(200)).body.entries.filter((entry: { type: string }) => entry.type === 'AccessDenied');
    const [entry] = await eventually(async () => {
      const entries = await refusals();
      expect(entries).toHaveLength(1);
      return entries;
    });
    expect(entry).toMatchObject({ who: 'someone else', attempts: 300 });

    vault.clock.advance(HOUR_MS);
    expectProblem(await getAs(vault, stranger.token, `/v1/documents/${passport.body.id}`), 404);
    const later = await eventually(async () => {
      const entries = await refusals();
      expect(entries).toHaveLength(2);
      return entries;
    });
    expect(later[0]).toMatchObject({ attempts: 1 });
    expect(later[1]).toMatchObject({ attempts: 300 });
  });

  it('creates no access record for a customer who does not exist', async () => {
    const stranger = await vault.customer();
    const invented = `C-never-${stranger.id}`;
    for (let attempt = 0; attempt < 5; attempt += 1) expectProblem(await getAs(vault, stranger.token, `/v1/customers/${invented}/documents`), 404);
    const desk = await vault.department('payments', []);
    expectProblem(await getAs(vault, desk.token, `/v1/customers/${invented}/documents`), 403);
    const stream = await vault.app.get<EventStore>(EVENT_STORE).readStream(`access-${invented}`);
    expect(stream.events).toEqual([]);
  });
});

describe('refusals against the rate limit', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_RATE_LIMIT_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('throttles a prober sooner than a caller whose requests are answered', async () => {
    const maria = await vault.customer();
    const prober = await vault.customer();
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    const answered: number[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) answered.push((await getAs(vault, prober.token, `/v1/customers/${maria.id}/documents`)).status);
    expect(answered).toContain(429);
    expect(answered.indexOf(429)).toBeLessThan(10);
    for (let attempt = 0; attempt < 19; attempt += 1) await getAs(vault, maria.token, '/v1/me/documents').expect(200);
  });
});
