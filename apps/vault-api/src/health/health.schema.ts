import type { ApiResponseSchemaHost } from '@nestjs/swagger';

type SchemaObject = ApiResponseSchemaHost['schema'];

const component: SchemaObject = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['up', 'down', 'disabled'] }, backend: { type: 'string' } },
};

/** What /health answers: each backend's state, the read model's lag, lost blobs, the object lock and notice mail. */
export const HEALTH_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'degraded', 'down'] },
    checks: {
      type: 'object',
      properties: { eventStore: component, blobStore: component, readModel: component, keyStore: component, malwareScanner: component },
    },
    projections: { type: 'object', additionalProperties: { type: 'object', properties: { lag: { type: 'integer', nullable: true } } } },
    reconciliation: { type: 'object', description: 'Blobs the last reconciliation found missing or orphaned' },
    objectLock: { type: 'object', description: 'Whether the object store still refuses to delete a locked version' },
    notices: { type: 'object', properties: { mail: { type: 'string' }, undelivered: { type: 'integer', nullable: true } } },
  },
};

export const LIVENESS_SCHEMA: SchemaObject = { type: 'object', properties: { status: { type: 'string', enum: ['up'] } } };
