import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { FeedEntry } from '../documents/reuse.queries';
import { withoutFreeText } from './erase-free-text';

/**
 * Besides the projections, the read model keeps answers it gave: an upload's stored idempotent answer (with the
 * filename) and the feed entries a department's webhook would not take (with a revocation's reason). For an erased
 * customer the stored answers go, so a retry runs again instead of replaying them, and the dead letters keep only
 * what happened, not what staff wrote.
 */
export async function forgetKeptAnswersAbout(db: ReadModelDatabase, customerId: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('body', 'like', mentioning(customerId)).execute();
  await cutFreeTextFromDeadLetters(db, customerId);
}

/**
 * Cuts staff's free text from the dead letters of one customer, or of everyone when none is named (a backup keeps
 * no free text in the clear). A pattern match finds the candidates; each one is checked exactly.
 */
export async function cutFreeTextFromDeadLetters(db: Kysely<ReadModelSchema>, customerId?: string): Promise<void> {
  const candidates = db.selectFrom('webhook_dead_letters').select(['id', 'entry']);
  const letters = await (customerId === undefined ? candidates : candidates.where('entry', 'like', mentioning(customerId))).execute();
  for (const letter of letters) {
    const entry = JSON.parse(letter.entry) as FeedEntry;
    if (customerId !== undefined && entry.customerId !== customerId) continue;
    await db
      .updateTable('webhook_dead_letters')
      .set({ entry: JSON.stringify({ ...entry, detail: withoutFreeText(entry.detail) }) })
      .where('id', '=', letter.id)
      .execute();
  }
}

const mentioning = (customerId: string) => `%${JSON.stringify(customerId)}%`;

/**
 * Once the feed is rebuilt from the events, gives each dead letter back the detail its entry was sent with: the
 * free text a backup cut comes back for a customer who is still there, and stays absent for one erased since.
 */
export async function refillDeadLettersFromFeed(db: Kysely<ReadModelSchema>): Promise<void> {
  const letters = await db.selectFrom('webhook_dead_letters').select(['id', 'department', 'position', 'entry']).execute();
  for (const letter of letters) {
    const told = await db.selectFrom('department_feed').select('detail').where('department', '=', letter.department).where('position', '=', letter.position).executeTakeFirst();
    if (!told) continue;
    const entry = JSON.parse(letter.entry) as FeedEntry;
    await db
      .updateTable('webhook_dead_letters')
      .set({ entry: JSON.stringify({ ...entry, detail: JSON.parse(told.detail) }) })
      .where('id', '=', letter.id)
      .execute();
  }
}
