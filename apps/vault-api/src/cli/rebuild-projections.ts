import { documentsProjection, openReadModelDatabase, Projector } from '@kluis/read-models';
import { loadVaultConfig } from '../config/vault-config';
import { openEventStore } from '../infrastructure/open-backends';

/** Empties the read models and replays every event into them. Run it with the vault stopped. */
async function main(): Promise<void> {
  const config = loadVaultConfig(process.env);
  const store = await openEventStore(config.eventStore);
  const db = await openReadModelDatabase(config.readModel);
  try {
    const started = Date.now();
    const position = await new Projector(db, store, documentsProjection).rebuild();
    process.stdout.write(`documents projection rebuilt up to position ${position} in ${Date.now() - started} ms\n`);
  } finally {
    await db.destroy();
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
