import type { ReadModelLocation } from '../database/open-read-model-database';
import { PostgresProjectorLease, type PostgresProjectorLeaseOptions } from './postgres-projector-lease';
import { type ProjectorLease, soleProjectorLease } from './projector-lease';

/** The lease that fits where the read model lives: shared PostgreSQL needs one; a SQLite file has one process. */
export function projectorLeaseFor(location: ReadModelLocation, projectionName: string, options: PostgresProjectorLeaseOptions = {}): ProjectorLease {
  return location.kind === 'postgres' ? new PostgresProjectorLease(location.url, projectionName, options) : soleProjectorLease();
}
