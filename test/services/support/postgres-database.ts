import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The server `npm run test:services` started. A services spec without it fails: it never skips. */
export function postgresServerUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'TEST_POSTGRES_URL is not set: run `npm run test:services`, or start a server (scripts/services/postgres.sh up DIR PORT) ' +
        'and set it to postgres://postgres@127.0.0.1:PORT/postgres',
    );
  }
  return url;
}

export async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test, so tests never see each other's events or rows. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const server = postgresServerUrl();
  const name = `kluis_services_${randomUUID().replace(/-/g, '')}`;
  await onDatabase(server, (client) => client.query(`create database ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onDatabase(server, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
