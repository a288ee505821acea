import { filesContainingPlaintext } from '@kluis/crypto/testing';
import { openReadModelDatabase, type ReadModelDatabase, refillDeadLettersFromFeed } from '@kluis/read-models';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelWithoutPersonalData } from './read-model-without-personal-data';

const at = '2026-12-07T10:00:00.000Z';
const personal = ['Hendrika Veldkamp', 'veldkamp-paspoort.pdf', 'Mortgage for Lindengracht 4', 'Revoked after the Veldkamp complaint'];

async function aLiveReadModel(db: ReadModelDatabase): Promise<void> {
  await db
    .insertInto('documents')
    .values({
      document_id: 'd-1',
      customer_id: 'C-1',
      type: 'passport',
      status: 'revoked',
      sha256: 'a'.repeat(64),
      size: 10,
      media_type: 'application/pdf',
      filename: personal[1],
      channel: 'upload',
      related_customer_ids: '[]',
      submitted_at: at,
      submitted_by_kind: 'customer',
      review_due_at: at,
      approvals: 1,
      first_approval_by: 'anna',
      facts: JSON.stringify({ holderName: personal[0] }),
      valid_until: null,
      rejection: null,
      claimed_by: null,
      claim_expires_at: null,
      revocation: JSON.stringify({ reason: personal[3], at }),
      evidence_kind: 'identity',
      chip_failed: 0,
      revision: 3,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('access_log')
    .values({ customer_id: 'C-1', position: 4, type: 'EvidenceQueried', by_sub: 'desk-1', role: 'department', department: 'mortgages', purpose: personal[2], document_id: null, at, detail: '{}' })
    .execute();
  await db
    .insertInto('projection_checkpoints')
    .values([
      { name: 'documents', position: 9 },
      { name: 'access-log', position: 9 },
      { name: 'request-fulfilment', position: 9 },
    ])
    .execute();
  await db.insertInto('idempotency_keys').values({ scope_key: 'C-1\nk-1', fingerprint: 'f', status: 201, body: JSON.stringify({ filename: personal[1] }), created_at: at }).execute();
  const entry = { position: 7, type: 'DocumentRevoked', customerId: 'C-1', documentId: 'd-1', requestId: null, at, detail: { reason: personal[3], documentType: 'passport' } };
  await db
    .insertInto('webhook_dead_letters')
    .values({ id: 'l-1', department: 'mortgages', position: 7, entry: JSON.stringify(entry), attempts: 10, last_status: 500, last_error: null, failed_at: at })
    .execute();
  await db.insertInto('webhook_cursors').values({ department: 'mortgages', position: 7 }).execute();
  await db.insertInto('bulk_blocks').values({ scope: 'principal:desk-1', period: 'hour', blocked_at: at, distinct_customers: 51, limit_per_hour: 50 }).execute();
}

describe('the read model as a backup holds it', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-read-model-backup-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves out what it holds in the clear about customers, and keeps the vault state that cannot be rebuilt', async () => {
    const live = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'live', 'read-models.db') });
    try {
      await aLiveReadModel(live);
      await mkdir(join(dir, 'backup'));
      const rebuild = await readModelWithoutPersonalData(join(dir, 'live', 'read-models.db'), join(dir, 'backup', 'read-models.db'));
      expect(rebuild).toEqual(['documents', 'access-log']);
    } finally {
      await live.destroy();
    }

    expect(await readdir(join(dir, 'live'))).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.backup-/)]));
    for (const text of personal) {
      // Found in the live files, so the search looks where the data is; never in the backup's.
      expect(await filesContainingPlaintext(join(dir, 'live'), Buffer.from(text))).not.toEqual([]);
      expect(await filesContainingPlaintext(join(dir, 'backup'), Buffer.from(text))).toEqual([]);
    }
    const backedUp = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'backup', 'read-models.db') });
    try {
      expect(await backedUp.selectFrom('documents').selectAll().execute()).toEqual([]);
      expect(await backedUp.selectFrom('access_log').selectAll().execute()).toEqual([]);
      expect(await backedUp.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
      expect(await backedUp.selectFrom('projection_checkpoints').selectAll().execute()).toEqual([{ name: 'request-fulfilment', position: 9 }]);
      expect(await backedUp.selectFrom('bulk_blocks').select('scope').execute()).toEqual([{ scope: 'principal:desk-1' }]);
      expect(await backedUp.selectFrom('webhook_cursors').selectAll().execute()).toEqual([{ department: 'mortgages', position: 7 }]);
      const [letter] = await backedUp.selectFrom('webhook_dead_letters').select('entry').execute();
      expect(JSON.parse(letter.entry)).toMatchObject({ type: 'DocumentRevoked', customerId: 'C-1', detail: { documentType: 'passport' } });
      expect(JSON.parse(letter.entry).detail).not.toHaveProperty('reason');

      // The restore rebuilds the feed from the events, and the dead letter takes its detail back from it.
      const told = { reason: personal[3], documentType: 'passport' };
      await backedUp
        .insertInto('department_feed')
        .values({ department: 'mortgages', position: 7, type: 'DocumentRevoked', customer_id: 'C-1', document_id: 'd-1', request_id: null, at, detail: JSON.stringify(told) })
        .execute();
      await refillDeadLettersFromFeed(backedUp);
      const [refilled] = await backedUp.selectFrom('webhook_dead_letters').select('entry').execute();
      expect(JSON.parse(refilled.entry)).toMatchObject({ type: 'DocumentRevoked', detail: told });
    } finally {
      await backedUp.destroy();
    }
  });
});
