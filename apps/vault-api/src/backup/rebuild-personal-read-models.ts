import { documentsProjection, openReadModelDatabase, rebuildBeside, refillDeadLettersFromFeed } from '@kluis/read-models';
import type { DataLocations } from '../config/vault-config';
import { openSealedEventStore } from '../infrastructure/open-backends';
import { PERSONAL_READ_MODELS } from './personal-read-models';

/**
 * Rebuilds the read models a backup left out, from its events read through the restored keys: a customer erased
 * since the backup reads back with their personal fields absent, and so do the rows made from them. The webhook
 * dead letters then take their entries' detail back from the rebuilt feed.
 */
export async function rebuildPersonalReadModels(config: DataLocations, names: readonly string[]): Promise<void> {
  const projections = PERSONAL_READ_MODELS.filter((projection) => names.includes(projection.name));
  if (projections.length === 0) return;
  const store = await openSealedEventStore(config);
  try {
    const db = await openReadModelDatabase(config.storage.readModel);
    try {
      for (const projection of projections) await rebuildBeside(db, config.storage.readModel, store, projection);
      if (projections.includes(documentsProjection)) await refillDeadLettersFromFeed(db);
    } finally {
      await db.destroy();
    }
  } finally {
    await store.close();
  }
}
