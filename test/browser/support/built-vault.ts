import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, startBuiltVault as startVaultProcess } from '../../support/built-vault';

export interface BuiltVault {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** The built vault with its UI, as `npm start` runs it, on a temp data dir of its own that `stop` removes. */
export async function startBuiltVault(env: NodeJS.ProcessEnv = {}): Promise<BuiltVault> {
  if (!existsSync(join(distDir(), 'web', 'index.html'))) throw new Error('the UI is not built: run `npm run build` (npm run test:browser does)');
  const dataDir = await mkdtemp(join(tmpdir(), 'kluis-browser-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  const vault = await startVaultProcess({ ...env, VAULT_DATA_DIR: dataDir }).catch(async (error: unknown) => {
    await removeDataDir();
    throw error;
  });
  return {
    url: vault.url,
    dataDir,
    stop: async () => {
      await vault.stop();
      await removeDataDir();
    },
  };
}
