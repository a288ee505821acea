import type { ReadModelDatabase } from '../database/open-read-model-database';

/**
 * Opens each window not yet open and answers the ones this call opened: the caller records those, and every other
 * caller, on any instance, knows the window is taken care of.
 */
export async function openAccessWindows(db: ReadModelDatabase, keys: readonly string[], at: string): Promise<string[]> {
  if (keys.length === 0) return [];
  const opened = await db
    .insertInto('access_windows')
    .values(keys.map((key) => ({ window_key: key, opened_at: at, count: 1 })))
    .onConflict((conflict) => conflict.column('window_key').doNothing())
    .returning('window_key')
    .execute();
  return opened.map((row) => row.window_key);
}

/** Forgets a window whose record could not be written, so the next attempt records it. */
export async function closeAccessWindow(db: ReadModelDatabase, key: string): Promise<void> {
  await db.deleteFrom('access_windows').where('window_key', '=', key).execute();
}

/** Counts one more occurrence in the window, opening it when needed; answers the count so far (1: just opened). */
export async function countInAccessWindow(db: ReadModelDatabase, key: string, at: string): Promise<number> {
  const row = await db
    .insertInto('access_windows')
    .values({ window_key: key, opened_at: at, count: 1 })
    .onConflict((conflict) => conflict.column('window_key').doUpdateSet((eb) => ({ count: eb('access_windows.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many occurrences each window counted. */
export async function accessWindowCounts(db: ReadModelDatabase, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('access_windows').select(['window_key', 'count']).where('window_key', 'in', [...keys]).execute();
  return new Map(rows.map((row) => [row.window_key, Number(row.count)]));
}

/** Forgets the windows of one kind opened before a moment, once nothing can fall in them any more. */
export async function forgetAccessWindows(db: ReadModelDatabase, kind: string, before: string): Promise<void> {
  await db.deleteFrom('access_windows').where('window_key', 'like', `${kind}:%`).where('opened_at', '<', before).execute();
}
