import type { ReadModelDatabase } from '../database/open-read-model-database';
import type { FeedEntry } from '../documents/reuse.queries';
import { withoutFreeText } from './erase-free-text';

/**
 * Besides the projections, the read model keeps answers it gave: an upload's stored idempotent answer (with the
 * filename) and the feed entries a department's webhook would not take (with a revocation's reason). For an erased
 * customer the stored answers go, so a retry runs again instead of replaying them, and the dead letters keep only
 * what happened, not what staff wrote. A pattern match finds the candidates; each dead letter is checked exactly.
 */
export async function forgetKeptAnswersAbout(db: ReadModelDatabase, customerId: string): Promise<void> {
  const mentioning = `%${JSON.stringify(customerId)}%`;
  await db.deleteFrom('idempotency_keys').where('body', 'like', mentioning).execute();
  const letters = await db.selectFrom('webhook_dead_letters').select(['id', 'entry']).where('entry', 'like', mentioning).execute();
  for (const letter of letters) {
    const entry = JSON.parse(letter.entry) as FeedEntry;
    if (entry.customerId !== customerId) continue;
    await db
      .updateTable('webhook_dead_letters')
      .set({ entry: JSON.stringify({ ...entry, detail: withoutFreeText(entry.detail) }) })
      .where('id', '=', letter.id)
      .execute();
  }
}
