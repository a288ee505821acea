import { randomUUID } from 'node:crypto';
import { scratchDatabase } from './postgres-database';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run test:services\`, which starts PostgreSQL and Ceph RGW and sets it`);
  return value;
}

/**
 * Fresh production backends for one vault: its own PostgreSQL database for events and read models, its own bucket
 * on the real S3 server. Databases are named at random and left for the throwaway server to take with it.
 */
export async function postgresAndS3(): Promise<NodeJS.ProcessEnv> {
  const endpoint = new URL(required('TEST_S3_ENDPOINT'));
  const database = await scratchDatabase();
  const bucket = `kluis-${randomUUID().slice(0, 8)}`;
  return {
    VAULT_EVENT_STORE: database.url,
    VAULT_READ_MODEL: database.url,
    VAULT_BLOB_STORE: `s3://${endpoint.host}/?bucket=${bucket}&useSSL=false&region=us-east-1`,
    VAULT_S3_ACCESS_KEY: required('TEST_S3_ACCESS_KEY'),
    VAULT_S3_SECRET_KEY: required('TEST_S3_SECRET_KEY'),
  };
}
