import type { Kysely, Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

/**
 * What the operational repositories run on: the read-model database, or a transaction in it (a process manager's
 * memory moves with its checkpoint). The operational tables live beside the read models, so one migration history
 * and one backup cover both; the vault reaches them only through these repositories.
 */
export type OperationalDatabase = Kysely<ReadModelSchema> | Transaction<ReadModelSchema>;
