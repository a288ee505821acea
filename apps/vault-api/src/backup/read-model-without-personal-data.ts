import { cutFreeTextFromDeadLetters, deleteCheckpoint, forgetIdempotencyKeys, openReadModelDatabase } from '@kluis/read-models';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PERSONAL_READ_MODELS } from './personal-read-models';
import { snapshotSqlite, sqliteFiles } from './sqlite-snapshot';

/**
 * Backs up the read model without anything it holds in the clear about a customer, and answers which read models
 * the restore must rebuild. SQLite's online backup first copies it as of one moment into a scratch file beside the
 * live one, where the same data already lies. There the personal read models are emptied and their checkpoints
 * removed, the stored idempotent answers dropped and the dead letters' free text cut. VACUUM INTO then writes a
 * fresh copy into the backup: rows are rewritten one by one, so no freed page still holding a deleted one goes along.
 */
export async function readModelWithoutPersonalData(source: string, target: string): Promise<string[]> {
  const scratch = join(dirname(source), `.backup-${randomUUID()}.db`);
  try {
    await snapshotSqlite(source, scratch);
    const db = await openReadModelDatabase({ kind: 'sqlite', file: scratch });
    try {
      const names = PERSONAL_READ_MODELS.map((projection) => projection.name);
      await db.transaction().execute(async (trx) => {
        for (const projection of PERSONAL_READ_MODELS) await projection.reset(trx);
        for (const name of names) await deleteCheckpoint(trx, name);
        await forgetIdempotencyKeys(trx);
        await cutFreeTextFromDeadLetters(trx);
      });
      await sql`vacuum into ${target}`.execute(db);
      return names;
    } finally {
      await db.destroy();
    }
  } finally {
    await Promise.all(sqliteFiles(scratch).map((file) => rm(file, { force: true })));
  }
}
