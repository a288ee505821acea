import { mintDevToken, type Role, type Scope } from '@kluis/auth';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
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
  /** Every file under the blob folder, to prove what was or was not stored. */
  storedBlobs(): Promise<string[]>;
  stop(): Promise<void>;
  /** Stops the app and starts a new one on the same data directory. */
  restart(): Promise<VaultUnderTest>;
}

/** Starts the real vault on the embedded default, in a temp data directory of its own. */
export async function startVault(env: NodeJS.ProcessEnv = {}, options: { dataDir?: string; clock?: MovableClock } = {}): Promise<VaultUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kluis-e2e-')));
  const clock = options.clock ?? new MovableClock(new Date());
  const config = loadVaultConfig({ VAULT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
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
      const root = join(dataDir, 'blobs');
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    },
    stop: async () => {
      await app.close();
    },
    restart: async () => {
      await app.close();
      return startVault(env, { dataDir, clock });
    },
  };
  return vault;
}

export async function removeDataDir(vault: VaultUnderTest): Promise<void> {
  await rm(vault.dataDir, { recursive: true, force: true });
}
