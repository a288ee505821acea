import { mintDevToken, type Role, type Scope } from '@kluis/auth';
import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadVaultConfig } from '../../apps/vault-api/src/config/vault-config';
import { createVaultApp } from '../../apps/vault-api/src/create-vault-app';
import { MovableClock } from './movable-clock';

export interface VaultUnderTest {
  readonly app: INestApplication;
  readonly dataDir: string;
  readonly clock: MovableClock;
  readonly http: () => ReturnType<typeof request>;
  token(sub: string, roles: Role[], options?: { department?: string; scopes?: Scope[] }): Promise<string>;
  customer(): Promise<{ id: string; token: string }>;
  reviewer(name?: string): Promise<{ id: string; token: string }>;
  department(name: string, scopes: Scope[]): Promise<{ id: string; token: string }>;
  /** Every blob key in the blob store, to prove what was or was not stored. */
  storedBlobs(): Promise<string[]>;
  stop(): Promise<void>;
  /** Stops the app and starts a new one on the same data directory. */
  restart(): Promise<VaultUnderTest>;
}

/** Gives each vault its own backends: none for the embedded default, a fresh database and bucket on real servers. */
export type BackendsFactory = () => Promise<NodeJS.ProcessEnv>;

let backendsFactory: BackendsFactory = async () => ({});

/** Runs every vault started from here on against other backends, so the same stories prove them too. */
export function useBackends(factory: BackendsFactory): void {
  backendsFactory = factory;
}

/** Starts the real vault, in a temp data directory of its own, on the embedded default unless `useBackends` said otherwise. */
export async function startVault(
  env: NodeJS.ProcessEnv = {},
  options: { dataDir?: string; clock?: MovableClock; backends?: NodeJS.ProcessEnv } = {},
): Promise<VaultUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kluis-e2e-')));
  const clock = options.clock ?? new MovableClock(new Date());
  const backends = options.backends ?? (await backendsFactory());
  // A generous read-your-writes bound: tests run on busy two-core machines, and a stale read would fail them falsely.
  const config = loadVaultConfig({ VAULT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', VAULT_READ_YOUR_WRITES_TIMEOUT_MS: '15000', ...backends, ...env });
  const app = await createVaultApp(config, { clock });
  const vault: VaultUnderTest = {
    app,
    dataDir,
    clock,
    http: () => request(app.getHttpServer()),
    token: (sub, roles, extra = {}) => mintDevToken(dataDir, { sub, roles, department: extra.department, scopes: extra.scopes ?? [] }),
    customer: async () => {
      const id = `C-${randomUUID()}`;
      return { id, token: await vault.token(id, ['customer']) };
    },
    reviewer: async (name = `reviewer-${randomUUID()}`) => ({ id: name, token: await vault.token(name, ['reviewer']) }),
    department: async (name, scopes) => {
      const id = `${name}-${randomUUID()}`;
      return { id, token: await vault.token(id, ['department'], { department: name, scopes }) };
    },
    storedBlobs: async () => {
      const keys: string[] = [];
      for await (const blob of app.get<BlobStore>(BLOB_STORE).list()) keys.push(blob.key);
      return keys.sort();
    },
    stop: async () => {
      await app.close();
    },
    restart: async () => {
      await app.close();
      return startVault(env, { dataDir, clock, backends });
    },
  };
  return vault;
}

export async function removeDataDir(vault: VaultUnderTest): Promise<void> {
  await rm(vault.dataDir, { recursive: true, force: true });
}
