import { accessLogProjection, documentsProjection, openReadModelDatabase, type Projection, rebuildBeside } from '@kluis/read-models';
import { vaultConfigFromEnvironment } from '../config/from-environment';
import { openSealedEventStore } from '../infrastructure/open-backends';
import { CliUsageError, parseCliArguments } from './cli-arguments';
import { runCli } from './run-cli';

const PROJECTIONS: readonly Projection[] = [documentsProjection, accessLogProjection];

const USAGE = `usage: npm run projections:rebuild -- [${PROJECTIONS.map((projection) => projection.name).join('|')} ...]   (all when none is named)`;

/**
 * Replays every event into fresh copies of each read model's tables, beside the live ones, then swaps them in.
 * The vault may keep running: readers see the old rows until the swap and the new ones after it.
 */
async function rebuild(names: readonly string[]): Promise<number> {
  const config = vaultConfigFromEnvironment();
  const store = await openSealedEventStore(config);
  try {
    const db = await openReadModelDatabase(config.storage.readModel);
    try {
      for (const projection of PROJECTIONS.filter(({ name }) => names.length === 0 || names.includes(name))) {
        const outcome = await rebuildBeside(db, config.storage.readModel, store, projection);
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

function projectionNames(argv: readonly string[]): readonly string[] {
  const { operands } = parseCliArguments(argv, { operands: { min: 0, max: Infinity } });
  const unknown = operands.find((name) => !PROJECTIONS.some((projection) => projection.name === name));
  if (unknown !== undefined) throw new CliUsageError(`unknown projection ${unknown}`);
  return operands;
}

runCli({ usage: USAGE, parse: projectionNames, failure: 'rebuild failed', run: rebuild });
