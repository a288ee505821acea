import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/open-read-model-database';
import { customersTouchedSince, findBulkBlock, lastBulkTouch, liftBulkBlock, listBulkBlocks, recordBulkBlock, recordBulkTouch } from './bulk-guard.repository';
import { deleteIdempotencyKeysBefore, findIdempotencyKey, releaseIdempotencyKey, reserveIdempotencyKey, storeIdempotentAnswer } from './idempotency-keys.repository';

describe('the operational repositories', () => {
  let dir: string;
  let db: ReadModelDatabase;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-operational-'));
    db = await openReadModelDatabase({ kind: 'sqlite', file: join(dir, 'read-models.db') });
  });
  afterEach(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  describe('idempotency keys', () => {
    const key = (scope_key: string, created_at: string) => ({ scope_key, fingerprint: 'f'.repeat(64), status: 0, body: '', created_at });

    it('reserves a key once among racing requests, keeps its answer, and frees it when released', async () => {
      const racing = await Promise.all([1, 2, 3].map(() => reserveIdempotencyKey(db, key('lena\nk-1', '2026-11-02T09:00:00.000Z'), '2026-11-01T09:00:00.000Z')));
      expect(racing.filter(Boolean)).toHaveLength(1);
      await storeIdempotentAnswer(db, 'lena\nk-1', { status: 201, body: '{"id":"d-1"}' });
      expect(await findIdempotencyKey(db, 'lena\nk-1')).toMatchObject({ status: 201, body: '{"id":"d-1"}' });
      await releaseIdempotencyKey(db, 'lena\nk-1');
      expect(await findIdempotencyKey(db, 'lena\nk-1')).toBeUndefined();
    });

    it('gives an expired key to a new request, and sweeps expired keys in batches', async () => {
      await reserveIdempotencyKey(db, key('lena\nold', '2026-11-01T08:00:00.000Z'), '2026-10-31T00:00:00.000Z');
      await reserveIdempotencyKey(db, key('lena\nolder', '2026-11-01T07:00:00.000Z'), '2026-10-31T00:00:00.000Z');
      await reserveIdempotencyKey(db, key('lena\nfresh', '2026-11-02T08:00:00.000Z'), '2026-10-31T00:00:00.000Z');
      expect(await reserveIdempotencyKey(db, key('lena\nold', '2026-11-02T09:00:00.000Z'), '2026-11-02T00:00:00.000Z')).toBe(true);
      expect(await findIdempotencyKey(db, 'lena\nold')).toMatchObject({ created_at: '2026-11-02T09:00:00.000Z' });
      await reserveIdempotencyKey(db, key('lena\nstale', '2026-11-01T06:00:00.000Z'), '2026-10-31T00:00:00.000Z');
      expect(await deleteIdempotencyKeysBefore(db, '2026-11-02T00:00:00.000Z', 1)).toBe(1);
      expect(await deleteIdempotencyKeysBefore(db, '2026-11-02T00:00:00.000Z', 1)).toBe(1);
      expect(await deleteIdempotencyKeysBefore(db, '2026-11-02T00:00:00.000Z', 1)).toBe(0);
      expect(await db.selectFrom('idempotency_keys').select('scope_key').orderBy('scope_key').execute()).toEqual([{ scope_key: 'lena\nfresh' }, { scope_key: 'lena\nold' }]);
    });
  });

  describe('bulk-guard windows', () => {
    it('counts each customer a scope touched once, at the last touch', async () => {
      await recordBulkTouch(db, 'principal:lena', 'C-1', '2026-11-02T09:00:00.000Z');
      await recordBulkTouch(db, 'principal:lena', 'C-2', '2026-11-02T09:10:00.000Z');
      await recordBulkTouch(db, 'principal:lena', 'C-1', '2026-11-02T09:20:00.000Z');
      await recordBulkTouch(db, 'principal:bram', 'C-3', '2026-11-02T09:20:00.000Z');
      expect(await lastBulkTouch(db, 'principal:lena', 'C-1')).toBe('2026-11-02T09:20:00.000Z');
      expect(await lastBulkTouch(db, 'principal:lena', 'C-3')).toBeNull();
      expect(await customersTouchedSince(db, 'principal:lena', '2026-11-02T08:00:00.000Z')).toBe(2);
      expect(await customersTouchedSince(db, 'principal:lena', '2026-11-02T09:15:00.000Z')).toBe(1);
    });

    it('keeps the first block of a scope until it is lifted, and lifting starts the window afresh', async () => {
      const block = { scope: 'department:lending', blocked_at: '2026-11-02T09:00:00.000Z', distinct_customers: 201, limit_per_hour: 200, period: 'hour' };
      await recordBulkBlock(db, block);
      await recordBulkBlock(db, { ...block, blocked_at: '2026-11-02T10:00:00.000Z', distinct_customers: 2001, limit_per_hour: 2000, period: 'day' });
      await recordBulkTouch(db, 'department:lending', 'C-1', '2026-11-02T09:00:00.000Z');
      expect(await listBulkBlocks(db)).toEqual([block]);
      expect(await findBulkBlock(db, ['principal:lena', 'department:lending'])).toEqual({ period: 'hour', limit_per_hour: 200 });
      expect(await liftBulkBlock(db, 'department:lending')).toBe(true);
      expect(await liftBulkBlock(db, 'department:lending')).toBe(false);
      expect(await findBulkBlock(db, ['department:lending'])).toBeUndefined();
      expect(await customersTouchedSince(db, 'department:lending', '2026-11-01T00:00:00.000Z')).toBe(0);
    });
  });
});
