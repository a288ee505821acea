import { openReadModelDatabase, type ProjectorLease, type ReadModelDatabase, webhookCursor } from '@kluis/read-models';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@kluis/event-store/testing';
import { DepartmentWebhook } from './department-webhook';
import { type Behaviour, type ReceivedDelivery, WebhookReceiver } from './testing/webhook-receiver';
import type { WebhookSettings } from '../config/webhook-config';
import { WebhookSecret } from '../config/webhook-secret';

/** Leases over one lock that the test can take away from its holder, or keep an instance from taking. */
class LeaseBoard {
  private holder: TestLease | null = null;

  lease(): TestLease {
    const listeners: Array<(reason: unknown) => void> = [];
    const lease: TestLease = {
      refused: false,
      released: false,
      hold: async () => {
        if (!lease.refused) this.holder ??= lease;
        return this.holder === lease;
      },
      release: async () => {
        lease.released = true;
        if (this.holder === lease) this.holder = null;
      },
      onLost: (listener) => listeners.push(listener),
      lose: () => {
        if (this.holder !== lease) return;
        this.holder = null;
        for (const listener of listeners) listener(new Error('the lease connection dropped'));
      },
    };
    return lease;
  }
}

type TestLease = ProjectorLease & { refused: boolean; released: boolean; lose(): void };

const settings: WebhookSettings = { maxAttempts: 3, backoffMs: 10, maxBackoffMs: 40, timeoutMs: 5000, pollMs: 20 };
const positionOf = (delivery: ReceivedDelivery) => (JSON.parse(delivery.body) as { position: number }).position;

describe('one department webhook deliverer', () => {
  let dir: string;
  let db: ReadModelDatabase;
  let receiver: WebhookReceiver;
  const running: DepartmentWebhook[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-webhook-'));
    db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((webhook) => webhook.stop()));
    await receiver.stop();
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const aDepartment = () => `dept-${randomUUID().slice(0, 8)}`;
  const tell = async (department: string, ...positions: number[]) => {
    for (const position of positions) {
      await db
        .insertInto('department_feed')
        .values({ department, position, type: 'DocumentVerified', customer_id: 'C-1001', document_id: randomUUID(), request_id: null, at: new Date().toISOString(), detail: '{}' })
        .execute();
    }
  };
  const deliverer = (department: string, lease: ProjectorLease, overrides: Partial<WebhookSettings> = {}, errors: unknown[] = []) => {
    const webhook = new DepartmentWebhook({
      department,
      endpoint: { url: receiver.url, secret: new WebhookSecret(randomBytes(32).toString('hex')) },
      settings: { ...settings, ...overrides },
      db,
      lease,
      now: () => new Date(),
      leaseIntervalMs: 20,
      onError: (error) => errors.push(error),
    });
    running.push(webhook);
    webhook.start();
    return webhook;
  };
  const answer = (behaviour: Behaviour) => {
    receiver.behaviour = behaviour;
  };

  it('delivers only while it holds the lease; a standby takes over from the cursor, and nothing is accepted twice', async () => {
    const department = aDepartment();
    const board = new LeaseBoard();
    const firstLease = board.lease();
    const first = deliverer(department, firstLease);
    await eventually(async () => expect(first.active).toBe(true));
    const second = deliverer(department, board.lease());
    await tell(department, 10, 11, 12);
    await eventually(async () => expect(receiver.accepted().map(positionOf)).toEqual([10, 11, 12]));
    expect(second.active).toBe(false);

    answer((_delivery, index) => (index === 3 ? 'hang' : 200));
    await tell(department, 13);
    await eventually(async () => expect(receiver.received.map(positionOf)).toContain(13));
    firstLease.refused = true;
    firstLease.lose();
    await eventually(async () => expect(receiver.received[3].abandonedAt).not.toBeNull());
    expect(receiver.received[3].abandonedAt! - receiver.received[3].receivedAt).toBeLessThan(settings.timeoutMs);

    await eventually(async () => expect(second.active).toBe(true));
    await tell(department, 14);
    await eventually(async () => expect(receiver.accepted().map(positionOf)).toEqual([10, 11, 12, 13, 14]));
    expect(first.active).toBe(false);
    await eventually(async () => expect(await webhookCursor(db, department)).toBe(14));
  });

  it('stops at once while an endpoint hangs, leaves the entry to be sent again and gives the lease back', async () => {
    const department = aDepartment();
    const lease = new LeaseBoard().lease();
    answer(() => 'hang');
    const webhook = deliverer(department, lease);
    await tell(department, 20);
    await eventually(async () => expect(receiver.received).toHaveLength(1));

    const stopping = Date.now();
    await webhook.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(lease.released).toBe(true);
    expect(webhook.active).toBe(false);
    expect(await webhookCursor(db, department)).toBe(0);

    answer(() => 200);
    deliverer(department, new LeaseBoard().lease());
    await eventually(async () => expect(receiver.accepted().map(positionOf)).toEqual([20]));
    expect(receiver.received.map((delivery) => delivery.headers['x-kluis-delivery'])).toEqual([receiver.received[0].headers['x-kluis-delivery'], receiver.received[0].headers['x-kluis-delivery']]);
  });

  it('stops at once while it waits to retry', async () => {
    const department = aDepartment();
    answer(() => 503);
    const webhook = deliverer(department, new LeaseBoard().lease(), { backoffMs: 60_000, maxBackoffMs: 60_000 });
    await tell(department, 30);
    await eventually(async () => expect(receiver.received).toHaveLength(1));

    const stopping = Date.now();
    await webhook.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(receiver.received).toHaveLength(1);
    expect(await webhookCursor(db, department)).toBe(0);
  });

  it('tells of a cursor another deliverer moved, and carries on from where that one left it', async () => {
    const department = aDepartment();
    const errors: unknown[] = [];
    answer((_delivery, index) => (index === 0 ? 'hang' : 200));
    deliverer(department, new LeaseBoard().lease(), { timeoutMs: 1000 }, errors);
    await tell(department, 40, 41);
    await eventually(async () => expect(receiver.received).toHaveLength(1));
    // Another deliverer got 40 through meanwhile: this one must neither move the cursor back nor stop.
    await db.insertInto('webhook_cursors').values({ department, position: 40 }).execute();

    await eventually(async () => expect(await webhookCursor(db, department)).toBe(41));
    expect(errors).toEqual([expect.objectContaining({ code: 'WEBHOOK.CURSOR_MOVED' })]);
    expect(receiver.accepted().map(positionOf)).toEqual([40, 41]);
  });
});
