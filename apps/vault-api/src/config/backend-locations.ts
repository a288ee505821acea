import type { ReadModelLocation } from '@kluis/read-models';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './config-error';

export type EventStoreLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'esdb'; readonly url: string };

export type BlobStoreLocation = { readonly kind: 'file'; readonly dir: string } | { readonly kind: 's3'; readonly url: string };

/** A file or folder a variable names, absolute; `sqlite:///srv/x` and `sqlite:/srv/x` name the same file. */
export const localPath = (value: string, variable: string): string => {
  const path = value.replace(/^\/\/(?=\/)/, '');
  if (!path) throw new ConfigError(`${variable} names no path`);
  return isAbsolute(path) ? path : resolve(path);
};

const isPostgres = (value: string) => /^postgres(ql)?:\/\//.test(value);

export function eventStoreLocation(value: string | undefined, dataDir: string): EventStoreLocation {
  if (!value) return { kind: 'sqlite', file: join(dataDir, 'events.db') };
  if (value.startsWith('sqlite:')) return { kind: 'sqlite', file: localPath(value.slice('sqlite:'.length), 'VAULT_EVENT_STORE') };
  if (isPostgres(value)) return { kind: 'postgres', url: value };
  if (/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(value)) return { kind: 'esdb', url: value };
  throw new ConfigError('VAULT_EVENT_STORE must start with sqlite:, postgres:// or esdb://');
}

export function blobStoreLocation(value: string | undefined, dataDir: string): BlobStoreLocation {
  if (!value) return { kind: 'file', dir: join(dataDir, 'blobs') };
  if (value.startsWith('file:')) return { kind: 'file', dir: localPath(value.slice('file:'.length), 'VAULT_BLOB_STORE') };
  if (value.startsWith('s3://')) return { kind: 's3', url: value };
  throw new ConfigError('VAULT_BLOB_STORE must start with file: or s3://');
}

export function readModelLocation(value: string | undefined, dataDir: string): ReadModelLocation {
  if (!value) return { kind: 'sqlite', file: join(dataDir, 'read-models.db') };
  if (value.startsWith('sqlite:')) return { kind: 'sqlite', file: localPath(value.slice('sqlite:'.length), 'VAULT_READ_MODEL') };
  if (isPostgres(value)) return { kind: 'postgres', url: value };
  throw new ConfigError('VAULT_READ_MODEL must start with sqlite: or postgres://');
}
