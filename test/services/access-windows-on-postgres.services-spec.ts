import { accessWindowCounts, closeAccessWindow, countInAccessWindow, forgetAccessWindows, isKnownCustomer, openAccessWindows, openReadModelDatabase, type ReadModelDatabase } from '@kluis/read-models';
import { scratchDatabase, type ScratchDatabase } from './support/postgres-database';

/** The access record's coalescing windows decide between instances in one statement; PostgreSQL must agree. */
describe('access windows on PostgreSQL', () => {
  let database: ScratchDatabase;
  let db: ReadModelDatabase;

  beforeEach(async () => {
    database = await scratchDatabase();
    db = await openReadModelDatabase({ kind: 'postgres', url: database.url });
  });
  afterEach(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('opens each window once, however many callers race for it', async () => {
    const at = '2026-12-07T10:00:00.000Z';
    const racers = await Promise.all(Array.from({ length: 8 }, () => openAccessWindows(db, ['feed:C-1:2026-12-07:mandates', 'feed:C-2:2026-12-07:mandates'], at)));
    expect(racers.flat().sort()).toEqual(['feed:C-1:2026-12-07:mandates', 'feed:C-2:2026-12-07:mandates']);
    await closeAccessWindow(db, 'feed:C-1:2026-12-07:mandates');
    expect(await openAccessWindows(db, ['feed:C-1:2026-12-07:mandates'], at)).toEqual(['feed:C-1:2026-12-07:mandates']);
    await forgetAccessWindows(db, 'feed', '2026-12-08');
    expect(await accessWindowCounts(db, ['feed:C-1:2026-12-07:mandates'])).toEqual(new Map());
  });

  it('counts every attempt in a window and says which one opened it', async () => {
    const at = '2026-12-07T10:00:00.000Z';
    const counts = await Promise.all(Array.from({ length: 20 }, () => countInAccessWindow(db, 'refused:C-1:2026-12-07T10:prober', at)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await accessWindowCounts(db, ['refused:C-1:2026-12-07T10:prober'])).toEqual(new Map([['refused:C-1:2026-12-07T10:prober', 20]]));
  });

  it('knows a customer only by what the bank holds on them', async () => {
    expect(await isKnownCustomer(db, 'C-nobody')).toBe(false);
    await db
      .insertInto('customer_retention')
      .values({ customer_id: 'C-client', status: 'active', started_on: '2026-01-01', ended_on: null, retained_until: null, holds: 0, erased_at: null, erasure_reason: null, erasure_completed_at: null, updated_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    expect(await isKnownCustomer(db, 'C-client')).toBe(true);
  });
});
