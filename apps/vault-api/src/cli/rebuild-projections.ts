import { accessLogProjection, documentsProjection, openReadModelDatabase, type Projection, rebuildBeside } from '@kluis/read-models';
import { loadVaultConfig } from '../config/vault-config';
import { openSealedEventStore } from '../infrastructure/open-backends';

const PROJECTIONS: readonly Projection[] = [documentsProjection, accessLogProjection];

const USAGE = `usage: npm run projections:rebuild -- [${PROJECTIONS.map((projection) => projection.name).join('|')} ...]   (all when none is named)`;

/**
 * Replays every event into fresh copies of each read model's tables, beside the live ones, then swaps them in.
 * The vault may keep running: readers see the old rows until the swap and the new ones after it.
 */
async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.find((name) => !PROJECTIONS.some((projection) => projection.name === name));
  if (unknown !== undefined) {
    process.stderr.write(`unknown projection ${unknown}\n${USAGE}\n`);
    return 2;
  }
  const config = loadVaultConfig(process.env);
  const store = await openSealedEventStore(config);
  try {
    const db = await openReadModelDatabase(config.readModel);
    try {
      for (const projection of PROJECTIONS.filter(({ name }) => names.length === 0 || names.includes(name))) {
        const outcome = await rebuildBeside(db, config.readModel, store, projection);
        const seconds = Math.max((outcome.buildMs + outcome.swapMs) / 1000, 0.001);
        process.stdout.write(`${JSON.stringify({ projection: projection.name, ...outcome, eventsPerSecond: Math.round(outcome.events / seconds) })}\n`);
      }
    } finally {
      await db.destroy();
    }
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
