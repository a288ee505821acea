import { mintDevToken } from '@kluis/auth';
import { eventually } from '@kluis/event-store/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltVault, startBuiltVault } from '../support/built-vault';

const CUSTOMERS = 30;
const QUERIES_PER_CUSTOMER = 8;
/** Answered queries before the crash: enough to check, with most of the rest still in flight. */
const KILL_AFTER = 60;

/**
 * Department reads are recorded in group-committed batches. A read is answered only once its record is committed, so
 * a SIGKILL in the middle of many concurrent reads may lose the reads still waiting for their batch, but never the
 * record of a read that was answered.
 */
describe('a crash in the middle of many concurrent department reads', () => {
  let dataDir: string;
  let vault: BuiltVault | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-read-crash-'));
  });
  afterAll(async () => {
    await vault?.crash();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the access record of every read it answered', async () => {
    const env = { VAULT_DATA_DIR: dataDir, VAULT_RECONCILE_INTERVAL_MS: 'off', VAULT_RATE_LIMIT_PER_MINUTE: '100000' };
    vault = await startBuiltVault(env);
    const crashed = vault;
    const customers = Array.from({ length: CUSTOMERS }, () => `C-${randomUUID()}`);
    const department = await mintDevToken(dataDir, { sub: `investments-${randomUUID()}`, roles: ['department'], department: 'investments', scopes: ['evidence:read'] });
    const answered = new Map<string, number>(customers.map((customer) => [customer, 0]));
    let acknowledged = 0;
    let crash: Promise<void> | null = null;

    const settled = await Promise.allSettled(
      customers.flatMap((customer) =>
        Array.from({ length: QUERIES_PER_CUSTOMER }, async () => {
          const response = await fetch(`${crashed.url}/v1/customers/${customer}/evidence?kind=identity&purpose=${encodeURIComponent('Know your customer')}`, {
            headers: { authorization: `Bearer ${department}` },
          });
          await response.arrayBuffer();
          expect(response.status).toBe(200);
          answered.set(customer, answered.get(customer)! + 1);
          if ((acknowledged += 1) === KILL_AFTER) crash = crashed.crash();
        }),
      ),
    );
    await (crash ?? crashed.crash());
    expect(await crashed.exited).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    // The crash must have cut reads off, or this proves nothing.
    expect(settled.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(0);

    vault = await startBuiltVault(env);
    const restarted = vault;
    const recorded = async (token: string): Promise<number> => {
      const response = await fetch(`${restarted.url}/v1/me/access-log?limit=100`, { headers: { authorization: `Bearer ${token}` } });
      const { entries } = (await response.json()) as { entries: { type: string; who: string }[] };
      return entries.filter((entry) => entry.type === 'EvidenceQueried' && entry.who === 'the investments department').length;
    };
    for (const customer of customers) {
      const wanted = answered.get(customer)!;
      const token = await mintDevToken(dataDir, { sub: customer, roles: ['customer'] });
      await eventually(async () => (await recorded(token)) >= wanted, { until: `${customer}'s access log shows ${wanted} answered reads`, timeoutMs: 15_000 });
    }
  }, 120_000);
});
